import type { MonteCarloSummary, TrialChunk } from '../../models/forecast/monte-carlo';
import type { Project } from '../../models/project/project';
import type { ImportProgress, RequestOf, ResultOf } from './protocol';

/** Stopped by the user (Cancel), or by a new run. */
export class MonteCarloCancelled extends Error {
  constructor() {
    super('The Monte Carlo run was cancelled.');
    this.name = 'MonteCarloCancelled';
  }
}

export interface MonteCarloRun {
  version: number;
  /** The project of `version` (each trial worker is a fresh one and gets it in full). */
  project: Project;
  scenario: string;
  years?: number;
  trials: number;
  seed: number;
  /** Trial workers (default: the machine's cores, at most 4). */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** A worker of its own for one share of the trials: call it, or terminate it. */
export interface TrialWorker {
  call(request: RequestOf<'monte-carlo-trials'>, progress: (p: ImportProgress) => void): Promise<ResultOf<'monte-carlo-trials'>>;
  terminate(): void;
}

/**
 * Monte Carlo off the UI thread, as `forecast --trials N --seed S`: the trials split into contiguous
 * ranges, one per fresh worker (trial i always draws from subSeed(seed, i), so the split never
 * changes a figure), progress summed as they go, Cancel terminating them; the long-lived engine
 * worker merges the chunks into the bands (`summarise`).
 */
export async function runMonteCarloInWorkers(
  run: MonteCarloRun,
  newWorker: () => TrialWorker,
  summarise: (request: RequestOf<'monte-carlo-summary'>) => Promise<MonteCarloSummary>,
): Promise<MonteCarloSummary> {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  const n = Math.max(1, Math.min(run.workers ?? Math.min(cores, 4), run.trials));
  const per = Math.ceil(run.trials / n);
  const ranges: [number, number][] = [];
  for (let s = 0; s < run.trials; s += per) ranges.push([s, Math.min(per, run.trials - s)]);
  const done = ranges.map(() => 0);
  const workers = ranges.map(() => newWorker());
  const stop = () => workers.forEach((w) => w.terminate());
  if (run.signal?.aborted) { stop(); throw new MonteCarloCancelled(); }
  const cancelled = new Promise<never>((_, reject) => run.signal?.addEventListener('abort', () => { stop(); reject(new MonteCarloCancelled()); }, { once: true }));
  try {
    const base = { project: run.project, scenario: run.scenario, seed: run.seed, ...(run.years !== undefined ? { years: run.years } : {}) };
    const chunks: TrialChunk[] = await Promise.race([cancelled, Promise.all(ranges.map(([start, count], i) => workers[i]!.call({ ...base, start, count }, (p) => {
      done[i] = p.done;
      run.onProgress?.(done.reduce((a, b) => a + b, 0), run.trials);
    })))]);
    run.onProgress?.(run.trials, run.trials);
    return await Promise.race([cancelled, summarise({ version: run.version, scenario: run.scenario, seed: run.seed, chunks, ...(run.years !== undefined ? { years: run.years } : {}) })]);
  } finally {
    stop();
  }
}
