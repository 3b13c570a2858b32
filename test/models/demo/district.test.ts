import { describe, expect, it } from 'vitest';
import { demoProject } from '../../../models/demo/district';
import { ProjectSchema } from '../../../models/project/project';
import { validateProject } from '../../../models/project/validate';
import { apportion } from '../../../models/money/apportion';
import { scaleCents, type Cents } from '../../../models/money/cents';

const demo = demoProject();
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('demoProject', () => {
  it('is deterministic: the same seed gives a deep-equal project, another seed a different one', () => {
    expect(demoProject(2026)).toEqual(demo);
    const other = demoProject(7);
    expect(other).not.toEqual(demo);
    expect(other.positions.length).toBeGreaterThan(0);
  });

  it('is a valid Project with no validation errors', () => {
    expect(ProjectSchema.safeParse(demo).success).toBe(true);
    const errors = validateProject(demo).filter((p) => p.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('has the promised size: 12±2 schools + central, 8,000±10% students, 850±5% positions, 2,500±5% lines', () => {
    const schools = demo.sites.filter((s) => s.level !== 'Central');
    expect(schools.length).toBeGreaterThanOrEqual(10);
    expect(schools.length).toBeLessThanOrEqual(14);
    expect(demo.sites.filter((s) => s.level === 'Central')).toHaveLength(1);
    expect(schools.map((s) => s.level).sort()).toEqual(['ES', 'ES', 'ES', 'ES', 'ES', 'ES', 'ES', 'HS', 'HS', 'K8', 'MS', 'MS']);
    const students = sum(demo.enrollment.filter((e) => e.year === 2026).map((e) => e.students));
    expect(students).toBeGreaterThanOrEqual(7200);
    expect(students).toBeLessThanOrEqual(8800);
    expect(demo.positions.length).toBeGreaterThanOrEqual(808);
    expect(demo.positions.length).toBeLessThanOrEqual(892);
    expect(demo.budget.length).toBeGreaterThanOrEqual(2375);
    expect(demo.budget.length).toBeLessThanOrEqual(2625);
    expect(demo.needs.length).toBeGreaterThanOrEqual(50);
    expect(new Set(demo.actuals.map((a) => a.as_of))).toEqual(new Set(['2025-12-31', '2026-03-31']));
  });

  it('has five years of enrollment by grade with cohorts that flow (grade g in year y ≈ grade g−1 in y−1)', () => {
    expect([...new Set(demo.enrollment.map((e) => e.year))].sort()).toEqual([2022, 2023, 2024, 2025, 2026]);
    const n = new Map(demo.enrollment.map((e) => [`${e.site_id}|${e.year}|${e.grade}`, e.students]));
    // Heron Bay MS (201): 7th graders in 2026 came from its 6th graders in 2025, within ±10%.
    for (const [site, from, to] of [['201', '6', '7'], ['301', '9', '10'], ['101', '2', '3']] as const) {
      const before = n.get(`${site}|2025|${from}`)!;
      const after = n.get(`${site}|2026|${to}`)!;
      expect(Math.abs(after - before) / before).toBeLessThan(0.1);
    }
  });

  it('has the funds the brief names, with ESSER III expired and Title I carryover', () => {
    const funds = new Map(demo.funds.map((f) => [f.fund_code, f]));
    expect([...funds.keys()].sort()).toEqual(['ESSER3', 'GEN', 'IDEAB', 'STEL', 'T1A', 'T2A', 'T3A']);
    expect(funds.get('GEN')!.restricted).toBe(false);
    expect(funds.get('GEN')!.available).toBeGreaterThan(85_000_000_00);
    expect(funds.get('GEN')!.available).toBeLessThan(105_000_000_00);
    expect(funds.get('T1A')).toMatchObject({ source: 'federal', restricted: true, eligible_uses: ['econ_disadvantaged'], end_date: '2027-09-30', carryover_pct: 0.15 });
    expect(funds.get('IDEAB')!.eligible_uses).toEqual(['students_with_disabilities']);
    expect(funds.get('T3A')!.eligible_uses).toEqual(['english_learners']);
    expect(funds.get('STEL')!.eligible_uses).toEqual(['english_learners']);
    expect(funds.get('ESSER3')).toMatchObject({ end_date: '2024-09-30', available: 0 });
  });

  it('spreads poverty from about 20% to 90% so the Title I ranking is interesting', () => {
    const enrolled = new Map<string, number>();
    for (const e of demo.enrollment) if (e.year === 2026) enrolled.set(e.site_id, (enrolled.get(e.site_id) ?? 0) + e.students);
    const shares = demo.studentNeeds.filter((n) => n.year === 2026).map((n) => n.counts.econ_disadvantaged! / enrolled.get(n.site_id)!);
    expect(Math.min(...shares)).toBeLessThan(0.3);
    expect(Math.max(...shares)).toBeGreaterThan(0.8);
    expect(new Set(shares.map((s) => Math.round(s * 10))).size).toBeGreaterThanOrEqual(6);
  });

  it('has split-funded and vacant positions, and a lanes × steps teacher schedule', () => {
    expect(demo.positions.filter((p) => p.funding.length > 1).length).toBeGreaterThan(50);
    expect(demo.positions.filter((p) => p.status === 'vacant').length).toBeGreaterThan(10);
    const teacherCells = demo.salary.filter((c) => c.schedule === 'teachers');
    expect(new Set(teacherCells.map((c) => c.lane))).toEqual(new Set(['BA', 'BA+15', 'BA+30', 'MA', 'MA+30', 'PhD']));
    expect(teacherCells).toHaveLength(6 * 25);
  });

  // Invariant 1: budget salaries and benefits lines, fund by fund, equal the positions' cost:
  //   salary cost   = (own salary, else the schedule cell for lane × step) × FTE, rounded to the cent
  //   benefits cost = salary cost × benefits_rate + health_plan_cost
  // each split over the funding shares by largest remainder. Recomputed here from the tables alone.
  it('budgets salaries and benefits by fund exactly as the positions cost them', () => {
    const cell = new Map(demo.salary.map((c) => [`${c.lane}|${c.step}`, c.salary]));
    const want = new Map<string, number>();
    const addTo = (k: string, v: number) => want.set(k, (want.get(k) ?? 0) + v);
    for (const p of demo.positions) {
      const salary = scaleCents((p.salary ?? cell.get(`${p.lane}|${p.step}`)!) as Cents, p.fte);
      const benefits = (scaleCents(salary, p.benefits_rate ?? 0) + (p.health_plan_cost ?? 0)) as Cents;
      const shares = p.funding.map((f) => f.share);
      apportion(salary, shares).forEach((c, i) => addTo(`${p.funding[i]!.fund_code}|salaries`, c));
      apportion(benefits, shares).forEach((c, i) => addTo(`${p.funding[i]!.fund_code}|benefits`, c));
    }
    const got = new Map<string, number>();
    for (const b of demo.budget) if (b.object === 'salaries' || b.object === 'benefits') got.set(`${b.fund_code}|${b.object}`, (got.get(`${b.fund_code}|${b.object}`) ?? 0) + b.amount);
    expect(got).toEqual(want);
    // FTE on salary lines = Σ position FTE × share (to 4 decimals per line).
    const fte = sum(demo.budget.filter((b) => b.object === 'salaries').map((b) => b.fte ?? 0));
    expect(fte).toBeCloseTo(sum(demo.positions.map((p) => p.fte)), 1);
  });

  // Invariant 2: every fund budgets exactly what it has available (grants fully, the general fund balanced).
  it("budgets each fund's available amount to the cent", () => {
    for (const f of demo.funds) expect(sum(demo.budget.filter((b) => b.fund_code === f.fund_code).map((b) => b.amount))).toBe(f.available);
    expect(demo.budget.every((b) => b.fiscal_year === 2026 && Number.isInteger(b.amount))).toBe(true);
  });

  // Invariant 3: personnel is 70–80% of the general fund; fund balance ≈ 12% of its spending.
  it('has a plausible personnel share and beginning fund balance', () => {
    const gen = demo.budget.filter((b) => b.fund_code === 'GEN');
    const personnel = sum(gen.filter((b) => b.object === 'salaries' || b.object === 'benefits').map((b) => b.amount));
    const total = sum(gen.map((b) => b.amount));
    expect(personnel / total).toBeGreaterThan(0.7);
    expect(personnel / total).toBeLessThan(0.8);
    expect(demo.settings.beginning_fund_balance / total).toBeCloseTo(0.12, 2);
    expect(demo.settings).toMatchObject({ base_year: 2026, horizon_years: 5, reserve_policy_pct: 0.08 });
  });

  // Invariant 4: actuals never exceed the budget they roll up (YTD + encumbered ≤ budget per group).
  it('has actuals at both review dates within their budget groups', () => {
    const budget = new Map<string, number>();
    for (const b of demo.budget) {
      const k = `${b.fund_code}|${b.object}|${b.function ?? ''}|${b.site_id ?? ''}`;
      budget.set(k, (budget.get(k) ?? 0) + b.amount);
    }
    for (const a of demo.actuals) {
      const k = `${a.fund_code}|${a.object}|${a.function ?? ''}|${a.site_id ?? ''}`;
      expect(a.ytd_amount + (a.encumbered ?? 0)).toBeLessThanOrEqual(budget.get(k)!);
    }
  });

  it('names the built-in drivers and a set of scenarios, with the Drivers sheet as the one baseline (Base)', () => {
    expect(demo.drivers.map((d) => d.driver)).toEqual(['enrollment_growth', 'state_aid_per_pupil_growth', 'local_revenue_growth', 'grant_growth', 'cola', 'step_increase', 'health_inflation', 'pension_rate', 'cpi', 'attrition_rate']);
    expect(new Set(demo.scenarios.map((s) => s.scenario))).toEqual(new Set(['Enrollment decline', 'State aid freeze', 'Levy fails', 'Generous settlement',
      // staffing scenarios from models/staffing/defaults.ts demoStaffingSheets
      'ASCA counselors', 'Classes two smaller', 'Collaboration block', 'Eight-period day']));
  });
});
