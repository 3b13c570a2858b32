import type { SourceRef } from '../schema/fields';
import { TABLES, type TableKind } from '../schema/tables';
import type { Problem } from './problems';

/** Collects validation problems, each placed at the row it came from (file, sheet, row) and the column to fix. */
export class ProblemSink {
  readonly list: Problem[] = [];

  error(table: TableKind | 'project', src: SourceRef | undefined, column: string | undefined, value: unknown, message: string): void {
    this.add('error', table, src, column, value, message);
  }

  warning(table: TableKind | 'project', src: SourceRef | undefined, column: string | undefined, value: unknown, message: string): void {
    this.add('warning', table, src, column, value, message);
  }

  get errors(): number {
    return this.list.filter((p) => p.severity === 'error').length;
  }

  private add(severity: Problem['severity'], table: TableKind | 'project', src: SourceRef | undefined, column: string | undefined, value: unknown, message: string): void {
    const p: Problem = { severity, table, message };
    const sheet = src?.sheet ?? (table === 'project' ? undefined : TABLES[table].sheet);
    if (src?.file !== undefined) p.file = src.file;
    if (sheet !== undefined) p.sheet = sheet;
    if (src !== undefined) p.row = src.row;
    if (column !== undefined) p.column = column;
    if (value !== undefined && value !== null) p.value = String(value);
    this.list.push(p);
  }
}
