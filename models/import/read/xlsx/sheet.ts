import { excelSerialToIso } from '../../../parse/values';
import type { Cell, Grid } from '../../types';
import { richText } from './shared-strings';
import { attr, ownCopy, rootPrefix, startTags, xmlText } from './xml';
import { MAX_COLS, MAX_MERGES, MAX_ROWS } from '../limits';

/**
 * The worksheet scanner: one pass over the sheet XML with indexOf, touching each cell once.
 * No DOM and no regex per cell — a 100,000-row sheet is ~1M cells, and per-cell allocation
 * or backtracking is what makes general XML readers slow and memory-hungry on budget exports.
 */

export interface SheetContext {
  sharedStrings: readonly string[];
  /** cellXfs index → the style shows a date. */
  dateStyles: readonly boolean[];
  date1904: boolean;
  /** Cells (including padding nulls) this file may still produce; guards sparse hostile sheets. */
  cellBudget: { remaining: number };
  /** Short texts seen last, by hash slot (see repeated()); made by newRepeats(). */
  repeats: string[];
}

/** Texts up to this long are looked up among the repeats, as csv-fast.ts does for CSV cells. */
const SHORT = 12;
const SLOTS = 1024;
export const newRepeats = (): string[] => new Array<string>(SLOTS).fill('');

/**
 * The string seen last for this text, when it is the same: codes, fund names and site ids repeat
 * down a column, and a million-line sheet kept one copy per cell — 190 MB more than the same
 * rows read from a CSV (issue 16 item 9). The new copy is garbage the young generation sweeps.
 */
function repeated(s: string, repeats: string[]): string {
  const len = s.length;
  const slot = (len * 31 + s.charCodeAt(0) * 7 + s.charCodeAt(len - 1) + s.charCodeAt(len >> 1) * 131) & (SLOTS - 1);
  const seen = repeats[slot]!;
  if (seen === s) return seen;
  repeats[slot] = s;
  return s;
}

export class SheetTooLarge extends Error {}

const MAX_ROW = MAX_ROWS;
const MAX_COL = MAX_COLS;

/** "AB12" → column 27 (0-based), or -1 when there are no letters. */
function columnOf(ref: string): number {
  let c = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) c = c * 26 + (ch - 64);
    else if (ch >= 97 && ch <= 122) c = c * 26 + (ch - 96);
    else break;
  }
  return i === 0 ? -1 : c - 1;
}

/** "AB12" → row 11 (0-based), or -1. */
function rowOf(ref: string): number {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) > 57) i++;
  const n = Number(ref.slice(i));
  return Number.isInteger(n) && n >= 1 ? n - 1 : -1;
}

/**
 * "A1:C3" → 0-based inclusive range, clamped to Excel's limits (1,048,576 rows × 16,384 columns):
 * a merge such as A1:ZZZZ99999999 once made every header scan walk half a million columns
 * (issue 16 item 3). The reader clamps it further, to the sheet's used extent (finish-grids.ts).
 */
export function parseRange(ref: string): { s: { r: number; c: number }; e: { r: number; c: number } } | null {
  const [a = '', b = a] = ref.split(':');
  if (!a) return null;
  const s = { r: rowOf(a), c: columnOf(a) };
  const e = { r: rowOf(b), c: columnOf(b) };
  if (s.r < 0 || s.c < 0 || e.r < 0 || e.c < 0) return null;
  if (s.r >= MAX_ROW || s.c >= MAX_COL) return null;
  e.r = Math.min(e.r, MAX_ROW - 1);
  e.c = Math.min(e.c, MAX_COL - 1);
  return { s, e };
}

function numberCell(v: string, style: number, ctx: SheetContext): Cell {
  if (v === '') return null;
  const n = Number(v);
  if (!Number.isFinite(n)) return xmlText(v);
  if (style >= 0 && ctx.dateStyles[style] === true) {
    const iso = excelSerialToIso(n, ctx.date1904);
    if (iso.ok) return iso.value;
  }
  return n;
}

/** The tags the scanner looks for, with the document's namespace prefix ('' or 'x:'). */
export interface SheetTags {
  prefix: string;
  rowTag: string;
  cellTag: string;
  cellEnd: string;
  vOpen: string;
  vClose: string;
  isOpen: string;
  isClose: string;
  vExact: string;
  vTail: string;
}

export function sheetTags(p: string): SheetTags {
  return {
    prefix: p, rowTag: `<${p}row`, cellTag: `<${p}c`, cellEnd: `</${p}c>`, vOpen: `<${p}v`, vClose: `</${p}v>`,
    isOpen: `<${p}is`, isClose: `</${p}is>`, vExact: `<${p}v>`, vTail: `</${p}v></${p}c>`,
  };
}

/** Where the scanner stands between two pieces of one sheet's XML (xlsx-direct.ts feeds it piece by piece). */
export interface ScanState {
  /** 0-based index of the current row; -1 before the first. */
  rowIndex: number;
  /** The current row's cells (a row given by rowAt, or a fresh one for cells before any <row>). */
  row: Cell[];
  /** 0-based column of the last cell read in the current row. */
  col: number;
}

export const newScanState = (): ScanState => ({ rowIndex: -1, row: [], col: -1 });

/**
 * The array to fill for 0-based row `r`, called once per <row> start tag. It also charges the
 * rows it adds (gaps included) to the cell budget. The whole-sheet reader keeps every row; the
 * streaming one hands the previous row on and starts a new one.
 */
export type RowAt = (r: number) => Cell[];

/** Reads one worksheet part into a Grid (minus file/sheet naming, done by the caller). */
export function parseSheet(xml: string, ctx: SheetContext): Pick<Grid, 'rows' | 'merges'> {
  const p = rootPrefix(xml, 'worksheet');
  const rows: Cell[][] = [];
  const dataStart = xml.indexOf(`<${p}sheetData`);
  // Search from the end: the closing tag is near it, and the sheet may be tens of MB.
  let dataEnd = xml.lastIndexOf(`</${p}sheetData>`);
  if (dataEnd < 0) dataEnd = xml.length;
  const from = dataStart < 0 ? dataEnd : xml.indexOf('>', dataStart) + 1;
  const st = newScanState();
  if (from > 0) {
    scanRows(xml, from, dataEnd, sheetTags(p), ctx, st, (r) => {
      if ((ctx.cellBudget.remaining -= Math.max(0, r + 1 - rows.length)) < 0) throw new SheetTooLarge();
      while (rows.length <= r) rows.push([]);
      return rows[r]!;
    });
  }
  // A cell before any <row>: give it row 1.
  if (rows.length === 0 && st.row.length > 0) rows.push(st.row);
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();

  const merges: NonNullable<Grid['merges']> = [];
  const mergeFrom = xml.indexOf(`<${p}mergeCells`, dataEnd);
  if (mergeFrom >= 0) {
    const mergeTo = xml.indexOf(`</${p}mergeCells>`, mergeFrom);
    for (const t of startTags(xml.slice(mergeFrom, mergeTo < 0 ? undefined : mergeTo), new Set(['mergeCell']))) {
      const range = parseRange(attr(t.text, 'ref') ?? '');
      if (range) merges.push(range);
      if (merges.length > MAX_MERGES) break;
    }
  }
  return merges.length > 0 ? { rows, merges } : { rows };
}

/**
 * The cells and rows in xml[from, to), which must not cut a cell in two (the whole sheetData, or
 * a piece ending just after a </row>). Continues from `st` and leaves it where it stopped.
 * False when it stopped early at a tag that never closes (the rest of the sheet is not read).
 */
export function scanRows(xml: string, from: number, to: number, tags: SheetTags, ctx: SheetContext, st: ScanState, rowAt: RowAt): boolean {
  const { prefix: p, rowTag, cellTag, cellEnd, vOpen, vClose, isOpen, isClose, vExact, vTail } = tags;
  const dataEnd = to;
  let i = from;
  let rowIndex = st.rowIndex;
  let row = st.row;
  let col = st.col;
  let complete = true;
  while (i < dataEnd) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= dataEnd) break;
    if (at(xml, lt, cellTag) && isTagBoundary(xml.charCodeAt(lt + cellTag.length))) {
      // Cell start tag: read r (as a column number), t and s straight from the characters —
      // no substring per attribute, since this runs once per cell.
      let j = lt + cellTag.length;
      let c = -1;
      let type = '';
      let style = -1;
      let selfClosing = false;
      while (j < xml.length) {
        const ch = xml.charCodeAt(j);
        if (ch === 62) break; // >
        if (ch === 47) {
          selfClosing = true;
          j++;
          continue;
        }
        if (ch === 32 || ch === 9 || ch === 10 || ch === 13) {
          j++;
          continue;
        }
        // Attribute values are short: a plain loop beats indexOf's call overhead here.
        let eq = j;
        while (eq < xml.length && xml.charCodeAt(eq) !== 61) eq++;
        if (eq >= xml.length) break;
        // XML allows spaces around '=' (rare, but legal): skip them.
        let qAt = eq + 1;
        while (xml.charCodeAt(qAt) === 32) qAt++;
        const q = xml.charCodeAt(qAt);
        const vStart = qAt + 1;
        let vEnd = vStart;
        while (vEnd < xml.length && xml.charCodeAt(vEnd) !== q) vEnd++;
        if (vEnd >= xml.length) break;
        let nameEnd = eq;
        while (nameEnd > j && xml.charCodeAt(nameEnd - 1) === 32) nameEnd--;
        if (nameEnd === j + 1) {
          // One-letter attribute names: r, t, s.
          if (ch === 114) {
            // r="AB12": letters → column
            let k = vStart;
            let col26 = 0;
            for (; k < vEnd; k++) {
              const d = xml.charCodeAt(k);
              if (d >= 65 && d <= 90) col26 = col26 * 26 + (d - 64);
              else if (d >= 97 && d <= 122) col26 = col26 * 26 + (d - 96);
              else break;
            }
            c = k === vStart ? -1 : col26 - 1;
          } else if (ch === 116) {
            type = vEnd === vStart + 1 ? xml[vStart]! : xml.slice(vStart, vEnd);
          } else if (ch === 115) {
            let n = 0;
            for (let k = vStart; k < vEnd; k++) n = n * 10 + (xml.charCodeAt(k) - 48);
            style = n;
          }
        }
        j = vEnd + 1;
      }
      const gt = j;
      if (rowIndex < 0) rowIndex = 0; // a cell outside any <row>: treat as row 1
      col = c < 0 ? col + 1 : c;
      if (selfClosing) {
        i = gt + 1;
        continue;
      }
      let value: Cell = null;
      let v: string | null = null;
      let end = -1;
      // Fast path, most cells: the body is exactly <v>…</v></c>.
      if (type !== 'inlineStr' && at(xml, gt + 1, vExact)) {
        const vs = gt + 1 + vExact.length;
        const ve = xml.indexOf('<', vs);
        if (ve >= 0 && at(xml, ve, vTail)) {
          v = xml.slice(vs, ve);
          end = ve;
          i = ve + vTail.length;
        }
      }
      if (end < 0) {
        end = xml.indexOf(cellEnd, gt);
        if (end < 0) {
          complete = false;
          break;
        }
        i = end + cellEnd.length;
        if (type === 'inlineStr') {
          const is = xml.indexOf(isOpen, gt);
          if (is >= 0 && is < end) {
            const isEnd = xml.indexOf(isClose, is);
            value = richText(xml.slice(xml.indexOf('>', is) + 1, isEnd < 0 || isEnd > end ? end : isEnd), p);
          } else {
            value = innerV(xml, gt, end, vOpen, vClose);
            if (value !== null) value = xmlText(value);
          }
        } else {
          v = innerV(xml, gt, end, vOpen, vClose);
        }
      }
      if (col >= MAX_COL) continue;
      if (v !== null) {
        switch (type) {
          case 's': {
            const s = ctx.sharedStrings[Number(v)];
            value = s === undefined ? null : s;
            break;
          }
          case 'b':
            value = v === '1' || v === 'true';
            break;
          case 'str':
          case 'e':
            value = xmlText(v);
            break;
          case 'd':
            value = /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : xmlText(v);
            break;
          default:
            value = numberCell(v, style, ctx);
        }
      }
      // An empty string (e.g. a formula that returned "") is as blank as no cell at all.
      if (value === null || value === '') continue;
      // Shared strings are already strings of their own (shared-strings.ts), one per distinct text.
      if (typeof value === 'string' && type !== 's') value = value.length > SHORT ? ownCopy(value) : repeated(value, ctx.repeats);
      if (col < row.length) row[col] = value;
      else {
        const grow = col + 1 - row.length;
        if ((ctx.cellBudget.remaining -= grow) < 0) throw new SheetTooLarge();
        while (row.length < col) row.push(null);
        row.push(value);
      }
      continue;
    }
    if (at(xml, lt, rowTag) && isTagBoundary(xml.charCodeAt(lt + rowTag.length))) {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) {
        complete = false;
        break;
      }
      const r = attr(xml.slice(lt, gt), 'r');
      const n = r === null ? NaN : Number(r);
      rowIndex = Number.isInteger(n) && n >= 1 && n <= MAX_ROW ? n - 1 : rowIndex + 1;
      row = rowAt(rowIndex);
      col = -1;
      i = gt + 1;
      continue;
    }
    // End tags and anything else inside sheetData: step past it.
    const gt = xml.indexOf('>', lt);
    if (gt < 0) {
      complete = false;
      break;
    }
    i = gt + 1;
  }
  st.rowIndex = rowIndex;
  st.row = row;
  st.col = col;
  return complete;
}

/** xml has `pat` at `pos` (startsWith with a position is slow on a large string in V8). */
function at(xml: string, pos: number, pat: string): boolean {
  for (let k = 0; k < pat.length; k++) if (xml.charCodeAt(pos + k) !== pat.charCodeAt(k)) return false;
  return true;
}

const isTagBoundary = (ch: number): boolean => ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13;

/** Text between <v> and </v> inside a cell, or null when the cell has no value. */
function innerV(xml: string, from: number, to: number, vOpen: string, vClose: string): string | null {
  let v = xml.indexOf(vOpen, from);
  // '<v' must be the v element, not e.g. '<vm'.
  while (v >= 0 && v < to && !isTagBoundary(xml.charCodeAt(v + vOpen.length))) v = xml.indexOf(vOpen, v + 1);
  if (v < 0 || v >= to) return null;
  const gt = xml.indexOf('>', v);
  if (xml.charCodeAt(gt - 1) === 47) return '';
  const e = xml.indexOf(vClose, gt);
  if (e < 0 || e > to) return null;
  return xml.slice(gt + 1, e);
}
