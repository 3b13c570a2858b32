import { TABLES, type TableKind } from '../../../models/schema/tables';

/** "budget" → "Budget", "salary" → "SalarySchedule": the workbook's sheet name for a table kind. */
export function tableLabel(kind: string): string {
  return Object.hasOwn(TABLES, kind) ? TABLES[kind as TableKind].sheet : kind;
}
