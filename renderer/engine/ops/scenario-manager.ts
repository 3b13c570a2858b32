import { readExcelScenarios, type ExcelScenario } from '../../../models/import/scenario-manager/read';
import { changingCells, excelScenariosToOverrides } from '../../../models/import/scenario-manager/to-scenarios';
import type { Project } from '../../../models/project/project';
import type { ScenarioOverride } from '../../../models/schema/tables';

export interface ExcelScenariosResult {
  scenarios: ExcelScenario[];
  cells: { sheet: string; ref: string; scenarios: string[] }[];
  /** The project's drivers, to map the changing cells to. */
  drivers: string[];
  /** The Scenarios rows once every cell is mapped (what `steward import-scenarios … --map` adds); null before. */
  rows: ScenarioOverride[] | null;
  /** Why the mapping cannot be used yet (a cell not mapped, a name taken…), or null. */
  problem: string | null;
}

/**
 * The Import screen's Scenario Manager step, as `steward import-scenarios`: the workbook's
 * scenarios and changing cells, and with the user's mapping (sheet!cell → driver) the rows to add.
 */
export function runExcelScenarios(project: Project, r: { bytes: Uint8Array; file: string; map: [string, string][] }): ExcelScenariosResult {
  const read = readExcelScenarios(r.bytes, r.file);
  if (!read.ok) throw new Error(read.reason);
  const cells = changingCells(read.value);
  const drivers = project.drivers.map((d) => d.driver);
  if (r.map.length === 0) return { scenarios: read.value, cells, drivers, rows: null, problem: read.value.length === 0 ? `${r.file}: no Scenario Manager scenarios in it` : null };
  const out = excelScenariosToOverrides(project, read.value, new Map(r.map), r.file);
  return { scenarios: read.value, cells, drivers, rows: out.ok ? out.value : null, problem: out.ok ? null : out.reason };
}
