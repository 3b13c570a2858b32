import { vi } from 'vitest';
import { createEngine } from '../../renderer/engine/handlers';
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
  const services: Services = {
    engine: {
      call: async (op, request) => {
        calls.push(op);
        const run = engine[op] as (r: unknown) => unknown;
        return structuredClone(run(structuredClone(request))) as never;
      },
      open: async (request) => structuredClone(engine['open-files'](structuredClone(request))),
    },
    host,
  };
  return { services, saved, calls, host };
}

/** Resolves once every pending engine call has settled (the fakes answer in microtasks). */
export const settle = () => new Promise((r) => setTimeout(r, 0));
