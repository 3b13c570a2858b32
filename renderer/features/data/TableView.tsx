import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { columnOfProblem } from '../../../models/project/grid-columns';
import { TABLES } from '../../../models/schema/tables';
import { countText as count } from './cell-display';
import { useApp } from '../../store';
import { EMPTY_VIEW } from '../../store/data-slice';
import { DataTable, type DataColumn, type DataSelection } from '../../ui/DataTable';
import { columnSums, sumsAfterEdit, totalTexts } from './totals';
import { dataColumns as columnsFor } from './columns';
import type { GridModel, Row } from './grid-model';
import { NewRowForm } from './NewRowForm';
import { viewOrder } from './table-view';

/** Sequence numbers of the grid's own requests (negative: the store's are positive). */
let followSeq = 0;
/** The last focus request from the store that was carried out. */
const handled = { seq: 0 };

/** One table on the Data screen: search, filters, sort, totals, the grid, adding and deleting rows. */
export function TableView({ model }: { model: GridModel }) {
  const { table, rows, columns } = model;
  const sheet = TABLES[table].sheet;
  const view = useApp((s) => s.dataViews[table] ?? EMPTY_VIEW);
  const setView = useApp((s) => s.setDataView);
  const focus = useApp((s) => s.dataFocus);
  const focusDataCell = useApp((s) => s.focusDataCell);
  // Filtering 100,000 rows waits for a pause in typing instead of holding up each keystroke.
  const shown = useDeferredValue(view);
  const { order, messages } = useMemo(() => viewOrder(table, rows, columns, shown), [table, rows, columns, shown]);
  // Totals over every row are carried from the last ones through an edit (only changed rows read).
  const lastSums = useRef<{ rows: readonly Row[]; keys: string; sums: (number | null)[] } | null>(null);
  const totals = useMemo(() => {
    if (!model.totals) return undefined;
    const all = order.length === rows.length;
    const keys = columns.map((c) => c.key).join('\u0000');
    const prev = lastSums.current;
    const sums = (all && prev && prev.keys === keys ? sumsAfterEdit(columns, prev.rows, rows, prev.sums) : null) ?? columnSums(columns, rows, order);
    lastSums.current = all ? { rows, keys, sums } : null;
    return totalTexts(columns, sums);
  }, [model.totals, columns, rows, order]);
  // A column is at least as wide as its total (a sum can be longer than any of its cells).
  const lastColumns = useRef<DataColumn[]>([]);
  const dataColumns = useMemo(() => {
    const next = columnsFor(columns).map((c, j) => {
      const t = totals?.[j];
      return t ? { ...c, width: Math.max(c.width, Math.round(t.length * 8.2 + 20)) } : c;
    });
    // The same columns as before keep their identity, so rows not edited are not drawn again.
    const prev = lastColumns.current;
    const same = prev.length === next.length && next.every((c, j) => c.key === prev[j]!.key && c.width === prev[j]!.width && c.label === prev[j]!.label && c.title === prev[j]!.title);
    return (lastColumns.current = same ? prev : next);
  }, [columns, totals]);

  const [selected, setSelected] = useState<ReadonlySet<Row>>(new Set());
  const selectedIndexes = useMemo(() => {
    const out: number[] = [];
    if (selected.size > 0) rows.forEach((r, i) => { if (selected.has(r)) out.push(i); });
    return out;
  }, [rows, selected]);
  const [active, setActiveCell] = useState<{ index: number; pos: number; col: number } | null>(null);
  const activeIndex = active?.index ?? null;
  const [adding, setAdding] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [request, setRequest] = useState<{ row: number; col: number; seq: number; focus?: boolean } | null>(null);

  // The active cell stays on its row when filters or the sort change the order (as in a spreadsheet).
  useEffect(() => {
    if (active === null) return;
    const pos = order.indexOf(active.index);
    if (pos >= 0 && pos !== active.pos) {
      setActiveCell({ ...active, pos });
      setRequest({ row: pos, col: active.col, seq: --followSeq, focus: false });
    }
  }, [order, active]);

  // A cell asked for (a problem clicked, a row added): filters that hide its row are cleared first.
  // Each request is handled once, also across tables (coming back to a table does not repeat it).
  useEffect(() => {
    if (!focus || focus.table !== table || focus.seq <= handled.seq) return;
    const col = Math.max(0, columnOfProblem(columns, focus.column));
    if (focus.index === undefined) {
      handled.seq = focus.seq;
      setRequest({ row: 0, col, seq: focus.seq });
      return;
    }
    const pos = order.indexOf(focus.index);
    if (pos < 0) {
      const filtered = view.quick !== '' || Object.values(view.filters).some((f) => f.trim() !== '');
      if (filtered && shown === view) {
        setView(table, { filters: {}, quick: '' });
        setNote(`Filters cleared to show row ${model.rowNumber(focus.index)}.`);
      }
      return;
    }
    handled.seq = focus.seq;
    setRequest({ row: pos, col, seq: focus.seq });
  }, [focus, table, columns, order, view, shown, setView, model]);

  const selection: DataSelection = {
    isSelected: (r) => selected.has(rows[order[r]!]!),
    toggle: (r) => {
      const row = rows[order[r]!]!;
      const next = new Set(selected);
      if (next.has(row)) next.delete(row);
      else next.add(row);
      setSelected(next);
    },
    toggleAll: () => setSelected(order.length > 0 && order.every((i) => selected.has(rows[i]!)) ? new Set() : new Set(order.map((i) => rows[i]!))),
    all: order.length > 0 && order.every((i) => selected.has(rows[i]!)) ? true : selectedIndexes.length > 0 ? 'mixed' : false,
  };

  const remove = () => {
    const message = model.remove(selectedIndexes);
    setNote(message ?? `Deleted ${selectedIndexes.length} ${sheet} ${selectedIndexes.length === 1 ? 'row' : 'rows'} (undo with Ctrl+Z).`);
    if (message === null) setSelected(new Set());
  };

  const filtered = view.quick !== '' || Object.values(view.filters).some((f) => f.trim() !== '');
  const countText = order.length === rows.length ? `${count(rows.length)} ${rows.length === 1 ? 'row' : 'rows'}` : `${count(order.length)} of ${count(rows.length)} rows`;
  return (
    <>
      <div className="data-toolbar" role="toolbar" aria-label={`${sheet} table`}>
        <label className="data-search">
          <span className="visually-hidden">Search {sheet}</span>
          <input type="search" placeholder={`Search ${sheet}…`} value={view.quick} onChange={(e) => setView(table, { quick: e.target.value })} data-testid="data-search" />
        </label>
        <span className="data-count" data-testid="row-count" aria-live="polite">{countText}</span>
        {filtered && <button type="button" className="button button-quiet data-quiet" onClick={() => setView(table, { quick: '', filters: {} })}>Clear filters</button>}
        <span className="data-toolbar-gap" />
        <button type="button" className="button" onClick={() => setAdding(!adding)} aria-expanded={adding}>Add row</button>
        <button type="button" className="button" onClick={remove} disabled={selectedIndexes.length === 0} data-testid="delete-rows">
          Delete {selectedIndexes.length > 0 ? `${selectedIndexes.length} ` : ''}{selectedIndexes.length === 1 ? 'row' : 'rows'}
        </button>
      </div>
      {(note || messages.length > 0) && (
        <p className="data-note" role="status">{[...messages, note].filter(Boolean).join(' ')}</p>
      )}
      {adding && (
        <NewRowForm
          key={table}
          model={model}
          copyFrom={activeIndex}
          onDone={(index) => {
            setAdding(false);
            if (index !== null) {
              setNote(`Added a row to ${sheet} (undo with Ctrl+Z).`);
              focusDataCell({ table, index, column: columns[0]?.key });
            }
          }}
        />
      )}
      <DataTable
        id={`grid-${table}`}
        label={`${sheet} table`}
        columns={dataColumns}
        rowCount={order.length}
        rowKey={(r) => order[r]!}
        rowHeader={(r) => model.rowNumber(order[r]!)}
        cellText={(r, j) => model.display(columns[j]!, rows[order[r]!]!)}
        editText={(r, j) => model.edit(columns[j]!, rows[order[r]!]!)}
        check={(r, j, text) => model.check(order[r]!, columns[j]!, text)}
        commit={(r, j, text) => model.commit(order[r]!, columns[j]!, text)}
        rowProblems={(r) => model.marks.get(order[r]!)}
        rowToken={(r) => rows[order[r]!]}
        totals={totals}
        totalsLabel="Total"
        sort={view.sort}
        onSort={(key) => setView(table, { sort: view.sort?.column !== key ? { column: key, desc: false } : view.sort.desc ? null : { column: key, desc: true } })}
        filters={view.filters}
        onFilter={(key, text) => setView(table, { filters: { ...view.filters, [key]: text } })}
        selection={selection}
        focus={request}
        onActiveChange={(r, col) => setActiveCell(order[r] === undefined ? null : { index: order[r]!, pos: r, col })}
        empty={rows.length === 0 ? `The ${sheet} table has no rows.` : 'No rows match the filters.'}
      />
    </>
  );
}
