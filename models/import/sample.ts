import type { TableKind } from '../schema/tables';
import type { Cell, Grid } from './types';
import type { SpreadLabel } from './header';
import { excludeReason } from './exclude';
import { isBlank } from './fill-down';
import { headerYear } from './year-values';
import { gradeOfHeader } from './grade-columns';

// What the mapping and the table guess look at besides the header: a sample of data rows, and
// which header cells that look like numbers are labels (years, grades).

/** Data rows the mapping looks at for value shapes. */
export const SAMPLE_ROWS = 60;

/** Up to SAMPLE_ROWS non-blank data rows from row `from` (0-based), totals and footers left out. */
export function sampleRows(grid: Grid, from: number): Cell[][] {
  const out: Cell[][] = [];
  for (let r = from; r < grid.rows.length && out.length < SAMPLE_ROWS; r++) {
    const row = grid.rows[r];
    if (row && row.some((c) => !isBlank(c)) && !excludeReason(row)) out.push(row);
  }
  return out;
}

/** Header cells that look like numbers but name spread columns: years in Drivers, grades in Enrollment. */
export function spreadLabelOf(kind: TableKind): SpreadLabel | undefined {
  if (kind === 'drivers') return (c) => headerYear(c) !== null;
  if (kind === 'enrollment') return (c) => gradeOfHeader(c) !== null;
  return undefined;
}
