import type { DataTableProps } from './types';

/** The column headers (click to sort) and, when the table filters, a row of per-column filters. */
export function HeaderRows({ props, template }: { props: DataTableProps; template: string }) {
  const { columns, selection, sort, onSort, filters, onFilter } = props;
  const off = selection ? 1 : 0;
  return (
    <div role="rowgroup" className="dt-head">
      <div role="row" aria-rowindex={1} className="dt-row dt-head-row" style={{ gridTemplateColumns: template }}>
        {selection && (
          <div role="columnheader" aria-colindex={1} className="dt-cell dt-tick dt-sticky-0">
            <input
              type="checkbox"
              aria-label="Select every row in view"
              checked={selection.all === true}
              ref={(el) => { if (el) el.indeterminate = selection.all === 'mixed'; }}
              onChange={() => selection.toggleAll()}
            />
          </div>
        )}
        <div role="columnheader" aria-colindex={off + 1} className="dt-cell dt-rownum dt-sticky-1">Row</div>
        {columns.map((c, j) => {
          const sorted = sort?.column === c.key ? (sort.desc ? 'descending' : 'ascending') : undefined;
          return (
            <div key={c.key} role="columnheader" aria-colindex={off + 2 + j} aria-sort={sorted} className={`dt-cell${c.align === 'right' ? ' dt-num' : ''}`} title={c.title}>
              {onSort ? (
                <button type="button" className="dt-sort" onClick={() => onSort(c.key)}>
                  <span className="dt-label">{c.label}</span>
                  <span aria-hidden="true" className="dt-sort-mark">{sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''}</span>
                </button>
              ) : <span className="dt-label">{c.label}</span>}
            </div>
          );
        })}
      </div>
      {onFilter && (
        <div role="row" aria-rowindex={2} className="dt-row dt-filter-row" style={{ gridTemplateColumns: template }}>
          {selection && <div role="columnheader" aria-colindex={1} className="dt-cell dt-tick dt-sticky-0"><span className="visually-hidden">Filters</span></div>}
          <div role="columnheader" aria-colindex={off + 1} className="dt-cell dt-rownum dt-sticky-1"><span className="dt-filter-label" aria-hidden="true">Filter</span></div>
          {columns.map((c, j) => (
            <div key={c.key} role="columnheader" aria-colindex={off + 2 + j} className="dt-cell">
              <input
                className="dt-filter"
                aria-label={`Filter ${c.label}`}
                title={c.align === 'right' ? 'Text to find, or a comparison: >100, <=0.5, =12' : 'Text to find'}
                value={filters?.[c.key] ?? ''}
                onChange={(e) => onFilter(c.key, e.target.value)}
                spellCheck={false}
              />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
