import { TABLES, type TableKind } from '../schema/tables';
import type { Problem } from './problems';
import type { Project } from './project';

/**
 * The tables each command computes from. A table a command needs must hold at least one row; any
 * other table may be missing (read as empty, with a note). So a one-fund charter school can
 * forecast from Settings, Funds and Budget alone, and no command runs on an empty Sites sheet
 * that it would silently treat as "no schools".
 */
export const COMMAND_TABLES = {
  validate: [],
  allocate: ['sites', 'enrollment', 'funds'],
  review: ['funds', 'budget'],
  forecast: ['funds', 'budget'],
  compare: ['funds', 'budget'],
  sensitivity: ['funds', 'budget'],
  staffing: ['sites', 'enrollment', 'positions'],
  schedule: ['sites', 'enrollment'],
  timestudy: ['positions'],
  // History and the self-check read whatever the project has (each part says what it lacks).
  snapshot: [],
  diff: [],
  selfcheck: [],
  outcomes: ['outcomes'],
} as const satisfies Record<string, readonly TableKind[]>;

export type CommandName = keyof typeof COMMAND_TABLES;

/** What a missing table means, when that is more than "nothing of it". */
const MISSING_MEANS: Partial<Record<TableKind, string>> = {
  positions: 'the forecast projects personnel from the Budget\'s salary lines (growing by cola) and benefit lines (growing by health_inflation), as docs/forecast.md says',
  studentNeeds: 'no need weights apply (every student counts at the grade weight only)',
  salary: 'positions need a salary of their own',
  needs: 'allocation has no needs register: restricted funds wait for eligible needs, general money goes by formula',
  drivers: 'the forecast uses the built-in driver defaults (docs/forecast.md)',
};

/** Which commands need a table (for the notes of `validate` and docs/workbook.md). */
export function commandsNeeding(kind: TableKind): CommandName[] {
  return (Object.entries(COMMAND_TABLES) as [CommandName, readonly TableKind[]][]).filter(([, t]) => t.includes(kind)).map(([c]) => c);
}

/**
 * Errors for the tables `command` needs that are missing or empty, and notes for the other tables
 * the file has no sheet for. `missing` lists tables with no sheet (a .steward project has every table).
 */
export function tableProblems(command: CommandName, project: Project, missing: readonly TableKind[], file: string): Problem[] {
  const out: Problem[] = [];
  const needs: readonly TableKind[] = COMMAND_TABLES[command];
  for (const kind of needs) {
    const rows = (project as unknown as Record<string, unknown[]>)[kind] ?? [];
    if (rows.length > 0) continue;
    const sheet = TABLES[kind].sheet;
    const message = missing.includes(kind)
      ? `${command} needs the ${sheet} table and ${file} has no ${sheet} sheet`
      : `${command} needs the ${sheet} table and its sheet has no rows`;
    out.push({ severity: 'error', table: kind, file, sheet, message });
  }
  for (const kind of missing) {
    if (kind === 'settings' || needs.includes(kind)) continue;
    const sheet = TABLES[kind].sheet;
    const users = commandsNeeding(kind);
    const means = MISSING_MEANS[kind];
    out.push({ severity: 'note', table: kind, file, message: `no ${sheet} sheet: read as an empty table${means ? `; ${means}` : ''}${users.length > 0 ? ` (${users.join(', ')} need${users.length === 1 ? 's' : ''} it)` : ''}` });
  }
  return out;
}
