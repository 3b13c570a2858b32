import { describe, expect, it } from 'vitest';
import { compareScenarios } from '../../../models/forecast/compare';
import { forecastProject } from '../../../models/forecast/forecast';
import { runTrials } from '../../../models/forecast/monte-carlo';
import { prepareTrials } from '../../../models/forecast/trials';
import { staffingContext } from '../../../models/staffing/context';
import { staffingPlan } from '../../../models/staffing/plan';
import { requiredFteByRoleKey } from '../../../models/staffing/required-by-role';
import { demoProject } from '../../../models/demo/district';
import { drivers, tinyProject } from './fixtures';

// Staffing scenarios move the budget: the FTE the rules require under a scenario's parameters,
// less what they require under the baseline's, is added (new general-fund positions) or cut (from
// the role's positions), from the first forecast year. Arithmetic written out per case.

const rule = (x: Record<string, unknown>) => ({ level: 'any', grades: [], basis: 'students', minimum_fte: 0, rounding: 'up', increment: 1, round_by: 'grade', ...x });

// One elementary school, 100 kindergartners, flat enrollment, no COLA or steps. Four teachers at
// $50,000 with 20% benefits = $60,000 each, $240,000 in all. Rules: teachers 1:25 in K (4 needed),
// counselors 1:100 (1 needed, none on staff: the forecast holds today's positions).
// Scenarios: class_size_delta −5 (1:20 → 5 teachers), +25 (1:50 → 2), ratio_scale_counselor 0.5
// (1:50 → 2 counselors). A backup plan sets class_size_delta −5 in 2028 from a plan action.
const project = tinyProject({
  salary: [{ schedule: 'teachers', lane: 'BA', step: 1, salary: 5_000_000 }],
  positions: [1, 2, 3, 4].map((i) => ({ position_id: `T${i}`, site_id: 'S1', role: 'teacher', fte: 1, salary: 5_000_000, lane: 'BA', step: 1, benefits_rate: 0.2 })),
  drivers: drivers({ enrollment_growth: 0 }),
  staffingRules: [rule({ role: 'teacher', basis: 'grade', grades: ['K'], ratio: 25 }), rule({ role: 'counselor', ratio: 100 })],
  scenarios: [
    { scenario: 'Smaller classes', driver: 'class_size_delta', value: -5 },
    { scenario: 'Bigger classes', driver: 'class_size_delta', value: 25 },
    { scenario: 'More counselors', driver: 'ratio_scale_counselor', value: 0.5 },
  ],
  plans: [{ plan: 'Smaller later', action: 'schedule', parameter: 'class_size_delta', value: -5, start_year: 2028 }],
  triggers: [{ plan: 'Smaller later', condition: 'year >= 2028' }],
});

const forecast = (opts: Parameters<typeof forecastProject>[1] = {}) => {
  const r = forecastProject(project, { scenarios: 'all', ...opts });
  if (!r.ok) throw new Error(r.reason);
  return Object.fromEntries(r.value.scenarios.map((s) => [s.name, s]));
};

describe('staffing parameters in the forecast budget', () => {
  const s = forecast();

  it('leaves the adopted base year alone', () => {
    for (const name of ['Base', 'Smaller classes', 'Bigger classes', 'More counselors']) {
      expect(s[name]!.years[0]).toMatchObject({ expenditure_cents: 24_000_000, personnel_cents: 24_000_000, staffing_change_fte: 0, fte: 4 });
    }
  });

  it('adds a teacher at the role average when classes get smaller', () => {
    // 2027: ⌈100 ÷ 20⌉ = 5 − ⌈100 ÷ 25⌉ = 4 → +1 FTE × ($50,000 + $10,000) = $300,000 in all.
    expect(s.Base!.years[1]).toMatchObject({ expenditure_cents: 24_000_000, staffing_change_fte: 0, positions_added_fte: 0 });
    expect(s['Smaller classes']!.years[1]).toMatchObject({ expenditure_cents: 30_000_000, personnel_cents: 30_000_000, staffing_change_fte: 1, positions_added_fte: 1, fte: 5 });
  });

  it('cuts teachers from the positions when classes get bigger', () => {
    // 2027: ⌈100 ÷ 50⌉ = 2 − 4 → −2 FTE × $60,000 = −$120,000 → $120,000.
    expect(s['Bigger classes']!.years[1]).toMatchObject({ expenditure_cents: 12_000_000, staffing_change_fte: -2, positions_cut_fte: 2, fte: 2 });
  });

  it('costs a role with no positions at the staffing engine schedule average', () => {
    // Counselors 1:50 → 2 − 1 = +1 FTE. No counselor on staff, so the cost is the one salary
    // schedule's mean ($50,000) loaded at the staffing default 28% benefits = $64,000, split
    // into salary $64,000 ÷ 1.25 = $51,200 and benefits $12,800 at the forecast's 25%.
    const y = s['More counselors']!.years[1]!;
    expect(y).toMatchObject({ expenditure_cents: 24_000_000 + 6_400_000, staffing_change_fte: 1 });
    const detailed = forecast({ scenarios: ['More counselors'] })['More counselors']!.years[1]!;
    expect(detailed.expenditure_by_object).toMatchObject({ salaries: 20_000_000 + 5_120_000, benefits: 4_000_000 + 1_280_000 });
  });

  it('takes a plan action that sets a staffing parameter', () => {
    // The backup plan starts in 2028 in Base: class_size_delta −5 → +1 teacher → $300,000.
    expect(s.Base!.years[2]).toMatchObject({ plan: 'Smaller later', expenditure_cents: 30_000_000, staffing_change_fte: 1 });
  });

  it('can be switched off', () => {
    expect(forecast({ staffingCost: false })['Smaller classes']!.years[1]).toMatchObject({ expenditure_cents: 24_000_000, staffing_change_fte: 0 });
  });

  it('runs the same in Monte Carlo trials (no uncertain drivers: every trial is the forecast)', () => {
    const prep = prepareTrials(project, 'Smaller classes', 2);
    if (!prep.ok) throw new Error(prep.reason);
    const chunk = runTrials(prep.value.prepared, prep.value.paths, 1, 0, 3, prep.value.priorityPlan, undefined, prep.value.staffing);
    const ending = s['Smaller classes']!.years.map((y) => y.ending_balance_cents);
    expect([...chunk.balance]).toEqual([...ending, ...ending, ...ending]);
  });
});

describe('staffing and schedule metrics beside the budget', () => {
  const s = forecast({ staffing: true });
  const cmp = compareScenarios(Object.values(s), ['expenditure_cents', 'class_size', 'required_fte_teacher', 'caseload_counselor', 'staffing_change_fte']);
  const row = (metric: string, year: number) => cmp.rows.find((r) => r.metric === metric && r.year === year)!;

  it('compares class size, required FTE and caseloads with the budget', () => {
    // 2027: 100 students in 4 sections of ≤25 (Base) or 5 of ≤20 (Smaller classes).
    expect(row('class_size', 2027).values).toMatchObject({ Base: 25, 'Smaller classes': 20 });
    expect(row('required_fte_teacher', 2027).values).toMatchObject({ Base: 4, 'Smaller classes': 5, 'Bigger classes': 2 });
    // Counselors: 100 students ÷ 1 required FTE; ÷ 2 under the scenario.
    expect(row('caseload_counselor', 2027).values).toMatchObject({ Base: 100, 'More counselors': 50 });
    expect(row('expenditure_cents', 2027).diff_from_reference).toMatchObject({ 'Smaller classes': 6_000_000, 'Bigger classes': -12_000_000, 'More counselors': 6_400_000 });
    // The base year is staffed as adopted, under the baseline's parameters.
    expect(row('class_size', 2026).values).toMatchObject({ Base: 25, 'Smaller classes': 25 });
  });
});

describe('required FTE by role (the forecast link) agrees with the staffing plan', () => {
  it('on the demo district under each staffing scenario parameter', () => {
    const demo = demoProject();
    const year = demo.settings.base_year;
    const enrollment = demo.enrollment.filter((r) => r.year === year);
    for (const params of [{}, { class_size_delta: -2 }, { ratio_scale_counselor: 0.625 }, { collaboration_minutes_delta: 90 }, { periods_per_day: 8 }] as Record<string, number>[]) {
      const plan = staffingPlan({ project: demo, year, enrollment, params });
      const lean = requiredFteByRoleKey(demo, year, enrollment, params);
      const { keyOf } = staffingContext(demo);
      expect(plan.byRole.length).toBeGreaterThan(4);
      for (const r of plan.byRole) expect(lean.get(keyOf(r.role)), `${r.role} ${JSON.stringify(params)}`).toBe(r.required_fte);
    }
  });
});
