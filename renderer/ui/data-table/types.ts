/** One column of a DataTable. */
export interface DataColumn {
  key: string;
  label: string;
  /** What the column holds (a tooltip on its header). */
  title?: string;
  align?: 'left' | 'right';
  width: number;
  editable?: boolean;
}

/** A problem shown on a cell (a mark, its message as the cell's description). */
export interface CellProblem {
  severity: 'error' | 'warning' | 'note';
  message: string;
}

/** Rows the user has ticked (for deleting several at once). */
export interface DataSelection {
  isSelected(row: number): boolean;
  toggle(row: number): void;
  /** Ticks or clears every row in view. */
  toggleAll(): void;
  all: boolean | 'mixed';
}

export interface DataTableProps {
  /** Prefix for element ids. */
  id: string;
  /** The grid's accessible name. */
  label: string;
  columns: readonly DataColumn[];
  /** Rows in view order (after filters and sort). */
  rowCount: number;
  rowKey(row: number): string | number;
  /** The row's name in its first column and in labels ("14" — its spreadsheet row). */
  rowHeader(row: number): string;
  cellText(row: number, col: number): string;
  editText(row: number, col: number): string;
  /** Why `text` cannot go in the cell, or null (called as the user types). */
  check(row: number, col: number, text: string): string | null;
  /** Stores `text` in the cell; a message when refused. */
  commit(row: number, col: number, text: string): string | null;
  /** The problems on a row's cells, by column key (the same Map while they are unchanged). */
  rowProblems?(row: number): ReadonlyMap<string, CellProblem> | undefined;
  /**
   * What the row shows, as an identity (the row object): a row is drawn again only when this, its
   * problems or its place change — an edit redraws the edited row, not every row in view.
   */
  rowToken?(row: number): unknown;
  /** The totals row: one text per column (null = empty), and its label. */
  totals?: readonly (string | null)[];
  totalsLabel?: string;
  sort?: { column: string; desc: boolean } | null;
  onSort?(column: string): void;
  filters?: Readonly<Record<string, string>>;
  onFilter?(column: string, text: string): void;
  selection?: DataSelection;
  /** A request to show and focus a cell (row in view order, column index; `focus: false` only shows it); a new `seq` repeats it. */
  focus?: { row: number; col: number; seq: number; focus?: boolean } | null;
  /** The active cell moved (row in view order, column index; -1 = the tick column). */
  onActiveChange?(row: number, col: number): void;
  /** Shown in the body when there are no rows. */
  empty?: string;
}
