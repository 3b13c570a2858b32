import { describe, expect, it } from 'vitest';
import { demoProject } from '../../../models/demo/district';
import { projectToSheets } from '../../../models/project/to-sheets';
import { projectFromGrids } from '../../../models/project/from-grids';
import type { Grid } from '../../../models/import/types';
import { expectSameProject } from './same-project';
import type { Problem } from '../../../models/project/problems';

// The workbook Steward writes is a workbook Steward reads: demo → sheets → projectFromGrids → demo.
const demo = demoProject();
const sheets = projectToSheets(demo);

describe('projectToSheets → projectFromGrids', () => {
  it('reads back through projectFromGrids as the same project', () => {
    const grids: Grid[] = sheets.map((s) => ({ file: 'demo.xlsx', sheet: s.name, rows: s.rows }));
    const back = projectFromGrids(grids, 'demo.xlsx');
    expect(back.problems.filter((p: Problem) => p.severity === 'error')).toEqual([]);
    expectSameProject(back.project, demo);
    // Every sheet's report accounts for every row.
    for (const r of back.reports) expect(r.accepted + r.rejected).toBe(r.rows);
    expect(back.reports.find((r) => r.kind === 'budget')).toMatchObject({ rows: demo.budget.length, accepted: demo.budget.length });
  });
});
