import { describe, expect, it } from 'vitest';
import { forecastProject } from '../../../models/forecast/forecast';
import { drivers, tinyProject } from './fixtures';

// Issue 21 item 7: the fund balance in its GASB 54 classes, and the reserve measured on the classes
// the board policy names ÷ general-fund expenditures and other uses. GEN revenue $3,000,000 flat,
// supplies $3,200,000 flat: a $200,000 deficit every year. Beginning balance $1,000,000, of which
// (Settings) nonspendable $50,000, restricted $100,000, committed $200,000, assigned $150,000.
const project = (extra: Record<string, string>) => tinyProject({
  settings: { district_name: 'Tiny', base_year: 2026, horizon_years: 3, beginning_fund_balance: 100_000_000, reserve_policy_pct: 0.08, seed: 1, extra },
  funds: [{ fund_code: 'GEN', name: 'General', source: 'local', restricted: false, available: 300_000_000 }],
  budget: [{ fiscal_year: 2026, fund_code: 'GEN', object: 'supplies', amount: 320_000_000 }],
  drivers: drivers({}),
});
const classes = { fund_balance_nonspendable: '50,000', fund_balance_restricted: '100000', fund_balance_committed: '$200,000', fund_balance_assigned: '150000' };
const run = (extra: Record<string, string>) => {
  const r = forecastProject(project(extra));
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe('fund balance in GASB 54 classes', () => {
  it('holds nonspendable, restricted, committed and assigned; unassigned takes the surplus or deficit', () => {
    // Ending totals 800,000, 600,000, 400,000, 200,000. N, R, C held (50k, 100k, 200k).
    // Assigned 150,000 while it fits in what N + R + C leave (450k, 250k); in 2028 only 50,000 is
    // left, so assigned is 50,000 and unassigned 0; in 2029 the balance (200k) does not cover
    // N + R + C (350k): assigned 0, unassigned −150,000 (GASB 54: an assignment never makes
    // unassigned negative; only a shortfall below the other classes does).
    const r = run(classes);
    expect(r.scenarios[0]!.years.map((y) => y.fund_balance)).toEqual([
      { nonspendable: 5_000_000, restricted: 10_000_000, committed: 20_000_000, assigned: 15_000_000, unassigned: 30_000_000 },
      { nonspendable: 5_000_000, restricted: 10_000_000, committed: 20_000_000, assigned: 15_000_000, unassigned: 10_000_000 },
      { nonspendable: 5_000_000, restricted: 10_000_000, committed: 20_000_000, assigned: 5_000_000, unassigned: 0 },
      { nonspendable: 5_000_000, restricted: 10_000_000, committed: 20_000_000, assigned: 0, unassigned: -15_000_000 },
    ]);
    expect(r.reserve_policy_basis).toBe('unrestricted');
  });

  it('measures the reserve on unrestricted balance (committed + assigned + unassigned) by default, as GFOA does', () => {
    // 2026: (200k + 150k + 300k) ÷ 3,200,000 = 0.203125 (the whole balance gave 0.25);
    // 2027: 450k ÷ 3.2M = 0.140625; 2028: 250k ÷ 3.2M = 0.078125, below the 8% policy; 2029: 50k ÷ 3.2M.
    const y = run(classes).scenarios[0]!.years;
    expect(y.map((x) => x.reserve_pct)).toEqual([0.203125, 0.140625, 0.078125, 0.015625]);
    expect(y.map((x) => x.reserve_balance_cents)).toEqual([65_000_000, 45_000_000, 25_000_000, 5_000_000]);
    expect(y.map((x) => x.below_policy)).toEqual([false, false, true, true]);
    expect(y[1]!.ending_balance_cents).toBe(60_000_000);
  });

  it('or on unassigned only, when the policy says so', () => {
    // 300k, 100k, 0, −150k ÷ 3,200,000.
    const y = run({ ...classes, reserve_policy_basis: 'unassigned' }).scenarios[0]!.years;
    expect(y.map((x) => x.reserve_pct)).toEqual([0.09375, 0.03125, 0, -0.046875]);
  });

  it('with no classes given, the whole balance is unassigned (the reserve as before)', () => {
    const y = run({}).scenarios[0]!.years;
    expect(y[0]).toMatchObject({ reserve_pct: 0.25, fund_balance: { nonspendable: 0, restricted: 0, committed: 0, assigned: 0, unassigned: 80_000_000 } });
  });

  it('refuses a class amount or a basis it cannot read, naming the setting', () => {
    expect(forecastProject(project({ fund_balance_committed: 'lots' }))).toMatchObject({ ok: false, reason: expect.stringMatching(/Settings fund_balance_committed/) });
    expect(forecastProject(project({ reserve_policy_basis: 'total' }))).toMatchObject({ ok: false, reason: expect.stringMatching(/reserve_policy_basis.*unrestricted or unassigned/) });
  });
});
