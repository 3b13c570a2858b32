import { fail, ok, type Parsed } from '../result';
import type { DriverPaths } from './drivers';
import { distCdf, sample } from './distributions';
import { makeWorkspace, runScenario, type YearResult } from './engine';
import type { Prepared } from './prepare';
import type { StaffingCoster } from './staffing-cost';
import { mulberry32, subSeed } from './prng';
import { MEASURES, type MeasureName } from '../network/measures';

// Monte Carlo over the uncertain drivers. Trial i draws from its own generator seeded by
// subSeed(seed, i), so a trial's numbers do not depend on which worker runs it or how the trials
// are split: 1 worker and 8 workers give bit-identical results. A chunk returns typed arrays
// (transferable) that `summariseTrials` merges into bands.
//
// A trial fails when the engine reports an error (a revenue formula gave no finite number, …) or a
// year's balance or reserve is not a finite number. A failed trial is never summarised: it is
// counted, the lowest-index one is described (its draws and the error), and `acceptTrials`
// refuses the run unless the caller allowed failed trials, because bands over only the trials
// that happened to succeed are biased.

/** One uncertain driver's draw in a trial: `value` (draw per_trial, the whole path shifted by
 *  value − centre) or `by_year` (draw per_year, one value each projected year). */
export interface DriverDraw { driver: string; value?: number; by_year?: { year: number; value: number }[] }

export interface TrialFailure {
  /** Trial index, from 0: the trial drew from subSeed(seed, trial_index). */
  trial_index: number;
  /** The fiscal year whose computation failed. */
  year: number;
  drivers: DriverDraw[];
  error: string;
}

export interface TrialChunk {
  start: number;
  count: number;
  K: number;
  /** [trial*K + t] ending balance (cents) and reserve %; 0 for a failed trial. */
  balance: Float64Array;
  reserve: Float64Array;
  /** [trial] 1 if the trial ran every year to finite numbers, 0 if it failed. */
  succeeded: Uint8Array;
  /** [planIndex*K + t] how many successful trials ran each backup plan in year t. */
  planCounts: Int32Array;
  planNames: string[];
  failed: number;
  /** The chunk's failed trial with the lowest index, or null. */
  firstFailure: TrialFailure | null;
  /** A charter network: [measure·K + t] successful trials whose measure missed NACSA's standard
   *  (MEASURES order), and [t] those that broke any lender covenant. */
  measureMisses?: Int32Array;
  covenantMisses?: Int32Array;
}

export function runTrials(p: Prepared, paths: DriverPaths, seed: number, start: number, count: number, priorityPlan?: string, onTrial?: (done: number) => void, staffing?: StaffingCoster): TrialChunk {
  const K = p.K;
  const balance = new Float64Array(count * K);
  const reserve = new Float64Array(count * K);
  const succeeded = new Uint8Array(count);
  const planNames = p.plans.names;
  const planCounts = new Int32Array(planNames.length * K);
  const ws = makeWorkspace(p);
  // Per-trial paths are copies of the scenario's, shifted by each draw, reused every trial.
  const trialPaths: DriverPaths = Object.create(null) as DriverPaths;
  for (const k of Object.keys(paths)) trialPaths[k] = Float64Array.from(paths[k]!);
  const perYear = p.config.monte_carlo.draw === 'per_year';
  const uncertain = p.drivers.uncertain;
  // This trial's draws ([driver*K + t]), kept to describe the first failure.
  const draws = new Float64Array(uncertain.length * K);
  const running = priorityPlan ?? p.config.priority_plan;
  let failed = 0;
  let firstFailure: TrialFailure | null = null;
  const misses = p.network ? { measure: new Int32Array(MEASURES.length * K), covenant: new Int32Array(K) } : undefined;
  for (let i = 0; i < count; i++) {
    const rng = mulberry32(subSeed(seed, start + i));
    for (let u = 0; u < uncertain.length; u++) {
      const d = uncertain[u]!;
      const base = paths[d.name];
      const out = trialPaths[d.name];
      if (!base || !out) continue;
      if (perYear) {
        out[0] = base[0]!;
        for (let t = 1; t < K; t++) { const x = sample(d.dist, rng); draws[u * K + t] = x; out[t] = base[t]! + x - d.center; }
      } else {
        const x = sample(d.dist, rng);
        draws[u * K] = x;
        const shift = x - d.center;
        out[0] = base[0]!;
        for (let t = 1; t < K; t++) out[t] = base[t]! + shift;
      }
    }
    const run = runScenario(p, trialPaths, { lean: true, workspace: ws, priorityPlan, staffing });
    const problem = trialProblem(run.error, run.years, K, p.baseYear);
    if (problem) {
      failed++;
      firstFailure ??= { trial_index: start + i, year: problem.year, drivers: describeDraws(p, paths, draws, perYear), error: problem.error };
    } else {
      succeeded[i] = 1;
      for (let t = 0; t < K; t++) {
        const y = run.years[t]!;
        balance[i * K + t] = y.ending_balance_cents;
        reserve[i * K + t] = y.reserve_pct;
        if (y.plan && y.plan !== running) { const pi = planNames.indexOf(y.plan); if (pi >= 0) planCounts[pi * K + t]! += 1; }
        if (misses && y.measures) countMisses(y.measures, misses, K, t);
      }
    }
    if (onTrial && (i & 255) === 255) onTrial(i + 1);
  }
  const chunk: TrialChunk = { start, count, K, balance, reserve, succeeded, planCounts, planNames, failed, firstFailure };
  return misses ? { ...chunk, measureMisses: misses.measure, covenantMisses: misses.covenant } : chunk;
}

function countMisses(measures: NonNullable<YearResult['measures']>, misses: { measure: Int32Array; covenant: Int32Array }, K: number, t: number): void {
  let broken = false;
  MEASURES.forEach((m, mi) => {
    const r = measures[m];
    if (!r.meets) misses.measure[mi * K + t]! += 1;
    if (r.covenants?.some((c) => !c.meets)) broken = true;
  });
  if (broken) misses.covenant[t]! += 1;
}

/** Why a trial cannot be summarised (and in which year), or null. */
function trialProblem(error: string | undefined, years: readonly YearResult[], K: number, baseYear: number): { year: number; error: string } | null {
  // The engine stops at the failing year: the years before it are complete.
  if (error !== undefined) return { year: baseYear + years.length, error };
  if (years.length < K) return { year: baseYear + years.length, error: 'the forecast stopped before its last year' };
  for (const y of years) {
    if (!Number.isFinite(y.ending_balance_cents)) return { year: y.year, error: `the ending balance is ${String(y.ending_balance_cents)}, not a finite number` };
    if (!Number.isFinite(y.reserve_pct)) return { year: y.year, error: `the reserve % is ${String(y.reserve_pct)}, not a finite number` };
  }
  return null;
}

function describeDraws(p: Prepared, paths: DriverPaths, draws: Float64Array, perYear: boolean): DriverDraw[] {
  const K = p.K;
  const out: DriverDraw[] = [];
  p.drivers.uncertain.forEach((d, u) => {
    if (!paths[d.name]) return;
    if (!perYear) out.push({ driver: d.name, value: draws[u * K]! });
    else out.push({ driver: d.name, by_year: Array.from({ length: K - 1 }, (_, j) => ({ year: p.baseYear + j + 1, value: draws[u * K + j + 1]! })) });
  });
  return out;
}

export interface Band { year: number; p5: number; p25: number; p50: number; p75: number; p95: number; mean: number }

/** How a driver was drawn: centred on its value, low/high read as an `interval` and where they fall. */
export interface DriverDistribution {
  driver: string;
  kind: string;
  /** The driver's value: the distribution's mean (normal, uniform), median (lognormal) or mode (triangular). */
  center: number;
  low: number;
  high: number;
  interval: number;
  /** The share of draws below low and below high (0.05 and 0.95 when the value is mid-interval). */
  p_low: number;
  p_high: number;
}

export interface MonteCarloSummary {
  /** Trials run. Bands, breach and backup probabilities are over the successful trials only. */
  trials: number;
  seed: number;
  bands: Band[];
  reserve_bands: Band[];
  breach_probability: { year: number; p: number }[];
  backup_probability: { plan: string; by_year: { year: number; p: number }[] }[];
  successful_trials: number;
  failed_trials: number;
  /** failed_trials ÷ trials. */
  failed_share: number;
  /** The failed trial with the lowest index (the same for any number of workers), or null. */
  first_failure: TrialFailure | null;
  /** Each uncertain driver's distribution, centred on its value. */
  distributions: DriverDistribution[];
  /** A charter network: per measure, the chance each year that it misses NACSA's standard (DSCR < 1.1, days cash < 60, …). */
  measure_breach_probability?: Record<MeasureName, { year: number; p: number }[]>;
  /** A charter network: the chance each year that any lender covenant is broken. */
  covenant_breach_probability?: { year: number; p: number }[];
}

/** Merges chunks (in any order) into percentile bands per year over the successful trials. */
export function summariseTrials(p: Prepared, chunks: readonly TrialChunk[], seed: number): MonteCarloSummary {
  const K = p.K;
  const sorted = [...chunks].sort((a, b) => a.start - b.start);
  const n = sorted.reduce((a, c) => a + c.count, 0);
  const failed = sorted.reduce((a, c) => a + c.failed, 0);
  const s = n - failed;
  const bands: Band[] = [];
  const reserveBands: Band[] = [];
  const breach: { year: number; p: number }[] = [];
  const col = new Float64Array(s);
  const rcol = new Float64Array(s);
  for (let t = 0; t < K; t++) {
    let j = 0;
    let below = 0;
    for (const c of sorted) for (let i = 0; i < c.count; i++) {
      if (c.succeeded[i] !== 1) continue;
      col[j] = c.balance[i * K + t]!;
      rcol[j] = c.reserve[i * K + t]!;
      if (rcol[j]! < p.policy) below++;
      j++;
    }
    const year = p.baseYear + t;
    bands.push({ year, ...percentiles(col, true) });
    reserveBands.push({ year, ...percentiles(rcol, false) });
    breach.push({ year, p: s > 0 ? below / s : 0 });
  }
  const names = sorted[0]?.planNames ?? [];
  const backup = names.map((plan, pi) => ({
    plan,
    by_year: Array.from({ length: K }, (_, t) => ({ year: p.baseYear + t, p: s > 0 ? sorted.reduce((a, c) => a + c.planCounts[pi * K + t]!, 0) / s : 0 })),
  })).filter((b) => b.by_year.some((y) => y.p > 0));
  let first: TrialFailure | null = null;
  for (const c of sorted) if (c.firstFailure && (!first || c.firstFailure.trial_index < first.trial_index)) first = c.firstFailure;
  const summary: MonteCarloSummary = {
    trials: n, seed, bands, reserve_bands: reserveBands, breach_probability: breach, backup_probability: backup,
    successful_trials: s, failed_trials: failed, failed_share: n > 0 ? failed / n : 0, first_failure: first,
    distributions: p.drivers.uncertain.map((u) => ({ driver: u.name, kind: u.dist.kind, center: u.center, low: u.low, high: u.high, interval: u.interval, p_low: distCdf(u.dist, u.low), p_high: distCdf(u.dist, u.high) })),
  };
  return p.network ? { ...summary, ...measureBreaches(p, sorted, s) } : summary;
}

/** Shares of the successful trials that missed each measure's standard, and broke a covenant, per year. */
function measureBreaches(p: Prepared, chunks: readonly TrialChunk[], s: number): Pick<MonteCarloSummary, 'measure_breach_probability' | 'covenant_breach_probability'> {
  const K = p.K;
  const share = (read: (c: TrialChunk) => number) => (s > 0 ? chunks.reduce((a, c) => a + read(c), 0) / s : 0);
  const byYear = (read: (c: TrialChunk, t: number) => number) => Array.from({ length: K }, (_, t) => ({ year: p.baseYear + t, p: share((c) => read(c, t)) }));
  const measure = {} as Record<MeasureName, { year: number; p: number }[]>;
  MEASURES.forEach((m, mi) => { measure[m] = byYear((c, t) => c.measureMisses?.[mi * K + t] ?? 0); });
  return { measure_breach_probability: measure, covenant_breach_probability: byYear((c, t) => c.covenantMisses?.[t] ?? 0) };
}

/**
 * A run with failed trials is refused unless `allowFailedTrials` (then its figures are over the
 * successful trials, and it says how many failed); a run in which every trial failed is refused.
 */
export function acceptTrials(s: MonteCarloSummary, allowFailedTrials = false): Parsed<MonteCarloSummary> {
  if (s.failed_trials === 0 || (allowFailedTrials && s.successful_trials > 0)) return ok(s);
  const first = s.first_failure ? ` First failure: ${describeTrialFailure(s.first_failure)}.` : '';
  if (s.successful_trials === 0) return fail(`Monte Carlo: all ${count(s.trials)} trials failed, so there is nothing to summarise.${first}`);
  return fail(`Monte Carlo: ${count(s.failed_trials)} of ${count(s.trials)} trials (${share(s.failed_share)}) failed; bands over only the trials that succeeded would be biased, so none are given.${first} Fix the formula or the driver's range, or allow failed trials (--allow-failed-trials) to summarise the ${count(s.successful_trials)} successful trials and report the failures.`);
}

/** "trial 17 (year 2027; cpi drew 0.0213): revenue source STATE: …" */
export function describeTrialFailure(f: TrialFailure): string {
  const draws = f.drivers.map((d) => d.by_year
    ? `${d.driver} drew ${d.by_year.map((y) => `${num(y.value)} (${y.year})`).join(', ')}`
    : `${d.driver} drew ${num(d.value!)}`);
  return `trial ${f.trial_index} (year ${f.year}${draws.length > 0 ? `; ${draws.join('; ')}` : ''}): ${f.error}`;
}

const count = (n: number) => n.toLocaleString('en-US');
const num = (x: number) => String(Number(x.toPrecision(6)));
/** A share as a percentage that never rounds a failure away to "0.0%". */
export function share(x: number): string {
  if (x > 0 && x < 0.001) return '<0.1%';
  if (x < 1 && x > 0.999) return '>99.9%';
  return `${(x * 100).toFixed(1)}%`;
}

/** P5…P95 by linear interpolation between order statistics (Excel's PERCENTILE.INC). */
function percentiles(values: Float64Array, cents: boolean): Omit<Band, 'year'> {
  const v = Float64Array.from(values).sort();
  const q = (f: number) => {
    if (v.length === 0) return 0;
    const h = (v.length - 1) * f;
    const lo = Math.floor(h);
    const x = v[lo]! + (h - lo) * ((v[Math.min(lo + 1, v.length - 1)] ?? v[lo]!) - v[lo]!);
    return cents ? Math.round(x) : x;
  };
  let sum = 0;
  for (const x of v) sum += x;
  const mean = v.length > 0 ? sum / v.length : 0;
  return { p5: q(0.05), p25: q(0.25), p50: q(0.5), p75: q(0.75), p95: q(0.95), mean: cents ? Math.round(mean) : mean };
}
