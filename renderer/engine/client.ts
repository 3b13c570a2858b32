import { newEngineWorker as newWorker, takeEngineWorker } from './early-worker';
import type { MonteCarloSummary } from '../../models/forecast/monte-carlo';
import { runMonteCarloInWorkers, type MonteCarloRun } from './monte-carlo';
import type { Project } from '../../models/project/project';
import type { EngineOp, EngineReply, EngineRequest, ImportOp, ImportProgress, RequestOf, ResultOf } from './protocol';

/** Limits for untrusted files, matching the desktop import worker: big enough for any district export. */
export const OPEN_LIMITS = { maxBytes: 100 * 1024 * 1024, timeoutMs: 60_000 };

/** A request the worker refused because it no longer holds the version (the caller resends it in full). */
export class StaleVersionError extends Error {}


/** Promise API over one worker: request ids, replies matched to them, errors as rejections. */
class WorkerChannel {
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; progress?: (p: ImportProgress) => void }>();
  constructor(readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<EngineReply>) => {
      const r = event.data;
      const w = this.waiting.get(r.id);
      if (!w) return;
      if ('progress' in r) {
        w.progress?.(r.progress);
        return;
      }
      this.waiting.delete(r.id);
      if (r.ok) w.resolve(r.result);
      else w.reject(r.stale ? new StaleVersionError(r.message) : new Error(r.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.failAll(new Error(event.message || 'the engine worker stopped'));
    };
  }
  call<K extends EngineOp>(op: K, request: RequestOf<K>, transfer: Transferable[] = [], progress?: (p: ImportProgress) => void): Promise<ResultOf<K>> {
    const id = this.next++;
    return new Promise<ResultOf<K>>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject, ...(progress ? { progress } : {}) });
      this.worker.postMessage({ id, op, request } satisfies EngineRequest<K>, transfer);
    });
  }
  failAll(err: Error): void {
    for (const w of this.waiting.values()) w.reject(err);
    this.waiting.clear();
  }
}

/**
 * The engine as the store sees it. One long-lived worker holds the project's versions and answers
 * checks and (later) engine runs; every untrusted file is parsed in a fresh worker that is
 * terminated when done or when it runs past the time limit.
 */
export class EngineClient {
  private main: WorkerChannel | null = null;
  // The long-lived worker: the one boot.ts started before the app's code (early-worker.ts), else a new one.
  private readonly channel = (): WorkerChannel => (this.main ??= new WorkerChannel(takeEngineWorker() ?? newWorker()));

  call<K extends Exclude<EngineOp, 'open-files' | ImportOp>>(op: K, request: RequestOf<K>): Promise<ResultOf<K>> {
    return this.channel().call(op, request);
  }

  /** Monte Carlo in fresh workers (progress, Cancel by the signal); the bands merged by the engine worker. */
  monteCarlo(run: MonteCarloRun): Promise<MonteCarloSummary> {
    return runMonteCarloInWorkers(run, () => {
      const channel = new WorkerChannel(newWorker());
      return { call: (request, progress) => channel.call('monte-carlo-trials', request, [], progress), terminate: () => channel.worker.terminate() };
    }, (request) => this.channel().call('monte-carlo-summary', request));
  }

  /**
   * A long engine run (the optimiser) in a worker of its own, sent the version in full: cancel()
   * terminates the worker at once — the long-lived worker and the versions it holds are untouched.
   */
  solo<K extends SoloOp>(op: K, project: Project, request: RequestOf<K>, progress?: (p: ImportProgress) => void): SoloRun<ResultOf<K>> {
    const channel = new WorkerChannel(newWorker());
    const result = (async () => {
      await channel.call('sync', { version: request.version, project });
      return await channel.call(op, request, [], progress);
    })().finally(() => channel.worker.terminate());
    return {
      result,
      cancel: () => {
        channel.worker.terminate();
        channel.failAll(new RunCancelled());
      },
    };
  }

  /** A worker of its own for one file the user imports: it holds the file between the wizard's steps. */
  importSession(limits = OPEN_LIMITS): ImportSession {
    return new WorkerImportSession(limits);
  }

  /** Parses what the user chose, within the size and time limits. */
  async open(request: RequestOf<'open-files'>, limits = OPEN_LIMITS): Promise<ResultOf<'open-files'>> {
    const total = request.files.reduce((n, f) => n + f.bytes.byteLength, 0);
    if (total > limits.maxBytes) throw new Error(`${request.name} is ${(total / 2 ** 20).toFixed(1)} MB; Steward opens files up to ${(limits.maxBytes / 2 ** 20).toFixed(0)} MB.`);
    const channel = new WorkerChannel(newWorker());
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Reading ${request.name} took longer than ${limits.timeoutMs / 1000} s and was stopped.`)), limits.timeoutMs);
      });
      return await Promise.race([channel.call('open-files', request, request.files.map((f) => f.bytes.buffer as ArrayBuffer)), timeout]);
    } finally {
      clearTimeout(timer);
      channel.worker.terminate();
    }
  }
}

/** Long runs a worker of their own answers: the optimiser, and the tornado with its break-even values. */
export type SoloOp = 'allocate-optimize' | 'sensitivity';

/** A run in a worker of its own: its result, and Cancel. */
export interface SoloRun<T> { result: Promise<T>; cancel(): void }

/** A solo run stopped by the user. */
export class RunCancelled extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'RunCancelled';
  }
}

/** Stopped by the user (Cancel) or because another file was opened. */
export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled.');
    this.name = 'ImportCancelled';
  }
}

/** The import wizard's worker as the store sees it (a fake in tests). */
export interface ImportSession {
  call<K extends ImportOp>(op: K, request: RequestOf<K>, progress?: (p: ImportProgress) => void): Promise<ResultOf<K>>;
  /** Terminates the worker: a running step stops at once and rejects with ImportCancelled. */
  close(): void;
}

/**
 * Untrusted bytes in a fresh worker: the size is checked before they are sent, and every step has
 * the time limit (past it the worker is terminated). Closing terminates it, whatever it is doing.
 */
class WorkerImportSession implements ImportSession {
  private channel: WorkerChannel | null = null;
  private closed = false;
  constructor(private readonly limits: { maxBytes: number; timeoutMs: number }) {}

  async call<K extends ImportOp>(op: K, request: RequestOf<K>, progress?: (p: ImportProgress) => void): Promise<ResultOf<K>> {
    if (this.closed) throw new ImportCancelled();
    let transfer: Transferable[] = [];
    if (op === 'import-start') {
      const r = request as RequestOf<'import-start'>;
      const total = r.files.reduce((n, f) => n + f.bytes.byteLength, 0);
      if (total > this.limits.maxBytes) throw new Error(`${r.name} is ${(total / 2 ** 20).toFixed(1)} MB; Steward opens files up to ${(this.limits.maxBytes / 2 ** 20).toFixed(0)} MB.`);
      transfer = r.files.map((f) => f.bytes.buffer as ArrayBuffer);
    }
    const channel = (this.channel ??= new WorkerChannel(newWorker()));
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          this.close();
          reject(new Error(`Reading the file took longer than ${this.limits.timeoutMs / 1000} s and was stopped.`));
        }, this.limits.timeoutMs);
      });
      return await Promise.race([channel.call(op, request, transfer, progress), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    this.closed = true;
    if (this.channel) {
      this.channel.worker.terminate();
      this.channel.failAll(new ImportCancelled());
      this.channel = null;
    }
  }
}
