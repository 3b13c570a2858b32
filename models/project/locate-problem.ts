import type { SourceRef } from '../schema/fields';
import { TABLES, type TableKind } from '../schema/tables';
import type { Problem } from './problems';

/** Where a problem is in the project's tables: the table, and the row index when the row is there. */
export interface ProblemPlace {
  table: TableKind;
  /** Index into the table's rows; undefined for a whole-table problem or a row the import left out. */
  index?: number;
  /** The column (field name, or a need category / year of a spread column), as the problem names it. */
  column?: string;
}

type Row = { src?: SourceRef | undefined };

const bySource = new WeakMap<readonly Row[], Map<string, number[]>>();
const key = (sheet: string, row: number) => `${sheet}\u0000${row}`;

/** The rows of a table by source (sheet and row number), built once per rows array. */
function sourceIndex(rows: readonly Row[]): Map<string, number[]> {
  let map = bySource.get(rows);
  if (map) return map;
  map = new Map();
  for (let i = 0; i < rows.length; i++) {
    const src = rows[i]!.src;
    if (!src) continue;
    const k = key(src.sheet, src.row);
    const list = map.get(k);
    if (list) list.push(i);
    else map.set(k, [i]);
  }
  bySource.set(rows, map);
  return map;
}

export const isTableKind = (table: string): table is TableKind => Object.hasOwn(TABLES, table);

/**
 * The row a problem is about, found by its source — the same sheet, row and file the problem
 * names (a problem's file is the project's name when the row's source has none). Rows keep their
 * source through sorting, inserts and deletes, so this finds the row wherever it has moved.
 */
export function locateProblem(tables: Readonly<Record<string, unknown>>, problem: Problem): ProblemPlace | null {
  if (!isTableKind(problem.table)) return null;
  const table = problem.table;
  const place: ProblemPlace = { table };
  if (problem.column !== undefined && problem.column !== '') place.column = problem.column;
  if (problem.row === undefined || table === 'settings') return place;
  const value = tables[table];
  const rows = Array.isArray(value) ? (value as Row[]) : [];
  const hits = sourceIndex(rows).get(key(problem.sheet ?? TABLES[table].sheet, problem.row)) ?? [];
  const index = hits.find((i) => {
    const file = rows[i]!.src?.file;
    return file === undefined || problem.file === undefined || file === problem.file;
  });
  if (index !== undefined) place.index = index;
  return place;
}
