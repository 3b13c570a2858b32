import { describe, expect, it } from 'vitest';
import { fitDistribution, sample } from '../../../models/forecast/distributions';
import { scenarioPaths } from '../../../models/forecast/drivers';
import { acceptTrials, runTrials, summariseTrials, type MonteCarloSummary } from '../../../models/forecast/monte-carlo';
import { prepareForecast } from '../../../models/forecast/prepare';
import { mulberry32, subSeed } from '../../../models/forecast/prng';
import { failingProject } from './failing-project';

// The district of failing-project.ts: revenue = $90,000 + sqrt(cpi − 3%) × $100,000 a year,
// spending $90,000 flat, beginning balance $20,000, policy 30%, cpi uniform with 90% in [1%, 5%]
// (so from 0.78% to 5.22%, centred on 3%). A draw below 3% takes the square root of a negative
// number and the trial fails; about half do. The expectations below are worked out from the
// draws alone (prng + distributions), not by the code under test.

const SEED = 7;
const N = 2000;
const dist = (() => { const d = fitDistribution('uniform', 0.03, 0.01, 0.05); if (typeof d === 'string') throw new Error(d); return d; })();

function prepared(draw: 'per_trial' | 'per_year' = 'per_trial') {
  const prep = prepareForecast(failingProject({ draw }));
  if (!prep.ok) throw new Error(prep.reason);
  const p = prep.value;
  const sp = scenarioPaths('Base', p.scenarios, p.drivers.paths, p.baseYear, p.years);
  if (!sp.ok) throw new Error(sp.reason);
  return { p, paths: sp.value.paths };
}

/** Trial i's cpi in a projected year: the scenario path (3%) shifted by draw − centre, as drawn. */
const cpiOf = (x: number) => 0.03 + (x - 0.03);

/** Excel PERCENTILE.INC, written out again here. */
function percentileInc(sorted: number[], f: number): number {
  const h = (sorted.length - 1) * f;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Every number in a summary, anywhere in it. */
function numbersIn(v: unknown, out: number[] = []): number[] {
  if (typeof v === 'number') out.push(v);
  else if (Array.isArray(v)) for (const x of v) numbersIn(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) numbersIn(x, out);
  return out;
}

describe('Monte Carlo failed trials (per-trial draws)', () => {
  const { p, paths } = prepared();
  const draws = Array.from({ length: N }, (_, i) => sample(dist, mulberry32(subSeed(SEED, i))));
  const failedIdx = draws.map((x, i) => (cpiOf(x) - 0.03 < 0 ? i : -1)).filter((i) => i >= 0);
  const okDraws = draws.filter((x) => cpiOf(x) - 0.03 >= 0);
  const summary = summariseTrials(p, [runTrials(p, paths, SEED, 0, N)], SEED);

  it('counts the failed trials and describes the first one', () => {
    expect(failedIdx.length).toBeGreaterThan(900); // the fixture does what it says: about half fail
    expect(failedIdx.length).toBeLessThan(1100);
    expect(summary.trials).toBe(N);
    expect(summary.failed_trials).toBe(failedIdx.length);
    expect(summary.successful_trials).toBe(N - failedIdx.length);
    expect(summary.failed_share).toBe(failedIdx.length / N);
    expect(summary.first_failure).toEqual({
      trial_index: failedIdx[0], year: 2027, drivers: [{ driver: 'cpi', value: draws[failedIdx[0]!] }],
      // The message is the expression module's; it must name the formula.
      error: expect.stringMatching(/^revenue source STATE: .*sqrt\(cpi - 0\.03\)/),
    });
  });

  it('refuses the run by default, naming the count and the first failing draw', () => {
    const r = acceptTrials(summary);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toContain(`${failedIdx.length.toLocaleString('en-US')} of 2,000 trials (${(failedIdx.length / N * 100).toFixed(1)}%) failed`);
    expect(r.reason).toContain(`trial ${failedIdx[0]} (year 2027; cpi drew ${Number(draws[failedIdx[0]!]!.toPrecision(6))})`);
    expect(r.reason).toContain('revenue source STATE');
    expect(r.reason).toContain('--allow-failed-trials');
  });

  it('with failed trials allowed, summarises exactly the successful trials', () => {
    const r = acceptTrials(summary, true);
    if (!r.ok) throw new Error(r.reason);
    // A successful trial's revenue each projected year, in cents: round((90,000 + sqrt(cpi − 0.03) × 100,000) × 100);
    // surplus S = revenue − 9,000,000; ending balance 2026 = 2,000,000, 2027 = 2,000,000 + S, 2028 = 2,000,000 + 2S.
    const surplus = okDraws.map((x) => Math.round((90000 + Math.sqrt(cpiOf(x) - 0.03) * 100000) * 100) - 9_000_000);
    for (const t of [0, 1, 2]) {
      const balances = surplus.map((s) => 2_000_000 + t * s).sort((a, b) => a - b);
      const band = r.value.bands[t]!;
      expect(band.year).toBe(2026 + t);
      for (const [k, f] of [['p5', 0.05], ['p25', 0.25], ['p50', 0.5], ['p75', 0.75], ['p95', 0.95]] as const) expect(band[k]).toBe(Math.round(percentileInc(balances, f)));
      expect(band.mean).toBe(Math.round(balances.reduce((a, b) => a + b, 0) / balances.length));
      // Reserve = ending ÷ 9,000,000; below the 30% policy ⇔ ending < 2,700,000.
      const reserves = balances.map((b) => b / 9_000_000);
      expect(r.value.reserve_bands[t]!.p50).toBeCloseTo(percentileInc(reserves, 0.5), 12);
      expect(r.value.breach_probability[t]!.p).toBe(balances.filter((b) => b < 2_700_000).length / balances.length);
    }
    // 2026 is below policy in every trial (20,000 ÷ 90,000 = 22%); later years only for small draws.
    expect(r.value.breach_probability[0]!.p).toBe(1);
    expect(r.value.breach_probability[2]!.p).toBeGreaterThan(0);
    expect(r.value.breach_probability[2]!.p).toBeLessThan(1);
    expect(numbersIn(r.value).every(Number.isFinite)).toBe(true);
    expect(JSON.stringify(r.value)).not.toContain('null');
  });

  it('merges chunks in any order to the same summary and the same first failure', () => {
    // Split after the first failure, so the chunk with the lowest-index failure comes second.
    const cut = failedIdx[0]! + 1;
    const a = runTrials(p, paths, SEED, 0, cut);
    const b = runTrials(p, paths, SEED, cut, N - cut);
    expect(a.firstFailure?.trial_index).toBe(failedIdx[0]);
    expect(b.firstFailure?.trial_index).toBe(failedIdx[1]);
    expect(summariseTrials(p, [b, a], SEED)).toEqual(summary);
  });
});

describe('Monte Carlo failed trials (per-year draws)', () => {
  const { p, paths } = prepared('per_year');
  it('describes the first failure with its draw for each projected year and the year it failed', () => {
    // Each trial draws cpi for 2027 then 2028 from its own stream; it fails in the first year whose draw is below 3%.
    const byTrial = Array.from({ length: 300 }, (_, i) => { const rng = mulberry32(subSeed(SEED, i)); return [sample(dist, rng), sample(dist, rng)]; });
    const first = byTrial.findIndex(([x1, x2]) => cpiOf(x1!) < 0.03 || cpiOf(x2!) < 0.03);
    const [x1, x2] = byTrial[first]!;
    const s = summariseTrials(p, [runTrials(p, paths, SEED, 0, 300)], SEED);
    // Both years must succeed: about a quarter of trials do.
    expect(s.successful_trials).toBe(byTrial.filter(([u, v]) => cpiOf(u!) >= 0.03 && cpiOf(v!) >= 0.03).length);
    expect(s.first_failure).toMatchObject({
      trial_index: first, year: cpiOf(x1!) < 0.03 ? 2027 : 2028,
      drivers: [{ driver: 'cpi', by_year: [{ year: 2027, value: x1 }, { year: 2028, value: x2 }] }],
    });
    // A trial whose 2027 draw is fine and whose 2028 draw is not fails in 2028.
    const late = byTrial.findIndex(([u, v]) => cpiOf(u!) >= 0.03 && cpiOf(v!) < 0.03);
    expect(late).toBeGreaterThanOrEqual(0);
    expect(runTrials(p, paths, SEED, late, 1).firstFailure).toMatchObject({ trial_index: late, year: 2028 });
  });
});

describe('Monte Carlo with every trial failed', () => {
  it('is a failure even with failed trials allowed, and has no NaN', () => {
    const prep = prepareForecast(failingProject({ expression: '90000 + sqrt(cpi - 0.5) * 100000' }));
    if (!prep.ok) throw new Error(prep.reason);
    const p = prep.value;
    const sp = scenarioPaths('Base', p.scenarios, p.drivers.paths, p.baseYear, p.years);
    if (!sp.ok) throw new Error(sp.reason);
    const s: MonteCarloSummary = summariseTrials(p, [runTrials(p, sp.value.paths, SEED, 0, 200)], SEED);
    // cpi never reaches 50%, and the base year (cpi 3%) fails too: trial 0 fails in 2026.
    expect(s).toMatchObject({ failed_trials: 200, successful_trials: 0, failed_share: 1, first_failure: { trial_index: 0, year: 2026 } });
    expect(numbersIn(s).every(Number.isFinite)).toBe(true);
    for (const allow of [false, true]) {
      const r = acceptTrials(s, allow);
      expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/^Monte Carlo: all 200 trials failed.*First failure: trial 0 \(year 2026; cpi drew [\d.]+\): revenue source STATE/) });
    }
  });
});
