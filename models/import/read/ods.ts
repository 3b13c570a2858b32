import { parseDate } from '../../parse/values';
import type { Cell, Grid } from '../types';
import { MAX_COLS, MAX_ROWS } from './limits';
import { decodeEntities } from './xlsx/xml';

/**
 * Our own OpenDocument spreadsheet reader (the content.xml of an .ods, or a flat .fods): one pass
 * over the XML with indexOf, no DOM, no regex per cell. SheetJS read these before, and ODS is
 * where it was weakest (issue 16): `table:number-rows-repeated="2147483647"` was expanded into
 * 3.4 GB, a missing sheet name came back undefined and broke project loading, and its tag loop
 * threw raw TypeErrors and "Bad state" strings on damaged files.
 *
 * Repeats are expanded lazily: repeated empty rows and cells (LibreOffice ends every sheet with
 * a million of them) only move the position, and are materialised as padding only when content
 * follows; rows past Excel's 1,048,576 and columns past 16,384 do not exist. Repeated content is
 * copied, within two budgets: all cells of the file (the same cap as .xlsx), and the cells made
 * by repetition alone — a real export repeats a row a few times, never a million.
 */

export { MAX_COLS, MAX_ROWS };

export interface OdsOptions {
  /** Cells (padding included) this file may produce. */
  maxCells: number;
  /** Cells this file may produce by repeating content (beyond the one written). */
  maxRepeatedCells?: number;
}

export const DEFAULT_MAX_REPEATED_CELLS = 2_000_000;

/** Thrown when a sheet would be too large: the caller turns it into a ReadError naming the file. */
export class OdsTooLarge extends Error {
  constructor(
    readonly sheet: string,
    readonly why: 'cells' | 'repeats',
    readonly row: number,
  ) {
    super(`sheet "${sheet}" is too large (${why})`);
  }
}

/** Thrown for XML this reader cannot follow (a DTD): the caller says the file is damaged. */
export class OdsDamaged extends Error {}

interface Attrs {
  get(local: string): string | undefined;
}

/** Attributes of a start tag by local name (prefixes dropped), values entity-decoded. In a Map: never keys on a prototype. */
function attrsOf(xml: string, from: number, to: number): Attrs {
  const m = new Map<string, string>();
  let i = from;
  while (i < to) {
    const c = xml.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) {
      i++;
      continue;
    }
    let eq = i;
    while (eq < to && xml.charCodeAt(eq) !== 61) eq++;
    if (eq >= to) break;
    let nameEnd = eq;
    while (nameEnd > i && xml.charCodeAt(nameEnd - 1) <= 32) nameEnd--;
    let q = eq + 1;
    while (q < to && xml.charCodeAt(q) <= 32) q++;
    const quote = xml.charCodeAt(q);
    if (quote !== 34 && quote !== 39) break;
    const end = xml.indexOf(quote === 34 ? '"' : "'", q + 1);
    if (end < 0 || end > to) break;
    const name = xml.slice(i, nameEnd);
    const colon = name.indexOf(':');
    const local = colon < 0 ? name : name.slice(colon + 1);
    if (!m.has(local)) m.set(local, decodeEntities(xml.slice(q + 1, end)));
    i = end + 1;
  }
  return m;
}

const EMPTY_ATTRS: Attrs = { get: () => undefined };

/** A count attribute (repeats, spans): digits only (the schema's positiveInteger); anything else is 1. */
function count(a: Attrs, local: string): number {
  const v = a.get(local)?.trim();
  if (v === undefined || !/^\d{1,15}$/.test(v)) return 1;
  const n = Number(v);
  return n >= 1 ? n : 1;
}

/** "PT12H30M05S" → fraction of a day (what a spreadsheet holds for a time), or null. */
function isoDuration(v: string): number | null {
  const m = /^-?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(v.trim());
  if (!m) return null;
  const s = Number(m[1] ?? 0) * 86400 + Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  const days = (v.trim().startsWith('-') ? -s : s) / 86400;
  return Number.isFinite(days) ? days : null;
}

/** A cell's value from its type attributes (office:value-type) and its text. */
function cellValue(a: Attrs, text: string | null): Cell {
  const type = a.get('value-type');
  switch (type) {
    case 'float':
    case 'percentage':
    case 'currency': {
      const v = a.get('value');
      const n = v === undefined ? NaN : Number(v.trim());
      if (Number.isFinite(n) && v!.trim() !== '') return n;
      break;
    }
    case 'date': {
      const v = a.get('date-value');
      if (v !== undefined) {
        const d = parseDate(v);
        if (d.ok && d.value !== null) return d.value;
      }
      break;
    }
    case 'time': {
      const v = a.get('time-value');
      const t = v === undefined ? null : isoDuration(v);
      if (t !== null) return t;
      break;
    }
    case 'boolean': {
      const v = a.get('boolean-value')?.trim().toLowerCase();
      if (v === 'true' || v === '1') return true;
      if (v === 'false' || v === '0') return false;
      break;
    }
    default:
      break;
  }
  const s = a.get('string-value');
  if (s !== undefined && s !== '') return s;
  return text === null || text === '' ? null : text;
}

interface Table {
  name: string;
  hidden: boolean;
  rows: Cell[][];
  merges: NonNullable<Grid['merges']>;
}

/** Reads every top-level table of an ODS content.xml (or a flat .fods document). */
export function readOdsXml(xml: string, file: string, opts: OdsOptions): { grids: Grid[]; notes: string[] } {
  const notes: string[] = [];
  const hiddenStyles = new Set<string>();
  const tables: Table[] = [];
  let cellBudget = opts.maxCells;
  let repeatBudget = opts.maxRepeatedCells ?? DEFAULT_MAX_REPEATED_CELLS;
  let clipped = false;

  // State.
  let tableDepth = 0;
  let table: Table | null = null;
  let rowIndex = 0; // the next row's index in this table
  let rowRepeat = 1;
  let row: Cell[] = [];
  let rowContent = false;
  let inRow = false;
  let col = 0; // the next cell's column in the current row
  // A cell being read (between its start and end tags).
  let cellAttrs: Attrs = EMPTY_ATTRS;
  let cellRepeat = 1;
  let cellSpan: [number, number] = [1, 1];
  let inCell = false;
  let covered = false;
  let text: string[] = [];
  let pDepth = 0;
  let paragraphs = 0;
  let ignoreDepth = 0; // inside an annotation (a comment's text is not the cell's)
  // A style being read: its name, if it is a table style.
  let styleName: string | null = null;

  const sheetName = (): string => table?.name ?? '';

  const place = (value: Cell, span: [number, number]): void => {
    // The cell starts at `col` of `row`, repeated cellRepeat times across.
    const across = Math.min(cellRepeat, MAX_COLS - col);
    if (across <= 0) return;
    if (value === null) {
      if (span[0] > 1 || span[1] > 1) addMerge(span);
      col += across;
      return;
    }
    const pad = col - row.length;
    if ((cellBudget -= pad + across) < 0) throw new OdsTooLarge(sheetName(), 'cells', rowIndex + 1);
    if (across > 1 && (repeatBudget -= across - 1) < 0) throw new OdsTooLarge(sheetName(), 'repeats', rowIndex + 1);
    while (row.length < col) row.push(null);
    for (let k = 0; k < across; k++) row.push(value);
    if (span[0] > 1 || span[1] > 1) addMerge(span);
    rowContent = true;
    col += across;
  };

  const addMerge = (span: [number, number]): void => {
    if (!table) return;
    const [across, down] = span;
    if (table.merges.length >= MAX_COLS * 4) return;
    table.merges.push({ s: { r: rowIndex, c: col }, e: { r: Math.min(rowIndex + down - 1, MAX_ROWS - 1), c: Math.min(col + across - 1, MAX_COLS - 1) } });
  };

  const endRow = (): void => {
    inRow = false;
    if (!table) return;
    const times = Math.min(rowRepeat, MAX_ROWS - rowIndex);
    if (times <= 0) {
      if (rowContent) clipped = true;
      return;
    }
    if (rowContent) {
      const rows = table.rows;
      // Empty rows above this one become padding now that content follows.
      if ((cellBudget -= Math.max(0, rowIndex - rows.length)) < 0) throw new OdsTooLarge(table.name, 'cells', rowIndex + 1);
      while (rows.length < rowIndex) rows.push([]);
      rows.push(row);
      if (times > 1) {
        const extra = (times - 1) * row.length;
        if ((cellBudget -= extra) < 0) throw new OdsTooLarge(table.name, 'cells', rowIndex + 1);
        if ((repeatBudget -= extra) < 0) throw new OdsTooLarge(table.name, 'repeats', rowIndex + 1);
        for (let k = 1; k < times; k++) rows.push(row.slice());
      }
    }
    rowIndex += times;
  };

  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (inCell && pDepth > 0 && ignoreDepth === 0) text.push(decodeEntities(xml.slice(i)));
      break;
    }
    if (lt > i && inCell && pDepth > 0 && ignoreDepth === 0) text.push(decodeEntities(xml.slice(i, lt)));
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 33) {
      // <!-- comment -->, <![CDATA[ … ]]>, <!DOCTYPE …>
      if (xml.startsWith('<!--', lt)) {
        const e = xml.indexOf('-->', lt + 4);
        i = e < 0 ? n : e + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const e = xml.indexOf(']]>', lt + 9);
        if (inCell && pDepth > 0 && ignoreDepth === 0) text.push(xml.slice(lt + 9, e < 0 ? n : e));
        i = e < 0 ? n : e + 3;
      } else {
        // A DTD may declare entities; no spreadsheet needs one.
        throw new OdsDamaged('the document has a DTD (<!DOCTYPE>), which a spreadsheet never has');
      }
      continue;
    }
    if (c1 === 63) {
      const e = xml.indexOf('?>', lt + 2);
      i = e < 0 ? n : e + 2;
      continue;
    }
    const gt = tagEndAt(xml, lt + 1);
    if (gt === -1) break; // cut short inside a tag
    if (gt < -1) {
      // A '<' inside a tag ("<a <b>"): the first one was not a tag; go on from the second.
      i = -gt - 2;
      continue;
    }
    i = gt + 1;
    const closing = c1 === 47;
    let nameStart = closing ? lt + 2 : lt + 1;
    let nameEnd = nameStart;
    while (nameEnd < gt) {
      const ch = xml.charCodeAt(nameEnd);
      if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47 || ch === 62) break;
      nameEnd++;
    }
    // The prefix ends at the name's last ':' — looked for within the name only: lastIndexOf would
    // search back to the previous ':' in the document, quadratic over 200,000 <div>s (issue 16).
    let colon = nameEnd - 1;
    while (colon >= nameStart && xml.charCodeAt(colon) !== 58) colon--;
    if (colon >= nameStart) nameStart = colon + 1;
    const local = xml.slice(nameStart, nameEnd);
    const selfClosing = !closing && xml.charCodeAt(gt - 1) === 47;

    if (ignoreDepth > 0) {
      if (local === 'annotation') {
        if (closing) ignoreDepth--;
        else if (!selfClosing) ignoreDepth++;
      }
      continue;
    }
    switch (local) {
      case 'table': {
        if (closing) {
          if (tableDepth === 1) {
            if (inRow) endRow();
            if (table) tables.push(table);
            table = null;
          }
          tableDepth = Math.max(0, tableDepth - 1);
          break;
        }
        if (selfClosing) {
          if (tableDepth === 0) {
            const a = attrsOf(xml, nameEnd, gt);
            tables.push({ name: a.get('name') || `Sheet${tables.length + 1}`, hidden: hiddenStyles.has(a.get('style-name') ?? '\u0000'), rows: [], merges: [] });
          }
          break;
        }
        tableDepth++;
        if (tableDepth === 1) {
          const a = attrsOf(xml, nameEnd, gt);
          // A sheet always has a name: SheetJS gave `undefined` for a table without one (issue 16 item 5).
          table = { name: a.get('name') || `Sheet${tables.length + 1}`, hidden: hiddenStyles.has(a.get('style-name') ?? '\u0000'), rows: [], merges: [] };
          rowIndex = 0;
          inRow = false;
        }
        break;
      }
      case 'table-row': {
        if (tableDepth !== 1 || inCell) break;
        if (closing) {
          if (inRow) endRow();
          break;
        }
        if (inRow) endRow();
        const a = attrsOf(xml, nameEnd, gt);
        rowRepeat = count(a, 'number-rows-repeated');
        row = [];
        rowContent = false;
        col = 0;
        inRow = true;
        if (selfClosing) endRow();
        break;
      }
      case 'table-cell':
      case 'covered-table-cell': {
        if (tableDepth !== 1 || !inRow) {
          // A cell of a nested table: its text is part of the outer cell's (rare; kept simple).
          break;
        }
        if (closing) {
          if (!inCell) break;
          inCell = false;
          const joined = paragraphs > 0 ? text.join('') : null;
          place(covered ? null : cellValue(cellAttrs, joined), cellSpan);
          break;
        }
        const a = attrsOf(xml, nameEnd, gt);
        covered = local === 'covered-table-cell';
        cellAttrs = a;
        cellRepeat = count(a, 'number-columns-repeated');
        cellSpan = [count(a, 'number-columns-spanned'), count(a, 'number-rows-spanned')];
        text = [];
        pDepth = 0;
        paragraphs = 0;
        if (selfClosing) place(covered ? null : cellValue(a, null), cellSpan);
        else inCell = true;
        break;
      }
      case 'p':
      case 'h':
        if (!inCell) break;
        if (closing) pDepth = Math.max(0, pDepth - 1);
        else {
          // Paragraphs of a cell are its lines.
          if (pDepth === 0 && paragraphs > 0) text.push('\n');
          if (pDepth === 0) paragraphs++;
          if (!selfClosing) pDepth++;
        }
        break;
      case 's':
        if (inCell && pDepth > 0 && !closing) text.push(' '.repeat(Math.min(count(attrsOf(xml, nameEnd, gt), 'c'), 1000)));
        break;
      case 'tab':
        if (inCell && pDepth > 0 && !closing) text.push('\t');
        break;
      case 'line-break':
        if (inCell && pDepth > 0 && !closing) text.push('\n');
        break;
      case 'annotation':
        if (!closing && !selfClosing) ignoreDepth = 1;
        break;
      case 'style':
        if (closing) styleName = null;
        else if (tableDepth === 0) {
          const a = attrsOf(xml, nameEnd, gt);
          styleName = a.get('family') === 'table' ? (a.get('name') ?? null) : null;
          if (selfClosing) styleName = null;
        }
        break;
      case 'table-properties':
        if (!closing && styleName !== null && attrsOf(xml, nameEnd, gt).get('display') === 'false') hiddenStyles.add(styleName);
        break;
      default:
        break;
    }
  }
  if (table) {
    // A document cut short: keep what was read.
    if (inRow) endRow();
    tables.push(table);
  }
  if (clipped) notes.push(`${file}: rows past ${MAX_ROWS.toLocaleString('en-US')} (the most a spreadsheet holds) were not read`);
  const grids: Grid[] = tables.map((t) => {
    const rows = t.rows;
    for (const r of rows) while (r.length > 0 && r[r.length - 1] === null) r.pop();
    while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
    const g: Grid = { file, sheet: t.name, rows, hidden: t.hidden };
    if (t.merges.length > 0) g.merges = t.merges;
    return g;
  });
  return { grids, notes };
}

/**
 * The '>' ending the tag whose name starts at `from`, quoted attribute values skipped; -1 when the
 * text ends first; -(k + 2) when a '<' at k comes first (the tag is not one).
 */
function tagEndAt(xml: string, from: number): number {
  let i = from;
  const n = xml.length;
  while (i < n) {
    const c = xml.charCodeAt(i);
    if (c === 62) return i;
    if (c === 34 || c === 39) {
      const q = xml.indexOf(c === 34 ? '"' : "'", i + 1);
      if (q < 0) return -1;
      i = q + 1;
      continue;
    }
    if (c === 60) return -i - 2;
    i++;
  }
  return -1;
}
