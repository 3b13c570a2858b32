import type { Grid, ImportReport } from '../import/types';
import { TABLES, type TableKind } from '../schema/tables';
import { normaliseHeader } from '../schema/fields';
import { guessKind } from '../import/kind-guess';
import { readBytes } from '../import/read/index';
import { importTable } from '../import/table';
import { ReadError } from '../import/types';
import { checkGrids, checkProject, unopened, type CheckedProject } from './open';
import { gate } from './gate';
import type { Problem } from './problems';
import type { Project } from './project';
import { parseStewardFile } from './steward-file';
import { summariseProject, type ProjectSummary } from './summary';

// What opening a file means, wherever it happens (the app's engine worker, tests): a saved
// .steward project, a district workbook or folder of CSVs (two or more sheets named after workbook
// tables) becomes a project; anything else is taken as one export per sheet (a budget CSV, a
// positions report) and imported as the table it looks like, so the user sees a report instead of
// "missing sheet Sites". Pure: bytes in, data out.

/** How a file is imported (the import options; CLI --no-fill-down, --strict). */
export interface ImportFlags {
  fillDown?: boolean;
  strict?: boolean;
}

/** A file as the app opened it. */
export interface OpenedFile {
  name: string;
  /** project: a .steward file, a district workbook or CSV folder; tables: one export per sheet; failed: nothing could be read. */
  kind: 'project' | 'tables' | 'failed';
  /** The project (kept even with errors, so they can be fixed); null for single exports and failures. */
  project: Project | null;
  /** True when the project passes the gate: only then are figures computed from it. */
  ok: boolean;
  summary: ProjectSummary | null;
  reports: ImportReport[];
  problems: Problem[];
  /** Of `problems`, those of the reading itself (rows left out, sheets not read, import notices, tables missing): they stay with the project; the rest are checked again after each edit. */
  importProblems: Problem[];
  /** Rows read from single exports, by report (same order as `reports`), for adding to a project. */
  tables: { kind: TableKind; rows: Record<string, unknown>[] }[];
}

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

/** A checked project as an OpenedFile: gated as every CLI command is (`validate`). */
export function openedProject(name: string, checked: CheckedProject): OpenedFile {
  const gated = gate(checked, 'validate', name);
  const notes = gated.problems.slice(checked.problems.length);
  return {
    name, kind: checked.project ? 'project' : 'failed', project: checked.project, ok: gated.ok,
    summary: gated.ok ? summariseProject(gated.project) : null, reports: checked.reports, problems: gated.problems,
    importProblems: [...checked.importProblems, ...notes], tables: [],
  };
}

/**
 * The bytes of what the user chose (one file, or every file of a folder) → an OpenedFile. A single
 * `.steward` file is a saved project; anything else goes through the readers. `kind` reads every
 * sheet as that table (the user's "Read as") instead of guessing.
 */
export function openFiles(files: readonly { name: string; bytes: Uint8Array }[], name: string, flags: ImportFlags = {}, kind?: TableKind): OpenedFile {
  if (files.length === 1 && /\.steward$/i.test(files[0]!.name)) {
    const parsed = parseStewardFile(new TextDecoder('utf-8', { fatal: false }).decode(files[0]!.bytes));
    if (!parsed.ok) return openedProject(name, unopened(name, `${name}: ${parsed.reason}`));
    return openedProject(name, checkProject(parsed.value, name));
  }
  let grids: Grid[];
  try {
    grids = files.flatMap((f) => readBytes(f.bytes, f.name).grids);
  } catch (e) {
    if (e instanceof ReadError) return openedProject(name, unopened(name, e.message));
    throw e;
  }
  if (kind) return importGridsAs(grids, name, kind, flags);
  return openGrids(grids, name, flags);
}

/** What the user chose, read once: a project (or a refusal) to open, or one export's sheets for the import wizard. */
export type ChosenRead = { opened: OpenedFile } | { grids: Grid[]; format: string; notes: string[] };

/**
 * The import wizard's first step: a `.steward` file, a district workbook or a folder of CSVs opens
 * as a project exactly as `openFiles` opens it; a file that cannot be read, or has no data, is
 * refused with the reason; anything else comes back as its sheets, for the wizard to plan.
 */
export function readChosen(files: readonly { name: string; bytes: Uint8Array }[], name: string, flags: ImportFlags = {}): ChosenRead {
  if (files.length === 1 && /\.steward$/i.test(files[0]!.name)) return { opened: openFiles(files, name, flags) };
  const read = [];
  try {
    for (const f of files) read.push(readBytes(f.bytes, f.name));
  } catch (e) {
    if (e instanceof ReadError) return { opened: openedProject(name, unopened(name, e.message)) };
    throw e;
  }
  const grids = read.flatMap((r) => r.grids);
  if (looksLikeProject(grids)) return { opened: openedProject(name, checkGrids(grids, name, flagOptions(flags))) };
  if (grids.every(isEmpty)) return { opened: failed(name, [{ severity: 'error', table: 'project', file: name, message: 'The file has no data.' }]) };
  const formats = [...new Set(read.map((r) => r.format))];
  return { grids: grids.filter((g) => !isEmpty(g)), format: formats.length === 1 ? formats[0]! : formats.join('+'), notes: [...new Set(read.flatMap((r) => r.notes))] };
}

/** `flags`: the import options (fill-down off, strict), passed to every table's import. */
export function openGrids(grids: Grid[], file: string, flags: ImportFlags = {}): OpenedFile {
  if (looksLikeProject(grids)) return openedProject(file, checkGrids(grids, file, flagOptions(flags)));
  return importSingleTables(grids, file, flags);
}

/** Every non-empty sheet read as the table the user chose (overriding the guess). */
export function importGridsAs(grids: readonly Grid[], file: string, kind: TableKind, flags: ImportFlags = {}): OpenedFile {
  const filled = grids.filter((g) => !isEmpty(g));
  if (filled.length === 0) return failed(file, [{ severity: 'error', table: 'project', file, message: 'The file has no data.' }]);
  return tablesOf(file, importSameKind(filled, kind, flags), []);
}

function failed(name: string, problems: Problem[]): OpenedFile {
  return { name, kind: 'failed', project: null, ok: false, summary: null, reports: [], problems, importProblems: problems, tables: [] };
}

function tablesOf(name: string, imports: { kind: TableKind; report: ImportReport; rows: Record<string, unknown>[] }[], problems: Problem[]): OpenedFile {
  return {
    name, kind: 'tables', project: null, ok: false, summary: null, problems, importProblems: problems,
    reports: imports.map((i) => i.report), tables: imports.map((i) => ({ kind: i.kind, rows: i.rows })),
  };
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
function importSameKind(group: readonly Grid[], kind: TableKind, flags: ImportFlags): { kind: TableKind; report: ImportReport; rows: Record<string, unknown>[] }[] {
  const out: { kind: TableKind; report: ImportReport; rows: Record<string, unknown>[] }[] = [];
  let left = group;
  while (left.length > 0) {
    const { report, rows } = importTable(left, { kind, sheet: 'all', ...flagOptions(flags) });
    out.push({ kind, report, rows: rows as Record<string, unknown>[] });
    const done = new Set(report.sheets);
    const next = left.filter((g) => !done.has(g.sheet));
    // importTable always takes at least the first sheet; guard anyway so this cannot spin.
    left = next.length < left.length ? next : [];
  }
  return out;
}

/**
 * Each non-empty sheet imported as the table its name or its columns suggest. Same-table sheets
 * (one per fund or cost center) import together in one report, each with its own title values;
 * a sheet whose columns differ from the first is then imported on its own, so no rows go unreported.
 */
export function importSingleTables(grids: readonly Grid[], file: string, flags: ImportFlags = {}): OpenedFile {
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
  const imports = [...byKind].flatMap(([kind, group]) => importSameKind(group, kind, flags));
  if (imports.length === 0 && problems.length === 0) return failed(file, [{ severity: 'error', table: 'project', file, message: 'The file has no data.' }]);
  return imports.length === 0 ? failed(file, problems) : tablesOf(file, imports, problems);
}
