import type { StateCreator } from 'zustand/vanilla';
import type { TableKind } from '../../models/schema/tables';
import type { AppState } from './state';

/** How one table is looked at on the Data screen: sort, per-column filters, the quick filter. */
export interface DataView {
  sort: { column: string; desc: boolean } | null;
  /** Column key → filter text. */
  filters: Readonly<Record<string, string>>;
  /** Matched against every column. */
  quick: string;
}

export const EMPTY_VIEW: DataView = { sort: null, filters: {}, quick: '' };

/** A cell the Data screen should show and focus (a problem clicked, a row just added); `seq` makes each request new. */
export interface DataFocus {
  table: TableKind;
  /** Row index in the table, or undefined for the table only. */
  index?: number;
  /** Column key or a problem's column name. */
  column?: string;
  seq: number;
}

export interface DataSlice {
  dataTable: TableKind;
  dataViews: Partial<Record<TableKind, DataView>>;
  dataFocus: DataFocus | null;
  setDataTable(table: TableKind): void;
  setDataView(table: TableKind, change: Partial<DataView>): void;
  /** Shows a table (and a row and column in it) on the Data screen. */
  focusDataCell(target: Omit<DataFocus, 'seq'>): void;
}

let seq = 0;

export const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set, get) => ({
  dataTable: 'enrollment',
  dataViews: {},
  dataFocus: null,
  setDataTable: (table) => set({ dataTable: table }),
  setDataView: (table, change) => set({ dataViews: { ...get().dataViews, [table]: { ...(get().dataViews[table] ?? EMPTY_VIEW), ...change } } }),
  focusDataCell: (target) => set({ dataTable: target.table, dataFocus: { ...target, seq: ++seq } }),
});
