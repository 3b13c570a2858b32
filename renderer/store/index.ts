import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { EngineClient } from '../engine/client';
import { chooseHost } from '../platform';
import { createAppStore } from './create-store';
import type { AppState } from './state';

export { SCREENS, type Screen } from './ui-slice';
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
