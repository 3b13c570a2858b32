import { describe, expect, it } from 'vitest';
import { forecastProject } from '../../../models/forecast/forecast';
import { drivers, tinyProject } from './fixtures';

// Issue 21 item 10. One teacher at $100,000 with no benefits rate, so benefits are only the change
// in the pension rate from the base year × salary; every other rate 0; horizon 2026–2029.
const project = (over: Record<string, unknown> = {}) => tinyProject({
  settings: { district_name: 'Tiny', base_year: 2026, horizon_years: 3, beginning_fund_balance: 0, reserve_policy_pct: 0.08, seed: 1 },
  positions: [{ position_id: 'T1', site_id: 'S1', role: 'teacher', fte: 1, salary: 10_000_000, benefits_rate: 0 }],
  drivers: [...drivers({}), { driver: 'pension_rate', value: 0.185, by_year: { '2027': 0.19, '2028': 0.195 } }],
  ...over,
});
const benefits = (p: ReturnType<typeof project>, scenario = 'Base') => {
  const r = forecastProject(p, { scenarios: [scenario] });
  if (!r.ok) throw new Error(r.reason);
  return r.value.scenarios[0]!.years.map((y) => y.expenditure_by_object!.benefits);
};

describe('a driver path by year', () => {
  it('carries its last year forward, not back to its single value', () => {
    // 2026 18.5% (the single value: before the first year column); 2027 19%: 0.5 pt × 100,000 = 500;
    // 2028 19.5%: 1 pt = 1,000; 2029 has no column: 19.5% carries forward → 1,000 (not 18.5% → 0).
    expect(benefits(project())).toEqual([0, 50_000, 100_000, 100_000]);
  });
});

describe('a scenario override with a blank year', () => {
  it('sets every projected year and leaves the base year as adopted', () => {
    // Pension 25% from 2027: (25% − 18.5%) × 100,000 = 6,500 every projected year. The base year's
    // rate stays 18.5% (its benefit rates already include it), so the change is not zeroed out.
    const p = project({ scenarios: [{ scenario: 'Pension 25%', driver: 'pension_rate', value: 0.25 }] });
    expect(benefits(p, 'Pension 25%')).toEqual([0, 650_000, 650_000, 650_000]);
  });
  it('gives way to a row for a given year of the same scenario', () => {
    // 2028 row 30%: (30% − 18.5%) × 100,000 = 11,500; the blank row (25%) every other projected year.
    const p = project({ scenarios: [
      { scenario: 'Pension', driver: 'pension_rate', value: 0.25 },
      { scenario: 'Pension', driver: 'pension_rate', value: 0.3, year: 2028 },
    ] });
    expect(benefits(p, 'Pension')).toEqual([0, 650_000, 1_150_000, 650_000]);
  });
});

describe('a scenario row for the base year', () => {
  it('changes nothing, and says so', () => {
    const p = project({ scenarios: [{ scenario: 'Pension now', driver: 'pension_rate', value: 0.3, year: 2026 }] });
    expect(benefits(p, 'Pension now')).toEqual([0, 50_000, 100_000, 100_000]);
    const r = forecastProject(p);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.warnings).toContainEqual('scenario "Pension now": its pension_rate row for 2026 changes nothing — the base year is the adopted budget; scenarios change the projected years');
  });
});
