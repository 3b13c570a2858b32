import { afterAll, describe, expect, it } from 'vitest';
import { closeMonteCarloWorkers, monteCarloPoolStats, runMonteCarlo } from '../../host/monte-carlo-pool';
import type { Project } from '../../models/project/project';
import { failingProject } from '../models/forecast/failing-project';
import { tinyProject } from '../models/forecast/fixtures';

afterAll(() => closeMonteCarloWorkers());

// GEN revenue 100,000 a year; supplies 90,000 inflating by CPI ~ normal, 90% in [0%, 10%] (median 5%);
// beginning balance 20,000; ending 2027 = 20,000 + (100,000 − S) + (100,000 − S × (1 + cpi)) for supplies S.
function project(): Project {
  return tinyProject({
    settings: { district_name: 'Tiny', base_year: 2026, horizon_years: 3, beginning_fund_balance: 2_000_000, reserve_policy_pct: 0.3, seed: 1 },
    funds: [{ fund_code: 'GEN', name: 'General', source: 'local', restricted: false, available: 10_000_000 }],
    budget: [{ fiscal_year: 2026, fund_code: 'GEN', object: 'supplies', amount: 9_000_000 }],
    drivers: [{ driver: 'cpi', value: 0.05, low: 0, high: 0.1, distribution: 'normal' }, { driver: 'cola', value: 0 }],
  });
}
const run = (p: Project, workers: number) => runMonteCarlo({ project: p, trials: 2000, seed: 5, workers });
const sent = () => monteCarloPoolStats().projectsSent;

describe('warm Monte Carlo workers never return stale results', () => {
  it('runs an edited project, not the copy the warm workers hold, and reuses them for equal content', async () => {
    const p = project();
    const first = await run(p, 2);
    if (!first.ok) throw new Error(first.reason);
    // Median 2027 = 20,000 + 10,000 + 100,000 − 90,000 × 1.05 = 35,500 (sample median within a few hundred dollars).
    expect(Math.abs(first.value.bands[1]!.p50 - 3_550_000)).toBeLessThan(30_000);

    // Edit in place: supplies 90,000 → 40,000. Median 2027 = 20,000 + 60,000 + 100,000 − 40,000 × 1.05 = 138,000.
    p.budget[0]!.amount = 4_000_000;
    let before = sent();
    const warm = await run(p, 2);
    expect(sent() - before).toBe(2); // both warm workers were sent the new content
    expect(warm).toEqual(await run(p, 0));
    if (!warm.ok) throw new Error(warm.reason);
    expect(Math.abs(warm.value.bands[1]!.p50 - 13_800_000)).toBeLessThan(30_000);

    // Edit a driver in place: CPI centred on 0% instead of 5% → median 2027 = 20,000 + 60,000 + 100,000 − 40,000 = 140,000.
    Object.assign(p.drivers[0]!, { value: 0, low: -0.05, high: 0.05 });
    const warm2 = await run(p, 2);
    expect(warm2).toEqual(await run(p, 0));
    if (!warm2.ok) throw new Error(warm2.reason);
    expect(Math.abs(warm2.value.bands[1]!.p50 - 14_000_000)).toBeLessThan(30_000);

    // The same content in other objects (a clone; keys in another order) reuses the warm workers.
    before = sent();
    const clone = await run(structuredClone(p), 2);
    const reordered = Object.fromEntries(Object.entries(structuredClone(p)).reverse()) as unknown as Project;
    const again = await run(reordered, 2);
    expect(sent()).toBe(before);
    expect(clone).toEqual(warm2);
    expect(again).toEqual(warm2);
  }, 120_000);
});

describe('failed trials through the pool', () => {
  it('give the same counts, first failure and bands on this thread, one worker and two', async () => {
    const p = failingProject();
    const opts = { project: p, trials: 1500, seed: 3 };
    const [zero, one, two] = [await runMonteCarlo({ ...opts, workers: 0 }), await runMonteCarlo({ ...opts, workers: 1 }), await runMonteCarlo({ ...opts, workers: 2 })];
    expect(zero.ok).toBe(false);
    expect(one).toEqual(zero);
    expect(two).toEqual(zero);
    if (!zero.ok) expect(zero.reason).toMatch(/^Monte Carlo: [\d,]+ of 1,500 trials \([\d.]+%\) failed;.*First failure: trial \d+ \(year 2027; cpi drew [\d.]+\): revenue source STATE/);

    const allowed = await Promise.all([0, 1, 2].map((workers) => runMonteCarlo({ ...opts, workers, allowFailedTrials: true })));
    const a0 = allowed[0]!;
    if (!a0.ok) throw new Error(a0.reason);
    expect(a0.value.failed_trials).toBeGreaterThan(600);
    expect(a0.value.first_failure).not.toBeNull();
    expect(allowed[1]).toEqual(a0);
    expect(allowed[2]).toEqual(a0);
  }, 120_000);
});
