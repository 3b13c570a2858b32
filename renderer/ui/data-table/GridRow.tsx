import { memo, type FocusEvent, type KeyboardEvent } from 'react';
import { CellEditor } from './CellEditor';
import type { CellProblem, DataColumn, DataTableProps } from './types';

/** The cell being edited: its text, how the edit started, and the cell's message. */
export interface Editing {
  row: number;
  col: number;
  text: string;
  mode: 'enter' | 'edit';
  message: string | null;
  alert: boolean;
}

/** What rows call back into the grid with; stable for the grid's life, so scrolling re-renders only new rows. */
export interface RowApi {
  toggle(row: number): void;
  startEdit(row: number, col: number): void;
  editorChange(text: string): void;
  editorKeyDown(e: KeyboardEvent<HTMLInputElement>): void;
  editorBlur(e: FocusEvent<HTMLInputElement>): void;
}

export interface GridRowProps {
  id: string;
  r: number;
  top: number;
  ariaRow: number;
  template: string;
  header: string;
  /** Undefined when the grid has no tick column. */
  selected: boolean | undefined;
  /** The active column when this row holds the active cell, else -1. */
  activeCol: number;
  editing: Editing | null;
  columns: readonly DataColumn[];
  cellText: DataTableProps['cellText'];
  problems: ReadonlyMap<string, CellProblem> | undefined;
  /** The row's content identity (DataTableProps.rowToken); without one, a new cellText redraws the row. */
  token: unknown;
  api: RowApi;
}

/** Props equal for drawing: with a token, cellText may be a new function that reads the same row. */
function sameRow(a: GridRowProps, b: GridRowProps): boolean {
  return a.token === b.token && a.problems === b.problems && a.r === b.r && a.top === b.top && a.ariaRow === b.ariaRow
    && a.template === b.template && a.header === b.header && a.selected === b.selected && a.activeCol === b.activeCol
    && a.editing === b.editing && a.columns === b.columns && a.api === b.api && a.id === b.id
    && (a.token !== undefined || a.cellText === b.cellText);
}

export const cellId = (id: string, row: number, col: number) => `${id}-r${row}-c${col}`;

/** One row of the grid (memoised: a scroll renders only the rows that came into view). */
export const GridRow = memo(function GridRow(p: GridRowProps) {
  const off = p.selected === undefined ? 0 : 1;
  return (
    <div
      role="row"
      aria-rowindex={p.ariaRow}
      aria-selected={p.selected}
      className={`dt-row${p.r % 2 === 1 ? ' dt-row-alt' : ''}${p.selected ? ' dt-row-selected' : ''}${p.editing ? ' dt-row-editing' : ''}`}
      style={{ top: p.top, gridTemplateColumns: p.template }}
      data-testid="data-row"
    >
      {p.selected !== undefined && (
        <div role="gridcell" aria-colindex={1} id={cellId(p.id, p.r, 0)} data-dt-cell="1" data-row={p.r} data-col={0} className="dt-cell dt-tick dt-sticky-0">
          <input type="checkbox" tabIndex={p.activeCol === 0 ? 0 : -1} aria-label={`Select row ${p.header}`} checked={p.selected} onChange={() => p.api.toggle(p.r)} />
        </div>
      )}
      <div role="rowheader" aria-colindex={off + 1} className="dt-cell dt-rownum dt-sticky-1">{p.header}</div>
      {p.columns.map((c, j) => {
        const col = off + j;
        const isActive = p.activeCol === col;
        const ed = p.editing !== null && p.editing.col === col ? p.editing : null;
        const problem = p.problems?.get(c.key);
        const cls = `dt-cell${c.align === 'right' ? ' dt-num' : ''}${problem ? ` dt-problem dt-problem-${problem.severity}` : ''}${isActive ? ' dt-active' : ''}${ed ? ' dt-editing' : ''}`;
        return (
          <div
            key={c.key}
            role="gridcell"
            aria-colindex={off + 2 + j}
            id={cellId(p.id, p.r, col)}
            data-dt-cell="1"
            data-row={p.r}
            data-col={col}
            data-column={c.key}
            tabIndex={isActive && !ed ? 0 : -1}
            className={cls}
            title={problem?.message}
            onDoubleClick={c.editable ? () => p.api.startEdit(p.r, col) : undefined}
          >
            {ed ? (
              <CellEditor
                id={`${p.id}-editor`}
                label={`${c.label}, row ${p.header}`}
                text={ed.text}
                message={ed.message}
                alert={ed.alert}
                align={c.align ?? 'left'}
                onChange={p.api.editorChange}
                onKeyDown={p.api.editorKeyDown}
                onBlur={p.api.editorBlur}
              />
            ) : (
              <>
                {p.cellText(p.r, j)}
                {problem && <span className="visually-hidden">{` (${problem.severity}: ${problem.message})`}</span>}
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}, sameRow);
