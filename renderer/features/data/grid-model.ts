import { editText, rowFromTexts, rowWithCell } from '../../../models/project/cell-edit';
import { gridColumns, type GridColumn } from '../../../models/project/grid-columns';
import type { Problem } from '../../../models/project/problems';
import type { Project } from '../../../models/project/project';
import { nextSources } from '../../../models/project/row-sources';
import { settingRows, settingsWithKey, settingsWithNew, settingsWithout, settingsWithValue, type SettingsParse } from '../../../models/project/settings-edit';
import { TABLES, type TableKind } from '../../../models/schema/tables';
import type { AppState } from '../../store/state';
import type { CellProblem } from '../../ui/data-table/types';
import { money } from '../../format';
import { displayText } from './cell-display';
import { problemMarks } from './problem-marks';

// What the Data screen needs of a table, the same for every table and for Settings (key/value
// rows over the typed settings): its rows and columns, how a cell reads and is edited, and the
// edits that add, change and delete rows — each one undoable step in the store.

export type Row = Record<string, unknown>;
type Edit = AppState['edit'];

export interface GridModel {
  table: TableKind;
  rows: readonly Row[];
  columns: GridColumn[];
  display(col: GridColumn, row: Row): string;
  edit(col: GridColumn, row: Row): string;
  /** Why `text` cannot go into row `index`'s cell, or null. */
  check(index: number, col: GridColumn, text: string): string | null;
  /** Stores the cell (one undoable edit); a message when refused. */
  commit(index: number, col: GridColumn, text: string): string | null;
  /** The row's spreadsheet row number (its source), as problems name it. */
  rowNumber(index: number): string;
  remove(indexes: readonly number[]): string | null;
  /** Adds a row from the text of each column; the messages by column when it cannot be one. */
  add(texts: Readonly<Record<string, string>>): { ok: true; index: number } | { ok: false; messages: Record<string, string> };
  /** Problems on cells, by row index and column key. */
  marks: ReadonlyMap<number, ReadonlyMap<string, CellProblem>>;
  totals: boolean;
}

const NO_MARKS: ReadonlyMap<number, ReadonlyMap<string, CellProblem>> = new Map();

const rowsOf = (project: Project, table: TableKind): readonly Row[] => {
  const v = (project as unknown as Record<string, unknown>)[table];
  return Array.isArray(v) ? (v as Row[]) : [];
};

const columnCache = new WeakMap<readonly Row[], GridColumn[]>();

/** A table's columns, once per rows array (spread columns take their keys from the rows). */
function columnsOf(table: TableKind, rows: readonly Row[]): GridColumn[] {
  let cols = columnCache.get(rows);
  if (!cols) columnCache.set(rows, (cols = gridColumns(table, rows)));
  return cols;
}

const refused = (r: { ok: true } | { ok: false; reason: string }): string | null => (r.ok ? null : r.reason);

export function tableModel(table: TableKind, project: Project, edit: Edit, problems: readonly Problem[]): GridModel {
  const rows = rowsOf(project, table);
  const columns = columnsOf(table, rows);
  const marks = problemMarks(project, table, columns, problems);
  const sheet = TABLES[table].sheet;
  return {
    table, rows, columns, marks, totals: true,
    display: displayText,
    edit: editText,
    check: (index, col, text) => {
      const r = rowWithCell(table, rows[index]!, col, text);
      return r.ok ? null : r.message;
    },
    commit: (index, col, text) => {
      const r = rowWithCell(table, rows[index]!, col, text);
      if (!r.ok) return r.message;
      if (r.unchanged) return null;
      return refused(edit({ op: 'set-row', table, index, row: r.row }));
    },
    rowNumber: (index) => String((rows[index]?.src as { row?: number } | undefined)?.row ?? index + 2),
    remove: (indexes) => refused(edit({ op: 'delete-rows', table, indexes: [...indexes] }, `delete ${indexes.length} ${sheet} row${indexes.length === 1 ? '' : 's'}`)),
    add: (texts) => {
      const r = rowFromTexts(table, columns, texts);
      if (!r.ok) return r;
      // A source of its own (the row after the table's last), so problems on the new row lead to it.
      const row = { ...r.row, src: nextSources(project, table, 1)[0] };
      const done = edit({ op: 'insert-rows', table, index: rows.length, rows: [row] });
      return done.ok ? { ok: true, index: rows.length } : { ok: false, messages: { [columns[0]!.key]: done.reason } };
    },
  };
}

const SETTING_COLUMNS: GridColumn[] = [
  { key: 'key', field: 'key', kind: 'id', label: 'key', doc: 'Setting name', required: true },
  { key: 'value', field: 'value', kind: 'text', label: 'value', doc: 'Setting value', required: true },
];

/** Settings as key/value rows: built-in settings keep their names; further keys can be added, renamed and deleted. */
export function settingsModel(project: Project, edit: Edit): GridModel {
  const settings = project.settings;
  const rows = settingRows(settings) as unknown as Row[];
  const apply = (r: SettingsParse): string | null => (r.ok ? refused(edit({ op: 'set-settings', settings: r.settings })) : r.message);
  const next = (index: number, col: GridColumn, text: string): SettingsParse => {
    const key = String(rows[index]!.key);
    return col.key === 'key' ? settingsWithKey(settings, key, text) : settingsWithValue(settings, key, text);
  };
  return {
    table: 'settings', rows, columns: SETTING_COLUMNS, marks: NO_MARKS, totals: false,
    display: (col, row) => (col.key === 'value' && row.key === 'beginning_fund_balance' ? money(settings.beginning_fund_balance) : String(row[col.field] ?? '')),
    edit: (col, row) => String(row[col.field] ?? ''),
    check: (index, col, text) => {
      const r = next(index, col, text);
      return r.ok ? null : r.message;
    },
    commit: (index, col, text) => {
      if (text === String(rows[index]![col.field] ?? '')) return null;
      return apply(next(index, col, text));
    },
    rowNumber: (index) => String(index + 2),
    remove: (indexes) => apply(settingsWithout(settings, indexes.map((i) => String(rows[i]!.key)))),
    add: (texts) => {
      const r = settingsWithNew(settings, texts.key ?? '', texts.value ?? '');
      if (!r.ok) return { ok: false, messages: { key: r.message } };
      const message = apply(r);
      return message === null ? { ok: true, index: rows.length } : { ok: false, messages: { key: message } };
    },
  };
}
