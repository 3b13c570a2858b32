import type { FieldKind } from '../schema/fields';
import type { TableKind } from '../schema/tables';
import { fieldsOf } from '../import/table-fields';
import { expandedKeys } from './to-sheets';

/**
 * One column of a table as the Data screen shows it: a field, or one key of a field spread over
 * several columns in the workbook (StudentNeeds counts by need category, Drivers values by year) —
 * the same columns the workbook has (to-sheets.ts), so a problem's column names one of them.
 */
export interface GridColumn {
  /** Unique in the table: the field name, or "counts:english_learners" for a spread column. */
  key: string;
  /** The schema property. */
  field: string;
  /** For a spread column: the key inside the field's record (need category, year). */
  sub?: string;
  kind: FieldKind;
  /** The column's name in the workbook. */
  label: string;
  doc: string;
  required: boolean;
}

/** The columns of a table, in workbook order; spread fields take their keys from the rows. */
export function gridColumns(table: TableKind, rows: readonly Record<string, unknown>[]): GridColumn[] {
  const out: GridColumn[] = [];
  for (const f of fieldsOf(table)) {
    const kind = f.meta.kind;
    if (kind === 'need_counts' || kind === 'year_values') {
      for (const sub of expandedKeys(rows, f.name, kind)) {
        out.push({ key: `${f.name}:${sub}`, field: f.name, sub, kind, label: sub, doc: kind === 'need_counts' ? `Students with need ${sub}` : `${f.name} for fiscal year ${sub}`, required: false });
      }
    } else {
      out.push({ key: f.name, field: f.name, kind, label: f.name, doc: f.meta.doc, required: f.required });
    }
  }
  return out;
}

/** The grid column a problem's column names (a field, or a need category / year of a spread field). */
export function columnOfProblem(columns: readonly GridColumn[], column: string | undefined): number {
  if (column === undefined || column === '') return -1;
  const exact = columns.findIndex((c) => c.key === column);
  if (exact >= 0) return exact;
  const spread = columns.findIndex((c) => c.sub === column);
  if (spread >= 0) return spread;
  return columns.findIndex((c) => c.field === column);
}
