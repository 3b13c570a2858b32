import { vi } from 'vitest';
import { createEngine } from '../../renderer/engine/handlers';
import { ImportCancelled, type ImportSession } from '../../renderer/engine/client';
import type { ImportProgress } from '../../renderer/engine/protocol';
import type { ChosenFiles, Host } from '../../renderer/platform/types';
import type { Services } from '../../renderer/store/services';

/**
 * The app's services without a browser: the engine worker's own handlers called directly (every
 * request and result cloned, as postMessage would), and a host whose dialogs return what the test
 * says. So the store is tested with the real models end to end.
 */
export function fakeServices(opts: { files?: () => ChosenFiles | null } = {}) {
  const engine = createEngine();
  const saved: { suggestedName: string; bytes: Uint8Array; token?: string; saveAs: boolean }[] = [];
  const host: Host = {
    kind: 'browser',
    version: async () => ({ app: 'test', electron: null }),
    openFile: vi.fn(async () => opts.files?.() ?? null),
    saveFile: vi.fn(async (req) => {
      saved.push(req);
      return { name: req.suggestedName, token: 't1' };
    }),
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
  return { services, saved, calls, host, sessions };
}

/** Resolves once every pending engine call has settled (the fakes answer in microtasks). */
export const settle = () => new Promise((r) => setTimeout(r, 0));
