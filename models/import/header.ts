import type { Cell, Grid } from './types';
import type { FieldInfo } from './table-fields';
import { headerScoreOf, prepareHeader, type PreparedHeader } from './match';

/** Where a table's header is in a grid, and the header text of each column. */
export interface HeaderInfo {
  /** 0-based index of the (lower) header row; data starts below it. */
  row: number;
  /** 0-based index of the first header row (row - 1 for a two-row header with a group band above). */
  firstRow: number;
  /** Header text per column: the sub-header, or the group header where the sub-header is blank. */
  headers: string[];
  /** The group band above each column for two-row headers ('' when none). */
  groups: string[];
  score: number;
}

/** How many rows from the top may hold titles before the header. */
export const HEADER_SEARCH_ROWS = 30;

/**
 * Characters of a cell that can matter as a header or title: no header is longer. A 1 MB cell in
 * the first rows would otherwise be copied whole on every look at the header (once per table kind
 * while guessing), seconds of work for nothing (issue 16: fuzzed CSVs with one huge cell).
 */
const MAX_HEADER_TEXT = 1000;

export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (typeof c !== 'string') return String(c);
  return (c.length > MAX_HEADER_TEXT ? c.slice(0, MAX_HEADER_TEXT) : c).replace(/\s+/g, ' ').trim();
}

type Merge = NonNullable<Grid['merges']>[number];

/** Columns a header may have: Excel's 16,384 (A to XFD). */
export const MAX_HEADER_COLUMNS = 16_384;

/** filledRow's results per grid (callers never change the arrays it returns). */
const filledRows = new WeakMap<Grid, { rows: Grid['rows']; merges: Grid['merges']; byRow: Map<number, string[]> }>();

/** Per merges list: the merges touching each of the first HEADER_SEARCH_ROWS rows (built once). */
const mergesByRow = new WeakMap<readonly Merge[], Merge[][]>();
/** Per rows array: the widest row (a merge never widens a header beyond the data). */
const usedWidths = new WeakMap<readonly Cell[][], number>();

function usedWidth(grid: Grid): number {
  let w = usedWidths.get(grid.rows);
  if (w === undefined) {
    w = 0;
    for (const row of grid.rows) if (row && row.length > w) w = row.length;
    usedWidths.set(grid.rows, w);
  }
  return w;
}

/** The merges that cover row r (r < HEADER_SEARCH_ROWS from the index; any other row by a scan). */
function mergesAt(grid: Grid, r: number): readonly Merge[] {
  const merges = grid.merges;
  if (!merges || merges.length === 0) return [];
  if (r >= HEADER_SEARCH_ROWS) return merges.filter((m) => m.s.r <= r && m.e.r >= r);
  let byRow = mergesByRow.get(merges);
  if (byRow === undefined) {
    byRow = Array.from({ length: HEADER_SEARCH_ROWS }, (): Merge[] => []);
    for (const m of merges) for (let k = Math.max(0, m.s.r); k <= Math.min(m.e.r, HEADER_SEARCH_ROWS - 1); k++) byRow[k]!.push(m);
    mergesByRow.set(merges, byRow);
  }
  return byRow[r]!;
}

/**
 * Row r of the grid with merged ranges filled in (a merged header cell names every column it spans).
 * Cheap whatever the merges say: only those covering row r are looked at, and a merge reaching past
 * the widest row of the sheet ("A1:ZZZZ99999999", issue 16 item 3) fills no further than the data.
 */
function filledRow(grid: Grid, r: number): string[] {
  // Made once per grid and row: the header is looked for once per table kind while guessing.
  let cache = filledRows.get(grid);
  if (cache === undefined || cache.rows !== grid.rows || cache.merges !== grid.merges) filledRows.set(grid, (cache = { rows: grid.rows, merges: grid.merges, byRow: new Map() }));
  let out = cache.byRow.get(r);
  if (out === undefined) cache.byRow.set(r, (out = fillRow(grid, r)));
  return out;
}

function fillRow(grid: Grid, r: number): string[] {
  const row = grid.rows[r] ?? [];
  const merges = mergesAt(grid, r);
  let width = row.length;
  if (merges.length > 0) {
    const limit = usedWidth(grid);
    for (const m of merges) width = Math.max(width, Math.min(m.e.c + 1, limit));
  }
  // Columns past Excel's last (XFD) name nothing: a CSV row of 124,000 cells is not a header.
  width = Math.min(width, MAX_HEADER_COLUMNS);
  const out: string[] = new Array<string>(width);
  for (let c = 0; c < width; c++) out[c] = cellText(row[c]);
  for (const m of merges) {
    const text = cellText(grid.rows[m.s.r]?.[m.s.c]);
    if (text === '') continue;
    for (let c = Math.max(0, m.s.c), end = Math.min(m.e.c, width - 1); c <= end; c++) if (out[c] === '') out[c] = text;
  }
  return out;
}

/**
 * A header cell that names a column of a spread table (a year in Drivers: "2027", "FY28"; a grade
 * in Enrollment: "1", "K"). Such labels look like numbers but are headers, so they must not make
 * the header row look like data (a title line above it would then win).
 */
export type SpreadLabel = (cell: string) => boolean;

/** Distinct header-like texts of one row scored as a header: no table has more columns to name. */
export const MAX_SCORED_TEXTS = 1024;

const NUMBER_LIKE = /^[-$€£(]?[\d,.]+%?\)?$/;
const namesAField = (c: string): boolean => c !== '' && c.length <= 80 && !NUMBER_LIKE.test(c);

/**
 * A row's texts that can name a field (`keep`: by default not blank, at most 80 characters, not a number), each once
 * with how many times it appears — at most `copies`, as no more of one text can be paired with
 * fields — and at most MAX_SCORED_TEXTS of them. Scoring distinct texts keeps a header scan
 * linear in the row's width: a 31,000-cell row of "a" once took 13 s to sniff (issue 16 item 7).
 */
export function distinctHeaderTexts(cells: readonly string[], copies: number, keep: (text: string) => boolean = namesAField): { text: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const c of cells) {
    if (!keep(c)) continue;
    const n = counts.get(c);
    if (n !== undefined) {
      if (n < copies) counts.set(c, n + 1);
    } else if (counts.size < MAX_SCORED_TEXTS) counts.set(c, 1);
  }
  return [...counts].map(([text, count]) => ({ text, count }));
}

interface RowShape {
  numbers: number;
  texts: number;
  /** Distinct texts, prepared for matching, by the number of copies kept (the field count). */
  prepared: Map<number, { p: PreparedHeader; long: boolean; count: number }[]>;
}

/** What rowHeaderScore needs of a row whatever the table: worked out once per row (filledRow's arrays are kept). */
const rowShapes = new WeakMap<readonly string[], RowShape>();

function shapeOf(cells: readonly string[]): RowShape {
  let shape = rowShapes.get(cells);
  if (shape === undefined) {
    let numbers = 0;
    let texts = 0;
    for (const c of cells) {
      if (c === '') continue;
      if (NUMBER_LIKE.test(c)) numbers++;
      else texts++;
    }
    rowShapes.set(cells, (shape = { numbers, texts, prepared: new Map() }));
  }
  return shape;
}

/** Score of one row as a header: each field's best match among its cells, numbers count against. */
export function rowHeaderScore(cells: readonly string[], fields: readonly FieldInfo[], spreadLabel?: SpreadLabel): number {
  let score = 0;
  let numbers = 0;
  let texts = 0;
  let labels = 0;
  const shape = shapeOf(cells);
  if (spreadLabel) {
    for (const c of cells) {
      if (c === '') continue;
      if (spreadLabel(c)) labels++;
      else if (NUMBER_LIKE.test(c)) numbers++;
      else texts++;
    }
  } else {
    numbers = shape.numbers;
    texts = shape.texts;
  }
  if (texts === 0) return 0;
  // Each cell names at most one field (best pairs first), and long cells (titles, notes) count half:
  // a title line such as "Teacher Salary Schedule 2025-26" must not outscore the real header.
  // Equal texts are scored once and may be used as often as they appear.
  let prepared = shape.prepared.get(fields.length);
  if (prepared === undefined) {
    prepared = distinctHeaderTexts(cells, fields.length).map(({ text, count }) => ({ p: prepareHeader(text), long: text.length > 30, count }));
    shape.prepared.set(fields.length, prepared);
  }
  const pairs: { f: number; c: number; s: number }[] = [];
  fields.forEach((f, fi) => {
    prepared.forEach(({ p, long }, ci) => {
      const s = headerScoreOf(p, f).score * (f.required ? 1.5 : 1) * (long ? 0.5 : 1);
      if (s > 0) pairs.push({ f: fi, c: ci, s });
    });
  });
  pairs.sort((a, b) => b.s - a.s);
  const usedF = new Set<number>();
  const usedC = new Array<number>(prepared.length).fill(0);
  for (const x of pairs) {
    if (usedF.has(x.f) || usedC[x.c]! >= prepared[x.c]!.count) continue;
    usedF.add(x.f);
    usedC[x.c] = usedC[x.c]! + 1;
    score += x.s;
  }
  // Headers are words: a row of mostly numbers is data, not a header. Spread labels count as words
  // only beside a matched field (a row of bare years is still data).
  return numbers > texts + (score > 0 ? labels : 0) ? score * 0.3 : score;
}

/**
 * Finds the header among the first rows: the row with the best header-match score. A row just
 * above it with at least two labels, fewer than the header has (or spanning merges), is a group band
 * of a two-row header: its labels fill columns whose sub-header is blank and are kept in `groups`.
 */
export function findHeader(grid: Grid, fields: readonly FieldInfo[], spreadLabel?: SpreadLabel): HeaderInfo {
  const limit = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  let bestRow = -1;
  let bestScore = 0;
  let bestCells: string[] = [];
  for (let r = 0; r < limit; r++) {
    const cells = filledRow(grid, r);
    const s = rowHeaderScore(cells, fields, spreadLabel);
    if (s > bestScore + 1e-9) {
      bestScore = s;
      bestRow = r;
      bestCells = cells;
    }
  }
  if (bestRow < 0) {
    // Nothing matched: the first non-blank row is the header (so unknown columns are still reported).
    for (let r = 0; r < limit; r++) {
      const cells = filledRow(grid, r);
      if (cells.some((c) => c !== '')) return { row: r, firstRow: r, headers: cells.slice(), groups: cells.map(() => ''), score: 0 };
    }
    return { row: 0, firstRow: 0, headers: [], groups: [], score: 0 };
  }
  return withGroupBand(grid, bestRow, bestCells, bestScore);
}

/**
 * The header the user chose: row `r` (0-based), with a group band above it taken in as findHeader
 * would. Its score is the row's header-match score (0 when no cell names a field).
 */
export function headerAt(grid: Grid, r: number, fields: readonly FieldInfo[], spreadLabel?: SpreadLabel): HeaderInfo {
  const cells = filledRow(grid, r);
  return withGroupBand(grid, r, cells, rowHeaderScore(cells, fields, spreadLabel));
}

/** Rows worth offering as the header: the first non-blank rows (up to HEADER_SEARCH_ROWS), as text. */
export function headerCandidates(grid: Grid): { row: number; cells: string[] }[] {
  const out: { row: number; cells: string[] }[] = [];
  const limit = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const cells = filledRow(grid, r);
    if (cells.some((c) => c !== '')) out.push({ row: r, cells });
  }
  return out;
}

function withGroupBand(grid: Grid, bestRow: number, bestCells: string[], bestScore: number): HeaderInfo {
  let firstRow = bestRow;
  const groups = bestCells.map(() => '');
  const headers = bestCells.slice();
  if (bestRow > 0) {
    const above = filledRow(grid, bestRow - 1);
    const labels = above.filter((c) => c !== '');
    const distinct = new Set(labels).size;
    const here = bestCells.filter((c) => c !== '').length;
    const spansMerge = (grid.merges ?? []).some((m) => m.s.r === bestRow - 1 && m.e.c > m.s.c && m.e.c - m.s.c < Math.max(1, bestCells.length - 1));
    const looksLikeBand = distinct >= 2 && (labels.length < here || spansMerge) && !labels.some((l) => /:\s*\S/.test(l) && l.length > 40);
    if (looksLikeBand) {
      firstRow = bestRow - 1;
      for (let c = 0; c < Math.max(above.length, headers.length); c++) {
        const g = above[c] ?? '';
        if ((headers[c] ?? '') === '') headers[c] = g;
        else if (g !== headers[c]) groups[c] = g;
      }
    }
  }
  for (let c = 0; c < headers.length; c++) if (headers[c] === undefined) headers[c] = '';
  return { row: bestRow, firstRow, headers, groups, score: bestScore };
}
