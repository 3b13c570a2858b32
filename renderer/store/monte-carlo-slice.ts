import type { StateCreator } from 'zustand/vanilla';
import type { MonteCarloSummary } from '../../models/forecast/monte-carlo';
import type { Services } from './services';
import type { AppState } from './state';

/** The Monte Carlo run of the Compare screen's Risk panel: for one version, scenario, trial count and seed. */
export interface MonteCarloState {
  version: number;
  scenario: string;
  years?: number;
  trials: number;
  seed: number;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  result?: MonteCarloSummary;
  error?: string;
  /** Wall-clock milliseconds of the run (shown, and read by the bench). */
  ms?: number;
}

export interface MonteCarloSlice {
  monteCarlo: MonteCarloState | null;
  /** Starts a run on the version on screen (a running one is cancelled first). */
  startMonteCarlo(inputs: { scenario: string; years?: number; trials: number; seed: number }): void;
  cancelMonteCarlo(): void;
}

export const createMonteCarloSlice = (services: Services): StateCreator<AppState, [], [], MonteCarloSlice> => (set, get) => {
  let abort: AbortController | null = null;
  let runId = 0;
  return {
    monteCarlo: null,
    startMonteCarlo(inputs) {
      const { project, version, syncedVersion } = get();
      if (!project) return;
      abort?.abort();
      const controller = new AbortController();
      abort = controller;
      const id = ++runId;
      const started = performance.now();
      const update = (change: Partial<MonteCarloState>) => {
        const cur = get().monteCarlo;
        if (id === runId && cur) set({ monteCarlo: { ...cur, ...change } });
      };
      set({ monteCarlo: { version, ...inputs, status: 'running', done: 0 } });
      void (async () => {
        try {
          await syncedVersion(version);
          const result = await services.engine.monteCarlo({ version, project, ...inputs, signal: controller.signal, onProgress: (done) => update({ done }) });
          update({ status: 'done', done: inputs.trials, result, ms: performance.now() - started });
        } catch (err) {
          if (controller.signal.aborted) update({ status: 'cancelled' });
          else update({ status: 'failed', error: err instanceof Error ? err.message : String(err) });
        } finally {
          if (abort === controller) abort = null;
        }
      })();
    },
    cancelMonteCarlo() {
      abort?.abort();
    },
  };
};
