import { afterAll, describe, expect, it } from 'vitest';
import { closeMonteCarloWorkers, MonteCarloCancelled, runMonteCarlo } from '../../host/monte-carlo-pool';
import { tinyProject } from '../models/forecast/fixtures';

// GEN revenue 100,000; supplies 90,000 with CPI uncertain (normal, 90% interval 0%–10%).
const project = tinyProject({
  settings: { district_name: 'Tiny', base_year: 2026, horizon_years: 3, beginning_fund_balance: 2_000_000, reserve_policy_pct: 0.3, seed: 1 },
  funds: [{ fund_code: 'GEN', name: 'General', source: 'local', restricted: false, available: 10_000_000 }],
  budget: [{ fiscal_year: 2026, fund_code: 'GEN', object: 'supplies', amount: 9_000_000 }],
  drivers: [{ driver: 'cpi', value: 0.05, low: 0, high: 0.1, distribution: 'normal' }, { driver: 'cola', value: 0 }],
});

afterAll(() => closeMonteCarloWorkers());

describe('Monte Carlo worker pool', () => {
  it('gives identical results on this thread, one worker and two workers', async () => {
    const progress: number[] = [];
    const inline = await runMonteCarlo({ project, trials: 3000, seed: 11, workers: 0 });
    const one = await runMonteCarlo({ project, trials: 3000, seed: 11, workers: 1 });
    const two = await runMonteCarlo({ project, trials: 3000, seed: 11, workers: 2, onProgress: (d) => progress.push(d) });
    expect(inline.ok && one.ok && two.ok).toBe(true);
    expect(one).toEqual(inline);
    expect(two).toEqual(inline);
    expect(progress[progress.length - 1]).toBe(3000);
    if (two.ok) {
      expect(two.value.bands).toHaveLength(4);
      expect(two.value.breach_probability[3]!.p).toBeGreaterThan(0);
    }
  }, 120_000);

  it('reuses warm workers and can be cancelled', async () => {
    const ctrl = new AbortController();
    const run = runMonteCarlo({ project, trials: 100_000, seed: 3, workers: 2, signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 50);
    await expect(run).rejects.toBeInstanceOf(MonteCarloCancelled);
    const again = await runMonteCarlo({ project, trials: 500, seed: 3, workers: 2 });
    expect(again.ok).toBe(true);
  }, 120_000);

  it('refuses a bad request as a value', async () => {
    expect(await runMonteCarlo({ project, trials: 0, seed: 1 })).toMatchObject({ ok: false });
    expect(await runMonteCarlo({ project, trials: 10, seed: 1, scenario: 'Nope' })).toMatchObject({ ok: false, reason: expect.stringMatching(/no scenario named "Nope"/) });
  });
});
