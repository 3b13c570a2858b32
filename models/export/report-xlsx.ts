import ExcelJS from 'exceljs';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import { isFormatted, plainValue, type ReportBook, type ReportFormat, type ReportSheet } from '../report/types';
import { isFormulaLike } from './formula-text';

// The board report workbook (models/report) as .xlsx bytes through exceljs, which writes styles:
// number formats, bold frozen header rows, column widths. Pure (bytes out, no file system): the
// CLI writes them through host/write-report.ts, the app's Reports screen downloads them.
//
// No cell is ever a formula: every value is written as a number, a boolean or a string (exceljs
// only writes a formula for a { formula } object, which nothing here builds). Text that a
// spreadsheet would take as a formula when a user edits the cell (= + - @, tab, CR: see
// models/export/formula-text.ts) gets the Text number format and Excel's quotePrefix flag, so
// F2 + Enter keeps it as text; the value itself stays exactly the text, so a re-import reads the
// same name back.

/** Excel number formats. Currency shows negatives in red brackets, as finance offices print them. */
export const NUMBER_FORMATS: Record<ReportFormat, string> = {
  text: '@',
  currency: '"$"#,##0.00_);[Red]("$"#,##0.00)',
  percent: '0.0%',
  fte: '#,##0.00',
  integer: '#,##0',
  decimal: '#,##0.0###',
  ratio: '0.00',
  year: '0',
};

/** The style a formula-like text cell gets; its xf is given quotePrefix="1" after writing (exceljs has no such option). */
const QUOTED = { numFmt: '@', protection: { locked: true, hidden: false } } as const;

function widthFor(sheet: ReportSheet, c: number): number {
  const column = sheet.columns[c]!;
  if (column.width) return column.width;
  let w = column.header.length + 2;
  for (const row of sheet.rows.slice(0, 500)) {
    const v = row[c];
    if (v === undefined || v === null) continue;
    const shown = isFormatted(v) || typeof v === 'number' ? (column.format === 'currency' ? 16 : 12) : String(v).length + 1;
    w = Math.max(w, shown);
  }
  return Math.min(Math.max(w, 8), 60);
}

export async function reportWorkbookBytes(book: ReportBook, created: Date): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Steward';
  wb.title = book.title;
  wb.created = created;
  wb.modified = created;
  for (const s of book.sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
    ws.columns = s.columns.map((c, i) => ({ header: c.header, width: widthFor(s, i), style: { numFmt: NUMBER_FORMATS[c.format] } }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'top', wrapText: true };
    header.eachCell((cell) => { cell.numFmt = '@'; });
    s.rows.forEach((row, r) => {
      const xr = ws.getRow(r + 2);
      row.forEach((v, c) => {
        const value = plainValue(v);
        if (value === null) return;
        const cell = xr.getCell(c + 1);
        cell.value = value;
        if (isFormatted(v)) cell.numFmt = NUMBER_FORMATS[v.format];
        else if (typeof value === 'string') {
          if (isFormulaLike(value)) cell.style = { ...QUOTED };
          else cell.numFmt = '@';
        }
      });
    });
    if (s.rows.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + s.rows.length, column: s.columns.length } };
  }
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return markQuotePrefix(bytes);
}

/** Adds quotePrefix="1" to the cell styles of formula-like text (the only ones with applyProtection: QUOTED's protection, the default values, makes exceljs give them their own xf). */
function markQuotePrefix(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const styles = files['xl/styles.xml'];
  if (!styles) return bytes;
  const xml = strFromU8(styles);
  const marked = xml.replace(/<xf ([^>]*?)applyProtection="1"/g, (_m, attrs: string) => `<xf ${attrs}quotePrefix="1" applyProtection="1"`);
  if (marked === xml) return bytes;
  files['xl/styles.xml'] = strToU8(marked);
  return zipSync(files, { level: 6 });
}
