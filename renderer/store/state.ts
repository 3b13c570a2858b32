import type { DataSlice } from './data-slice';
import type { ImportSlice } from './import-slice';
import type { MonteCarloSlice } from './monte-carlo-slice';
import type { ProjectSlice } from './project-slice';
import type { RunsSlice } from './runs-slice';
import type { OptimiseSlice } from './optimise-slice';
import type { SensitivitySlice } from './sensitivity-slice';
import type { UiSlice } from './ui-slice';
import type { ScenarioImportSlice } from './scenario-import-slice';

/** The app's one store, built from typed slices (renderer/store/index.ts). */
export type AppState = ProjectSlice & ImportSlice & RunsSlice & OptimiseSlice & UiSlice & DataSlice & MonteCarloSlice & SensitivitySlice & ScenarioImportSlice;
