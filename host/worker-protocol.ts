import type { ImportOptions, ImportReport, ReadError, ReadResult } from '../models/import/types';

/** Messages between host/read-file.ts and host/parse-worker.ts (structured-clone safe). */
export interface WorkerRequest {
  id: number;
  /** Transferred, not copied. */
  bytes: ArrayBuffer;
  fileName: string;
  sheets?: 'all' | string[];
  /** Import one table in the worker (importBytes) instead of handing the grids back. */
  import?: { options: ImportOptions; rows: boolean };
}

/** What an import in the worker sends back: the report, and the rows only when asked for. */
export interface WorkerImport {
  format: ReadResult['format'];
  notes: string[];
  sheets: string[];
  report: ImportReport;
  rows?: Record<string, unknown>[];
}

/**
 * Sent during a long import (every 8,192 rows, or every 4 MB of a streamed sheet): the caller
 * shows it, and the time limit counts from the last one (host/read-file.ts).
 */
export interface WorkerProgress {
  id: number;
  progress: { done: number; total: number };
}

export type WorkerReply =
  | { id: number; ok: true; result: ReadResult; tainted: boolean }
  | { id: number; ok: true; imported: WorkerImport; tainted: boolean }
  | { id: number; ok: false; error: { message: string; file: string; code: ReadError['code']; detail?: string }; tainted: boolean };
