import { describe, expect, it } from 'vitest';
import { forecastProject } from '../../../models/forecast/forecast';
import { drivers, tinyProject } from './fixtures';

const run = (p: ReturnType<typeof tinyProject>, opts: Parameters<typeof forecastProject>[1] = {}) => {
  const r = forecastProject(p, opts);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe('three positions over three years: step, COLA, benefits', () => {
  // Schedule BA: step 1 $50,000, step 2 $52,000, step 3 $54,000 (top).
  // P1 teacher BA/1, P2 teacher BA/3 (at the top), P3 aide off-schedule $30,000 × 0.5 FTE.
  // Benefits 20% of salary; P1 also has a $10,000 health premium. COLA 2%, step_increase 3%
  // (off-schedule pay), health inflation 5%, supplies $10,000 at 0% CPI, GEN revenue $300,000 flat.
  const project = tinyProject({
    salary: [1, 2, 3].map((step) => ({ schedule: 'teachers', lane: 'BA', step, salary: (48_000 + step * 2_000) * 100 })),
    positions: [
      { position_id: 'P1', site_id: 'S1', role: 'teacher', fte: 1, lane: 'BA', step: 1, benefits_rate: 0.2, health_plan_cost: 1_000_000 },
      { position_id: 'P2', site_id: 'S1', role: 'teacher', fte: 1, lane: 'BA', step: 3, benefits_rate: 0.2 },
      { position_id: 'P3', site_id: 'S1', role: 'aide', fte: 0.5, salary: 3_000_000, benefits_rate: 0.2 },
    ],
    budget: [{ fiscal_year: 2026, fund_code: 'GEN', object: 'supplies', amount: 1_000_000 }],
    drivers: drivers({ cola: 0.02, step_increase: 0.03, health_inflation: 0.05 }),
  });
  const years = run(project).scenarios[0]!.years;

  it('2026 (base year): the budget as it stands', () => {
    // salaries 50,000 + 54,000 + 15,000 = 119,000; benefits 0.2 × 119,000 + 10,000 = 33,800;
    // + supplies 10,000 = 162,800. Surplus 300,000 − 162,800 = 137,200; ending 1,000,000 + 137,200.
    expect(years[0]).toMatchObject({ year: 2026, expenditure_cents: 16_280_000, revenue_cents: 30_000_000, ending_balance_cents: 113_720_000 });
    expect(years[0]!.expenditure_by_object).toMatchObject({ salaries: 11_900_000, benefits: 3_380_000, supplies: 1_000_000 });
  });

  it('2027: one step, COLA, health inflation', () => {
    // P1 step 2: 52,000 × 1.02 = 53,040; P2 stays at the top: 54,000 × 1.02 = 55,080;
    // P3 15,000 × 1.03 × 1.02 = 15,759 → salaries 123,879.
    // Benefits: 0.2 × 123,879 = 24,775.80 + health 10,000 × 1.05 = 10,500 → 35,275.80.
    // Expenditure 123,879 + 35,275.80 + 10,000 = 169,154.80; surplus 130,845.20;
    // ending 1,137,200 + 130,845.20 = 1,268,045.20.
    expect(years[1]!.expenditure_by_object).toMatchObject({ salaries: 12_387_900, benefits: 3_527_580 });
    expect(years[1]).toMatchObject({ expenditure_cents: 16_915_480, surplus_cents: 13_084_520, ending_balance_cents: 126_804_520 });
  });

  it('2028: P1 reaches the top step', () => {
    // Teachers: (54,000 + 54,000) × 1.02² = 108,000 × 1.0404 = 112,363.20.
    // Aide: 15,000 × 1.03² × 1.02² = 15,000 × 1.10376036 = 16,556.4054 → 16,556.41. Salaries 128,919.61.
    // Benefits: teachers 0.2 × 112,363.20 = 22,472.64 + health 10,000 × 1.05² = 11,025 → 33,497.64;
    // aide 0.2 × 16,556.4054 = 3,311.28 → 36,808.92. Expenditure 175,728.53; surplus 124,271.47;
    // ending 1,268,045.20 + 124,271.47 = 1,392,316.67; reserve 1,392,316.67 ÷ 175,728.53.
    expect(years[2]!.expenditure_by_object).toMatchObject({ salaries: 12_891_961, benefits: 3_680_892 });
    expect(years[2]).toMatchObject({ expenditure_cents: 17_572_853, ending_balance_cents: 139_231_667 });
    expect(years[2]!.reserve_pct).toBeCloseTo(139_231_667 / 17_572_853, 12);
    expect(years[2]!.fte).toBe(2.5);
  });
});

describe('grant cliff', () => {
  // T1 ($60,000 a year) ends 2027-09-30, a quarter into FY 2028 (Jul 2027–Jun 2028): it pays that
  // quarter of 2028 (grant-end.test.ts), nothing after.
  // P1 (teacher, $50,000, no benefits) is paid by T1. GEN revenue $200,000, nothing else spent.
  const base = {
    settings: { district_name: 'Tiny', base_year: 2026, horizon_years: 3, beginning_fund_balance: 0, reserve_policy_pct: 0.08, seed: 1 },
    funds: [
      { fund_code: 'GEN', name: 'General', source: 'local', restricted: false, available: 20_000_000 },
      { fund_code: 'T1', name: 'Title I', source: 'federal', restricted: true, available: 6_000_000, end_date: '2027-09-30' },
    ],
    positions: [{ position_id: 'P1', site_id: 'S1', role: 'teacher', fte: 1, salary: 5_000_000, benefits_rate: 0, funding: [{ fund_code: 'T1', share: 1 }] }],
  };
  it('moves the position to the general fund after the end date', () => {
    // 2026–2027: GEN spends 0 → surplus 200,000. 2028: T1 pays P1 for a quarter (12,500), GEN for the
    // rest (37,500) → surplus 162,500. 2029: T1 pays nothing; P1 costs GEN 50,000 → surplus 150,000.
    const y = run(tinyProject(base)).scenarios[0]!.years;
    expect(y.map((x) => x.surplus_cents)).toEqual([20_000_000, 20_000_000, 16_250_000, 15_000_000]);
    expect(y[3]!.funds!.find((f) => f.fund_code === 'T1')).toMatchObject({ revenue_cents: 0, expenditure_cents: 0 });
    expect(y[3]!.fte).toBe(1);
  });
  it('or cuts it, per config', () => {
    const y = run(tinyProject({ ...base, forecast: { enrollment: { method: 'growth' }, grant_end: 'cut' } })).scenarios[0]!.years;
    expect(y[3]).toMatchObject({ surplus_cents: 20_000_000, fte: 0, positions_cut_fte: 1 });
  });
  it('tops up a grant that spends more than it receives from the general fund', () => {
    // T1 receives 60,000; P1 at 70,000 → 10,000 transferred out of GEN each year the grant runs.
    const over = { ...base, positions: [{ ...base.positions[0], salary: 7_000_000 }] };
    const y = run(tinyProject(over)).scenarios[0]!.years;
    expect(y[0]!.expenditure_by_object!.transfers_out).toBe(1_000_000);
    expect(y[0]!.surplus_cents).toBe(19_000_000);
  });
});

describe('a backup plan triggered in year 2', () => {
  // GEN revenue 100,000 flat; supplies 90,000 growing 10% a year (CPI); beginning balance 20,000.
  // Without a plan: 2027 surplus 100,000 − 99,000 = 1,000; 2028 100,000 − 108,900 = −8,900 → the
  // trigger "surplus < 0" fires in 2028 and the backup ("Cuts": supplies −20,000 from 2027) runs
  // from 2028: expenditure 88,900, surplus 11,100, ending 31,000 + 11,100 = 42,100;
  // 2029: 119,790 − 20,000 = 99,790, surplus 210, ending 42,310.
  const project = tinyProject({
    settings: { district_name: 'Tiny', base_year: 2026, horizon_years: 3, beginning_fund_balance: 2_000_000, reserve_policy_pct: 0.08, seed: 1 },
    funds: [{ fund_code: 'GEN', name: 'General', source: 'local', restricted: false, available: 10_000_000 }],
    budget: [{ fiscal_year: 2026, fund_code: 'GEN', object: 'supplies', amount: 9_000_000 }],
    drivers: drivers({ cpi: 0.1 }),
    plans: [{ plan: 'Cuts', action: 'budget_amount', start_year: 2027, amount: -2_000_000, object: 'supplies' }],
    triggers: [{ plan: 'Cuts', condition: 'surplus < 0', deadline: '03-15' }],
  });
  const s = run(project).scenarios[0]!;
  it('switches plan in 2028 and says which condition fired', () => {
    // Lag 0: FY 2028's deficit calls for a plan that must start FY 2028 (1 July 2027); the layoff
    // deadline is 15 March 2027, before FY 2028's mid-year projection (31 January 2028): too late
    // to wait — decide on the projection made in FY 2027.
    expect(s.plan_switches).toEqual([{
      year: 2028, plan: 'Cuts', condition: 'surplus < 0', trigger_year: 2028, lag: 0, trigger_values: { surplus: -8_900 },
      decide_by: '2027-03-15', figure_known_in: 2028, figure_known_on: '2028-01-31', too_late: true, decide_on_projection_made_in: 2027, decide_before_trigger_year: true,
    }]);
    expect(s.years.map((y) => y.plan)).toEqual([null, null, 'Cuts', 'Cuts']);
  });
  it('recomputes the trigger year under the backup plan', () => {
    expect(s.years.map((y) => y.surplus_cents)).toEqual([1_000_000, 100_000, 1_110_000, 21_000]);
    expect(s.years[3]!.ending_balance_cents).toBe(4_231_000);
  });
  it('with a lag of one year the plan starts the year after', () => {
    const lagged = run({ ...project, triggers: [{ plan: 'Cuts', condition: 'surplus < 0', lag: 1 }] }).scenarios[0]!;
    // 2028 runs without the cut (−8,900); the plan starts in 2029: 119,790 − 20,000 → surplus 210.
    expect(lagged.plan_switches[0]).toMatchObject({ year: 2029, trigger_year: 2028, lag: 1 });
    expect(lagged.years.map((y) => y.surplus_cents)).toEqual([1_000_000, 100_000, -890_000, 21_000]);
  });
});

describe('scenarios', () => {
  it('apply overrides through based_on chains and refuse cycles', () => {
    const p = tinyProject({
      budget: [{ fiscal_year: 2026, fund_code: 'GEN', object: 'supplies', amount: 10_000_000 }],
      scenarios: [
        { scenario: 'High CPI', driver: 'cpi', value: 0.1 },
        { scenario: 'High CPI later', driver: 'cpi', value: 0.2, year: 2028, based_on: 'High CPI' },
      ],
    });
    const r = run(p, { scenarios: 'all' });
    // 100,000 × 1.1 = 110,000; then × 1.2 = 132,000 in 2028.
    expect(r.scenarios.map((s) => s.name)).toEqual(['Base', 'High CPI', 'High CPI later']);
    expect(r.scenarios[2]!.years.map((y) => y.expenditure_cents)).toEqual([10_000_000, 11_000_000, 13_200_000]);
    const cyc = tinyProject({ scenarios: [{ scenario: 'A', driver: 'cpi', value: 0, based_on: 'B' }, { scenario: 'B', driver: 'cpi', value: 0, based_on: 'A' }] });
    const bad = forecastProject(cyc, { scenarios: ['A'] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toMatch(/cycle \(A → B → A\)/);
  });
});

describe('a pension rate change on positions a plan has cut', () => {
  it('is charged on the salary that remains, once', () => {
    // One teacher, $100,000, no benefits; pension_rate 10% in 2026, 15% from 2027; the plan cuts
    // 0.5 FTE from 2027. 2027 salary 100,000 × 0.5 = 50,000; benefits = (15% − 10%) × 50,000 = 2,500
    // (the old code scaled twice: 0.05 × 100,000 × 0.5 × 0.5 = 1,250).
    const project = tinyProject({
      positions: [{ position_id: 'T1', site_id: 'S1', role: 'teacher', fte: 1, salary: 10_000_000, benefits_rate: 0 }],
      drivers: [...drivers({}), { driver: 'pension_rate', by_year: { '2026': 0.1, '2027': 0.15 } }],
      forecast: { enrollment: { method: 'growth' }, priority_plan: 'P' },
      plans: [{ plan: 'P', action: 'cut_positions', start_year: 2027, role: 'teacher', fte: 0.5 }],
    });
    const y = run(project).scenarios[0]!.years;
    expect(y[1]!.expenditure_by_object).toMatchObject({ salaries: 5_000_000, benefits: 250_000 });
    expect(y[2]!.expenditure_by_object).toMatchObject({ salaries: 5_000_000, benefits: 250_000 });
  });
});
