import { cellValue } from '../../../models/project/cell-edit';
import type { GridColumn } from '../../../models/project/grid-columns';
import { countText, fteText, moneyText } from './cell-display';

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

const unit = (kind: TotalKind, v: unknown): number => (typeof v !== 'number' ? 0 : kind === 'fte' ? Math.round(v * 10_000) : v);

/**
 * The sums over every row after an edit, from the sums before it: only rows that are not the same
 * objects as before are read (one for a cell edit), instead of every row of a 100,000-line table.
 * Null when it cannot tell (rows added or removed, or many changed): sum again.
 */
export function sumsAfterEdit(columns: readonly GridColumn[], before: readonly Row[], after: readonly Row[], sums: readonly (number | null)[]): (number | null)[] | null {
  if (before.length !== after.length || sums.length !== columns.length) return null;
  const changed: number[] = [];
  for (let i = 0; i < after.length; i++) {
    if (before[i] !== after[i]) {
      changed.push(i);
      if (changed.length > 1000) return null;
    }
  }
  return columns.map((col, j) => {
    const kind = totalKind(col);
    const s = sums[j];
    if (kind === null || s === null || s === undefined) return null;
    // In units (cents, ten-thousandths of FTE, counts): whole numbers, so the sum stays exact.
    let total = kind === 'fte' ? Math.round(s * 10_000) : s;
    for (const i of changed) total += unit(kind, cellValue(col, after[i]!)) - unit(kind, cellValue(col, before[i]!));
    return kind === 'fte' ? total / 10_000 : total;
  });
}

export function totalTexts(columns: readonly GridColumn[], sums: readonly (number | null)[]): (string | null)[] {
  return columns.map((col, j) => {
    const s = sums[j];
    if (s === null || s === undefined) return null;
    const kind = totalKind(col);
    return kind === 'money' ? moneyText(s) : kind === 'fte' ? fteText(s) : countText(s);
  });
}
