import type { Cell, Grid } from './types';
import type { FieldInfo } from './table-fields';
import { headerScoreOf, prepareHeader } from './match';

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

export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  return typeof c === 'string' ? c.replace(/\s+/g, ' ').trim() : String(c);
}

/** Row r of the grid with merged ranges filled in (a merged header cell names every column it spans). */
function filledRow(grid: Grid, r: number): string[] {
  const row = grid.rows[r] ?? [];
  let width = row.length;
  for (const m of grid.merges ?? []) if (m.s.r <= r && m.e.r >= r) width = Math.max(width, m.e.c + 1);
  const out: string[] = new Array<string>(width);
  for (let c = 0; c < width; c++) out[c] = cellText(row[c]);
  for (const m of grid.merges ?? []) {
    if (m.s.r > r || m.e.r < r) continue;
    const text = cellText(grid.rows[m.s.r]?.[m.s.c]);
    for (let c = m.s.c; c <= m.e.c; c++) if (out[c] === '') out[c] = text;
  }
  return out;
}

/**
 * A header cell that names a column of a spread table (a year in Drivers: "2027", "FY28"; a grade
 * in Enrollment: "1", "K"). Such labels look like numbers but are headers, so they must not make
 * the header row look like data (a title line above it would then win).
 */
export type SpreadLabel = (cell: string) => boolean;

/** Score of one row as a header: each field's best match among its cells, numbers count against. */
export function rowHeaderScore(cells: readonly string[], fields: readonly FieldInfo[], spreadLabel?: SpreadLabel): number {
  let score = 0;
  let numbers = 0;
  let texts = 0;
  let labels = 0;
  for (const c of cells) {
    if (c === '') continue;
    if (spreadLabel?.(c)) labels++;
    else if (/^[-$€£(]?[\d,.]+%?\)?$/.test(c)) numbers++;
    else texts++;
  }
  if (texts === 0) return 0;
  // Each cell names at most one field (best pairs first), and long cells (titles, notes) count half:
  // a title line such as "Teacher Salary Schedule 2025-26" must not outscore the real header.
  const prepared = cells.filter((c) => c !== '' && c.length <= 80 && !/^[-$€£(]?[\d,.]+%?\)?$/.test(c)).map((c) => ({ p: prepareHeader(c), long: c.length > 30 }));
  const pairs: { f: number; c: number; s: number }[] = [];
  fields.forEach((f, fi) => {
    prepared.forEach(({ p, long }, ci) => {
      const s = headerScoreOf(p, f).score * (f.required ? 1.5 : 1) * (long ? 0.5 : 1);
      if (s > 0) pairs.push({ f: fi, c: ci, s });
    });
  });
  pairs.sort((a, b) => b.s - a.s);
  const usedF = new Set<number>();
  const usedC = new Set<number>();
  for (const x of pairs) {
    if (usedF.has(x.f) || usedC.has(x.c)) continue;
    usedF.add(x.f);
    usedC.add(x.c);
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
      if (cells.some((c) => c !== '')) return { row: r, firstRow: r, headers: cells, groups: cells.map(() => ''), score: 0 };
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
