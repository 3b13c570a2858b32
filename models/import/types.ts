import { z } from 'zod';
import type { TableKind } from '../schema/tables';

/** A cell as a reader hands it over: CSV cells are text; spreadsheet cells keep their type. */
export type Cell = string | number | boolean | null;

/** One sheet (or one CSV file) as a rectangle of cells, before any meaning is given to it. */
export interface Grid {
  /** The file's name (no directories), for messages. */
  file: string;
  /** Sheet name; a CSV's file name without extension. */
  sheet: string;
  /** rows[r][c], 0-based; spreadsheet row r + 1. Ragged rows are allowed. */
  rows: Cell[][];
  /** Merged ranges, 0-based inclusive (spreadsheets only). */
  merges?: { s: { r: number; c: number }; e: { r: number; c: number } }[];
  /** The workbook uses the 1904 date system (old Mac Excel). */
  date1904?: boolean;
  /** Sheet is hidden in the workbook. */
  hidden?: boolean;
}

/** What a reader gives back: every sheet, plus what it noticed (encoding guessed, delimiter…). */
export interface ReadResult {
  format: 'csv' | 'xlsx' | 'xls' | 'ods' | 'other';
  grids: Grid[];
  notes: string[];
}

/**
 * A reader's refusal: a clear message for the user, never a stack trace. `detail` keeps what the
 * library or the reader said underneath (for `steward import --verbose` and bug reports); the
 * message never carries it.
 */
export class ReadError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly code: 'too-large' | 'timeout' | 'corrupt' | 'encrypted' | 'unsupported' | 'empty' | 'zip-bomb',
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'ReadError';
  }
}

/** How one field of a table was found in the file. */
export interface FieldMapping {
  field: string;
  /** The header text as it appeared, or null when not found. */
  column: string | null;
  /** 0-based column index, or null. */
  index: number | null;
  /** 0–1: 1 = exact header name, lower for synonyms and value shapes. */
  confidence: number;
  /** How it was decided. */
  via: 'exact' | 'synonym' | 'shape' | 'user' | 'template' | 'set' | 'title' | 'missing';
  /** A value applied to every row (from --set or the sheet's title block). */
  value?: string;
}

export interface RowError {
  file?: string;
  sheet: string;
  /** 1-based spreadsheet row number. */
  row: number;
  /** Header text of the column, or '' for whole-row problems. */
  column: string;
  value: string;
  reason: string;
}

export interface ImportTotals {
  /** Sum of the table's main amount (Budget amount, Actuals ytd_amount, …) over accepted rows. */
  amountCents: number;
  fte: number;
  /**
   * The file's own total: every valid amount on a data row (accepted or rejected; totals,
   * subtotals and footers left out). Null when no column of the file gives the amount (a --set
   * value, a spread such as a salary matrix, or a table without one).
   */
  fileAmountCents: number | null;
  /** amountCents === fileAmountCents: the import ties to the file (null when fileAmountCents is). */
  ties: boolean | null;
}

/** One column filled down: blanks below a key shown once per group were given that key. */
export interface FilledDown {
  sheet: string;
  /** Header text of the column. */
  column: string;
  field: string;
  /** Cells filled. */
  count: number;
  /** The rows filled (1-based spreadsheet rows), as [first, last] runs of consecutive rows. */
  rows: [number, number][];
  /** What in the layout showed grouping: subtotal rows ending the groups, show-once runs, or merged cells. */
  via: 'subtotals' | 'runs' | 'merged';
}

/** The report every import produces. Invariant: accepted + rejected === rows. */
export interface ImportReport {
  file: string;
  kind: TableKind;
  /** The sheet(s) read; several when a workbook has one same-shaped sheet per fund. */
  sheet: string;
  sheets: string[];
  /** 1-based row number of the header, per sheet. */
  headerRow: Record<string, number>;
  mapping: FieldMapping[];
  /** Data rows below the header (blank rows not counted). */
  rows: number;
  accepted: number;
  /** Invalid rows plus rows excluded as totals, subtotals or footers. */
  rejected: number;
  /** Of the rejected: rows excluded as totals, subtotals or footers (not errors in the data). */
  excluded: number;
  errors: RowError[];
  /**
   * Problems in accepted rows, listed like errors: a blank classification kept as "unclassified"
   * (Budget and Actuals object; ImportOptions.strict rejects them instead).
   */
  rowWarnings: RowError[];
  /** Accepted rows whose classification was blank, kept as "unclassified". */
  unclassified: number;
  /** Columns filled down (keys shown once per group), each with the rows it filled. */
  filledDown: FilledDown[];
  warnings: string[];
  /** Values found in the title block above the header (fund, fiscal year, …). */
  titleValues: Record<string, string>;
  /** Columns that matched no field: kept in the report, never silently dropped. */
  unknownColumns: string[];
  totals: ImportTotals;
}

export interface TableImport<Row> {
  rows: Row[];
  report: ImportReport;
}

/** A saved column mapping the user can reuse: field → header text. */
export const MappingTemplateSchema = z.object({
  name: z.string().min(1),
  kind: z.string(),
  columns: z.record(z.string(), z.string()),
  set: z.record(z.string(), z.string()).default({}),
});
export type MappingTemplate = z.infer<typeof MappingTemplateSchema>;

/** What the user says about a file: which table, which sheet, overrides. */
export interface ImportOptions {
  kind?: TableKind;
  /** A sheet name, or 'all' for every same-shaped sheet. */
  sheet?: string;
  /**
   * The header row (1-based spreadsheet row) the user confirmed, instead of the best-matching row
   * among the first 30 (CLI --header-row). Applies to every sheet read.
   */
  headerRow?: number;
  /** field → header text (the user's override, --map). */
  map?: Record<string, string>;
  /** field → value for every row (--set). */
  set?: Record<string, string>;
  template?: MappingTemplate;
  /**
   * Fill down keys shown once per group where the sheet's layout shows grouping (default true;
   * CLI --no-fill-down). Never in a table laid out like the Steward workbook: see fill-down.ts.
   */
  fillDown?: boolean;
  /** Reject rows whose classification (object) is blank instead of keeping them as "unclassified" (CLI --strict). */
  strict?: boolean;
}
