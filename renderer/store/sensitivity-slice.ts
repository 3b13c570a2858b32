import type { StateCreator } from 'zustand/vanilla';
import { RunCancelled } from '../engine/client';
import type { ImportProgress, ResultOf } from '../engine/protocol';
import type { Services } from './services';
import type { AppState } from './state';

// The Compare screen's tornado and break-even values (`steward sensitivity`): hundreds of forecasts,
// so they run in a worker of their own (EngineClient.solo), with progress and Cancel, and the
// engine worker stays free for the other screens.

export interface SensitivityRun {
  version: number;
  scenario: string;
  years?: number;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  progress?: ImportProgress;
  result?: ResultOf<'sensitivity'>;
  error?: string;
}

export interface SensitivitySlice {
  sensitivity: SensitivityRun | null;
  /** Starts the run for the version on screen (nothing when the same one is running or done); a running one is cancelled. */
  startSensitivity(inputs: { scenario: string; years?: number }): void;
  cancelSensitivity(): void;
}

const same = (r: SensitivityRun | null, version: number, i: { scenario: string; years?: number }) => r !== null && r.version === version && r.scenario === i.scenario && r.years === i.years;

export const createSensitivitySlice = (services: Services): StateCreator<AppState, [], [], SensitivitySlice> => (set, get) => {
  let cancel: (() => void) | null = null;
  let runId = 0;
  return {
    sensitivity: null,
    startSensitivity(inputs) {
      const { project, version, syncedVersion } = get();
      if (!project) return;
      const cur = get().sensitivity;
      if (same(cur, version, inputs) && (cur!.status === 'running' || cur!.status === 'done')) return;
      cancel?.();
      cancel = null;
      const request = { version, scenario: inputs.scenario, ...(inputs.years !== undefined ? { years: inputs.years } : {}) };
      const id = ++runId;
      const mine = () => id === runId && same(get().sensitivity, version, inputs);
      set({ sensitivity: { ...request, status: 'running' } });
      let result: Promise<ResultOf<'sensitivity'>>;
      if (services.engine.solo) {
        const run = services.engine.solo('sensitivity', project, request, (progress) => {
          const now = get().sensitivity;
          if (mine() && now!.status === 'running') set({ sensitivity: { ...now!, progress } });
        });
        cancel = run.cancel;
        result = run.result;
      } else {
        // Unit-test fakes have no solo workers: the engine answers in place.
        result = syncedVersion(version).then(() => services.engine.call('sensitivity', request));
      }
      result.then(
        (r) => { if (mine()) set({ sensitivity: { ...request, status: 'done', result: r } }); },
        (err: unknown) => {
          if (!mine()) return;
          set({ sensitivity: { ...request, status: err instanceof RunCancelled ? 'cancelled' : 'failed', error: err instanceof Error ? err.message : String(err) } });
        },
      );
    },
    cancelSensitivity() {
      cancel?.();
      cancel = null;
    },
  };
};
