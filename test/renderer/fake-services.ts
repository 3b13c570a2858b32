import { vi } from 'vitest';
import { createEngine } from '../../renderer/engine/handlers';
import { ImportCancelled, type ImportSession } from '../../renderer/engine/client';
import type { ImportProgress } from '../../renderer/engine/protocol';
import type { ChosenFiles, Command, Host, RecentEntry, RecoveryEntry } from '../../renderer/platform/types';
import type { Services } from '../../renderer/store/services';
import { createAppStore } from '../../renderer/store/create-store';

/**
 * The app's services without a browser: the engine worker's own handlers called directly (every
 * request and result cloned, as postMessage would), and a host whose dialogs return what the test
 * says, with an in-memory recovery store, recent list and window. So the store is tested with the
 * real models end to end.
 */
export function fakeServices(opts: {
  files?: () => ChosenFiles | null;
  /** What the recovery store holds at the start (unsaved work from "last time"). */
  recovery?: RecoveryEntry | null;
  launch?: ChosenFiles | null;
  /** What the save dialog does: a name (saved), null (cancelled), or an Error (refused). */
  saveAs?: (req: { suggestedName: string }) => { name: string; token?: string } | null | Error;
  desktop?: boolean;
} = {}) {
  const engine = createEngine();
  const saved: { suggestedName: string; bytes: Uint8Array; token?: string; saveAs: boolean }[] = [];
  const recovery = { current: opts.recovery ?? null, writes: 0, clears: 0, clock: 0 };
  const listeners = new Set<(c: Command) => void>();
  const documentStates: { name: string; dirty: boolean; token?: string }[] = [];
  const recent: RecentEntry[] = [];
  const host: Host = {
    kind: opts.desktop ? 'desktop' : 'browser',
    nativeMenu: opts.desktop === true,
    version: async () => ({ app: 'test', electron: null }),
    openFile: vi.fn(async () => opts.files?.() ?? null),
    saveFile: vi.fn(async (req) => {
      const asked = req.saveAs || req.token === undefined;
      const answer = !asked ? { name: req.suggestedName, token: req.token } : opts.saveAs ? opts.saveAs(req) : { name: req.suggestedName, token: 't1' };
      if (answer instanceof Error) throw answer;
      if (answer) saved.push(req);
      return answer;
    }),
    recovery: {
      write: vi.fn(async (e) => {
        recovery.writes++;
        const savedAt = new Date(Date.UTC(2026, 2, 1, 10, 0, recovery.clock++)).toISOString();
        recovery.current = { name: e.name, savedAt, saveable: e.saveable, bytes: e.bytes, ...(e.token !== undefined ? { token: e.token } : {}) };
        return { savedAt };
      }),
      read: vi.fn(async () => recovery.current),
      clear: vi.fn(async () => {
        recovery.clears++;
        recovery.current = null;
      }),
    },
    recent: opts.desktop
      ? { list: vi.fn(async () => recent.slice()), open: vi.fn(async () => opts.files?.() ?? null), clear: vi.fn(async () => void recent.splice(0)) }
      : null,
    launchFile: vi.fn(async () => opts.launch ?? null),
    onCommand: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setDocumentState: (state) => void documentStates.push(state),
    closeWindow: vi.fn(async () => undefined),
  };
  const calls: string[] = [];
  const sessions: { closed: () => boolean }[] = [];
  const services: Services = {
    engine: {
      call: async (op, request) => {
        calls.push(op);
        const run = engine[op] as (r: unknown) => unknown;
        return structuredClone(run(structuredClone(request))) as never;
      },
      open: async (request) => structuredClone(engine['open-files'](structuredClone(request))),
      // Monte Carlo in two shares, as the app's two workers: the same figures as one run of every trial.
      monteCarlo: async ({ version, project, scenario, years, trials, seed, onProgress }) => {
        const half = Math.ceil(trials / 2);
        const chunks = [[0, half], [half, trials - half]].filter(([, n]) => n! > 0).map(([start, count]) => engine['monte-carlo-trials'](structuredClone({ project, scenario, seed, start: start!, count: count!, ...(years !== undefined ? { years } : {}) })));
        onProgress?.(trials, trials);
        return structuredClone(engine['monte-carlo-summary']({ version, scenario, seed, chunks, ...(years !== undefined ? { years } : {}) }));
      },
      importSession: () => {
        // A worker of its own per file, as in the app: a fresh engine; each step waits a turn of
        // the event loop (so a Cancel can come first) and runs on cloned data.
        const own = createEngine();
        let closed = false;
        sessions.push({ closed: () => closed });
        const session: ImportSession = {
          call: async (op, request, progress?: (p: ImportProgress) => void) => {
            calls.push(op);
            await new Promise((r) => setTimeout(r, 0));
            if (closed) throw new ImportCancelled();
            const run = own[op] as (r: unknown, ctx: { progress?: (p: ImportProgress) => void }) => unknown;
            const result = structuredClone(run(structuredClone(request), progress ? { progress } : {}));
            if (closed) throw new ImportCancelled();
            return result as never;
          },
          close: () => {
            closed = true;
          },
        };
        return session;
      },
    },
    host,
  };
  const send = (c: Command) => listeners.forEach((l) => l(c));
  return { services, saved, calls, host, sessions, recovery, documentStates, recent, send };
}

/** Resolves once every pending engine call has settled (the fakes answer in microtasks). */
export const settle = () => new Promise((r) => setTimeout(r, 0));

/** The app's store on fake services with the demo district open and checked. */
export async function demoStore(opts?: Parameters<typeof fakeServices>[0]) {
  const f = fakeServices(opts);
  const store = createAppStore(f.services);
  await store.getState().openDemo();
  await settle();
  return { store, ...f };
}
