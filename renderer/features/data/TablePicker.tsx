import { useRef, type KeyboardEvent } from 'react';
import type { Problem } from '../../../models/project/problems';
import type { Project } from '../../../models/project/project';
import { TABLES, TABLE_KINDS, type TableKind } from '../../../models/schema/tables';
import { countText as count } from './cell-display';

/** The workbook's own sheets; the rest are the sheets the engines add (rules, plans, schedules). */
const FIRST_ENGINE_TABLE: TableKind = 'allocationRules';

const rowCount = (project: Project, table: TableKind): number => {
  if (table === 'settings') return 6 + Object.keys(project.settings.extra).length;
  const v = (project as unknown as Record<string, unknown>)[table];
  return Array.isArray(v) ? v.length : 0;
};

/** Every table of the workbook format as tabs (sheet name, rows, errors); arrow keys move between them. */
export function TablePicker({ project, problems, table, onChange }: { project: Project; problems: readonly Problem[]; table: TableKind; onChange(t: TableKind): void }) {
  const errors = new Map<string, number>();
  for (const p of problems) if (p.severity === 'error') errors.set(p.table, (errors.get(p.table) ?? 0) + 1);
  const refs = useRef(new Map<TableKind, HTMLButtonElement>());
  const onKeyDown = (e: KeyboardEvent) => {
    const i = TABLE_KINDS.indexOf(table);
    const next = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABLE_KINDS.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const kind = TABLE_KINDS[(next + TABLE_KINDS.length) % TABLE_KINDS.length]!;
    onChange(kind);
    refs.current.get(kind)?.focus();
  };
  return (
    <div className="table-picker" role="tablist" aria-label="Tables" aria-orientation="vertical" onKeyDown={onKeyDown}>
      {TABLE_KINDS.map((kind) => {
        const n = errors.get(kind) ?? 0;
        const selected = kind === table;
        return (
          <button
            key={kind}
            ref={(el) => { if (el) refs.current.set(kind, el); else refs.current.delete(kind); }}
            type="button"
            role="tab"
            id={`tab-${kind}`}
            aria-selected={selected}
            aria-controls="data-table-panel"
            tabIndex={selected ? 0 : -1}
            className={`table-tab${selected ? ' table-tab-selected' : ''}${kind === FIRST_ENGINE_TABLE ? ' table-tab-group' : ''}`}
            onClick={() => onChange(kind)}
            data-table={kind}
          >
            <span className="table-tab-name">{TABLES[kind].sheet}</span>
            <span className="table-tab-count">{count(rowCount(project, kind))}<span className="visually-hidden"> rows</span></span>
            {n > 0 && <span className="table-tab-errors">{n}<span className="visually-hidden"> {n === 1 ? 'error' : 'errors'}</span></span>}
          </button>
        );
      })}
    </div>
  );
}
