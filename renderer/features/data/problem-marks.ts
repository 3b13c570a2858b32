import { columnOfProblem, type GridColumn } from '../../../models/project/grid-columns';
import { locateProblem } from '../../../models/project/locate-problem';
import type { Problem } from '../../../models/project/problems';
import type { Project } from '../../../models/project/project';
import type { TableKind } from '../../../models/schema/tables';
import type { CellProblem } from '../../ui/data-table/types';

const RANK = { error: 3, warning: 2, note: 1 } as const;

/** The problems of one table by row index and column key (several on a cell: the worst first, messages joined). */
export function problemMarks(project: Project, table: TableKind, columns: readonly GridColumn[], problems: readonly Problem[]): Map<number, Map<string, CellProblem>> {
  const marks = new Map<number, Map<string, CellProblem>>();
  for (const p of problems) {
    if (p.table !== table) continue;
    const place = locateProblem(project as unknown as Record<string, unknown>, p);
    if (place?.index === undefined) continue;
    const col = columns[Math.max(0, columnOfProblem(columns, place.column))];
    if (!col) continue;
    let row = marks.get(place.index);
    if (!row) marks.set(place.index, (row = new Map()));
    const had = row.get(col.key);
    if (!had) row.set(col.key, { severity: p.severity, message: p.message });
    else row.set(col.key, { severity: RANK[p.severity] > RANK[had.severity] ? p.severity : had.severity, message: `${had.message}; ${p.message}` });
  }
  return marks;
}
