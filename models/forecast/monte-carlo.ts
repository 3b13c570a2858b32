import type { DriverPaths } from './drivers';
import { sample } from './distributions';
import { makeWorkspace, runScenario } from './engine';
import type { Prepared } from './prepare';
import type { StaffingCoster } from './staffing-cost';
import { mulberry32, subSeed } from './prng';

// Monte Carlo over the uncertain drivers. Trial i draws from its own generator seeded by
// subSeed(seed, i), so a trial's numbers do not depend on which worker runs it or how the trials
// are split: 1 worker and 8 workers give bit-identical results. A chunk returns typed arrays
// (transferable) that `summariseTrials` merges into bands.

export interface TrialChunk {
  start: number;
  count: number;
  K: number;
  /** [trial*K + t] ending balance (cents) and reserve %. */
  balance: Float64Array;
  reserve: Float64Array;
  /** [planIndex*K + t] how many trials ran each backup plan in year t. */
  planCounts: Int32Array;
  planNames: string[];
  errors: number;
}

export function runTrials(p: Prepared, paths: DriverPaths, seed: number, start: number, count: number, priorityPlan?: string, onTrial?: (done: number) => void, staffing?: StaffingCoster): TrialChunk {
  const K = p.K;
  const balance = new Float64Array(count * K);
  const reserve = new Float64Array(count * K);
  const planNames = p.plans.names;
  const planCounts = new Int32Array(planNames.length * K);
  const ws = makeWorkspace(p);
  // Per-trial paths are copies of the scenario's, shifted by each draw, reused every trial.
  const trialPaths: DriverPaths = Object.create(null) as DriverPaths;
  for (const k of Object.keys(paths)) trialPaths[k] = Float64Array.from(paths[k]!);
  const perYear = p.config.monte_carlo.draw === 'per_year';
  let errors = 0;
  for (let i = 0; i < count; i++) {
    const rng = mulberry32(subSeed(seed, start + i));
    for (const u of p.drivers.uncertain) {
      const base = paths[u.name];
      const out = trialPaths[u.name];
      if (!base || !out) continue;
      if (perYear) for (let t = 0; t < K; t++) out[t] = t === 0 ? base[0]! : base[t]! + sample(u.dist, rng) - u.center;
      else { const d = sample(u.dist, rng) - u.center; out[0] = base[0]!; for (let t = 1; t < K; t++) out[t] = base[t]! + d; }
    }
    const run = runScenario(p, trialPaths, { lean: true, workspace: ws, priorityPlan, staffing });
    if (run.error) errors++;
    for (let t = 0; t < K; t++) {
      const y = run.years[t];
      balance[i * K + t] = y ? y.ending_balance_cents : NaN;
      reserve[i * K + t] = y ? y.reserve_pct : NaN;
      if (y?.plan) { const pi = planNames.indexOf(y.plan); if (pi >= 0 && y.plan !== (priorityPlan ?? p.config.priority_plan)) planCounts[pi * K + t]! += 1; }
    }
    if (onTrial && (i & 255) === 255) onTrial(i + 1);
  }
  return { start, count, K, balance, reserve, planCounts, planNames, errors };
}

export interface Band { year: number; p5: number; p25: number; p50: number; p75: number; p95: number; mean: number }

export interface MonteCarloSummary {
  trials: number;
  seed: number;
  bands: Band[];
  reserve_bands: Band[];
  breach_probability: { year: number; p: number }[];
  backup_probability: { plan: string; by_year: { year: number; p: number }[] }[];
  failed_trials: number;
}

/** Merges chunks (in any order) into percentile bands per year. */
export function summariseTrials(p: Prepared, chunks: readonly TrialChunk[], seed: number): MonteCarloSummary {
  const K = p.K;
  const sorted = [...chunks].sort((a, b) => a.start - b.start);
  const n = sorted.reduce((a, c) => a + c.count, 0);
  const bands: Band[] = [];
  const reserveBands: Band[] = [];
  const breach: { year: number; p: number }[] = [];
  const col = new Float64Array(n);
  const rcol = new Float64Array(n);
  for (let t = 0; t < K; t++) {
    let j = 0;
    let below = 0;
    for (const c of sorted) for (let i = 0; i < c.count; i++, j++) {
      col[j] = c.balance[i * K + t]!;
      rcol[j] = c.reserve[i * K + t]!;
      if (rcol[j]! < p.policy) below++;
    }
    const year = p.baseYear + t;
    bands.push({ year, ...percentiles(col, true) });
    reserveBands.push({ year, ...percentiles(rcol, false) });
    breach.push({ year, p: n > 0 ? below / n : 0 });
  }
  const names = sorted[0]?.planNames ?? [];
  const backup = names.map((plan, pi) => ({
    plan,
    by_year: Array.from({ length: K }, (_, t) => ({ year: p.baseYear + t, p: n > 0 ? sorted.reduce((a, c) => a + c.planCounts[pi * K + t]!, 0) / n : 0 })),
  })).filter((b) => b.by_year.some((y) => y.p > 0));
  return { trials: n, seed, bands, reserve_bands: reserveBands, breach_probability: breach, backup_probability: backup, failed_trials: sorted.reduce((a, c) => a + c.errors, 0) };
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
