import { describe, expect, it } from 'vitest';
import { demoProject } from '../../../models/demo/district';
import { compareScenarios } from '../../../models/forecast/compare';
import { makeWorkspace, runScenario } from '../../../models/forecast/engine';
import { forecastProject, type ForecastReport } from '../../../models/forecast/forecast';
import { runTrials } from '../../../models/forecast/monte-carlo';
import { OBJECT_CLASSES, objectClassIndex } from '../../../models/forecast/objects';
import { tornado } from '../../../models/forecast/sensitivity';
import { prepareTrials } from '../../../models/forecast/trials';
import type { Project } from '../../../models/project/project';
import { drivers, tinyProject } from './fixtures';

// The forecast's base year is the adopted budget, to the cent: in total, per fund and per object
// class. Expectations are summed here straight from the Budget sheet's rows (integer cents), never
// taken from the engine.

const run = (p: Project, opts: Parameters<typeof forecastProject>[1] = {}): ForecastReport => {
  const r = forecastProject(p, opts);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

/** fund → object class → cents, from the Budget sheet's lines of `year`. */
function budgetByFundAndObject(p: Project, year: number): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const l of p.budget) {
    if (l.fiscal_year !== year) continue;
    const row = out.get(l.fund_code) ?? Object.fromEntries(OBJECT_CLASSES.map((c) => [c, 0]));
    row[OBJECT_CLASSES[objectClassIndex(l.object)]!]! += l.amount;
    out.set(l.fund_code, row);
  }
  return out;
}
const total = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

describe('the demo district: base year = Budget sheet', () => {
  const demo = demoProject();
  const year = demo.settings.base_year;
  const budget = budgetByFundAndObject(demo, year);
  const report = run(demo, { scenarios: 'all' });
  const base = report.scenarios[0]!.years[0]!;

  it('in total and in the general fund, to the cent', () => {
    let all = 0;
    for (const l of demo.budget) if (l.fiscal_year === year) all += l.amount;
    expect(all).toBe(100_405_000_00); // what the Budget sheet and the overview screen say
    expect(base.funds!.reduce((a, f) => a + f.expenditure_cents, 0)).toBe(all);
    expect(base.expenditure_cents).toBe(total(budget.get('GEN')!));
    expect(base.expenditure_cents).toBe(93_500_000_00);
    expect(base.expenditure_by_object).toEqual(budget.get('GEN'));
  });

  it('per fund and per object class', () => {
    for (const f of base.funds!) {
      const want = budget.get(f.fund_code) ?? Object.fromEntries(OBJECT_CLASSES.map((c) => [c, 0]));
      expect(f.expenditure_by_object, f.fund_code).toEqual(want);
      expect(f.expenditure_cents, f.fund_code).toBe(total(want));
    }
  });

  it('shows the reconciling line, which is rounding only (the demo budgets its positions exactly)', () => {
    // Demo personnel lines are each position's cost rounded per position and fund; the engine
    // rounds per bucket of positions. So the difference is a few cents per fund, never dollars.
    for (const f of base.funds!) expect(Math.abs(f.reconciling_cents), f.fund_code).toBeLessThan(demo.positions.length);
    expect(base.reconciling_cents).toBe(base.funds!.find((f) => f.fund_code === 'GEN')!.reconciling_cents);
    expect(base.reconciling_by_object!.salaries + base.reconciling_by_object!.benefits).toBe(base.reconciling_cents);
    expect(base.reconciling_cents).not.toBe(0);
  });

  it('every scenario has the same base year; compare, tornado and Monte Carlo agree with the forecast', () => {
    for (const s of report.scenarios) expect(s.years[0], s.name).toEqual(base);
    const cmp = compareScenarios(report.scenarios, ['expenditure_cents', 'ending_balance_cents']);
    for (const row of cmp.rows.filter((r) => r.year === year)) {
      for (const v of Object.values(row.values)) expect(v).toBe(row.metric === 'expenditure_cents' ? 93_500_000_00 : base.ending_balance_cents);
    }
    const t = prepareTrials(demo, 'Base');
    if (!t.ok) throw new Error(t.reason);
    const { prepared, paths, priorityPlan, staffing } = t.value;
    const lean = runScenario(prepared, paths, { lean: true, workspace: makeWorkspace(prepared), priorityPlan, staffing });
    const full = report.scenarios[0]!.years;
    expect(lean.years.map((y) => [y.expenditure_cents, y.ending_balance_cents, y.reconciling_cents])).toEqual(full.map((y) => [y.expenditure_cents, y.ending_balance_cents, y.reconciling_cents]));
    expect(tornado(prepared, paths, priorityPlan, staffing).base_ending_balance_cents).toBe(full[full.length - 1]!.ending_balance_cents);
    const chunk = runTrials(prepared, paths, 7, 0, 40, priorityPlan, undefined, staffing);
    for (let i = 0; i < chunk.count; i++) expect(chunk.balance[i * chunk.K]).toBe(base.ending_balance_cents);
  });
});

describe('positions cost $X, the budget says $Y: base year = budget, reconciling line = Y − X', () => {
  // Schedule BA: step 1 $50,000, step 2 $52,000 (top). P1 teacher BA/1, P2 aide off-schedule
  // $30,000 × 0.5 FTE; benefits 20% of salary. COLA 2%, step_increase 3%, health 5%, CPI 0.
  // Positions cost X: salaries 50,000 + 15,000 = 65,000; benefits 0.2 × 65,000 = 13,000.
  // The Budget sheet says Y: salaries 52,500 + 15,500 = 68,000; benefits 12,900.50; supplies 10,000.
  // Reconciling line R = Y − X: salaries +3,000 (stipends, substitutes), benefits −99.50.
  const project = tinyProject({
    salary: [1, 2].map((step) => ({ schedule: 'teachers', lane: 'BA', step, salary: (48_000 + step * 2_000) * 100 })),
    positions: [
      { position_id: 'P1', site_id: 'S1', role: 'teacher', fte: 1, lane: 'BA', step: 1, benefits_rate: 0.2 },
      { position_id: 'P2', site_id: 'S1', role: 'aide', fte: 0.5, salary: 3_000_000, benefits_rate: 0.2 },
    ],
    budget: [
      { fiscal_year: 2026, fund_code: 'GEN', object: '1100', amount: 5_250_000, description: 'Teacher salaries' },
      { fiscal_year: 2026, fund_code: 'GEN', object: 'salaries', amount: 1_550_000, description: 'Aide salaries' },
      { fiscal_year: 2026, fund_code: 'GEN', object: 'benefits', amount: 1_290_050 },
      { fiscal_year: 2026, fund_code: 'GEN', object: 'supplies', amount: 1_000_000 },
    ],
    drivers: drivers({ cola: 0.02, step_increase: 0.03, health_inflation: 0.05 }),
  });
  const years = run(project).scenarios[0]!.years;

  it('2026: the budget to the cent, with the reconciling line shown', () => {
    // 68,000 + 12,900.50 + 10,000 = 90,900.50. R = 3,000 − 99.50 = 2,900.50.
    expect(years[0]).toMatchObject({ expenditure_cents: 9_090_050, reconciling_cents: 290_050 });
    expect(years[0]!.expenditure_by_object).toMatchObject({ salaries: 6_800_000, benefits: 1_290_050, supplies: 1_000_000 });
    expect(years[0]!.reconciling_by_object).toEqual({ salaries: 300_000, benefits: -9_950 });
    expect(years[0]!.funds![0]).toMatchObject({ fund_code: 'GEN', expenditure_cents: 9_090_050, reconciling_cents: 290_050 });
  });

  it('2027: the reconciling line grows like the positions it stands beside (no jump)', () => {
    // Positions: P1 step 2: 52,000 × 1.02 = 53,040; P2 15,000 × 1.03 × 1.02 = 15,759 → salaries
    // 68,799 (65,000 in 2026: × 1.0584461538). Benefits 0.2 × 68,799 = 13,759.80 (13,000: same ratio).
    // R salaries 3,000 × 68,799 ÷ 65,000 = 3,175.338… → 3,175.34; benefits −99.50 × 1.0584461538
    // = −105.3154 → −105.32. Salaries 68,799 + 3,175.34 = 71,974.34; benefits 13,759.80 − 105.32
    // = 13,654.48; + supplies 10,000 → 95,628.82. Personnel grew 8,090,050 → 8,562,882 cents: 5.84%,
    // the positions' own growth (7,800,000 → 8,255,880).
    expect(years[1]!.reconciling_by_object).toEqual({ salaries: 317_534, benefits: -10_532 });
    expect(years[1]!.expenditure_by_object).toMatchObject({ salaries: 7_197_434, benefits: 1_365_448, supplies: 1_000_000 });
    expect(years[1]).toMatchObject({ expenditure_cents: 9_562_882, reconciling_cents: 307_002 });
    // Surplus 300,000 − 95,628.82 = 204,371.18 on 1,000,000 + (300,000 − 90,900.50) = 1,209,099.50.
    expect(years[1]!.ending_balance_cents).toBe(120_909_950 + 20_437_118);
  });

  it('a fund with positions but no personnel lines: its reconciling line takes them back out', () => {
    // P1 is paid 40% by T1, whose budget has supplies only. GEN's lines are the whole personnel
    // budget, so T1's base year is its supplies and its reconciling line is −40% of P1.
    const split = tinyProject({
      funds: [
        { fund_code: 'GEN', name: 'General', source: 'local', restricted: false, available: 30_000_000 },
        { fund_code: 'T1', name: 'Title I', source: 'federal', restricted: true, available: 5_000_000 },
      ],
      positions: [{ position_id: 'P1', site_id: 'S1', role: 'teacher', fte: 1, salary: 5_000_000, benefits_rate: 0.1, funding: [{ fund_code: 'GEN', share: 0.6 }, { fund_code: 'T1', share: 0.4 }] }],
      budget: [
        { fiscal_year: 2026, fund_code: 'GEN', object: 'salaries', amount: 5_000_000 },
        { fiscal_year: 2026, fund_code: 'GEN', object: 'benefits', amount: 500_000 },
        { fiscal_year: 2026, fund_code: 'T1', object: 'supplies', amount: 123_456 },
      ],
    });
    const y0 = run(split).scenarios[0]!.years[0]!;
    // GEN: positions 30,000 + 3,000; R = 20,000 + 2,000. T1: positions 20,000 + 2,000; R = −22,000.
    expect(y0.funds!.map((f) => [f.fund_code, f.expenditure_cents, f.reconciling_cents])).toEqual([['GEN', 5_500_000, 2_200_000], ['T1', 123_456, -2_200_000]]);
    expect(y0.funds![1]!.expenditure_by_object).toMatchObject({ salaries: 0, benefits: 0, supplies: 123_456 });
  });
});

describe('no Positions rows: personnel from the budget lines', () => {
  const project = tinyProject({
    funds: [
      { fund_code: 'GEN', name: 'General', source: 'local', restricted: false, available: 30_000_000 },
      { fund_code: 'T1', name: 'Title I', source: 'federal', restricted: true, available: 5_000_000 },
    ],
    budget: [
      { fiscal_year: 2026, fund_code: 'GEN', object: 'salaries', amount: 10_000_001 },
      { fiscal_year: 2026, fund_code: 'GEN', object: '2100', amount: 2_345_667 },
      { fiscal_year: 2026, fund_code: 'GEN', object: 'supplies', amount: 333_333 },
      { fiscal_year: 2026, fund_code: 'T1', object: 'salaries', amount: 4_000_003 },
      { fiscal_year: 2025, fund_code: 'GEN', object: 'salaries', amount: 99_999_999 },
    ],
    drivers: drivers({ cola: 0.02, health_inflation: 0.05 }),
  });
  const years = run(project).scenarios[0]!.years;

  it('reconciles the base year to the cent, per fund and object, with no reconciling line', () => {
    const budget = budgetByFundAndObject(project, 2026);
    expect(years[0]!.funds!.map((f) => f.expenditure_by_object)).toEqual([budget.get('GEN'), budget.get('T1')]);
    expect(years[0]).toMatchObject({ expenditure_cents: 12_679_001, reconciling_cents: 0, fte: 0 });
  });

  it('grows salary lines by COLA and benefit lines by health inflation', () => {
    // 100,000.01 × 1.02 = 102,000.0102 → 102,000.01; 23,456.67 × 1.05 = 24,629.5035 → 24,629.50.
    expect(years[1]!.expenditure_by_object).toMatchObject({ salaries: 10_200_001, benefits: 2_462_950, supplies: 333_333 });
  });
});

describe('positions and a Budget sheet with no salary or benefit lines', () => {
  it('costs personnel from the positions and says the base year is not the sheet', () => {
    const r = run(tinyProject({
      positions: [{ position_id: 'P1', site_id: 'S1', role: 'teacher', fte: 1, salary: 5_000_000, benefits_rate: 0.2 }],
      budget: [{ fiscal_year: 2026, fund_code: 'GEN', object: 'supplies', amount: 1_000_000 }],
    }));
    // 50,000 + 10,000 + 10,000 supplies.
    expect(r.scenarios[0]!.years[0]).toMatchObject({ expenditure_cents: 7_000_000, reconciling_cents: 0 });
    expect(r.warnings.join('\n')).toMatch(/no salary or benefit lines for 2026/);
  });
});

describe('the reconciling line in later years', () => {
  const two = [
    { position_id: 'T1', site_id: 'S1', role: 'teacher', fte: 1, salary: 5_000_000, benefits_rate: 0 },
    { position_id: 'T2', site_id: 'S1', role: 'teacher', fte: 1, salary: 5_000_000, benefits_rate: 0 },
  ];

  it('is not cut by a plan that cuts positions: the plan does what it says', () => {
    // Two teachers at $50,000; the budget's salaries are $110,000 → R = 10,000. COLA 0. The plan
    // cuts one teacher from 2027: salaries 50,000 + R 10,000 = 60,000.
    const y = run(tinyProject({
      positions: two,
      budget: [{ fiscal_year: 2026, fund_code: 'GEN', object: 'salaries', amount: 11_000_000 }],
      forecast: { enrollment: { method: 'growth' }, priority_plan: 'P' },
      plans: [{ plan: 'P', action: 'cut_positions', start_year: 2027, role: 'teacher', fte: 1 }],
    })).scenarios[0]!.years;
    expect(y.map((x) => [x.expenditure_by_object!.salaries, x.reconciling_cents])).toEqual([[11_000_000, 1_000_000], [6_000_000, 1_000_000], [6_000_000, 1_000_000]]);
  });

  it("follows its grant's positions to the general fund after the grant ends, or goes with them", () => {
    // P1 ($50,000, no benefits) is paid by T1, which ends 2026-12-31, half-way through FY 2027. T1's
    // budget says salaries $52,000 → R(T1) = 2,000. 2026 T1 spends 52,000; 2027 T1 pays the first
    // half (25,000 + R 1,000) and the general fund the second (26,000); 2028 the general fund pays
    // 50,000 + 2,000 (move_to_general), or nobody does after T1's half of 2027 (cut).
    const project = (policy: 'move_to_general' | 'cut') => tinyProject({
      funds: [
        { fund_code: 'GEN', name: 'General', source: 'local', restricted: false, available: 30_000_000 },
        { fund_code: 'T1', name: 'Title I', source: 'federal', restricted: true, available: 6_000_000, end_date: '2026-12-31' },
      ],
      positions: [{ position_id: 'P1', site_id: 'S1', role: 'teacher', fte: 1, salary: 5_000_000, benefits_rate: 0, funding: [{ fund_code: 'T1', share: 1 }] }],
      budget: [{ fiscal_year: 2026, fund_code: 'T1', object: 'salaries', amount: 5_200_000 }],
      forecast: { enrollment: { method: 'growth' }, grant_end: policy },
    });
    const moved = run(project('move_to_general')).scenarios[0]!.years;
    expect(moved.map((x) => x.funds!.map((f) => [f.fund_code, f.expenditure_cents, f.reconciling_cents]))).toEqual([
      [['GEN', 0, 0], ['T1', 5_200_000, 200_000]],
      [['GEN', 2_600_000, 100_000], ['T1', 2_600_000, 100_000]],
      [['GEN', 5_200_000, 200_000], ['T1', 0, 0]],
    ]);
    expect(moved[2]!.reconciling_cents).toBe(200_000);
    const cut = run(project('cut')).scenarios[0]!.years;
    expect(cut.slice(1).map((y) => y.funds!.map((f) => f.expenditure_cents))).toEqual([[0, 2_600_000], [0, 0]]);
  });

  it('grows with COLA (salaries) and health inflation (benefits) in a fund with no positions behind its lines', () => {
    // P1 ($50,000, no benefits) is all T1's, and T1's budget is exactly that: R(T1) = 0. The general
    // fund budgets $10,000 salaries and $1,000 benefits with no positions: R(GEN) = 10,000 and 1,000.
    // 2027 (COLA 2%, health 5%): 10,200 and 1,050; T1: 50,000 × 1.02 = 51,000.
    const y = run(tinyProject({
      funds: [
        { fund_code: 'GEN', name: 'General', source: 'local', restricted: false, available: 30_000_000 },
        { fund_code: 'T1', name: 'Title I', source: 'federal', restricted: true, available: 6_000_000 },
      ],
      positions: [{ position_id: 'P1', site_id: 'S1', role: 'teacher', fte: 1, salary: 5_000_000, benefits_rate: 0, funding: [{ fund_code: 'T1', share: 1 }] }],
      budget: [
        { fiscal_year: 2026, fund_code: 'T1', object: 'salaries', amount: 5_000_000 },
        { fiscal_year: 2026, fund_code: 'GEN', object: 'salaries', amount: 1_000_000 },
        { fiscal_year: 2026, fund_code: 'GEN', object: 'benefits', amount: 100_000 },
      ],
      drivers: drivers({ cola: 0.02, health_inflation: 0.05 }),
    })).scenarios[0]!.years;
    expect(y[1]!.reconciling_by_object).toEqual({ salaries: 1_020_000, benefits: 105_000 });
    expect(y[1]!.funds!.map((f) => [f.fund_code, f.expenditure_by_object.salaries, f.reconciling_cents])).toEqual([['GEN', 1_020_000, 1_125_000], ['T1', 5_100_000, 0]]);
  });
});
