import type { Cell, Grid, ReadResult } from '../types';
import { MAX_COLS, MAX_MERGES, MAX_ROWS } from './limits';

type Merge = NonNullable<Grid['merges']>[number];

const isIndex = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/**
 * The last step of every reader: whatever a library handed back, the grids keep the promises the
 * importer relies on. A sheet name is a non-empty string (SheetJS gave `undefined` for some ODS
 * files, and project loading threw: issue 16 item 5); rows are arrays of cells; merged ranges are
 * well-formed, within Excel's limits — A1:ZZZZ99999999 ends at XFD1048576 (issue 16 item 3; the
 * header scan goes no further than the data either) — and there are at most MAX_MERGES of them.
 */
export function finishGrids(r: ReadResult, file: string): void {
  const grids: Grid[] = [];
  for (const g of r.grids as unknown[]) {
    if (g === null || typeof g !== 'object') continue;
    const grid = g as Grid;
    if (typeof grid.sheet !== 'string' || grid.sheet.trim() === '') {
      const name = `Sheet${grids.length + 1}`;
      r.notes.push(`a sheet without a name was read as "${name}"`);
      grid.sheet = name;
    }
    if (typeof grid.file !== 'string') grid.file = file;
    if (!Array.isArray(grid.rows)) grid.rows = [];
    const rows = grid.rows as unknown[];
    for (let i = 0; i < rows.length; i++) if (!Array.isArray(rows[i])) rows[i] = [];
    if (grid.merges !== undefined) {
      // Clamped to Excel's limits here; the header scan also stops at the used extent (header.ts).
      const merges = clampMerges(grid.merges, MAX_ROWS, MAX_COLS);
      if (merges.length < grid.merges.length && grid.merges.length > MAX_MERGES) r.notes.push(`sheet "${grid.sheet}": only the first ${MAX_MERGES.toLocaleString('en-US')} merged ranges were read`);
      if (merges.length > 0) grid.merges = merges;
      else delete grid.merges;
    }
    grids.push(grid);
  }
  r.grids = grids;
}

/** Well-formed merges (top-left first) inside rows × width, each covering at least two cells. */
export function clampMerges(merges: readonly unknown[], rows: number, width: number): Merge[] {
  const out: Merge[] = [];
  const lastRow = Math.min(rows, MAX_ROWS) - 1;
  const lastCol = Math.min(width, MAX_COLS) - 1;
  for (const m of merges) {
    if (out.length >= MAX_MERGES) break;
    const x = m as Merge | null;
    if (!x || typeof x !== 'object' || !x.s || !x.e) continue;
    const { s, e } = x;
    if (!isIndex(s.r) || !isIndex(s.c) || !isIndex(e.r) || !isIndex(e.c)) continue;
    const r0 = Math.min(s.r, e.r);
    const c0 = Math.min(s.c, e.c);
    if (r0 > lastRow || c0 > lastCol) continue;
    const r1 = Math.min(Math.max(s.r, e.r), lastRow);
    const c1 = Math.min(Math.max(s.c, e.c), lastCol);
    if (r1 === r0 && c1 === c0) continue;
    out.push({ s: { r: r0, c: c0 }, e: { r: r1, c: c1 } });
  }
  return out;
}

/** A cell as the importer takes it: text, a finite number, a boolean or null. */
export function asCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return null;
}
