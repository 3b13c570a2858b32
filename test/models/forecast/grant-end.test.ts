import { describe, expect, it } from 'vitest';
import { forecastProject } from '../../../models/forecast/forecast';
import { fiscalYearShare } from '../../../models/forecast/prepare-funds';
import { tinyProject } from './fixtures';

// Issue 21 item 13: a grant pays only the part of its last fiscal year before its end date
// (2 CFR 200.309: costs are allowable only within the period of performance; 200.344: closeout).
// Fiscal years start 1 July (FY 2028 = July 2027 – June 2028).

describe('the share of a fiscal year before an end date', () => {
  it('counts whole months and the days of a part month', () => {
    // 30 September 2027 in FY 2028: July, August, September = 3 months ÷ 12 = 0.25.
    expect(fiscalYearShare('2027-09-30', 7)).toBe(0.25);
    // 31 December 2026: 6 months = 0.5; 30 June: the whole year; 15 July: 15 ÷ 31 of a month.
    expect(fiscalYearShare('2026-12-31', 7)).toBe(0.5);
    expect(fiscalYearShare('2028-06-30', 7)).toBe(1);
    expect(fiscalYearShare('2027-07-15', 7)).toBeCloseTo(15 / 31 / 12, 12);
    // Calendar fiscal years: 30 September = 9 months.
    expect(fiscalYearShare('2027-09-30', 1)).toBe(0.75);
  });
});

describe('a grant ending 30 September', () => {
  // T1 ($60,000 a year) ends 2027-09-30, a quarter into FY 2028. P1 (teacher, $50,000, no benefits)
  // and $4,000 of supplies are T1's. GEN revenue $200,000; nothing else spent; horizon 2026–2029.
  const project = (policy: 'move_to_general' | 'cut') => tinyProject({
    settings: { district_name: 'Tiny', base_year: 2026, horizon_years: 3, beginning_fund_balance: 0, reserve_policy_pct: 0.08, seed: 1 },
    funds: [
      { fund_code: 'GEN', name: 'General', source: 'local', restricted: false, available: 20_000_000 },
      { fund_code: 'T1', name: 'ESSER III', source: 'federal', restricted: true, available: 6_000_000, end_date: '2027-09-30' },
    ],
    positions: [{ position_id: 'P1', site_id: 'S1', role: 'teacher', fte: 1, salary: 5_000_000, benefits_rate: 0, funding: [{ fund_code: 'T1', share: 1 }] }],
    budget: [{ fiscal_year: 2026, fund_code: 'T1', object: 'supplies', amount: 400_000 }],
    forecast: { enrollment: { method: 'growth' }, grant_end: policy },
  });
  const run = (policy: 'move_to_general' | 'cut') => {
    const r = forecastProject(project(policy));
    if (!r.ok) throw new Error(r.reason);
    return r.value.scenarios[0]!.years;
  };

  it('pays a quarter of FY 2028; the general fund takes the rest of the year, then all of it', () => {
    const y = run('move_to_general');
    // 2028: T1 receives 60,000 × 0.25 = 15,000 and pays 50,000 × 0.25 = 12,500 + 4,000 × 0.25 = 1,000.
    // GEN pays the other 37,500 + 3,000 = 40,500: surplus 200,000 − 40,500 = 159,500.
    // 2029: GEN pays 50,000 + 4,000 → surplus 146,000. (Before: T1 paid all of 2028, surplus 200,000.)
    expect(y.map((x) => x.surplus_cents)).toEqual([20_000_000, 20_000_000, 15_950_000, 14_600_000]);
    expect(y[2]!.funds!.map((f) => [f.fund_code, f.revenue_cents, f.expenditure_cents])).toEqual([['GEN', 20_000_000, 4_050_000], ['T1', 1_500_000, 1_350_000]]);
  });

  it('or cuts the rest of the year under grant_end: cut', () => {
    const y = run('cut');
    // 2028: T1 pays its quarter (13,500); the other three quarters of P1 and the supplies are gone:
    // FTE 0.25, 0.75 cut; GEN spends nothing.
    expect(y[2]).toMatchObject({ surplus_cents: 20_000_000, fte: 0.25, positions_cut_fte: 0.75 });
    expect(y[2]!.funds!.map((f) => f.expenditure_cents)).toEqual([0, 1_350_000]);
  });
});
