import { excelSerialToIso } from '../../../parse/values';
import type { Cell, Grid } from '../../types';
import { richText } from './shared-strings';
import { attr, rootPrefix, startTags, xmlText } from './xml';
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

/** Reads one worksheet part into a Grid (minus file/sheet naming, done by the caller). */
export function parseSheet(xml: string, ctx: SheetContext): Pick<Grid, 'rows' | 'merges'> {
  const p = rootPrefix(xml, 'worksheet');
  const rowTag = `<${p}row`;
  const cellTag = `<${p}c`;
  const cellEnd = `</${p}c>`;
  const vOpen = `<${p}v`;
  const vClose = `</${p}v>`;
  const isOpen = `<${p}is`;
  const isClose = `</${p}is>`;
  const vExact = `<${p}v>`;
  const vTail = `</${p}v></${p}c>`;
  const rows: Cell[][] = [];

  const dataStart = xml.indexOf(`<${p}sheetData`);
  // Search from the end: the closing tag is near it, and the sheet may be tens of MB.
  let dataEnd = xml.lastIndexOf(`</${p}sheetData>`);
  if (dataEnd < 0) dataEnd = xml.length;
  let i = dataStart < 0 ? dataEnd : xml.indexOf('>', dataStart) + 1;
  let rowIndex = -1;
  let row: Cell[] = [];
  let col = -1;

  while (i > 0 && i < dataEnd) {
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
        if (end < 0) break;
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
      if (typeof value === 'string' && value.length >= 13) value = ownCopy(value);
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
      if (gt < 0) break;
      const r = attr(xml.slice(lt, gt), 'r');
      const n = r === null ? NaN : Number(r);
      rowIndex = Number.isInteger(n) && n >= 1 && n <= MAX_ROW ? n - 1 : rowIndex + 1;
      if ((ctx.cellBudget.remaining -= Math.max(0, rowIndex + 1 - rows.length)) < 0) throw new SheetTooLarge();
      while (rows.length <= rowIndex) rows.push([]);
      row = rows[rowIndex]!;
      col = -1;
      i = gt + 1;
      continue;
    }
    // End tags and anything else inside sheetData: step past it.
    const gt = xml.indexOf('>', lt);
    if (gt < 0) break;
    i = gt + 1;
  }
  // A cell before any <row>: give it row 1.
  if (rows.length === 0 && row.length > 0) rows.push(row);
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
 * The text as a string of its own. V8 keeps a substring of 13 or more characters as a view into
 * its parent, so one description cell kept in an imported row pins the whole sheet XML: a
 * 1,000,000-line sheet's imported rows held its 318 MB of XML (issue 16 item 9). Concatenating
 * makes V8 copy the characters; the slice then refers to that copy only.
 */
function ownCopy(s: string): string {
  return (' ' + s).slice(1);
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
