import type { StateCreator } from 'zustand/vanilla';
import type { ResultOf } from '../engine/protocol';
import type { Services } from './services';
import type { AppState } from './state';

export interface ScenarioImportSlice {
  /**
   * Excel Scenario Manager scenarios of a workbook, read in the engine worker against the version
   * on screen; with `map` (sheet!cell → driver) also the Scenarios rows to add (Import screen).
   */
  excelScenarios(bytes: Uint8Array, file: string, map: [string, string][]): Promise<ResultOf<'excel-scenarios'>>;
}

export const createScenarioImportSlice = (services: Services): StateCreator<AppState, [], [], ScenarioImportSlice> => (_set, get) => ({
  async excelScenarios(bytes, file, map) {
    const { version, syncedVersion } = get();
    await syncedVersion(version);
    return services.engine.call('excel-scenarios', { version, bytes, file, map });
  },
});
