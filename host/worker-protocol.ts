import type { ReadError, ReadResult } from '../models/import/types';

/** Messages between host/read-file.ts and host/parse-worker.ts (structured-clone safe). */
export interface WorkerRequest {
  id: number;
  /** Transferred, not copied. */
  bytes: ArrayBuffer;
  fileName: string;
  sheets?: 'all' | string[];
}

export type WorkerReply =
  | { id: number; ok: true; result: ReadResult; tainted: boolean }
  | { id: number; ok: false; error: { message: string; file: string; code: ReadError['code'] }; tainted: boolean };
