import type { StateCreator } from 'zustand/vanilla';
import type { EngineOp, ImportOp, RequestOf, ResultOf } from '../engine/protocol';
import type { Services } from './services';
import type { AppState } from './state';

/** An engine result for one version and one set of inputs: it never goes stale, since versions never change. */
export interface Run<T = unknown> {
  status: 'running' | 'done' | 'failed';
  result?: T;
  error?: string;
}

/** Engine operations a screen runs on the version on screen (the version is added by the store). */
export type RunOp = Exclude<EngineOp, 'open-files' | 'demo' | 'sync' | 'check' | 'serialise' | 'monte-carlo-trials' | 'monte-carlo-summary' | ImportOp>;
export type RunInputs<K extends RunOp> = Omit<RequestOf<K>, 'version'>;

export interface RunsSlice {
  runs: Record<string, Run>;
  /** Starts `op` on the version on screen unless it ran (or is running) with these inputs already. */
  ensureRun<K extends RunOp>(op: K, inputs: RunInputs<K>): void;
}

const KEEP = 40;

export const runKey = (op: string, version: number, inputs: unknown) => `${op}|${version}|${JSON.stringify(inputs)}`;

export const createRunsSlice = (services: Services): StateCreator<AppState, [], [], RunsSlice> => (set, get) => ({
  runs: {},
  ensureRun(op, inputs) {
    const { version, project, syncedVersion } = get();
    if (!project) return;
    const key = runKey(op, version, inputs);
    if (get().runs[key]) return;
    const put = (run: Run) => {
      const runs = { ...get().runs, [key]: run };
      const keys = Object.keys(runs);
      for (const k of keys.slice(0, Math.max(0, keys.length - KEEP))) delete runs[k];
      set({ runs });
    };
    put({ status: 'running' });
    void (async () => {
      try {
        // The worker answers for a version it holds: wait until the store has sent it.
        await syncedVersion(version);
        const result = await services.engine.call(op, { ...inputs, version } as RequestOf<typeof op>);
        put({ status: 'done', result: result as ResultOf<typeof op> });
      } catch (err) {
        put({ status: 'failed', error: err instanceof Error ? err.message : String(err) });
      }
    })();
  },
});
