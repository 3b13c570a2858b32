import { neutralisedText } from '../export/formula-text';
import { plainValue, type ReportSheet } from './types';

/**
 * A report table as CSV (the Reports screen's "CSV" buttons): the header row, then the values as
 * the workbook holds them (money in dollars, shares as fractions), formula-like text with a
 * leading apostrophe so a spreadsheet opening the file never runs it.
 */
export function sheetCsv(sheet: ReportSheet): string {
  const rows = [sheet.columns.map((c) => neutralisedText(c.header)), ...sheet.rows.map((r) => sheet.columns.map((_, i) => {
    const v = plainValue(r[i] ?? null);
    return typeof v === 'string' ? neutralisedText(v) : v === null ? '' : String(v);
  }))];
  return rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
const quote = (field: string): string => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
