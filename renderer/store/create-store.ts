import { createStore } from 'zustand/vanilla';
import { createDataSlice } from './data-slice';
import { createImportSlice } from './import-slice';
import { createMonteCarloSlice } from './monte-carlo-slice';
import { createProjectSlice } from './project-slice';
import { createRunsSlice } from './runs-slice';
import { createOptimiseSlice } from './optimise-slice';
import { createSensitivitySlice } from './sensitivity-slice';
import type { Services } from './services';
import type { AppState } from './state';
import { createUiSlice } from './ui-slice';
import { createScenarioImportSlice } from './scenario-import-slice';

/** One store from its slices, around the engine and host in use (real ones in the app, fakes in tests). */
export function createAppStore(services: Services) {
  return createStore<AppState>()((...a) => ({
    ...createProjectSlice(services)(...a),
    ...createImportSlice(services)(...a),
    ...createRunsSlice(services)(...a),
    ...createOptimiseSlice(services)(...a),
    ...createUiSlice(...a),
    ...createDataSlice(...a),
    ...createMonteCarloSlice(services)(...a),
    ...createSensitivitySlice(services)(...a),
    ...createScenarioImportSlice(services)(...a),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
