import { describe, expect, it } from 'vitest';
import { forecastProject } from '../../../models/forecast/forecast';
import type { PlanAction } from '../../../models/forecast/tables';
import { evaluateSignposts } from '../../../models/forecast/signposts';
import { drivers, tinyProject } from './fixtures';

// Two teachers ($50,000 each, no benefits) and an aide ($20,000, no benefits) at S1 (100 students);
// supplies $10,000 and capital $20,000 at S1; GEN revenue $300,000 flat; every rate 0. The priority
// plan "P" holds the action under test from 2027, so 2026 is untouched.
function year2027(action: Partial<PlanAction>, horizon = 1) {
  const project = tinyProject({
    settings: { district_name: 'Tiny', base_year: 2026, horizon_years: horizon, beginning_fund_balance: 0, reserve_policy_pct: 0.08, seed: 1 },
    sites: [{ site_id: 'S1', name: 'One', level: 'ES' }, { site_id: 'S2', name: 'Two', level: 'ES' }],
    positions: [
      { position_id: 'T1', site_id: 'S1', role: 'teacher', fte: 1, salary: 5_000_000, benefits_rate: 0 },
      { position_id: 'T2', site_id: 'S1', role: 'teacher', fte: 1, salary: 5_000_000, benefits_rate: 0 },
      { position_id: 'A1', site_id: 'S1', role: 'aide', fte: 1, salary: 2_000_000, benefits_rate: 0 },
    ],
    budget: [
      { fiscal_year: 2026, fund_code: 'GEN', object: 'supplies', amount: 1_000_000, site_id: 'S1' },
      { fiscal_year: 2026, fund_code: 'GEN', object: 'capital', amount: 2_000_000, site_id: 'S1' },
    ],
    drivers: drivers({}),
    forecast: { enrollment: { method: 'growth' }, priority_plan: 'P' },
    plans: [{ plan: 'P', start_year: 2027, ...action }],
  });
  const r = forecastProject(project);
  if (!r.ok) throw new Error(r.reason);
  return r.value.scenarios[0]!.years;
}

describe('plan actions', () => {
  it('cut_positions removes FTE and its cost', () => {
    // Teachers 100,000 × (1 − 0.5/2) = 75,000, aide 20,000 → salaries 95,000.
    const y = year2027({ action: 'cut_positions', role: 'teacher', fte: 0.5 })[1]!;
    expect(y.expenditure_by_object!.salaries).toBe(9_500_000);
    expect(y).toMatchObject({ fte: 2.5, positions_cut_fte: 0.5 });
  });
  it('add_positions at the role average, or at a given cost with default benefits', () => {
    // +1 teacher at the average 50,000 → salaries 170,000.
    expect(year2027({ action: 'add_positions', role: 'teacher', fte: 1 })[1]).toMatchObject({ fte: 4, positions_added_fte: 1 });
    expect(year2027({ action: 'add_positions', role: 'teacher', fte: 1 })[1]!.expenditure_by_object!.salaries).toBe(17_000_000);
    // +1 counselor at $60,000: benefits 25% (the default rate) = 15,000.
    const y = year2027({ action: 'add_positions', role: 'counselor', fte: 1, amount: 6_000_000 })[1]!;
    expect(y.expenditure_by_object).toMatchObject({ salaries: 18_000_000, benefits: 1_500_000 });
  });
  it('class_size sets teacher FTE from students', () => {
    // 100 students ÷ 25 = 4 teachers: +2 at 50,000. ÷ 100 = 1 teacher: −1.
    expect(year2027({ action: 'class_size', value: 25 })[1]).toMatchObject({ fte: 5, positions_added_fte: 2, avg_class_size: 25 });
    expect(year2027({ action: 'class_size', value: 100 })[1]!.expenditure_by_object!.salaries).toBe(7_000_000);
  });
  it('budget_pct, budget_amount and delay_purchase change lines', () => {
    expect(year2027({ action: 'budget_pct', object: 'supplies', pct: -0.1 })[1]!.expenditure_by_object!.supplies).toBe(900_000);
    expect(year2027({ action: 'budget_amount', object: 'supplies', amount: 50_000 })[1]!.expenditure_by_object!.supplies).toBe(1_050_000);
    // $20,000 of capital leaves 2027 and comes back in 2028 (40,000 that year).
    const y = year2027({ action: 'delay_purchase', amount: 2_000_000 }, 2);
    expect(y.map((x) => x.expenditure_by_object!.capital)).toEqual([2_000_000, 0, 4_000_000]);
  });
  it('schedule changes a driver while it runs', () => {
    // COLA 10% in 2027 only: salaries 120,000 × 1.1 = 132,000; the index stays in 2028.
    const y = year2027({ action: 'schedule', parameter: 'cola', value: 0.1, end_year: 2027 }, 2);
    expect(y.map((x) => x.expenditure_by_object!.salaries)).toEqual([12_000_000, 13_200_000, 13_200_000]);
  });
  it('close_site keeps teachers, cuts other staff and the site lines', () => {
    // Aide (20,000) goes; supplies and capital at S1 go: expenditure 100,000.
    const y = year2027({ action: 'close_site', site_id: 'S1' })[1]!;
    expect(y).toMatchObject({ expenditure_cents: 10_000_000, positions_cut_fte: 1, fte: 2 });
  });
  it('draw_reserves covers a deficit up to its limit', () => {
    // Add 4 teachers (200,000): expenditure 350,000 vs revenue 300,000 → deficit 50,000; draw capped at 30,000.
    const project = tinyProject({
      positions: [{ position_id: 'T1', site_id: 'S1', role: 'teacher', fte: 7, salary: 5_000_000, benefits_rate: 0 }],
      forecast: { enrollment: { method: 'growth' }, priority_plan: 'P' },
      plans: [{ plan: 'P', action: 'draw_reserves', start_year: 2027, amount: 3_000_000 }],
    });
    const r = forecastProject(project);
    if (!r.ok) throw new Error(r.reason);
    const [, y1, y2] = r.value.scenarios[0]!.years;
    expect(y1).toMatchObject({ reserve_draw_cents: 3_000_000, surplus_cents: -2_000_000 });
    expect(y2).toMatchObject({ reserve_draw_cents: 0, surplus_cents: -5_000_000 }); // the limit is used up
  });
  it('refuses actions that miss what they need, naming the row', () => {
    const bad = forecastProject(tinyProject({ plans: [{ plan: 'P', action: 'cut_positions', start_year: 2027, src: { sheet: 'Plans', row: 4 } }] }));
    expect(bad).toMatchObject({ ok: false, reason: expect.stringMatching(/Plans row 4 \(cut_positions\): needs role and fte/) });
    const trig = forecastProject(tinyProject({ plans: [{ plan: 'B', action: 'budget_pct', start_year: 2027, pct: -0.1 }], triggers: [{ plan: 'B', condition: 'reserve < 1' }] }));
    expect(trig).toMatchObject({ ok: false, reason: expect.stringMatching(/unknown indicator "reserve"/) });
  });
});

describe('signposts', () => {
  it('say which scenario is unfolding', () => {
    const r = evaluateSignposts([
      { signpost: 'October count', indicator: 'enrollment', scenario: 'Decline', direction: 'below', threshold: 7900, observed: 7850 },
      { signpost: "Governor's budget", scenario: 'Decline', direction: 'below', threshold: 0.02, observed: 0.03 },
      { signpost: 'Levy vote', scenario: 'Levy fails', direction: 'below', threshold: 0.5, observed: 0.45 },
    ], []);
    expect(r.by_scenario).toEqual([{ scenario: 'Decline', met: 1, watched: 2 }, { scenario: 'Levy fails', met: 1, watched: 1 }]);
    expect(r.unfolding).toBe('Levy fails');
  });
});
