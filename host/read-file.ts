/**
 * Reading an untrusted spreadsheet or CSV from disk: size cap before reading, parsing in a
 * worker thread with a time limit, every failure a ReadError naming the file.
 *
 * The worker entry is host/parse-worker.ts. How it is started:
 *  - Bundled (Electron): electron/build.mjs bundles host/parse-worker.ts on its own into
 *    build/electron/parse-worker.cjs, next to main.cjs; this file (bundled into main.cjs) finds
 *    the sibling `parse-worker.cjs` (or `.js`/`.mjs`) via __dirname and starts it directly.
 *    esbuild: `esbuild host/parse-worker.ts --bundle --platform=node --format=cjs
 *    --outfile=build/electron/parse-worker.cjs` (it warns that import.meta is empty in CJS;
 *    that branch is only used unbundled).
 *  - Unbundled (tsx CLI, vitest, bench): no sibling .cjs, so the .ts file is started through a
 *    tiny bootstrap that registers tsx's loader inside the worker (slower start, ~1 s).
 *
 * Workers are kept warm and reused for the next file — unless the file went through SheetJS
 * (which has prototype-pollution advisories: that worker is retired), the worker timed out or
 * crashed, or it has served MAX_JOBS files.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import { readBytes } from '../models/import/read/index';
import { ReadError, type ImportOptions, type ReadResult } from '../models/import/types';
import { nodeInflateRaw } from './inflate-node';
import type { WorkerImport, WorkerProgress, WorkerReply, WorkerRequest } from './worker-protocol';
import { workerEntry } from './worker-entry';

export interface ReadFileOptions {
  /** Files larger than this are refused before reading (default 100 MB). */
  maxBytes?: number;
  /**
   * The worker is stopped after this long without finishing (default 30 s). An import that reports
   * progress gets this long again from each report, up to PROGRESS_TIME_FACTOR times in all: a
   * million-line sheet read steadily on a slow laptop is not stopped half-way.
   */
  timeoutMs?: number;
  /** Only these sheets (workbooks); default all. */
  sheets?: 'all' | string[];
  /** Heap cap for the worker, MB (default 3072): running out ends as 'too-large', not a crash. */
  maxHeapMb?: number;
}

export const DEFAULT_MAX_BYTES = 100 * 2 ** 20;
export const DEFAULT_TIMEOUT_MS = 30_000;
/** How many times timeoutMs an import that keeps reporting progress may take in all. */
export const PROGRESS_TIME_FACTOR = 4;
const MAX_JOBS = 200;
const MAX_IDLE = 2;

const mb = (n: number): string => `${(n / 2 ** 20).toFixed(n < 10 * 2 ** 20 ? 1 : 0)} MB`;

/** stat, refuse what is too large or not a file, then read. */
async function readChecked(path: string, maxBytes: number): Promise<Uint8Array> {
  const file = basename(path);
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new ReadError(`${file} is not a file`, file, 'unsupported');
    size = s.size;
  } catch (e) {
    if (e instanceof ReadError) throw e;
    throw new ReadError(`cannot open ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`, file, 'unsupported');
  }
  if (size > maxBytes) {
    throw new ReadError(`${file} is ${mb(size)}, over the ${mb(maxBytes)} limit for one import; split the export (e.g. by fund or year)`, file, 'too-large');
  }
  const buf = await readFile(path);
  // The file may have grown between stat and read.
  if (buf.length > maxBytes) throw new ReadError(`${file} is over the ${mb(maxBytes)} limit for one import`, file, 'too-large');
  return buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength ? buf : new Uint8Array(buf);
}

/** For small files the app itself wrote (trusted): same checks and result, no worker. */
export async function readFileGridsInProcess(path: string, opts: ReadFileOptions = {}): Promise<ReadResult> {
  const bytes = await readChecked(path, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  return readBytes(bytes, basename(path), { inflateRaw: nodeInflateRaw, ...(opts.sheets ? { sheets: opts.sheets } : {}) });
}

/** Reads a spreadsheet or CSV in a worker; rejects with a ReadError (too-large, timeout, corrupt, …). */
export async function readFileGrids(path: string, opts: ReadFileOptions = {}): Promise<ReadResult> {
  const bytes = await readChecked(path, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  const reply = await runInWorker(bytes, basename(path), opts);
  if (!('result' in reply)) throw new Error('parse worker: expected grids');
  return reply.result;
}

/**
 * Imports one table from a file in a worker (importBytes: a large CSV straight from its text),
 * with the same limits as readFileGrids. The rows come back only with `rows: true`.
 */
export async function importFileInWorker(
  path: string,
  options: ImportOptions,
  opts: ReadFileOptions & { rows?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<WorkerImport> {
  const bytes = await readChecked(path, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  const reply = await runInWorker(bytes, basename(path), opts, { options, rows: opts.rows ?? false }, opts.onProgress);
  if (!('imported' in reply)) throw new Error('parse worker: expected an import');
  return reply.imported;
}

// ---- the worker pool -------------------------------------------------------------------------

interface Slot {
  worker: Worker;
  heapMb: number;
  jobs: number;
  /** Settles the job in flight; null when idle. */
  settle: ((reply: WorkerReply | { crash: Error | number }) => void) | null;
  /** Told of the job's progress; null when idle. */
  progress: ((p: WorkerProgress) => void) | null;
}

const idle: Slot[] = [];
let nextId = 1;

function spawn(heapMb: number): Slot {
  const { entry, options } = workerEntry('parse-worker');
  const worker = new Worker(entry, { ...options, resourceLimits: { maxOldGenerationSizeMb: heapMb }, stdout: false, stderr: false });
  const slot: Slot = { worker, heapMb, jobs: 0, settle: null, progress: null };
  worker.on('message', (msg: WorkerReply | WorkerProgress) => {
    if ('progress' in msg) slot.progress?.(msg);
    else slot.settle?.(msg);
  });
  worker.on('error', (err) => slot.settle?.({ crash: err }));
  worker.on('exit', (code) => {
    const i = idle.indexOf(slot);
    if (i >= 0) idle.splice(i, 1);
    slot.settle?.({ crash: code });
  });
  return slot;
}

function retire(slot: Slot): void {
  slot.settle = null;
  slot.progress = null;
  const i = idle.indexOf(slot);
  if (i >= 0) idle.splice(i, 1);
  void slot.worker.terminate();
}

function release(slot: Slot): void {
  slot.settle = null;
  slot.progress = null;
  if (slot.jobs >= MAX_JOBS || idle.length >= MAX_IDLE) return retire(slot);
  slot.worker.unref();
  idle.push(slot);
}

type Done = { result: ReadResult } | { imported: WorkerImport };

function runInWorker(bytes: Uint8Array, file: string, opts: ReadFileOptions, importing?: WorkerRequest['import'], onProgress?: (done: number, total: number) => void): Promise<Done> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const heapMb = opts.maxHeapMb ?? 3072;
  const at = idle.findIndex((s) => s.heapMb === heapMb);
  const slot = at >= 0 ? idle.splice(at, 1)[0]! : spawn(heapMb);
  slot.worker.ref();
  slot.jobs++;
  const id = nextId++;
  return new Promise<Done>((resolve, reject) => {
    const started = Date.now();
    let progressed = false;
    const stop = () => {
      retire(slot);
      // The limit that applied: timeoutMs, or (after progress) the time it had been reading.
      const ms = progressed ? Date.now() - started : timeoutMs;
      reject(new ReadError(`${file} took longer than ${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s to read and was stopped; it may be damaged or far too large`, file, 'timeout'));
    };
    let timer = setTimeout(stop, timeoutMs);
    slot.progress = (p) => {
      if (p.id !== id) return;
      progressed = true;
      onProgress?.(p.progress.done, p.progress.total);
      // Steady progress earns the time limit again from now, within PROGRESS_TIME_FACTOR × in all.
      clearTimeout(timer);
      timer = setTimeout(stop, timeLeftAfterProgress(started, Date.now(), timeoutMs));
    };
    slot.settle = (msg) => {
      if ('id' in msg && msg.id !== id) return;
      clearTimeout(timer);
      if ('crash' in msg) {
        retire(slot);
        const err = msg.crash;
        const code = typeof err === 'number' ? '' : ((err as NodeJS.ErrnoException).code ?? '');
        if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
          reject(new ReadError(`${file} needs more memory to read than one import may use; split the file (e.g. one file per fund or year)`, file, 'too-large', 'parse worker ran out of memory'));
        } else {
          const why = typeof err === 'number' ? `parse worker exited with code ${err}` : `${err.name}: ${err.message}`;
          reject(new ReadError(`${file} could not be read: the reader stopped unexpectedly; try again, and if it happens again the file may be damaged — open it in Excel and save a copy`, file, 'corrupt', why));
        }
        return;
      }
      if (msg.tainted) retire(slot);
      else release(slot);
      if (msg.ok) resolve('result' in msg ? { result: msg.result } : { imported: msg.imported });
      else reject(new ReadError(msg.error.message, msg.error.file, msg.error.code, msg.error.detail));
    };
    const req: WorkerRequest = { id, bytes: bytes.buffer as ArrayBuffer, fileName: file, ...(opts.sheets ? { sheets: opts.sheets } : {}), ...(importing ? { import: importing } : {}) };
    slot.worker.postMessage(req, [req.bytes]);
  });
}

/** After a progress report: timeoutMs again, but never past PROGRESS_TIME_FACTOR × timeoutMs from the start. */
export function timeLeftAfterProgress(started: number, now: number, timeoutMs: number): number {
  return Math.max(0, Math.min(timeoutMs, started + timeoutMs * PROGRESS_TIME_FACTOR - now));
}

/** Stops idle workers (tests, app shutdown). Workers in use finish their file first. */
export async function closeParseWorkers(): Promise<void> {
  const all = idle.splice(0);
  await Promise.all(all.map((s) => s.worker.terminate()));
}
