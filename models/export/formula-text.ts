import type { Cell } from '../import/types';

/**
 * Text that a spreadsheet takes as a formula when a user re-types it, pastes it or opens the file
 * as CSV: it starts with = + - @ (or their full-width forms, which Excel also accepts), or with a
 * tab or carriage return, which Excel and LibreOffice drop before looking at the rest. A site
 * named "\t=1+1" is imported as "=1+1" (leading white space is trimmed), and a workbook that
 * writes it back as plain text hands the next user a formula (issue 16 item 10).
 *
 * Steward writes such text as text either way; these helpers mark it so the workbook writer can
 * neutralise it: in .xlsx with the quotePrefix cell style (Excel's own "this is text" flag: the
 * value stays exactly the text, the apostrophe shows only in the formula bar), and in CSV with a
 * leading apostrophe (neutralisedText), the usual CSV-injection defence.
 */

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\uff1d', '\uff0b', '\uff0d', '\uff20']);

/** Whether a text cell would be read as a formula (or hides one behind a tab or CR). */
export function isFormulaLike(text: string): boolean {
  return text.length > 0 && TRIGGERS.has(text[0]!);
}

/** Where a sheet's formula-like text cells are (0-based row and column): the cells the writer must mark. */
export function formulaLikeCells(rows: readonly (readonly Cell[])[]): { r: number; c: number }[] {
  const out: { r: number; c: number }[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === 'string' && isFormulaLike(v)) out.push({ r, c });
    }
  }
  return out;
}

/** The text as CSV should hold it: a leading apostrophe before formula-like text, anything else as it is. */
export function neutralisedText(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}
