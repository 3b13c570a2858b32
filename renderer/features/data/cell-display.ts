import { cellValue, editText } from '../../../models/project/cell-edit';
import type { GridColumn } from '../../../models/project/grid-columns';
import { count, fteColumn, money } from '../../format';

// How a cell reads on the Data screen, by its field's kind: money in dollars from cents, rates as
// percents, FTE with two decimals, counts with separators. Editing starts from editText instead,
// which reads back exactly.

type Row = Record<string, unknown>;

const NUMERIC = new Set(['money', 'fte', 'int', 'number', 'rate', 'share', 'year', 'need_counts', 'year_values']);

export const isNumericColumn = (col: GridColumn): boolean => NUMERIC.has(col.kind);

export function displayText(col: GridColumn, row: Row): string {
  const v = cellValue(col, row);
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') {
    switch (col.kind) {
      case 'money': return money(v);
      case 'fte': return fteColumn(v);
      case 'int':
      case 'need_counts': return count(v);
      case 'number': return v.toLocaleString('en-US', { maximumFractionDigits: 6 });
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
