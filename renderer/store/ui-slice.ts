import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './state';

/** The screens of the sidebar, in order; their names are the navigation items' accessible names. */
export const SCREENS = ['Overview', 'Data', 'Import', 'Allocate', 'Scenarios', 'Compare', 'Staffing', 'Reports', 'History'] as const;
export type Screen = (typeof SCREENS)[number];

export interface UiSlice {
  screen: Screen;
  setScreen(screen: Screen): void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  screen: 'Overview',
  setScreen: (screen) => set({ screen }),
});
