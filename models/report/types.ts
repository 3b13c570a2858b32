import type { Cell } from '../import/types';

// The board report as content: sheets of typed rows, each column with a number format. The host
// writes it as .xlsx (host/write-report.ts) and the PDF report reads the same figures, so the
// workbook, the PDF and the screen say the same thing.

/** How a number is shown. Money is in dollars (cents ÷ 100, exact to the cent). */
export type ReportFormat = 'text' | 'currency' | 'percent' | 'fte' | 'integer' | 'decimal' | 'ratio' | 'year';

export interface ReportColumn {
  header: string;
  format: ReportFormat;
  /** Characters; the writer picks one from the header and format when absent. */
  width?: number;
}

/** A cell whose format differs from its column's (the Summary sheet's value column). */
export interface FormattedValue {
  value: number;
  format: ReportFormat;
}

export type ReportValue = Cell | FormattedValue;

export interface ReportSheet {
  /** At most 31 characters, unique in the book (Excel's limits). */
  name: string;
  columns: ReportColumn[];
  rows: ReportValue[][];
}

export interface ReportBook {
  title: string;
  sheets: ReportSheet[];
}

export const isFormatted = (v: ReportValue): v is FormattedValue => typeof v === 'object' && v !== null && 'format' in v;

/** The plain value of a report cell. */
export const plainValue = (v: ReportValue): Cell => (isFormatted(v) ? v.value : v);
