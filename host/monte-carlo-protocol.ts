import type { Project } from '../models/project/project';
import type { TrialChunk } from '../models/forecast/monte-carlo';

/** Messages between host/monte-carlo-pool.ts and host/monte-carlo-worker.ts (structured-cloned). */
export interface TrialJob {
  id: number;
  /** Sent only when the worker has not prepared this project yet. */
  project?: Project;
  projectKey: number;
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
