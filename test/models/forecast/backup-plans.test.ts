import { describe, expect, it } from 'vitest';
import { forecastProject } from '../../../models/forecast/forecast';
import type { PlanAction, Trigger } from '../../../models/forecast/tables';
import { drivers, tinyProject } from './fixtures';

// Issue 21 items 11 and 12. One teacher at step 1 of a schedule $40,000 + $5,000 a step (steps 1–6,
// no benefits, COLA 0, no attrition); capital $20,000 (capital is not inflated); GEN revenue
// $300,000; horizon 2026–2031. The backup plan "Backup" is written as the board adopted it, dated
// 2027: a one-year step freeze (2027–2027) and capital purchases delayed two years. Its trigger
// `year >= 2028` (lag 1) starts it in 2029.
const project = (triggers: Partial<Trigger>[], plans: Partial<PlanAction>[] = [
  { plan: 'Backup', action: 'schedule', parameter: 'step_freeze', value: 1, start_year: 2027, end_year: 2027 },
  { plan: 'Backup', action: 'delay_purchase', amount: 2_000_000, object: 'capital', years: 2, start_year: 2027 },
], over: Record<string, unknown> = {}) => tinyProject({
  settings: { district_name: 'Tiny', base_year: 2026, horizon_years: 5, beginning_fund_balance: 0, reserve_policy_pct: 0.08, seed: 1 },
  salary: [1, 2, 3, 4, 5, 6].map((step) => ({ schedule: 'teachers', lane: 'BA', step, salary: (35_000 + 5_000 * step) * 100 })),
  positions: [{ position_id: 'T1', site_id: 'S1', role: 'teacher', fte: 1, lane: 'BA', step: 1, benefits_rate: 0 }],
  budget: [{ fiscal_year: 2026, fund_code: 'GEN', object: 'capital', amount: 2_000_000 }],
  drivers: drivers({}),
  plans,
  triggers: triggers.map((t) => ({ lag: 0, ...t })),
  ...over,
});
const scenario = (p: ReturnType<typeof project>) => {
  const r = forecastProject(p);
  if (!r.ok) throw new Error(r.reason);
  return r.value.scenarios[0]!;
};

describe('a backup plan whose actions are dated before it starts (item 11)', () => {
  const s = scenario(project([{ plan: 'Backup', condition: 'year >= 2028', lag: 1 }]));

  it('applies them from its start, for as long as they were written', () => {
    // Steps: 2026 step 1 $40,000, 2027 $45,000, 2028 $50,000; the freeze (one year) runs in 2029,
    // the plan's first year: $50,000; then $55,000, $60,000. (Before: dropped — $55,000 in 2029.)
    expect(s.years.map((y) => y.expenditure_by_object!.salaries)).toEqual([4_000_000, 4_500_000, 5_000_000, 5_000_000, 5_500_000, 6_000_000]);
    // Capital: $20,000 a year; 2029's leaves and comes back two years later: 2029 0, 2031 $40,000.
    expect(s.years.map((y) => y.expenditure_by_object!.capital)).toEqual([2_000_000, 2_000_000, 2_000_000, 0, 2_000_000, 4_000_000]);
    expect(s.years.map((y) => y.plan)).toEqual([null, null, null, 'Backup', 'Backup', 'Backup']);
  });

  it('lists the switch with the figures that fired it', () => {
    expect(s.plan_switches).toEqual([expect.objectContaining({ year: 2029, plan: 'Backup', trigger_year: 2028, lag: 1, trigger_values: { year: 2028 } })]);
  });
});

describe('plan_switches lists only switches that run (item 11)', () => {
  it('leaves out a plan that would start after the last forecast year, and says why', () => {
    // "Late" fires in 2031 with lag 1: it would start in 2032, after the forecast.
    const s = scenario(project([{ plan: 'Late', condition: 'year >= 2031', lag: 1 }], [{ plan: 'Late', action: 'budget_amount', amount: -100_000, start_year: 2027 }]));
    expect(s.plan_switches).toEqual([]);
    expect(s.plan_switches_not_run).toEqual([expect.objectContaining({ year: 2032, plan: 'Late', trigger_year: 2031, reason: 'starts after the last forecast year (2031)' })]);
  });
  it('leaves out a plan another replaced before it started', () => {
    // A fires in 2028 (lag 1: from 2029); B fires in 2029 with lag 0 and replaces A from 2029.
    const s = scenario(project(
      [{ plan: 'A', condition: 'year >= 2028', lag: 1 }, { plan: 'B', condition: 'year >= 2029' }],
      [{ plan: 'A', action: 'budget_amount', amount: -100_000, start_year: 2027 }, { plan: 'B', action: 'budget_amount', amount: -200_000, start_year: 2027 }],
    ));
    expect(s.plan_switches.map((w) => [w.plan, w.year])).toEqual([['B', 2029]]);
    expect(s.plan_switches_not_run).toEqual([expect.objectContaining({ plan: 'A', year: 2029, reason: 'replaced by B before it started' })]);
  });
});

describe('decision deadlines (item 12)', () => {
  // Fiscal years start 1 July. The trigger figure of FY T is known from the projection made during
  // FY T, on forecast.decisions.figure_known (default 01-31: the mid-year update, as of 31 January).
  const sw = (t: Partial<Trigger>) => scenario(project([{ plan: 'Backup', condition: 'year >= 2028', ...t }])).plan_switches[0]!;

  it('in time: a layoff-notice deadline after the mid-year projection of the trigger year', () => {
    // Fires in FY 2028 (lag 1: the plan starts FY 2029, 1 July 2028). Decide by 15 March 2028, the
    // last 15 March before FY 2029 starts; FY 2028's figure is known 31 January 2028: in time.
    expect(sw({ lag: 1, deadline: '03-15' })).toMatchObject({
      year: 2029, trigger_year: 2028, decide_by: '2028-03-15', figure_known_in: 2028, figure_known_on: '2028-01-31', too_late: false, decide_on_projection_made_in: 2028,
    });
  });

  it('too late: the plan starts in the year whose figure fires it', () => {
    // Lag 0: the plan must start FY 2028 (1 July 2027), so decide by 15 March 2027 — but FY 2028's
    // figure is known on 31 January 2028, after it: too late. The last projection before the
    // deadline is the one made in FY 2027 (31 January 2027): decide on it, one year ahead.
    expect(sw({ lag: 0, deadline: '03-15' })).toMatchObject({
      year: 2028, trigger_year: 2028, decide_by: '2027-03-15', figure_known_on: '2028-01-31', too_late: true, decide_on_projection_made_in: 2027, decide_before_trigger_year: true,
    });
  });

  it('a deadline date is the last one before the plan starts, and with none, the day before', () => {
    // 1 September before FY 2029 (1 July 2028) is 1 September 2027 (before: "2028-09-01", two
    // months after the plan had started). Known 31 January 2028 > 1 September 2027: too late.
    expect(sw({ lag: 1, deadline: '09-01' })).toMatchObject({ decide_by: '2027-09-01', too_late: true, decide_on_projection_made_in: 2027 });
    // No deadline: decide before FY 2029 starts, by 30 June 2028; known 31 January 2028: in time.
    expect(sw({ lag: 1 })).toMatchObject({ decide_by: '2028-06-30', too_late: false });
  });

  it('reads when figures are known from the config', () => {
    // Known only at the year's end (06-30): FY 2028's figure on 30 June 2028, after 15 March 2028.
    const s = scenario(project([{ plan: 'Backup', condition: 'year >= 2028', lag: 1, deadline: '03-15' }], undefined, {
      forecast: { enrollment: { method: 'growth' }, decisions: { figure_known: '06-30' } },
    }));
    expect(s.plan_switches[0]).toMatchObject({ figure_known_on: '2028-06-30', too_late: true, decide_on_projection_made_in: 2027 });
  });
});
