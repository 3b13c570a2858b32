import { describe, expect, it } from 'vitest';
import { demoNetworkProject } from '../../../models/demo/network';
import { forecastProject } from '../../../models/forecast/forecast';
import { validateProject } from '../../../models/project/validate';

// The demo network's story and the forecast's network arithmetic, checked on its figures.
const project = demoNetworkProject();
const report = (() => { const r = forecastProject(project, { scenarios: 'all' }); if (!r.ok) throw new Error(r.reason); return r.value; })();
const scenario = (name: string) => report.scenarios.find((s) => s.name === name)!;

describe('the demo charter network', () => {
  it('is valid and the same for the same seed', () => {
    expect(validateProject(project).filter((p) => p.severity !== 'note')).toEqual([]);
    expect(JSON.stringify(demoNetworkProject())).toBe(JSON.stringify(project));
    expect(project.charterSchools).toHaveLength(6);
  });

  it('grows its schools through their grades; Westside opens in 2028', () => {
    const base = scenario('Base');
    const westside = (year: number) => base.years.find((y) => y.year === year)!.network!.schools!.find((s) => s.site_id === 'N6')!.students;
    expect([2026, 2027, 2028].map(westside)).toEqual([0, 0, 176]); // K and 1 at 100 seats × 0.88 fill
    expect(base.years.map((y) => y.enrollment)).toEqual([...base.years.map((y) => y.enrollment)].sort((a, b) => a - b));
  });

  it('charges each school a fee that adds up to the network office\'s fee revenue to the cent', () => {
    for (const s of report.scenarios) for (const y of s.years) {
      const n = y.network!;
      expect(n.schools!.reduce((a, x) => a + x.fee_cents, 0)).toBe(n.fee_revenue_cents);
      expect(n.schools!.map((x) => x.site_id)).not.toContain('NO');
    }
  });

  it('splits the network into its schools and the office, whose surpluses and cash add up to the network\'s to the cent', () => {
    for (const s of report.scenarios) for (const y of s.years) {
      const n = y.network!;
      const slots = [...n.schools!, n.office!];
      expect(slots.reduce((a, x) => a + x.net_cents, 0)).toBe(y.surplus_cents);
      expect(slots.reduce((a, x) => a + x.cash_cents, 0)).toBe(n.cash_cents);
      expect(n.office!.site_id).toBe('NO');
      for (const x of slots) expect(Object.keys(x.measures)).toEqual(Object.keys(y.measures!));
    }
    // Westside (N6) spends only its startup cost before it opens in 2028: $600,000 × 1.025 (2027's
    // CPI, the purchased-services index) = $615,000 in 2027, paid for by its own launch grant.
    const westside = scenario('Base').years.map((y) => y.network!.schools!.find((x) => x.site_id === 'N6')!);
    expect(westside.slice(0, 2).map((x) => x.expenses_cents)).toEqual([0, 61_500_000]);
    expect(westside[1]!.philanthropy_cents).toBe(90_000_000);
    // From 2028 its fixed cost: $150,000 × 1.025² = $157,593.75 (2028), × 1.025 each year after.
    expect(scenario('Base').years.map((y) => y.network!.school_fixed_cents)).toEqual([0, 0, 15_759_375, 16_153_359, 16_557_193, 16_971_123]);
    // The loan financed Lighthouse Middle (N2): its debt service is N2's alone.
    const y0 = scenario('Base').years[0]!.network!;
    expect(y0.schools!.map((x) => x.debt_service_cents)).toEqual([0, 68_200_000 + 42_000_000, 0, 0, 0, 0]);
  });

  it('pays the loan down and carries cash with the surplus', () => {
    const [y0, y1] = scenario('Base').years;
    // Interest: $12,400,000 × 5.5% = $682,000 in 2026; ($12,400,000 − $420,000) × 5.5% = $658,900 in 2027.
    expect([y0!.network!.interest_cents, y1!.network!.interest_cents]).toEqual([68_200_000, 65_890_000]);
    expect(y1!.network!.debt_outstanding_cents).toBe(1_240_000_000 - 2 * 42_000_000);
    // Cash: $3,800,000 opening + each year's surplus.
    expect(y0!.network!.cash_cents).toBe(380_000_000 + y0!.surplus_cents);
    expect(y1!.network!.cash_cents).toBe(y0!.network!.cash_cents + y1!.surplus_cents);
    // DSCR = (net income + depreciation + interest) ÷ debt service = 1 + surplus ÷ debt service
    // (net income = surplus + principal − depreciation).
    const ds = y1!.network!.interest_cents + y1!.network!.principal_cents;
    expect(y1!.measures!.dscr.value).toBeCloseTo(1 + y1!.surplus_cents / ds, 12);
  });

  it('breaks the DSCR covenant in the squeeze, and the recovery plan restores it', () => {
    const s = scenario('Enrollment and funding squeeze');
    const dscr = (year: number) => s.years.find((y) => y.year === year)!.measures!.dscr;
    expect(dscr(2028).covenants).toEqual([{ lender: 'Community Facilities Fund', threshold: 1.2, meets: false }]);
    expect(s.plan_switches.map((w) => [w.plan, w.trigger_year, w.year])).toEqual([['Covenant recovery plan', 2028, 2029]]);
    for (const year of [2029, 2030, 2031]) expect(dscr(year).covenants![0]!.meets).toBe(true);
    // The story's figures (docs/network.md): 0.12 in 2028 — below NACSA's 1.10 and the lender's 1.20:
    // Westside's first year carries its $157,594 fixed cost and no longer its $900,000 launch grant
    // (paid in 2027 for its startup cost) — then 1.49, 1.38, 1.25 under the recovery plan.
    expect([2028, 2029, 2030, 2031].map((y) => Math.round(dscr(y).value * 100) / 100)).toEqual([0.12, 1.49, 1.38, 1.25]);
    expect(dscr(2028).meets).toBe(false);
    for (const y of scenario('Base').years) expect(Object.values(y.measures!).every((m) => m.covenants?.every((c) => c.meets) ?? true)).toBe(true);
  });

  it('has a philanthropy-falls-by-half scenario that halves the gifts from 2028', () => {
    const gifts = (name: string, year: number) => scenario(name).years.find((y) => y.year === year)!.network!.philanthropy_cents;
    expect(gifts('Philanthropy falls by half', 2027)).toBe(gifts('Base', 2027));
    // 2029: Founders Fund $1,400,000 alone (City Education Foundation ended 2028) → $700,000.
    expect([gifts('Base', 2029), gifts('Philanthropy falls by half', 2029)]).toEqual([140_000_000, 70_000_000]);
  });
});
