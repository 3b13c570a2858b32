import type { Grid, ImportOptions, ImportReport } from '../import/types';
import type { TableKind } from '../schema/tables';
import { projectFromGrids } from './from-grids';
import { reportProblems, type Problem } from './problems';
import type { Project } from './project';
import { validateProject } from './validate';
import { importNotices } from './import-notices';
import { formatCents, type Cents } from '../money/cents';

const money = (c: number) => formatCents(c as Cents);

/**
 * A project as every caller opens it — the CLI, the Electron main process and the browser build's
 * worker: read, every row the import left out turned into a problem, and validated. One function,
 * so `validate`, every engine command and the app list the same problems for the same file.
 */
export interface CheckedProject {
  /** Null only when the project cannot be built at all (no usable Settings, an unreadable file). */
  project: Project | null;
  reports: ImportReport[];
  /** Every problem: whole-sheet, row (from the reports) and cross-table, in that order. */
  problems: Problem[];
  /** Of `problems`, those of the reading itself (sheets, rows left out, import notices): they stay with the project after it is opened, while the cross-table ones are checked again after every edit. */
  importProblems: Problem[];
  /** Tables the file has no sheet for (read as empty). Empty for a saved .steward project. */
  missing: TableKind[];
}

/** A district workbook or CSV folder, as grids. */
export function checkGrids(grids: readonly Grid[], file: string, opts: ImportOptions = {}): CheckedProject {
  const r = projectFromGrids(grids, file, opts);
  // Rows left out are errors; rows kept as unclassified, columns filled down and totals that do not tie are warnings.
  const importProblems = [...r.problems, ...reportProblems(r.reports), ...r.reports.flatMap((rep) => importNotices(rep, money))];
  const problems = [...importProblems];
  // Appended one by one: a damaged file can give hundreds of thousands of problems, more than
  // push(...list) may pass as arguments (a RangeError the fuzz campaign found, input 16/37767).
  if (r.project) for (const p of withFile(validateProject(r.project), file)) problems.push(p);
  return { project: r.project, reports: r.reports, problems, importProblems, missing: r.missing };
}

/** A project already in memory (a saved .steward file, the built-in demo); `validate` is validateProject or the app's incremental one. */
export function checkProject(project: Project, file: string, validate: (p: Project) => Problem[] = validateProject): CheckedProject {
  return { project, reports: [], problems: withFile(validate(project), file), importProblems: [], missing: [] };
}

/** A project that could not be opened at all: one error saying why. */
export function unopened(file: string, message: string): CheckedProject {
  const problems: Problem[] = [{ severity: 'error', table: 'project', file, message }];
  return { project: null, reports: [], problems, importProblems: problems, missing: [] };
}

function withFile(problems: Problem[], file: string): Problem[] {
  return problems.map((p) => (p.file === undefined ? { ...p, file } : p));
}
