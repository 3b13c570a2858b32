import { neutralisedText } from '../export/formula-text';

/**
 * A table as it is shown on a screen (every cell's text, header rows first) as CSV — the "Download
 * CSV" under every table. Figures shown as formatted text ("$1,234", "−3.2%", "(5,000)") are written
 * as plain numbers a spreadsheet reads as numbers; any other text that a spreadsheet would take as
 * a formula (= + - @ tab CR first — a site named `=HYPERLINK(…)` from an imported file) gets a
 * leading apostrophe, as the report workbook's CSVs do.
 */
export function tableCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map((cell) => quote(csvCell(cell))).join(',')).join('\r\n') + '\r\n';
}

/** The same grid tab-separated (the "Copy table" button): pasted into a spreadsheet it fills one cell per cell. */
export function tableTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map((cell) => csvCell(cell).replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\r\n') + '\r\n';
}

/** A file name from the table's name: "Drivers of Base" → "drivers-of-base.csv". */
export function tableFileName(label: string, ext = 'csv'): string {
  const stem = label.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  return `${stem || 'table'}.${ext}`;
}

// "$1,234.50", "-$12", "−3.2%", "(5,000)", "1.25": a figure, possibly formatted; nothing else.
const FIGURE = /^([-+]?)\$?(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?(%?)$/;

/** One shown cell as CSV holds it: a figure as a plain number (percent kept as "12.5%"), text neutralised. */
export function csvCell(shown: string): string {
  const text = shown.replace(/\u00a0/g, ' ').trim();
  const unsigned = text.replace(/^\((.*)\)$/, '-$1').replace(/^[\u2212\u2013]/, '-');
  const m = FIGURE.exec(unsigned);
  if (m && (m[2] !== '' || m[3] !== undefined)) return `${m[1] === '-' ? '-' : ''}${m[2]!.replace(/,/g, '') || '0'}${m[3] ?? ''}${m[4]}`;
  return neutralisedText(text);
}

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
const quote = (field: string): string => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
