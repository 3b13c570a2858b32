import type { Edit } from '../../../models/project/edit';
import type { Project } from '../../../models/project/project';
import type { Driver, ScenarioOverride } from '../../../models/schema/tables';

// The Scenarios screen's reading of the Drivers and Scenarios tables: each scenario's value of a
// driver in a year — its own row, else its parent's (based_on, up to Base), else the Drivers table —
// and the edits that create, copy, rename and delete scenarios or set and clear a value. The engine
// (models/forecast/drivers.ts) is the authority on the numbers; this only says where each shown
// value comes from, so inherited values can be greyed with their source.

export const BASE = 'Base';

/** Scenario names in table order, Base first. */
export function scenarioNames(project: Project): string[] {
  return [BASE, ...new Set(project.scenarios.map((r) => r.scenario).filter((n) => n !== BASE))];
}

export function parentOf(project: Project, name: string): string | undefined {
  return project.scenarios.find((r) => r.scenario === name && r.based_on)?.based_on;
}

/** name, its parent, … (stops at Base, a cycle or an unknown name). */
export function chainOf(project: Project, name: string): string[] {
  const out: string[] = [];
  let cur: string | undefined = name;
  while (cur !== undefined && cur !== BASE && !out.includes(cur)) { out.push(cur); cur = parentOf(project, cur); }
  return out;
}

export interface Cell { value: number | undefined; from: string; own: boolean; row?: number }

/** The Drivers table's value of a driver in a year (`undefined`: its single value), carried forward. */
function baseValue(d: Driver | undefined, year: number | undefined): number | undefined {
  if (!d) return undefined;
  if (year === undefined) return d.value;
  let v = d.value;
  for (const [k, x] of Object.entries(d.by_year).sort((a, b) => Number(a[0]) - Number(b[0]))) if (Number(k) <= year) v = x;
  return v;
}

/** Where a scenario's value of `driver` (in `year`, or for every year) comes from, and the value. */
export function cellOf(project: Project, scenario: string, driver: string, year?: number): Cell {
  const d = project.drivers.find((x) => x.driver === driver);
  if (scenario === BASE) return { value: baseValue(d, year), from: 'Drivers', own: true };
  for (const s of chainOf(project, scenario)) {
    const at = (y: number | undefined) => project.scenarios.findIndex((r) => r.scenario === s && r.driver === driver && r.year === y);
    const i = year !== undefined && at(year) >= 0 ? at(year) : at(undefined);
    if (i >= 0) return { value: project.scenarios[i]!.value, from: s, own: s === scenario && (year === undefined || project.scenarios[i]!.year === year), row: i };
  }
  return { value: baseValue(d, year), from: 'Base', own: false };
}

/** Sets (or, with `value` undefined, clears) a scenario's own value of a driver: one edit. */
export function setValueEdit(project: Project, scenario: string, driver: string, year: number | undefined, value: number | undefined): Edit | null {
  if (scenario === BASE) {
    const i = project.drivers.findIndex((x) => x.driver === driver);
    if (i < 0) return null;
    const d = project.drivers[i]!;
    const row: Driver = year === undefined
      ? { ...d, value }
      : { ...d, by_year: Object.fromEntries(Object.entries({ ...d.by_year, [String(year)]: value }).filter(([, v]) => v !== undefined)) as Record<string, number> };
    if (year === undefined && value === undefined) delete row.value;
    return { op: 'set-row', table: 'drivers', index: i, row };
  }
  const i = project.scenarios.findIndex((r) => r.scenario === scenario && r.driver === driver && r.year === year);
  if (value === undefined) {
    if (i < 0) return null;
    // A scenario's last row keeps it in existence: it is not removed (delete the scenario instead).
    if (project.scenarios.filter((r) => r.scenario === scenario).length === 1) return null;
    return { op: 'delete-rows', table: 'scenarios', indexes: [i] };
  }
  const based = parentOf(project, scenario);
  const row: ScenarioOverride = { scenario, driver, value, ...(year !== undefined ? { year } : {}), ...(based ? { based_on: based } : {}) };
  if (i >= 0) return { op: 'set-row', table: 'scenarios', index: i, row };
  return { op: 'insert-rows', table: 'scenarios', index: project.scenarios.length, rows: [row] };
}

/** A new scenario: its first rows (a scenario is its rows), based on `parent` unless that is Base. */
export function createEdit(project: Project, name: string, parent: string, values: Record<string, number>): Edit {
  const rows: ScenarioOverride[] = Object.entries(values).map(([driver, value]) => ({ scenario: name, driver, value, ...(parent !== BASE ? { based_on: parent } : {}) }));
  return { op: 'insert-rows', table: 'scenarios', index: project.scenarios.length, rows };
}

/** A copy of a scenario's rows under a new name (Base: the copy overrides nothing it could not, so it is refused). */
export function duplicateEdit(project: Project, from: string, name: string): Edit {
  const rows = project.scenarios.filter((r) => r.scenario === from).map((r) => ({ ...r, scenario: name }));
  return { op: 'insert-rows', table: 'scenarios', index: project.scenarios.length, rows };
}

/** Renames a scenario, and every scenario based on it follows: one edit of the Scenarios table. */
export function renameEdit(project: Project, from: string, to: string): Edit {
  const rows = project.scenarios.map((r) => ({ ...r, ...(r.scenario === from ? { scenario: to } : {}), ...(r.based_on === from ? { based_on: to } : {}) }));
  return { op: 'replace-table', table: 'scenarios', rows };
}

/** Deletes a scenario's rows; scenarios based on it would lose their parent, so they are named instead. */
export function deleteEdit(project: Project, name: string): Edit | string {
  const children = [...new Set(project.scenarios.filter((r) => r.based_on === name && r.scenario !== name).map((r) => r.scenario))];
  if (children.length) return `${children.join(', ')} ${children.length === 1 ? 'is' : 'are'} based on ${name}: delete or rebase ${children.length === 1 ? 'it' : 'them'} first.`;
  return { op: 'delete-rows', table: 'scenarios', indexes: project.scenarios.flatMap((r, i) => (r.scenario === name ? [i] : [])) };
}

/** Why a new name cannot be used, or null. */
export function nameProblem(project: Project, name: string): string | null {
  const n = name.trim();
  if (n === '') return 'Give the scenario a name.';
  if (n.length > 200) return 'A scenario name has at most 200 characters.';
  if (scenarioNames(project).some((x) => x.toLowerCase() === n.toLowerCase())) return `There is already a scenario named ${n}.`;
  return null;
}
