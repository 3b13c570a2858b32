import type { StateCreator } from 'zustand/vanilla';
import type { ImportProgress, ResultOf } from '../engine/protocol';
import { RunCancelled } from '../engine/client';
import type { Services } from './services';
import type { AppState } from './state';

/** The optimiser's run for one version and rule set: progress while it solves, then the result. */
export interface OptimiseRun {
  version: number;
  rules: string | undefined;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  progress?: ImportProgress;
  result?: ResultOf<'allocate-optimize'>;
  error?: string;
}

export interface OptimiseSlice {
  optimise: OptimiseRun | null;
  /** Starts the optimiser (HiGHS) on the version on screen, in a worker of its own; a run already going is cancelled. */
  startOptimise(rules: string | undefined): void;
  cancelOptimise(): void;
}

export const createOptimiseSlice = (services: Services): StateCreator<AppState, [], [], OptimiseSlice> => (set, get) => {
  let cancel: (() => void) | null = null;
  return {
    optimise: null,
    startOptimise(rules) {
      const { project, version } = get();
      if (!project) return;
      const cur = get().optimise;
      if (cur && cur.version === version && cur.rules === rules && (cur.status === 'running' || cur.status === 'done')) return;
      cancel?.();
      if (!services.engine.solo) {
        set({ optimise: { version, rules, status: 'failed', error: 'The optimiser needs the engine worker.' } });
        return;
      }
      const run = services.engine.solo('allocate-optimize', project, { version, ...(rules !== undefined ? { rules } : {}) }, (progress) => {
        const now = get().optimise;
        if (now?.version === version && now.rules === rules && now.status === 'running') set({ optimise: { ...now, progress } });
      });
      cancel = run.cancel;
      set({ optimise: { version, rules, status: 'running' } });
      const mine = () => { const now = get().optimise; return now !== null && now.version === version && now.rules === rules; };
      run.result.then(
        (result) => { if (mine()) set({ optimise: { version, rules, status: 'done', result } }); },
        (err: unknown) => {
          if (!mine()) return;
          set({ optimise: { version, rules, status: err instanceof RunCancelled ? 'cancelled' : 'failed', error: err instanceof Error ? err.message : String(err) } });
        },
      );
    },
    cancelOptimise() {
      cancel?.();
      cancel = null;
    },
  };
};
