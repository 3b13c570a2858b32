import { cellValue, editText } from '../../../models/project/cell-edit';
import type { GridColumn } from '../../../models/project/grid-columns';

// How a cell reads on the Data screen, by its field's kind: money in dollars from cents, rates as
// percents, FTE with two decimals, counts with separators. Editing starts from editText instead,
// which reads back exactly.

type Row = Record<string, unknown>;

// One formatter each, made once: toLocaleString builds a new one per call, which shows when a
// scroll formats a few hundred cells a frame. The same text as renderer/format.ts (tested).
const WHOLE = new Intl.NumberFormat('en-US');
const TWO_PLACES = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** "$1,234.56", "-$1,234.56": formatCents, with a formatter made once. */
export function moneyText(c: number): string {
  const abs = Math.abs(c);
  const body = `$${WHOLE.format(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
  return c < 0 ? `-${body}` : body;
}
export const countText = (n: number): string => WHOLE.format(n);
export const fteText = (n: number): string => TWO_PLACES.format(n);

const NUMERIC = new Set(['money', 'fte', 'int', 'number', 'rate', 'share', 'year', 'need_counts', 'year_values']);

export const isNumericColumn = (col: GridColumn): boolean => NUMERIC.has(col.kind);

export function displayText(col: GridColumn, row: Row): string {
  const v = cellValue(col, row);
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') {
    switch (col.kind) {
      case 'money': return moneyText(v);
      case 'fte': return fteText(v);
      case 'int':
      case 'need_counts': return countText(v);
      case 'number': return NUMBER.format(v);
      default: break;
    }
  }
  return editText(col, row);
}

/** The value a column sorts by: a number for numeric kinds, else the text; undefined (blank) sorts last. */
export function sortValue(col: GridColumn, row: Row): number | string | undefined {
  const v = cellValue(col, row);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return editText(col, row).toLowerCase();
}
