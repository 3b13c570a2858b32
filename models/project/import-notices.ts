import type { ImportReport } from '../import/types';
import { filledDownText, tiesText } from '../import/report-text';
import type { Problem } from './problems';

/**
 * The warnings an import leaves in its report besides its row errors, as problems for `validate`
 * and the load gate to list with the rest: each row kept as "unclassified" (sheet, row, column,
 * like a rejection), one line per column filled down (with its rows), and a total that does not tie
 * to the file. Row errors themselves stay in report.errors (callers list those already).
 */
export function importNotices(report: ImportReport, money: (cents: number) => string): Problem[] {
  const out: Problem[] = [];
  const at = (p: Problem): Problem => (p.file === undefined && report.file !== '' ? { ...p, file: report.file } : p);
  for (const w of report.rowWarnings) {
    out.push(at({ severity: 'warning', table: report.kind, ...(w.file ? { file: w.file } : {}), sheet: w.sheet, row: w.row, column: w.column, message: w.reason }));
  }
  const multi = new Set(report.filledDown.map((f) => f.sheet)).size > 1;
  for (const f of report.filledDown) {
    out.push(at({ severity: 'warning', table: report.kind, sheet: f.sheet, column: f.column, message: `filled down: ${filledDownText(f, multi)}` }));
  }
  if (report.totals.ties === false) {
    out.push(at({ severity: 'warning', table: report.kind, sheet: report.sheet, message: `total amount ${money(report.totals.amountCents)} ${tiesText(report, money)}` }));
  }
  return out;
}
