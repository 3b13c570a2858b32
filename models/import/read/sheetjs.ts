import XLSX from 'xlsx';
import { excelSerialToIso } from '../../parse/values';
import { type Cell, type Grid, ReadError, type ReadResult } from '../types';
import { guardBiffStream } from './biff-guard';
import { MAX_CELLS, MAX_COLS, MAX_ROWS } from './limits';
import { checkCellTags, withoutUnclosedTables } from './markup-guard';
import { pickSheets } from './xlsx/read-xlsx';

/**
 * .xls and the rarer formats (xlsb, SpreadsheetML 2003 and HTML tables saved as .xls, SYLK, DIF)
 * through SheetJS. SheetJS 0.18.5 has prototype-pollution and ReDoS advisories, so this runs only
 * inside the parse worker (host/read-file.ts), rows come out as arrays — never objects keyed by
 * the file's header text — and whatever SheetJS hands back is bounded here before it grows: at
 * most Excel's 1,048,576 rows and 16,384 columns, at most MAX_CELLS cells with padding. A
 * failure inside SheetJS becomes a message about the file (what to do with it), its own words
 * kept in ReadError.detail (issue 16 item 6).
 */

/**
 * How many files went through SheetJS in this thread. The parse worker reads it to decide
 * whether it may be reused: after SheetJS has seen a file, the worker is retired, so a
 * polluted prototype can never leak into the next file.
 */
export const sheetJsUse = { count: 0 };

/** What the file is, for the message when SheetJS cannot read it. */
export type SheetJsInput = 'xls' | 'xlsb' | 'markup' | 'sylk' | 'dif' | 'other';

const WHAT: Record<SheetJsInput, string> = {
  xls: 'an Excel 97–2003 workbook (.xls)',
  xlsb: 'a binary Excel workbook (.xlsb)',
  markup: 'a web page or Excel 2003 XML file with a spreadsheet extension',
  sylk: 'a SYLK file',
  dif: 'a DIF file',
  other: 'a spreadsheet',
};

/** SheetJS's failure as a ReadError: the file's kind, what to do, and SheetJS's words as the detail. */
export function sheetJsFailure(e: unknown, file: string, input: SheetJsInput): ReadError {
  const said = e instanceof Error ? `${e.name}: ${e.message}` : `SheetJS: ${String(e)}`;
  const detail = said.slice(0, 2000);
  if (/password|encryption (scheme|algorithm|flags)|encryptioninfo|ods encryption/i.test(said)) {
    return new ReadError(`${file} is password-protected; open it in Excel, remove the password (File → Info → Protect Workbook) and save a copy`, file, 'encrypted', detail);
  }
  if (e instanceof RangeError && /allocation|array length|memory|string length|call stack/i.test(said)) {
    return new ReadError(`${file} is too large or too deeply nested to read; open it in Excel and save it as an Excel Workbook (.xlsx), then import that`, file, 'too-large', detail);
  }
  return new ReadError(
    `${file} is ${WHAT[input]} that Steward cannot read: it looks damaged. Open it in Excel and save it again as an Excel Workbook (.xlsx), then import the saved copy`,
    file,
    'corrupt',
    detail,
  );
}

interface CfbApi {
  read(data: Uint8Array, opts: { type: 'array' }): unknown;
  find(cfb: unknown, path: string): { content?: { [i: number]: number; length: number } } | null;
}

/**
 * An .xls (OLE compound file) through SheetJS, its record stream checked and defused first
 * (biff-guard.ts): SheetJS loops forever on some damaged records.
 */
function readGuardedXls(bytes: Uint8Array, options: XLSX.ParsingOptions): XLSX.WorkBook {
  const lib = XLSX as unknown as { CFB: CfbApi; parse_xlscfb: (cfb: unknown, o: XLSX.ParsingOptions) => XLSX.WorkBook };
  const cfb = lib.CFB.read(bytes, { type: 'array' });
  const stream = lib.CFB.find(cfb, '/Workbook') ?? lib.CFB.find(cfb, '/Book');
  if (stream?.content) guardBiffStream(stream.content);
  return lib.parse_xlscfb(cfb, options);
}

/** SheetJS got further than the cell budget allows. */
class TooManyCells extends Error {}

export function readWithSheetJs(
  bytes: Uint8Array | string,
  fileName: string,
  format: ReadResult['format'],
  opts: { sheets?: 'all' | string[] } = {},
  input: SheetJsInput = format === 'xls' ? 'xls' : 'other',
): ReadResult {
  sheetJsUse.count++;
  const wanted = opts.sheets && opts.sheets !== 'all' ? opts.sheets : undefined;
  let wb: XLSX.WorkBook;
  try {
    // Text (HTML, XML) goes in as the decoded string: SheetJS turns an array into a string one
    // byte at a time, seconds for a few MB.
    const options: XLSX.ParsingOptions = {
      type: typeof bytes === 'string' ? 'string' : 'array',
      cellDates: false,
      dense: true,
      cellHTML: false,
      cellFormula: false,
      cellStyles: false,
      cellNF: true,
      // Only what a reader needs: no VBA, no file properties.
      bookVBA: false,
      bookProps: false,
    };
    if (typeof bytes === 'string') {
      const text = input === 'markup' ? withoutUnclosedTables(bytes) : bytes;
      if (input === 'markup') checkCellTags(text);
      wb = XLSX.read(text, options);
    }
    else wb = input === 'xls' ? readGuardedXls(bytes, options) : XLSX.read(bytes, options);
  } catch (e) {
    throw sheetJsFailure(e, fileName, input);
  }
  const props = wb.Workbook as { WBProps?: { date1904?: boolean }; Sheets?: { Hidden?: number }[] } | undefined;
  const date1904 = props?.WBProps?.date1904 === true;
  const notes: string[] = [];
  const grids: Grid[] = [];
  const sheetNames: unknown[] = Array.isArray(wb.SheetNames) ? wb.SheetNames : [];
  // A sheet always has a name (SheetJS gave `undefined` for some files: issue 16 item 5).
  const names = sheetNames.map((n, i) => (typeof n === 'string' && n.trim() !== '' ? n : `Sheet${i + 1}`));
  const picked = wanted ? new Set(pickSheets(names.map((name) => ({ name })), wanted, notes).map((s) => s.name)) : null;
  const budget = { remaining: MAX_CELLS };
  try {
    sheetNames.forEach((raw, i) => {
      const name = names[i]!;
      if (picked && !picked.has(name)) return;
      // Own properties only: a sheet named "__proto__" or "constructor" is not the object's prototype.
      const ws = typeof raw === 'string' && Object.hasOwn(wb.Sheets, raw) ? wb.Sheets[raw] : undefined;
      if (!ws || typeof ws !== 'object') return;
      const rows = Array.isArray(ws) ? denseRows(ws as unknown as unknown[], date1904, budget) : keyedRows(ws, date1904, budget);
      trimTrailing(rows);
      const grid: Grid = { file: fileName, sheet: name, rows, hidden: (props?.Sheets?.[i]?.Hidden ?? 0) !== 0 };
      if (date1904) grid.date1904 = true;
      const merges = (ws as { '!merges'?: unknown })['!merges'];
      if (Array.isArray(merges) && merges.length > 0) grid.merges = merges as NonNullable<Grid['merges']>;
      grids.push(grid);
    });
  } catch (e) {
    if (e instanceof TooManyCells) {
      throw new ReadError(`${fileName} is too large or too sparse to be a real sheet (more than ${MAX_CELLS.toLocaleString('en-US')} cells); open it in Excel, delete what lies past the data and save it as .xlsx`, fileName, 'too-large');
    }
    throw sheetJsFailure(e, fileName, input);
  }
  if (date1904) notes.push('workbook uses the 1904 date system');
  return { format, grids, notes };
}

interface SheetJsCell {
  t?: string;
  v?: unknown;
  w?: string;
  z?: string | number;
}

/** Dense mode (0.18: the sheet is an array of rows of cells): absolute positions, and the number format to find dates. */
function denseRows(data: unknown[], date1904: boolean, budget: { remaining: number }): Cell[][] {
  const rows: Cell[][] = [];
  const n = Math.min(data.length, MAX_ROWS);
  for (let r = 0; r < n; r++) {
    const src = data[r];
    const row: Cell[] = [];
    if (Array.isArray(src)) {
      // Only up to the last cell present within Excel's columns: a hostile record at column 65,535 pads nothing past 16,384.
      let w = Math.min(src.length, MAX_COLS);
      while (w > 0 && src[w - 1] == null) w--;
      if ((budget.remaining -= w + 1) < 0) throw new TooManyCells();
      for (let c = 0; c < w; c++) row.push(cellValue(src[c] as SheetJsCell | null | undefined, date1904));
    } else if ((budget.remaining -= 1) < 0) throw new TooManyCells();
    rows.push(row);
  }
  return rows;
}

function cellValue(cell: SheetJsCell | null | undefined, date1904: boolean): Cell {
  if (!cell || typeof cell !== 'object') return null;
  switch (cell.t) {
    case 'e':
      return typeof cell.w === 'string' ? cell.w : null;
    case 'n':
      if (typeof cell.v === 'number' && typeof cell.z === 'string' && isDateFormat(cell.z)) {
        const iso = excelSerialToIso(cell.v, date1904);
        if (iso.ok) return iso.value;
      }
      return toCell(cell.v);
    case 'z':
      return null;
    default:
      return toCell(cell.v);
  }
}

/** XLSX.SSF.is_date, answered once per format code (it runs a scan per call; a sheet has few formats). */
const dateFormats = new Map<string, boolean>();
function isDateFormat(z: string): boolean {
  let d = dateFormats.get(z);
  if (d === undefined) {
    try {
      d = z.length <= 256 && Boolean(XLSX.SSF.is_date(z));
    } catch {
      d = false;
    }
    if (dateFormats.size < 1000) dateFormats.set(z, d);
  }
  return d;
}

/**
 * Non-dense sheets (cells keyed "A1"): placed by their own addresses, never by the sheet's
 * declared range — a hostile "!ref" of A1:XFD1048576 would otherwise be walked cell by cell.
 */
function keyedRows(ws: XLSX.WorkSheet, date1904: boolean, budget: { remaining: number }): Cell[][] {
  const rows: Cell[][] = [];
  for (const key of Object.keys(ws)) {
    if (key.startsWith('!')) continue;
    let at: XLSX.CellAddress;
    try {
      at = XLSX.utils.decode_cell(key);
    } catch {
      continue;
    }
    const { r, c } = at;
    if (!Number.isInteger(r) || !Number.isInteger(c) || r < 0 || c < 0 || r >= MAX_ROWS || c >= MAX_COLS) continue;
    const value = cellValue(ws[key] as SheetJsCell, date1904);
    if (value === null) continue;
    if ((budget.remaining -= Math.max(0, r + 1 - rows.length)) < 0) throw new TooManyCells();
    while (rows.length <= r) rows.push([]);
    const row = rows[r]!;
    if ((budget.remaining -= Math.max(0, c + 1 - row.length)) < 0) throw new TooManyCells();
    while (row.length < c) row.push(null);
    row[c] = value;
  }
  return rows;
}

function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? v.toISOString().slice(0, 10) : null;
  return null;
}

function trimTrailing(rows: Cell[][]): void {
  for (const r of rows) while (r.length > 0 && r[r.length - 1] === null) r.pop();
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
}
