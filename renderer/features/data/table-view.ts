import { cellValue, editText, parseCell } from '../../../models/project/cell-edit';
import type { GridColumn } from '../../../models/project/grid-columns';
import type { TableKind } from '../../../models/schema/tables';
import type { DataView } from '../../store/data-slice';
import { displayText, isNumericColumn, sortValue } from './cell-display';

// Which rows of a table are in view, in which order: the per-column filters and the quick filter
// (every condition must hold), then the sort. Pure, so it is tested under Node; texts are cached
// per row object, and row objects are shared between project versions, so after an edit only the
// edited row is read again.

type Row = Record<string, unknown>;

const haystacks = new Map<string, WeakMap<object, string>>();

/** A cell's display and edit texts, lower-cased, for matching (cached per column and row object). */
function textOf(table: string, col: GridColumn, row: Row): string {
  const key = `${table}\u0000${col.key}`;
  let cache = haystacks.get(key);
  if (!cache) haystacks.set(key, (cache = new WeakMap()));
  let t = cache.get(row);
  if (t === undefined) {
    const shown = displayText(col, row);
    const edit = editText(col, row);
    t = (shown === edit ? shown : `${shown}\u0001${edit}`).toLowerCase();
    cache.set(row, t);
  }
  return t;
}

type Test = (row: Row) => boolean;

const COMPARISON = /^\s*(<=|>=|<>|!=|<|>|=)\s*(.*)$/;

/**
 * One column's filter: text to find in the cell, or for a number column a comparison (">100",
 * "<=8%", "=0") whose value is read as the cell would be (so ">$1,000" works on money). Null when
 * the filter is blank; a message when a comparison cannot be read.
 */
export function columnTest(table: TableKind, col: GridColumn, text: string): Test | { message: string } | null {
  const t = text.trim();
  if (t === '') return null;
  const m = isNumericColumn(col) ? COMPARISON.exec(t) : null;
  if (m && m[2]!.trim() !== '') {
    const parsed = parseCell(table, col, m[2]!);
    if (!parsed.ok || typeof parsed.value !== 'number') return { message: `${col.label}: ${parsed.ok ? 'not a number' : parsed.message}` };
    const x = parsed.value;
    const op = m[1]!;
    return (row) => {
      const v = cellValue(col, row);
      if (typeof v !== 'number') return op === '!=' || op === '<>';
      switch (op) {
        case '<': return v < x;
        case '<=': return v <= x;
        case '>': return v > x;
        case '>=': return v >= x;
        case '=': return v === x;
        default: return v !== x;
      }
    };
  }
  const needle = t.toLowerCase();
  return (row) => textOf(table, col, row).includes(needle);
}

export interface ViewResult {
  /** Row indexes in view order. */
  order: number[];
  /** Filters that could not be read (shown beside the table). */
  messages: string[];
}

let lastIdentity: number[] = [];
/** 0 … n−1, shared while n stays the same (an edit to a 100,000-row table makes no new 100,000-entry list). Never changed by callers. */
function identity(n: number): number[] {
  if (lastIdentity.length !== n) {
    lastIdentity = new Array<number>(n);
    for (let i = 0; i < n; i++) lastIdentity[i] = i;
  }
  return lastIdentity;
}

/** The rows in view, in order. */
export function viewOrder(table: TableKind, rows: readonly Row[], columns: readonly GridColumn[], view: DataView): ViewResult {
  const tests: Test[] = [];
  const messages: string[] = [];
  for (const col of columns) {
    const t = columnTest(table, col, view.filters[col.key] ?? '');
    if (t === null) continue;
    if (typeof t === 'function') tests.push(t);
    else messages.push(t.message);
  }
  const quick = view.quick.trim().toLowerCase();
  if (quick !== '') tests.push((row) => columns.some((col) => textOf(table, col, row).includes(quick)));
  let order: number[] = [];
  if (tests.length === 0) order = identity(rows.length);
  else for (let i = 0; i < rows.length; i++) if (tests.every((t) => t(rows[i]!))) order.push(i);
  const col = view.sort ? columns.find((c) => c.key === view.sort!.column) : undefined;
  if (col) order = sorted(order, rows, col, view.sort!.desc);
  return { order, messages };
}

/** Keys that are all numbers ("101", "1001") sort as numbers; blanks sort last either way. */
function sorted(order: number[], rows: readonly Row[], col: GridColumn, desc: boolean): number[] {
  const keys: (number | string | undefined)[] = new Array(rows.length);
  let allNumeric = true;
  for (const i of order) {
    const k = sortValue(col, rows[i]!);
    keys[i] = k;
    if (typeof k === 'string' && !/^-?\d+(\.\d+)?$/.test(k)) allNumeric = false;
  }
  if (allNumeric) for (const i of order) if (typeof keys[i] === 'string') keys[i] = Number(keys[i]);
  const sign = desc ? -1 : 1;
  return order.slice().sort((a, b) => {
    const x = keys[a];
    const y = keys[b];
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
    return x < y ? -sign : x > y ? sign : 0;
  });
}
