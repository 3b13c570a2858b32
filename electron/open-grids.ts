import type { Grid } from '../models/import/types';
import type { Problem } from '../models/project/problems';
import { TABLES, type TableKind } from '../models/schema/tables';
import { normaliseHeader } from '../models/schema/fields';
import { checkGrids } from '../models/project/open';
import { gate } from '../models/project/gate';
import { guessKind } from '../models/import/kind-guess';
import { importTable } from '../models/import/table';
import { summariseProject } from './project-summary';
import type { ImportFlags, OpenFileReply } from './ipc-contract';

// What opening a file means, whichever process does it: a district workbook (two or more of its
// sheets named after workbook tables) becomes a project; anything else is taken as one export per
// sheet (a budget CSV, a positions report) and imported as the table it looks like, so the user
// sees a report instead of "missing sheet Sites". Pure: the browser worker and Electron share it.

const KIND_BY_SHEET = new Map<string, TableKind>(
  (Object.entries(TABLES) as [TableKind, { sheet: string }][]).map(([kind, t]) => [normaliseHeader(t.sheet), kind]),
);

function kindBySheetName(grid: Grid): TableKind | undefined {
  return KIND_BY_SHEET.get(normaliseHeader(grid.sheet));
}

/** True when the grids look like a district workbook (or a CSV folder) rather than one export. */
export function looksLikeProject(grids: readonly Grid[]): boolean {
  return grids.filter((g) => kindBySheetName(g) !== undefined).length >= 2;
}

export type OpenedGrids = Omit<OpenFileReply, 'name'>;

/** `flags`: the import panel's options (fill-down off, strict), passed to every table's import. */
export function openGrids(grids: Grid[], file: string, flags: ImportFlags = {}): OpenedGrids {
  if (looksLikeProject(grids)) {
    // Checked and gated exactly as the CLI and the desktop path do (models/project/open.ts, gate.ts).
    const checked = checkGrids(grids, file, flags);
    const gated = gate(checked, 'validate', file);
    return { summary: gated.ok ? summariseProject(gated.project) : null, reports: checked.reports, problems: gated.problems };
  }
  return importSingleTables(grids, file, flags);
}

/** Every non-empty sheet read as the table the user chose (overriding the guess). */
export function importGridsAs(grids: readonly Grid[], file: string, kind: TableKind, flags: ImportFlags = {}): OpenedGrids {
  const filled = grids.filter((g) => !isEmpty(g));
  if (filled.length === 0) return { summary: null, reports: [], problems: [{ severity: 'error', table: 'project', file, message: 'The file has no data.' }] };
  return { summary: null, reports: importSameKind(filled, kind, flags), problems: [] };
}

/** Only the flags given, so an import's options are exactly what the user chose. */
function flagOptions(flags: ImportFlags): ImportFlags {
  const out: ImportFlags = {};
  if (flags.fillDown !== undefined) out.fillDown = flags.fillDown;
  if (flags.strict !== undefined) out.strict = flags.strict;
  return out;
}

function isEmpty(grid: Grid): boolean {
  return grid.rows.every((row) => row.every((c) => c === null || c === ''));
}

/** Same-table sheets in one report; a sheet whose columns differ gets its own, so no rows go unreported. */
function importSameKind(group: readonly Grid[], kind: TableKind, flags: ImportFlags): OpenedGrids['reports'] {
  const reports: OpenedGrids['reports'] = [];
  let left = group;
  while (left.length > 0) {
    const { report } = importTable(left, { kind, sheet: 'all', ...flagOptions(flags) });
    reports.push(report);
    const done = new Set(report.sheets);
    const next = left.filter((g) => !done.has(g.sheet));
    // importTable always takes at least the first sheet; guard anyway so this cannot spin.
    left = next.length < left.length ? next : [];
  }
  return reports;
}

/**
 * Each non-empty sheet imported as the table its name or its columns suggest. Same-table sheets
 * (one per fund or cost center) import together in one report, each with its own title values;
 * a sheet whose columns differ from the first is then imported on its own, so no rows go unreported.
 */
export function importSingleTables(grids: readonly Grid[], file: string, flags: ImportFlags = {}): OpenedGrids {
  const reports: OpenedGrids['reports'] = [];
  const problems: Problem[] = [];
  const byKind = new Map<TableKind, Grid[]>();
  for (const grid of grids) {
    if (isEmpty(grid)) continue;
    const kind = kindBySheetName(grid) ?? guessKind(grid);
    if (!kind) {
      problems.push({
        severity: 'error', table: 'project', file, sheet: grid.sheet,
        message: `Could not tell which table sheet "${grid.sheet}" holds: no header matched a workbook table's columns. Choose one under "Read as".`,
      });
      continue;
    }
    byKind.set(kind, [...(byKind.get(kind) ?? []), grid]);
  }
  for (const [kind, group] of byKind) reports.push(...importSameKind(group, kind, flags));
  if (reports.length === 0 && problems.length === 0) {
    problems.push({ severity: 'error', table: 'project', file, message: 'The file has no data.' });
  }
  return { summary: null, reports, problems };
}
