import { demoProject } from '../../../models/demo/district';
import type { Cell, Grid } from '../../../models/import/types';
import { projectToSheets } from '../../../models/project/to-sheets';

// Workbooks built to be slightly wrong, the way a new user gets them wrong: each starts from the
// demo district as the workbook format writes it and changes one thing. Shared by the gate tests
// (models) and the CLI tests, which write them to files.

export type Sheets = { name: string; rows: Cell[][] }[];

let cached: Sheets | null = null;
/** The demo district as workbook sheets (a fresh copy each call). */
export function demoSheets(): Sheets {
  cached ??= projectToSheets(demoProject());
  return cached.map((s) => ({ name: s.name, rows: s.rows.map((r) => [...r]) }));
}

export function sheet(sheets: Sheets, name: string): Cell[][] {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s.rows;
}

/** The column index of `header` on a sheet's first row. */
export function col(rows: Cell[][], header: string): number {
  const i = rows[0]!.indexOf(header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i;
}

export const toGrids = (sheets: Sheets, file = 'district.xlsx'): Grid[] => sheets.map((s) => ({ file, sheet: s.name, rows: s.rows }));

/** One change each, with the row and column the gate must name (row = spreadsheet row, 1-based). */
export const WRONG: Record<string, { change: (s: Sheets) => void; sheet: string; column?: string; message: RegExp }> = {
  'a Drivers value written in words': {
    change: (s) => { const d = sheet(s, 'Drivers'); d.push(['cpi', 'five percent']); },
    sheet: 'Drivers', column: 'value', message: /not a rate or percent: "five percent"/,
  },
  'a plan action that does not exist': {
    change: (s) => { const p = sheet(s, 'Plans'); p[1]![col(p, 'action')] = 'fire_everyone'; },
    sheet: 'Plans', column: 'action', message: /"fire_everyone" is not one of add_positions/,
  },
  'a plan start year in words': {
    change: (s) => { const p = sheet(s, 'Plans'); p[1]![col(p, 'start_year')] = 'next year'; },
    sheet: 'Plans', column: 'start_year', message: /not a fiscal year: "next year"/,
  },
  'a trigger lag in words': {
    change: (s) => { const t = sheet(s, 'Triggers'); t[1]![col(t, 'lag')] = 'one'; },
    sheet: 'Triggers', column: 'lag', message: /not a number: "one"/,
  },
  'a scenario value in words': {
    change: (s) => { const t = sheet(s, 'Scenarios'); t[1]![col(t, 'value')] = 'high'; },
    sheet: 'Scenarios', column: 'value', message: /not a rate or percent: "high"/,
  },
  'a negative enrollment': {
    change: (s) => { const e = sheet(s, 'Enrollment'); e[5]![col(e, 'students')] = -5; },
    sheet: 'Enrollment', column: 'students', message: /-5 is below the minimum 0/,
  },
  'a duplicate site': {
    change: (s) => { const e = sheet(s, 'Sites'); e.push([e[1]![0]!, 'Copy of the first school', 'ES']); },
    sheet: 'Sites', column: 'site_id', message: /duplicate site_id "101"/,
  },
  'a need at an unknown site': {
    change: (s) => { sheet(s, 'Needs').push(['N900', 'econ_disadvantaged', 50000, 1, '999', 'Tutoring']); },
    sheet: 'Needs', column: 'site_id', message: /unknown site_id "999"/,
  },
  'a negative need cost': {
    change: (s) => { sheet(s, 'Needs').push(['N901', 'econ_disadvantaged', -50000, 1, '101', 'Refund']); },
    sheet: 'Needs', column: 'cost', message: /-50000.00 is below the minimum 0.00/,
  },
  'an empty Sites sheet': {
    change: (s) => { sheet(s, 'Sites').splice(1); },
    sheet: 'Enrollment', column: 'site_id', message: /unknown site_id "101" \(not on the Sites sheet\)/,
  },
  'a need weight for a need that does not exist (english_learner)': {
    change: (s) => { sheet(s, 'AllocationRules').push(['wsf', 'need_weight', 'english_learner', '0.5']); },
    sheet: 'AllocationRules', column: 'key', message: /"english_learner" is no need category of StudentNeeds/,
  },
  'a grade weight for grade 13': {
    change: (s) => { sheet(s, 'AllocationRules').push(['wsf', 'grade_weight', '13', '1.2']); },
    sheet: 'AllocationRules', column: 'key', message: /"13" is no grade/,
  },
  'a scenario changing a misspelt driver': {
    change: (s) => { sheet(s, 'Scenarios').push(['Raise', 'colla', 0.05, null, null]); },
    sheet: 'Scenarios', column: 'driver', message: /changes "colla", which is no driver/,
  },
  'a Drivers row nothing reads': {
    change: (s) => { sheet(s, 'Drivers').push(['cpl', 0.05]); },
    sheet: 'Drivers', column: 'driver', message: /"cpl" is not a driver Steward knows/,
  },
  'a rate typed as a percent without %': {
    change: (s) => { sheet(s, 'Drivers').push(['cola', 3]); const d = sheet(s, 'Drivers'); const i = d.findIndex((r) => r[0] === 'cola'); if (i < d.length - 1) d.splice(i, 1); },
    sheet: 'Drivers', column: 'value', message: /cola is a rate: 3 means 300%/,
  },
  'a trigger reading an indicator that does not exist': {
    change: (s) => { const t = sheet(s, 'Triggers'); t[1]![col(t, 'condition')] = 'reserve_pc < 0.08'; },
    sheet: 'Triggers', column: 'condition', message: /unknown indicator "reserve_pc"/,
  },
  'a plan cutting a role no position has': {
    change: (s) => { const p = sheet(s, 'Plans'); p[1]![col(p, 'role')] = 'teachers'; },
    sheet: 'Plans', column: 'role', message: /no position has the role "teachers"/,
  },
  'a sheet whose header is not found': {
    change: (s) => { const d = sheet(s, 'Drivers'); d.splice(0, d.length, ['what', 'how much', 'note'], ['cpi', 0.05, 'x'], ['cola', 0.02, 'y']); },
    sheet: 'Drivers', message: /no header like the Drivers table's was found/,
  },
};
