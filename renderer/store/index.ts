import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { EngineClient } from '../engine/client';
import { chooseHost } from '../platform';
import { createAppStore } from './create-store';
import type { AppState } from './state';

import { runKey, type Run, type RunInputs, type RunOp } from './runs-slice';
import type { ResultOf } from '../engine/protocol';

export { SCREENS, type Screen } from './ui-slice';
export type { Run } from './runs-slice';
export { DEMO_NAME, isDirty, problemsOf } from './project-slice';
export type { AppState } from './state';

/** Electron's bridge, or the browser's file input and downloads. */
export const appHost = chooseHost();

/** The app's store: the engine worker and the host. */
export const appStore = createAppStore({ engine: new EngineClient(), host: appHost });

export function useApp<T>(select: (state: AppState) => T): T {
  return useStore(appStore, select);
}

/** Several fields at once without re-rendering when none of them changed. */
export function useAppShallow<T extends object>(select: (state: AppState) => T): T {
  return useStore(appStore, useShallow(select));
}

/**
 * An engine result for the version on screen (started when first asked for): a screen never shows
 * a figure computed for another version. `inputs` must be plain data (it is part of the key).
 */
export function useRun<K extends RunOp>(op: K, inputs: RunInputs<K>): Run<ResultOf<K>> | undefined {
  const version = useApp((s) => s.version);
  const key = runKey(op, version, inputs);
  const run = useApp((s) => s.runs[key]) as Run<ResultOf<K>> | undefined;
  useEffect(() => {
    appStore.getState().ensureRun(op, inputs);
    // The key stands for (op, version, inputs).
  }, [key]);
  return run;
}
