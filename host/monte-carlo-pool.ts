/**
 * Monte Carlo over worker threads. Trials are split into contiguous ranges, one per worker; trial i
 * always draws from subSeed(seed, i), so the summary is identical for any number of workers.
 * Progress is reported as trials finish; an AbortSignal stops the run (its workers are terminated).
 * Workers stay warm between runs until closeMonteCarloWorkers(), and keep the last project they
 * prepared under its content hash (host/content-hash.ts), computed once per run here: a project
 * edited in place has a new hash and is sent again, so a warm worker never runs an old copy; an
 * equal project in another object reuses the warm copy.
 *
 * The worker entry is host/monte-carlo-worker.ts, started the way host/read-file.ts starts its
 * parse worker: a bundled sibling monte-carlo-worker.cjs (Electron) if there is one, else the .ts
 * file through a bootstrap that registers tsx's loader inside the worker (tsx CLI, vitest, bench).
 */
import { Worker } from 'node:worker_threads';
import { acceptTrials, runTrials, summariseTrials, type MonteCarloSummary, type TrialChunk } from '../models/forecast/monte-carlo';
import { prepareTrials } from '../models/forecast/trials';
import type { Project } from '../models/project/project';
import { fail, type Parsed } from '../models/result';
import { contentHash } from './content-hash';
import type { TrialJob, TrialReply } from './monte-carlo-protocol';
import { workerEntry } from './worker-entry';

export const MAX_TRIALS = 100_000;

export interface MonteCarloRequest {
  project: Project;
  scenario?: string;
  years?: number;
  trials: number;
  seed: number;
  /** Worker threads (default 2; 0 = run on this thread). */
  workers?: number;
  /** Summarise the successful trials when some fail (default: a failed trial fails the run). */
  allowFailedTrials?: boolean;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

interface Slot { worker: Worker; projectKey: string; busy: boolean }
const idle: Slot[] = [];
let uncacheable = 0;
let nextJob = 1;
let projectsSent = 0;

/** How many times a project was sent to a worker (each send makes that worker prepare it afresh). */
export function monteCarloPoolStats(): { projectsSent: number } {
  return { projectsSent };
}

export class MonteCarloCancelled extends Error {
  override name = 'AbortError';
  constructor() { super('Monte Carlo run cancelled'); }
}

export async function runMonteCarlo(req: MonteCarloRequest): Promise<Parsed<MonteCarloSummary>> {
  if (!Number.isInteger(req.trials) || req.trials < 1 || req.trials > MAX_TRIALS) return fail(`trials must be a whole number from 1 to ${MAX_TRIALS}`);
  const scenario = req.scenario ?? 'Base';
  // Prepare here too: it validates the project (errors come back as values) and summarises.
  const local = prepareTrials(req.project, scenario, req.years);
  if (!local.ok) return local;
  if (req.signal?.aborted) throw new MonteCarloCancelled();
  const workers = Math.max(0, Math.min(req.workers ?? 2, 16, req.trials));
  if (workers === 0) {
    const chunk = runTrials(local.value.prepared, local.value.paths, req.seed, 0, req.trials, local.value.priorityPlan, (d) => req.onProgress?.(d, req.trials), local.value.staffing);
    req.onProgress?.(req.trials, req.trials);
    return acceptTrials(summariseTrials(local.value.prepared, [chunk], req.seed), req.allowFailedTrials);
  }
  // The key is the project's content now (postMessage below clones it in this same turn); a
  // project that is not plain data gets a key of its own and is sent every run.
  const key = contentHash(req.project) ?? `uncacheable ${++uncacheable}`;
  const per = Math.ceil(req.trials / workers);
  const ranges: [number, number][] = [];
  for (let s = 0; s < req.trials; s += per) ranges.push([s, Math.min(per, req.trials - s)]);
  const done = new Array<number>(ranges.length).fill(0);
  const slots = ranges.map(() => take());
  const report = () => req.onProgress?.(done.reduce((a, b) => a + b, 0), req.trials);
  try {
    const chunks = await Promise.all(ranges.map(([start, count], i) => {
      const send = slots[i]!.projectKey !== key;
      if (send) projectsSent++;
      const job: TrialJob = { id: nextJob++, projectKey: key, scenario, years: req.years, seed: req.seed, start, count, ...(send ? { project: req.project } : {}) };
      return runJob(slots[i]!, job, req.signal, (d) => { done[i] = d; report(); });
    }));
    for (const s of slots) { s.projectKey = key; s.busy = false; idle.push(s); }
    return acceptTrials(summariseTrials(local.value.prepared, chunks, req.seed), req.allowFailedTrials);
  } catch (e) {
    // A cancelled or failed run terminates its workers: they may be mid-trial.
    for (const s of slots) void s.worker.terminate();
    if (e instanceof MonteCarloCancelled) throw e;
    return fail(`Monte Carlo: ${(e as Error).message}`);
  }
}

function runJob(slot: Slot, job: TrialJob, signal: AbortSignal | undefined, progress: (done: number) => void): Promise<TrialChunk> {
  return new Promise<TrialChunk>((resolve, reject) => {
    const cleanup = () => { slot.worker.off('message', onMessage); slot.worker.off('error', onError); slot.worker.off('exit', onExit); signal?.removeEventListener('abort', onAbort); };
    const onMessage = (m: TrialReply) => {
      if (m.id !== job.id) return;
      if (m.type === 'progress') progress(m.done);
      else if (m.type === 'done') { progress(job.count); cleanup(); resolve(m.chunk); }
      else { cleanup(); reject(new Error(m.message)); }
    };
    const onError = (err: Error) => { cleanup(); reject(err); };
    const onExit = (code: number) => { cleanup(); reject(new Error(`worker stopped (exit ${code})`)); };
    const onAbort = () => { cleanup(); reject(new MonteCarloCancelled()); };
    slot.worker.on('message', onMessage);
    slot.worker.on('error', onError);
    slot.worker.on('exit', onExit);
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) { onAbort(); return; }
    slot.worker.postMessage(job);
  });
}

function take(): Slot {
  const s = idle.pop();
  if (s) { s.busy = true; return s; }
  const { entry, options } = workerEntry('monte-carlo-worker');
  const worker = new Worker(entry, { ...options, stdout: false, stderr: false });
  worker.unref();
  return { worker, projectKey: '', busy: true };
}

/** Stops the idle workers (tests, app shutdown). */
export async function closeMonteCarloWorkers(): Promise<void> {
  const all = idle.splice(0);
  await Promise.all(all.map((s) => s.worker.terminate()));
}

