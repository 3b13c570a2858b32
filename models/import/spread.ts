import type { Cell } from './types';

/**
 * A field read from several columns at once (need counts, per-year driver values) or a layout that
 * turns one spreadsheet row into several table rows (a salary matrix, enrollment with a column per
 * grade). table.ts runs the ordinary column converters first, then the spread.
 */
export interface Spread {
  /** Column indexes the spread reads (so they are not reported as unknown). */
  columns: number[];
  /** Fields the spread supplies (so they are not reported missing). */
  supplies: string[];
  /** A note for the report's warnings (e.g. "5 lanes × 36 steps read as a matrix"). */
  note?: string;
  /** Why a row whose spread columns are all blank is rejected (unset: such a row is fine). */
  emptyReason?: string;
  /** Fields the spread takes over from the ordinary mapping (their column mapping is dropped). */
  replaces?: string[];
  /**
   * Completes `base` from the row: returns the rows to emit, or null after calling `bad` for each
   * bad cell (the row is rejected).
   */
  apply(row: readonly Cell[], base: Record<string, unknown>, bad: (column: number, value: Cell, reason: string) => void): Record<string, unknown>[] | null;
}
