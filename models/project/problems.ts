import type { ImportReport } from '../import/types';

/** A problem found while loading or validating a project, with where to fix it. */
export interface Problem {
  /** error: nothing is computed until it is fixed; warning: computed, but look; note: for information. */
  severity: 'error' | 'warning' | 'note';
  /** The table (TABLES kind) the problem is in, or 'project' for whole-project problems. */
  table: string;
  file?: string;
  sheet?: string;
  /** 1-based spreadsheet row number. */
  row?: number;
  column?: string;
  value?: string;
  message: string;
}

/**
 * The rows an import left out, as problems: every rejected row is an error (a project with a row
 * the engines cannot read is not computed), except totals, subtotals and footers, which are left
 * out on purpose and worth a warning.
 */
export function reportProblems(reports: readonly ImportReport[]): Problem[] {
  const out: Problem[] = [];
  for (const r of reports) {
    for (const e of r.errors) {
      const severity = /^excluded\b/i.test(e.reason) ? 'warning' : 'error';
      const p: Problem = { severity, table: r.kind, sheet: e.sheet, row: e.row, column: e.column, value: e.value, message: e.reason };
      const file = e.file ?? r.file;
      if (file) p.file = file;
      out.push(p);
    }
  }
  return out;
}

export function countProblems(problems: readonly Problem[]): { errors: number; warnings: number; notes: number } {
  let errors = 0;
  let warnings = 0;
  let notes = 0;
  for (const p of problems) {
    if (p.severity === 'error') errors++;
    else if (p.severity === 'warning') warnings++;
    else notes++;
  }
  return { errors, warnings, notes };
}

/** "budget.xlsx, Needs, row 14, column cost ("-500")": where to look, as every command prints it. */
export function problemPlace(p: Problem): string {
  const parts = [p.file, p.sheet, p.row !== undefined ? `row ${p.row}` : undefined, p.column ? `column ${p.column}` : undefined].filter((x) => x !== undefined && x !== '');
  const place = parts.length > 0 ? parts.join(', ') : p.table;
  return p.value !== undefined && p.value !== '' ? `${place} ("${p.value}")` : place;
}

/** One problem as a line of text: `error   budget.xlsx, Needs, row 14, column cost ("-500"): …`. */
export function problemLine(p: Problem): string {
  return `${p.severity.padEnd(7)} ${problemPlace(p)}: ${p.message}`;
}

/** "demo: 2 errors, 1 warning" (notes are counted only when there are some). */
export function problemSummary(target: string, problems: readonly Problem[]): string {
  const c = countProblems(problems);
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `${target}: ${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}${c.notes > 0 ? `, ${plural(c.notes, 'note')}` : ''}`;
}
