import { useEffect, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { editorKey, moveFor, startsTyping, type CellPos, type KeyMods } from './data-table/grid-keys';
import { cellId as cellIdOf, GridRow, type Editing, type RowApi } from './data-table/GridRow';
import { HeaderRows } from './data-table/HeaderRows';
import type { DataTableProps } from './data-table/types';
import './data-table.css';

export type { CellProblem, DataColumn, DataSelection, DataTableProps } from './data-table/types';

const ROW_H = 30;
const TICK_W = 36;
const NUM_W = 64;

/**
 * A virtualised, editable grid (role="grid"): only the rows in view (and the active one) are in the
 * DOM, so 100,000 rows scroll like 100. Spreadsheet keys: arrows, Home/End, PageUp/PageDown move;
 * typing or Enter/F2 edits; Enter, Tab and arrows commit and move; Escape cancels. A value the
 * cell cannot hold shows its message under the cell and is not committed.
 */
export function DataTable(props: DataTableProps) {
  const { id, columns, rowCount, selection } = props;
  const off = selection ? 1 : 0;
  const navCols = off + columns.length;
  const [activeState, setActive] = useState<CellPos>({ row: 0, col: off });
  const [editing, setEditingState] = useState<Editing | null>(null);
  const editingRef = useRef<Editing | null>(null);
  const setEditing = (e: Editing | null) => {
    editingRef.current = e;
    setEditingState(e);
  };
  const scrollRef = useRef<HTMLDivElement>(null);
  const wantFocus = useRef(false);
  const active: CellPos = { row: Math.max(0, Math.min(activeState.row, rowCount - 1)), col: Math.min(activeState.col, navCols - 1) };

  const headH = props.onFilter ? 64 : 34;
  const footH = props.totals ? ROW_H + 2 : 0;
  const template = `${selection ? `${TICK_W}px ` : ''}${NUM_W}px ${columns.map((c) => `${c.width}px`).join(' ')}`;
  const width = (selection ? TICK_W : 0) + NUM_W + columns.reduce((a, c) => a + c.width, 0);

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_H,
    overscan: 6,
    paddingStart: headH,
    paddingEnd: footH,
    scrollPaddingStart: headH,
    scrollPaddingEnd: footH,
    // The active row stays in the DOM when scrolled away, so focus is never dropped on the page.
    rangeExtractor: (range) => {
      const rows = defaultRangeExtractor(range);
      if (rowCount > 0 && !rows.includes(active.row)) {
        rows.push(active.row);
        rows.sort((a, b) => a - b);
      }
      return rows;
    },
  });

  const cellId = (row: number, col: number) => cellIdOf(id, row, col);
  const editorId = `${id}-editor`;
  const bounds = () => ({ rows: rowCount, cols: navCols, page: Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 300) - headH - footH) / ROW_H) - 1) });
  const mods = (e: KeyboardEvent): KeyMods => ({ ctrl: e.ctrlKey || e.metaKey, shift: e.shiftKey });

  /** Brings a column into view horizontally (the tick and row-number columns stay on the left). */
  const showColumn = (col: number) => {
    const el = scrollRef.current;
    const j = col - off;
    if (!el || j < 0) return;
    const sticky = (selection ? TICK_W : 0) + NUM_W;
    let left = sticky;
    for (let k = 0; k < j; k++) left += columns[k]!.width;
    const right = left + columns[j]!.width;
    if (left - sticky < el.scrollLeft) el.scrollLeft = left - sticky;
    else if (right > el.scrollLeft + el.clientWidth) el.scrollLeft = right - el.clientWidth;
  };

  const moveTo = (pos: CellPos, focus = true) => {
    setActive(pos);
    if (focus) wantFocus.current = true;
    if (rowCount > 0) virtualizer.scrollToIndex(pos.row);
    props.onActiveChange?.(pos.row, pos.col - off);
  };

  // A cell asked for from outside (a problem clicked, a row added): show it and focus it.
  const focusSeq = props.focus?.seq;
  useEffect(() => {
    const f = props.focus;
    if (!f) return;
    if (f.focus !== false) setEditing(null);
    moveTo({ row: Math.max(0, Math.min(f.row, rowCount - 1)), col: Math.max(0, Math.min(f.col + off, navCols - 1)) }, f.focus !== false);
  }, [focusSeq]);

  useLayoutEffect(() => {
    if (!wantFocus.current) return;
    wantFocus.current = false;
    const el = document.getElementById(editingRef.current ? editorId : cellId(active.row, active.col));
    const target = el?.querySelector('input') ?? el;
    target?.focus({ preventScroll: true });
    showColumn(active.col);
  });

  const startEdit = (text: string, mode: Editing['mode'], at: CellPos = active) => {
    const col = at.col - off;
    const original = props.editText(at.row, col);
    setEditing({ row: at.row, col: at.col, text, mode, message: text === original ? null : props.check(at.row, col, text), alert: false });
    wantFocus.current = true;
  };

  /** Commits the editor's text; false (and the message shown) when the cell refuses it. */
  const commit = (e: Editing): boolean => {
    const message = props.commit(e.row, e.col - off, e.text);
    if (message === null) {
      setEditing(null);
      return true;
    }
    setEditing({ ...e, message, alert: true });
    return false;
  };

  const onCellKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const target = e.target as HTMLElement;
    if (target.closest('[data-dt-body]') === null || target.dataset.dtEditor !== undefined) return;
    if (e.key === 'Tab' && !e.altKey && !e.ctrlKey && !e.metaKey) {
      // Tab moves along the row; past its end the focus leaves the grid.
      const col = active.col + (e.shiftKey ? -1 : 1);
      if (col >= 0 && col < navCols) {
        e.preventDefault();
        moveTo({ row: active.row, col });
      }
      return;
    }
    const move = moveFor(e.key, mods(e), active, bounds());
    if (move) {
      e.preventDefault();
      moveTo(move);
      return;
    }
    const col = columns[active.col - off];
    if (!col?.editable || rowCount === 0) return;
    if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      startEdit(props.editText(active.row, active.col - off), 'edit');
    } else if (e.key === 'Backspace' || e.key === 'Delete') {
      e.preventDefault();
      startEdit('', 'enter');
    } else if (startsTyping(e)) {
      e.preventDefault();
      startEdit(e.key, 'enter');
    }
  };

  const onEditorKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const ed = editingRef.current;
    if (!ed) return;
    const action = editorKey(e.key, mods(e), ed.mode, { row: ed.row, col: ed.col }, bounds());
    if (action.kind === 'none') return;
    e.preventDefault();
    e.stopPropagation();
    if (action.kind === 'cancel') {
      setEditing(null);
      wantFocus.current = true;
      return;
    }
    if (!commit(ed)) return;
    if (action.move === 'leave') wantFocus.current = true;
    else moveTo(action.move);
  };

  // Leaving the editor (a click elsewhere) keeps a good value; a bad one stays in the editor with its message.
  const onEditorBlur = (e: FocusEvent<HTMLInputElement>) => {
    const ed = editingRef.current;
    if (!ed || e.target.id !== editorId) return;
    if (props.check(ed.row, ed.col - off, ed.text) === null) commit(ed);
    else if (!ed.alert) setEditing({ ...ed, alert: true });
  };

  // A cell focused by a click (or by the keyboard) becomes the active one.
  const onFocus = (e: FocusEvent<HTMLElement>) => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-dt-cell]');
    if (!cell) return;
    const row = Number(cell.dataset.row);
    const col = Number(cell.dataset.col);
    if (row !== active.row || col !== active.col) {
      setActive({ row, col });
      props.onActiveChange?.(row, col - off);
    }
  };

  // Rows get one stable object to call back with (it reads the grid's latest state), so a row
  // re-renders only when its own props change — scrolling renders just the rows coming into view.
  const latest = useRef<RowApi>(null as unknown as RowApi);
  latest.current = {
    toggle: (row) => selection?.toggle(row),
    startEdit: (row, col) => {
      setActive({ row, col });
      startEdit(props.editText(row, col - off), 'edit', { row, col });
    },
    editorChange: (text) => {
      const ed = editingRef.current;
      if (ed) setEditing({ ...ed, text, message: props.check(ed.row, ed.col - off, text), alert: false });
    },
    editorKeyDown: onEditorKeyDown,
    editorBlur: onEditorBlur,
  };
  const api = useMemo<RowApi>(() => ({
    toggle: (row) => latest.current.toggle(row),
    startEdit: (row, col) => latest.current.startEdit(row, col),
    editorChange: (text) => latest.current.editorChange(text),
    editorKeyDown: (e) => latest.current.editorKeyDown(e),
    editorBlur: (e) => latest.current.editorBlur(e),
  }), []);

  const items = virtualizer.getVirtualItems();
  const total = virtualizer.getTotalSize();
  const colCount = navCols + 1;
  return (
    <div
      ref={scrollRef}
      className="dt-scroll"
      role="grid"
      aria-label={props.label}
      aria-rowcount={rowCount + (props.onFilter ? 2 : 1) + (props.totals ? 1 : 0)}
      aria-colcount={colCount}
      onKeyDown={onCellKeyDown}
      onFocus={onFocus}
      data-testid="data-grid"
    >
      <div className="dt-inner" style={{ height: Math.max(total, headH + footH + ROW_H), width }}>
        <HeaderRows props={props} template={template} />
        <div className="dt-spacer" aria-hidden="true" style={{ height: Math.max(0, total - headH - footH, ROW_H) }} />
        <div role="rowgroup" className="dt-body" data-dt-body="1" style={{ width }}>
          {rowCount === 0 && <div className="dt-empty" style={{ top: headH }}>{props.empty ?? 'No rows'}</div>}
          {items.map((item) => {
            const r = item.index;
            return (
              <GridRow
                key={props.rowKey(r)}
                id={id}
                r={r}
                top={item.start}
                ariaRow={r + (props.onFilter ? 3 : 2)}
                template={template}
                header={props.rowHeader(r)}
                selected={selection ? selection.isSelected(r) : undefined}
                activeCol={active.row === r ? active.col : -1}
                editing={editing !== null && editing.row === r ? editing : null}
                columns={columns}
                cellText={props.cellText}
                problems={props.rowProblems?.(r)}
                token={props.rowToken?.(r)}
                api={api}
              />
            );
          })}
        </div>
        {props.totals && (
          <div role="rowgroup" className="dt-foot">
            <div role="row" aria-rowindex={rowCount + (props.onFilter ? 3 : 2)} className="dt-row dt-totals" style={{ gridTemplateColumns: template }} data-testid="totals-row">
              {selection && <div role="gridcell" aria-colindex={1} className="dt-cell dt-tick dt-sticky-0" />}
              <div role="rowheader" aria-colindex={off + 1} className="dt-cell dt-rownum dt-sticky-1">{props.totalsLabel ?? 'Total'}</div>
              {columns.map((c, j) => (
                <div key={c.key} role="gridcell" aria-colindex={off + 2 + j} className={`dt-cell${c.align === 'right' ? ' dt-num' : ''}`} data-column={c.key}>
                  {props.totals![j] ?? ''}
                </div>
              ))}
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
