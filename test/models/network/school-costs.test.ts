import { describe, expect, it } from 'vitest';
import { demoNetworkProject } from '../../../models/demo/network';
import { forecastProject } from '../../../models/forecast/forecast';
import type { Project } from '../../../models/project/project';
import { validateProject } from '../../../models/project/validate';

// A new school's startup and fixed costs (models/network/school-plans.ts schoolCosts) follow its
// delay. The demo's Westside Elementary (N6) opens in 2028 with startup_cost $600,000 and
// fixed_cost $150,000 (base-year prices), grown by the purchased-services index, CPI 2.5% a year:
//   startup in 2027 (the year before opening): 600,000 × 1.025   = $615,000.00
//   startup in 2028 (delayed a year):          600,000 × 1.025²  = $630,375.00
//   fixed in 2028: 150,000 × 1.025² = $157,593.75; in 2029: × 1.025³ = $161,533.59375 → $161,533.59

function run(change: (p: Project) => Project) {
  const project = change(demoNetworkProject());
  expect(validateProject(project).filter((x) => x.severity === 'error')).toEqual([]);
  const r = forecastProject(project, { scenarios: 'all' });
  if (!r.ok) throw new Error(r.reason);
  return (name: string) => r.value.scenarios.find((s) => s.name === name)!.years;
}

describe('a new school\'s startup and fixed costs', () => {
  it('a delay moves the startup cost a year later, and that year\'s days cash improves', () => {
    const years = run((p) => ({ ...p, scenarios: [...p.scenarios, { scenario: 'Westside a year late', driver: 'school_delay_N6', value: 1 }] }));
    const base = years('Base');
    const late = years('Westside a year late');
    const n6 = (ys: typeof base, i: number) => ys[i]!.network!.schools!.find((x) => x.site_id === 'N6')!;
    expect(base.map((y) => y.network!.school_startup_cents)).toEqual([0, 61_500_000, 0, 0, 0, 0]);
    expect(late.map((y) => y.network!.school_startup_cents)).toEqual([0, 0, 63_037_500, 0, 0, 0]);
    expect(base.map((y) => y.network!.school_fixed_cents).slice(2, 4)).toEqual([15_759_375, 16_153_359]);
    expect(late.map((y) => y.network!.school_fixed_cents).slice(2, 4)).toEqual([0, 16_153_359]);
    // The costs are Westside's own: its 2027 spending is the startup cost alone.
    expect([n6(base, 1).expenses_cents, n6(late, 1).expenses_cents, n6(late, 2).expenses_cents]).toEqual([61_500_000, 0, 63_037_500]);
    // 2027: nothing else differs (Westside has no students either way), so the delayed network
    // spends $615,000 less and ends the year with $615,000 more cash. Days cash = cash ÷
    // ((operating expenses − depreciation) ÷ 365): more cash over less spending.
    const [b, l] = [base[1]!, late[1]!];
    expect(l.expenditure_cents).toBe(b.expenditure_cents - 61_500_000);
    expect(l.network!.cash_cents).toBe(b.network!.cash_cents + 61_500_000);
    const dep = 64_000_000;
    const days = (y: typeof b) => y.network!.cash_cents / ((y.expenditure_cents - y.network!.principal_cents + dep - dep) / 365);
    expect(b.measures!.days_cash_on_hand.value).toBeCloseTo(days(b), 9);
    expect(l.measures!.days_cash_on_hand.value).toBeCloseTo(days(l), 9);
    expect(l.measures!.days_cash_on_hand.value).toBeGreaterThan(b.measures!.days_cash_on_hand.value + 2);
  });

  it('a delay decided in the opening year moves the fixed cost, but the startup cost was already spent', () => {
    const years = run((p) => ({ ...p, scenarios: [...p.scenarios, { scenario: 'Westside held in 2028', driver: 'school_delay_N6', value: 1, year: 2028 }] }));
    const held = years('Westside held in 2028');
    expect(held.map((y) => y.network!.school_startup_cents)).toEqual([0, 61_500_000, 0, 0, 0, 0]);
    expect(held.map((y) => y.network!.school_fixed_cents).slice(2, 4)).toEqual([0, 16_153_359]);
  });

  it('a scenario-only school costs nothing elsewhere; costs before the forecast belong in the Budget lines', () => {
    const years = run((p) => ({
      ...p,
      sites: [...p.sites, { site_id: 'N7', name: 'Harbor Prep Northgate Elementary', level: 'ES' }],
      charterSchools: [...p.charterSchools, { site_id: 'N7', first_grade: 'K', last_grade: '4', open_year: 2030, grades_at_opening: 2, seats_per_grade: 90, fill_rate: 0.9, attrition_rate: 0.05, scenario: 'Open Northgate', startup_cost: 50_000_000, fixed_cost: 10_000_000 }],
    } as Project));
    const n7 = (name: string) => years(name).map((y) => y.network!.schools!.find((x) => x.site_id === 'N7')!.expenses_cents);
    expect(n7('Base')).toEqual([0, 0, 0, 0, 0, 0]);
    // 2029: 500,000 × 1.025³ = 538,445.3125 → $538,445.31; 2030: 100,000 × 1.025⁴ = 110,381.2890625 → $110,381.29 fixed (and its students' cost).
    // (Westside's own $615,000 startup is 2027's in both.)
    expect(years('Open Northgate').map((y) => y.network!.school_startup_cents)).toEqual([0, 61_500_000, 0, 53_844_531, 0, 0]);
    expect(years('Open Northgate')[4]!.network!.school_fixed_cents - years('Base')[4]!.network!.school_fixed_cents).toBe(11_038_129);
    expect(n7('Open Northgate')[3]).toBe(53_844_531);
    const demo = demoNetworkProject();
    const early = { ...demo, charterSchools: demo.charterSchools.map((c) => (c.site_id === 'N5' ? { ...c, fixed_cost: 100 } : c.site_id === 'N6' ? { ...c, open_year: 2027 } : c)) };
    expect(validateProject(early).filter((x) => x.severity === 'error').map((x) => x.message)).toEqual([
      expect.stringContaining('has its fixed costs in its Budget lines'), expect.stringContaining('startup_cost falls in the year before opening (2026)'),
    ]);
  });
});
