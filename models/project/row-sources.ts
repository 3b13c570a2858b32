import type { SourceRef } from '../schema/fields';
import { TABLES, TABLE_KINDS, type TableKind } from '../schema/tables';
import type { Project } from './project';

// Every problem says where to fix it by the row's `src` (file, sheet, spreadsheet row). Rows read
// from a workbook carry one; rows built in memory (the demo district, a .steward file saved from
// it, rows added on the Data screen) did not, so their problems could name no row and nothing on
// screen could lead to them. A row without one gets the place it would have in the workbook this
// project is written out as (to-sheets.ts: the header on row 1, rows from row 2); a row added
// later gets the next row after the table's last. A source is the row's name, not its position:
// it stays with the row through sorting, inserts and deletes, as an imported row's does.

type Row = { src?: SourceRef | undefined };

const rowsOf = (project: Project, table: TableKind): readonly Row[] => {
  const value = (project as unknown as Record<string, unknown>)[table];
  return Array.isArray(value) ? (value as Row[]) : [];
};

/** The project with a `src` on every row (tables whose rows all have one are kept as they are). */
export function withRowSources(project: Project): Project {
  let out: Record<string, unknown> | null = null;
  for (const table of TABLE_KINDS) {
    if (table === 'settings') continue;
    const rows = rowsOf(project, table);
    if (rows.every((r) => r.src !== undefined)) continue;
    const sheet = TABLES[table].sheet;
    out ??= { ...project };
    out[table] = rows.map((r, i) => (r.src !== undefined ? r : { ...r, src: { sheet, row: i + 2 } }));
  }
  return (out ?? project) as Project;
}

/** Sources for `count` new rows of `table`: the rows after the highest row number the table uses. */
export function nextSources(project: Project, table: TableKind, count: number): SourceRef[] {
  let last = 1;
  for (const r of rowsOf(project, table)) if (r.src !== undefined && r.src.row > last) last = r.src.row;
  const sheet = TABLES[table].sheet;
  return Array.from({ length: count }, (_, i) => ({ sheet, row: last + 1 + i }));
}
