import { describe, expect, it } from 'vitest';
import { forecastProject } from '../../../models/forecast/forecast';
import { drivers, tinyProject } from './fixtures';

// Issue 21 item 8: turnover savings accumulate. Each year a share a of the staff leaves and is
// replaced at the entry step; the replacement's lower salary carries forward and steps up from
// there, and replacements leave at the same rate. So in year t the expected pay of a position is
//   (1 − a)^t × pay(step₀ + t) + Σ_{j=1..t} a (1 − a)^(t − j) × pay(entry + (t − j)).
// Schedule BA: step 1 $40,000, 2 $50,000, 3 $60,000, 4 $70,000 (top). One teacher at step 3;
// attrition 10%, benefits 20% of salary, COLA and everything else 0.
const project = (over: Record<string, unknown> = {}) => tinyProject({
  settings: { district_name: 'Tiny', base_year: 2026, horizon_years: 3, beginning_fund_balance: 0, reserve_policy_pct: 0.08, seed: 1 },
  salary: [1, 2, 3, 4].map((step) => ({ schedule: 'teachers', lane: 'BA', step, salary: (30_000 + 10_000 * step) * 100 })),
  positions: [{ position_id: 'T1', site_id: 'S1', role: 'teacher', fte: 1, lane: 'BA', step: 3, benefits_rate: 0.2 }],
  drivers: drivers({ attrition_rate: 0.1 }),
  ...over,
});
const pay = (p: ReturnType<typeof project>) => {
  const r = forecastProject(p);
  if (!r.ok) throw new Error(r.reason);
  return r.value.scenarios[0]!.years.map((y) => [y.expenditure_by_object!.salaries, y.expenditure_by_object!.benefits]);
};

describe('turnover savings', () => {
  it('accumulate: leavers replaced at the entry step, who then step up', () => {
    // 2026: 60,000 (the base year: no turnover). Benefits 20%.
    // 2027: stayers 0.9 × 70,000 = 63,000; hired 2027 0.1 × 40,000 = 4,000 → 67,000 (as before).
    // 2028: stayers 0.81 × 70,000 = 56,700; hired 2027 0.09 × step 2 50,000 = 4,500; hired 2028
    //       0.1 × 40,000 = 4,000 → 65,200 (before: 70,000 − 0.1 × 30,000 = 67,000 again).
    // 2029: stayers 0.729 × 70,000 = 51,030; 2027's 0.081 × 60,000 = 4,860; 2028's 0.09 × 50,000
    //       = 4,500; 2029's 0.1 × 40,000 = 4,000 → 64,390.
    expect(pay(project())).toEqual([[6_000_000, 1_200_000], [6_700_000, 1_340_000], [6_520_000, 1_304_000], [6_439_000, 1_287_800]]);
  });

  it('step up only when steps move: a step freeze holds the replacements too', () => {
    // Freeze in 2028 (steps advanced: 2027 1, 2028 1, 2029 2). 2028: stayers at step 4: 0.81 ×
    // 70,000 = 56,700; 2027's hires stay at step 1: 0.09 × 40,000 = 3,600; 2028's 0.1 × 40,000 =
    // 4,000 → 64,300. 2029 (steps move again): stayers 51,030; 2027's hires one step up in all
    // (none in 2028): 0.081 × 50,000 = 4,050; 2028's one step up: 0.09 × 50,000 = 4,500; 2029's
    // 0.1 × 40,000 = 4,000 → 63,580.
    const frozen = project({
      forecast: { enrollment: { method: 'growth' }, priority_plan: 'Freeze' },
      plans: [{ plan: 'Freeze', action: 'schedule', parameter: 'step_freeze', value: 1, start_year: 2028, end_year: 2028 }],
    });
    expect(pay(frozen).map((x) => x[0])).toEqual([6_000_000, 6_700_000, 6_430_000, 6_358_000]);
  });
});
