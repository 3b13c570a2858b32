import XLSX from 'xlsx';
import { excelSerialToIso } from '../../parse/values';
import type { Cell, Grid, ReadResult } from '../types';
import { pickSheets } from './xlsx/read-xlsx';

/**
 * .xls, .ods and the rarer formats (xlsb, fods, SYLK, DIF, HTML tables) through SheetJS.
 * SheetJS 0.18.5 has prototype-pollution and ReDoS advisories, so this runs only inside the
 * parse worker (host/read-file.ts), and rows come out as arrays — never objects keyed by the
 * file's header text.
 */

/**
 * How many files went through SheetJS in this thread. The parse worker reads it to decide
 * whether it may be reused: after SheetJS has seen a file, the worker is retired, so a
 * polluted prototype can never leak into the next file.
 */
export const sheetJsUse = { count: 0 };

export function readWithSheetJs(
  bytes: Uint8Array,
  fileName: string,
  format: ReadResult['format'],
  opts: { sheets?: 'all' | string[] } = {},
): ReadResult {
  sheetJsUse.count++;
  const wanted = opts.sheets && opts.sheets !== 'all' ? opts.sheets : undefined;
  const wb = XLSX.read(bytes, {
    type: 'array',
    cellDates: false,
    dense: true,
    cellHTML: false,
    cellFormula: false,
    cellStyles: false,
    cellNF: true,
  });
  const props = wb.Workbook as { WBProps?: { date1904?: boolean }; Sheets?: { Hidden?: number }[] } | undefined;
  const date1904 = props?.WBProps?.date1904 === true;
  const notes: string[] = [];
  const grids: Grid[] = [];
  const names = wanted ? new Set(pickSheets(wb.SheetNames.map((name) => ({ name })), wanted, notes).map((s) => s.name)) : null;
  wb.SheetNames.forEach((name, i) => {
    if (names && !names.has(name)) return;
    const ws = wb.Sheets[name];
    if (!ws) return;
    const rows = Array.isArray(ws) ? denseRows(ws as unknown as unknown[][], date1904) : viaJson(ws);
    trimTrailing(rows);
    const grid: Grid = { file: fileName, sheet: name, rows, hidden: (props?.Sheets?.[i]?.Hidden ?? 0) !== 0 };
    if (date1904) grid.date1904 = true;
    const merges = ws['!merges'];
    if (merges && merges.length > 0) grid.merges = merges.map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } }));
    grids.push(grid);
  });
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
function denseRows(data: unknown[][], date1904: boolean): Cell[][] {
  const rows: Cell[][] = [];
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    const row: Cell[] = [];
    if (Array.isArray(src)) {
      for (let c = 0; c < src.length; c++) row.push(cellValue(src[c] as SheetJsCell | null | undefined, date1904));
    }
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
      if (typeof cell.v === 'number' && typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z)) {
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

/** Non-dense fallback: arrays from sheet_to_json (never objects keyed by header text). */
function viaJson(ws: XLSX.WorkSheet): Cell[][] {
  const raw = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null, blankrows: true });
  const rows: Cell[][] = raw.map((r) => r.map(toCell));
  // sheet_to_json starts at the used range; shift so rows[r] is spreadsheet row r + 1.
  const ref = ws['!ref'];
  if (!ref) return rows;
  const start = XLSX.utils.decode_range(ref).s;
  const lead: Cell[] = new Array<Cell>(start.c).fill(null);
  return [...Array.from({ length: start.r }, (): Cell[] => []), ...rows.map((r) => [...lead, ...r])];
}

function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

function trimTrailing(rows: Cell[][]): void {
  for (const r of rows) while (r.length > 0 && r[r.length - 1] === null) r.pop();
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
}
