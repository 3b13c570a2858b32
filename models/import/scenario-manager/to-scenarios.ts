import type { Project } from '../../project/project';
import { fail, ok, type Parsed } from '../../result';
import type { ScenarioOverride } from '../../schema/tables';
import type { ExcelScenario } from './read';

/**
 * The user's mapping of changing cells to drivers ("B3=state_aid_growth,B4=enrollment_change"),
 * optionally per sheet ("Inputs!B3=…"). Kept in a Map: cell references from the command line or
 * the file never become object keys.
 */
export function parseCellMap(text: string): Parsed<Map<string, string>> {
  const map = new Map<string, string>();
  for (const part of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const m = /^(?:(.+)!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})\s*=\s*([A-Za-z_][\w.-]*)$/.exec(part);
    if (!m) return fail(`--map: "${part}" is not CELL=driver (e.g. B3=state_aid_growth, or Inputs!B3=state_aid_growth)`);
    const key = `${m[1] ? `${m[1]}!` : ''}${m[2]!.toUpperCase()}${m[3]}`;
    if (map.has(key)) return fail(`--map: ${key} is mapped twice`);
    map.set(key, m[4]!);
  }
  return ok(map);
}

/** The changing cells of the scenarios, each once, with the sheets they are on: what the user maps. */
export function changingCells(scenarios: readonly ExcelScenario[]): { sheet: string; ref: string; scenarios: string[] }[] {
  const seen = new Map<string, { sheet: string; ref: string; scenarios: string[] }>();
  for (const s of scenarios) {
    for (const c of s.cells) {
      const key = `${s.sheet}!${c.ref}`;
      const entry = seen.get(key) ?? { sheet: s.sheet, ref: c.ref, scenarios: [] };
      entry.scenarios.push(s.name);
      seen.set(key, entry);
    }
  }
  return [...seen.values()];
}

/**
 * Steward scenarios from Excel's: one Scenarios row per scenario and changing cell, its driver
 * from `map` (a sheet-qualified entry wins over a bare one). Refused, naming the file, sheet,
 * scenario and cell, when a cell is not mapped, its value is not a number, the driver is not one
 * of the project's, or a scenario's name is already taken — nothing is silently dropped.
 */
export function excelScenariosToOverrides(project: Project, scenarios: readonly ExcelScenario[], map: ReadonlyMap<string, string>, file: string): Parsed<ScenarioOverride[]> {
  if (scenarios.length === 0) return fail(`${file}: no Scenario Manager scenarios in it (Excel keeps them under Data → What-If Analysis → Scenario Manager)`);
  const drivers = new Set(project.drivers.map((d) => d.driver));
  const taken = new Set(['base', ...project.scenarios.map((s) => s.scenario.toLowerCase())]);
  const problems: string[] = [];
  const rows: ScenarioOverride[] = [];
  const names = new Set<string>();
  for (const s of scenarios) {
    const where = `${file}, sheet ${s.sheet}, scenario "${s.name}"`;
    if (s.name === '') { problems.push(`${file}, sheet ${s.sheet}: a scenario has no name`); continue; }
    if (taken.has(s.name.toLowerCase())) problems.push(`${where}: the project already has a scenario named "${s.name}" (rename it in Excel or in Steward first)`);
    if (names.has(s.name.toLowerCase())) problems.push(`${where}: two scenarios have this name`);
    names.add(s.name.toLowerCase());
    const used = new Set<string>();
    for (const c of s.cells) {
      const driver = map.get(`${s.sheet}!${c.ref}`) ?? map.get(c.ref);
      if (driver === undefined) { problems.push(`${where}, cell ${c.ref}: not mapped to a driver (add ${c.ref}=DRIVER to --map)`); continue; }
      if (!drivers.has(driver)) { problems.push(`${where}, cell ${c.ref}: "${driver}" is not a driver of the project (drivers: ${[...drivers].join(', ') || 'none'})`); continue; }
      if (c.value === null) { problems.push(`${where}, cell ${c.ref}: "${c.text}" is not a number`); continue; }
      if (used.has(driver)) { problems.push(`${where}, cell ${c.ref}: a second cell maps to ${driver}`); continue; }
      used.add(driver);
      rows.push({ scenario: s.name, driver, value: c.value });
    }
  }
  return problems.length > 0 ? fail(problems.join('\n')) : ok(rows);
}
