import { cellValue } from '../../../models/project/cell-edit';
import type { GridColumn } from '../../../models/project/grid-columns';
import { count, fteColumn, money } from '../../format';

// The totals row: money summed in integer cents, FTE in ten-thousandths (so 0.1 + 0.2 shows 0.30,
// as the overview sums it), student and need counts as counts. Other columns (steps, priorities,
// rates) have no meaningful sum and stay empty.

type Row = Record<string, unknown>;

/** Whole-number columns that count people (a sum means something). */
const COUNT_FIELDS = new Set(['students']);

export type TotalKind = 'money' | 'fte' | 'count';

export function totalKind(col: GridColumn): TotalKind | null {
  if (col.kind === 'money') return 'money';
  if (col.kind === 'fte') return 'fte';
  if (col.kind === 'need_counts' || (col.kind === 'int' && COUNT_FIELDS.has(col.field))) return 'count';
  return null;
}

/** The sum of each summable column over the rows in view (cents, ten-thousandths of FTE, counts). */
export function columnSums(columns: readonly GridColumn[], rows: readonly Row[], order: readonly number[]): (number | null)[] {
  return columns.map((col) => {
    const kind = totalKind(col);
    if (kind === null) return null;
    let sum = 0;
    for (const i of order) {
      const v = cellValue(col, rows[i]!);
      if (typeof v === 'number') sum += kind === 'fte' ? Math.round(v * 10_000) : v;
    }
    return kind === 'fte' ? sum / 10_000 : sum;
  });
}

export function totalTexts(columns: readonly GridColumn[], sums: readonly (number | null)[]): (string | null)[] {
  return columns.map((col, j) => {
    const s = sums[j];
    if (s === null || s === undefined) return null;
    const kind = totalKind(col);
    return kind === 'money' ? money(s) : kind === 'fte' ? fteColumn(s) : count(s);
  });
}
