/**
 * The Monte Carlo worker: runs a contiguous range of trials of one scenario. Prepares the project
 * once and keeps it for the next job with the same content hash (the pool sends the project again
 * whenever its content changes). Started by host/monte-carlo-pool.ts;
 * bundled for Electron as build/electron/monte-carlo-worker.cjs.
 */
import { parentPort } from 'node:worker_threads';
import { prepareTrials, type PreparedTrials } from '../models/forecast/trials';
import type { Project } from '../models/project/project';
import type { TrialJob, TrialReply } from './monte-carlo-protocol';
import { runTrials } from '../models/forecast/monte-carlo';

if (!parentPort) throw new Error('monte-carlo-worker.ts must run in a worker thread');
const port = parentPort;
let cached: { key: string; project: Project; byScenario: Map<string, PreparedTrials> } | null = null;

port.on('message', (job: TrialJob) => {
  try {
    if (job.project) cached = { key: job.projectKey, project: job.project, byScenario: new Map() };
    if (!cached || cached.key !== job.projectKey) throw new Error('worker has no project for this job');
    const cacheKey = `${job.scenario}\u0000${job.years ?? ''}`;
    let prepared = cached.byScenario.get(cacheKey);
    if (!prepared) {
      const p = prepareTrials(cached.project, job.scenario, job.years);
      if (!p.ok) throw new Error(p.reason);
      prepared = p.value;
      cached.byScenario.set(cacheKey, prepared);
    }
    const chunk = runTrials(prepared.prepared, prepared.paths, job.seed, job.start, job.count, prepared.priorityPlan, (done) => {
      port.postMessage({ id: job.id, type: 'progress', done } satisfies TrialReply);
    }, prepared.staffing);
    port.postMessage({ id: job.id, type: 'done', chunk } satisfies TrialReply, [chunk.balance.buffer, chunk.reserve.buffer, chunk.succeeded.buffer, chunk.planCounts.buffer] as ArrayBuffer[]);
  } catch (e) {
    port.postMessage({ id: job.id, type: 'error', message: (e as Error).message } satisfies TrialReply);
  }
});
