import type { Project } from '../models/project/project';
import type { TrialChunk } from '../models/forecast/monte-carlo';

/** Messages between host/monte-carlo-pool.ts and host/monte-carlo-worker.ts (structured-cloned). */
export interface TrialJob {
  id: number;
  /** Sent only when the worker does not hold a project with this content hash. */
  project?: Project;
  /** The project's content hash (host/content-hash.ts). */
  projectKey: string;
  scenario: string;
  years: number | undefined;
  seed: number;
  start: number;
  count: number;
}

export type TrialReply =
  | { id: number; type: 'progress'; done: number }
  | { id: number; type: 'done'; chunk: TrialChunk }
  | { id: number; type: 'error'; message: string };
