import { describe, expect, it } from 'vitest';
import { demoProject } from '../../../models/demo/district';
import { projectFromGrids } from '../../../models/project/from-grids';
import { projectToSheets } from '../../../models/project/to-sheets';
import { defaultStaffingRows } from '../../../models/staffing/defaults';
import { staffingPlan } from '../../../models/staffing/plan';
import { timeStudyReport } from '../../../models/staffing/time';

describe('staffing sheets survive a workbook round trip', () => {
  it('export → import gives the same rows and the same staffing plan', () => {
    const demo = demoProject();
    const project = { ...demo, ...defaultStaffingRows(demo) };
    const grids = projectToSheets(project).map((s) => ({ file: 'demo.xlsx', sheet: s.name, rows: s.rows }));
    const back = projectFromGrids(grids, 'demo.xlsx');
    expect(back.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const p = back.project!;
    const strip = <T extends { src?: unknown }>(rows: T[]) => rows.map(({ src: _src, ...r }) => JSON.parse(JSON.stringify(r)) as unknown);
    expect(strip(p.staffingRules)).toEqual(strip(project.staffingRules));
    expect(strip(p.schedules)).toEqual(strip(project.schedules));
    expect(strip(p.responsibilities)).toEqual(strip(project.responsibilities));
    expect(strip(p.timeStudy)).toEqual(strip(project.timeStudy));
    expect(staffingPlan({ project: p }).totals).toEqual(staffingPlan({ project }).totals);
    expect(timeStudyReport(p).byFunction).toEqual(timeStudyReport(project).byFunction);
  });
});
