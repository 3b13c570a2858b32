import { describe, expect, it } from 'vitest';
import { projectFromGrids } from '../../../models/project/from-grids';
import { projectToSheets } from '../../../models/project/to-sheets';
import { demoProject } from '../../../models/demo/district';
import type { Cell, Grid } from '../../../models/import/types';

const g = (sheet: string, rows: Cell[][]): Grid => ({ file: 'district.xlsx', sheet, rows });

function minimalWorkbook(): Grid[] {
  return [
    g('Settings', [['key', 'value'], ['district_name', 'Tiny USD'], ['base_year', 'FY 2025-26'], ['beginning_fund_balance', '$1,250,000.00'], ['reserve_policy_pct', '8%'], ['board_meeting', 'June']]),
    g('sites', [['Site ID', 'Name', 'Level'], ['0101', 'Lincoln', 'Elementary']]),
    g('Enrollment', [['site_id', 'year', 'grade', 'students'], ['0101', 2026, 'K', 20]]),
    g('Student Needs', [['site_id', 'year', 'english_learners'], ['0101', 2026, 4]]),
    g('FUNDS', [['fund_code', 'name', 'source', 'restricted', 'available'], ['GEN', 'General', 'local', 'no', '$1,000']]),
    g('Budget', [['fiscal_year', 'fund_code', 'object', 'amount'], [2026, 'GEN', 'salaries', '900'], ['Total', null, null, '900']]),
    g('Positions', [['position_id', 'site_id', 'role', 'fte'], ['P1', '0101', 'teacher', 1], ['P2', '0101', 'teacher', -1]]),
    g('Salary_Schedule', [['Step', 'BA', 'MA'], [1, 45000, 50000]]),
  ];
}

describe('projectFromGrids', () => {
  it('reads every sheet by normalised name, types the settings and keeps good rows', () => {
    const { project, reports, problems } = projectFromGrids(minimalWorkbook(), 'district.xlsx');
    expect(project).not.toBeNull();
    expect(project!.settings).toMatchObject({ district_name: 'Tiny USD', base_year: 2026, beginning_fund_balance: 125000000, reserve_policy_pct: 0.08, horizon_years: 5, extra: { board_meeting: 'June' } });
    expect(project!.sites[0]).toMatchObject({ site_id: '0101', level: 'ES' });
    expect(project!.studentNeeds[0]?.counts).toEqual({ english_learners: 4 });
    expect(project!.funds[0]).toMatchObject({ restricted: false, available: 100000, eligible_uses: ['any'] });
    // The salary matrix: 1 step × 2 lanes = 2 cells; schedule named after the sheet.
    expect(project!.salary.map((c) => [c.schedule, c.lane, c.step, c.salary])).toEqual([['Salary_Schedule', 'BA', 1, 4500000], ['Salary_Schedule', 'MA', 1, 5000000]]);
    // P2 has a negative FTE: reported, left out; P1 kept.
    expect(project!.positions.map((p) => p.position_id)).toEqual(['P1']);
    expect(reports.find((r) => r.kind === 'positions')?.errors).toEqual([{ file: 'district.xlsx', sheet: 'Positions', row: 3, column: 'fte', value: '-1', reason: '-1 is below the minimum 0' }]);
    expect(reports.find((r) => r.kind === 'budget')?.errors[0]).toMatchObject({ row: 3, reason: 'excluded: totals row' });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(reports.map((r) => r.kind)).toEqual(['settings', 'sites', 'enrollment', 'studentNeeds', 'funds', 'budget', 'positions', 'salary']);
    expect(project!.needs).toEqual([]);
  });

  it('reads a workbook without a sheet as an empty table and lists it as missing (the command that needs it refuses)', () => {
    const grids = minimalWorkbook().filter((x) => x.sheet !== 'Budget');
    const { project, problems, missing } = projectFromGrids(grids, 'district.xlsx');
    expect(project?.budget).toEqual([]);
    expect(missing).toContain('budget');
    expect(missing).not.toContain('positions');
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('refuses a workbook without a Settings sheet', () => {
    const { project, problems } = projectFromGrids(minimalWorkbook().filter((x) => x.sheet !== 'Settings'), 'district.xlsx');
    expect(project).toBeNull();
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', table: 'settings', message: expect.stringContaining('no Settings sheet') }));
  });

  it('reads a Settings sheet written as bare key/value pairs without a header', () => {
    const grids = minimalWorkbook().map((x) => (x.sheet === 'Settings' ? g('Settings', [['district_name', 'Tiny USD'], ['base_year', 2027], ['horizon_years', '7']]) : x));
    const { project } = projectFromGrids(grids, 'district.xlsx');
    expect(project?.settings).toMatchObject({ district_name: 'Tiny USD', base_year: 2027, horizon_years: 7 });
  });

  it('refuses settings without a base year', () => {
    const grids = minimalWorkbook().map((x) => (x.sheet === 'Settings' ? g('Settings', [['key', 'value'], ['district_name', 'Tiny']]) : x));
    const { project, problems } = projectFromGrids(grids, 'district.xlsx');
    expect(project).toBeNull();
    expect(problems.some((p) => p.table === 'settings' && p.message.includes('base_year'))).toBe(true);
  });

  it('reads the demo district written as sheets back to the same rows and totals', () => {
    const demo = demoProject();
    const grids = projectToSheets(demo).map((s) => g(s.name, s.rows));
    const { project, problems } = projectFromGrids(grids, 'demo.xlsx');
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(project).not.toBeNull();
    const strip = <T extends { src?: unknown }>(rows: T[]) => rows.map(({ src: _src, ...rest }) => JSON.parse(JSON.stringify(rest)) as unknown);
    for (const key of ['sites', 'enrollment', 'funds', 'budget', 'positions', 'salary', 'needs', 'actuals', 'scenarios'] as const) {
      expect(strip(project![key] as { src?: unknown }[]), key).toEqual(strip(demo[key] as { src?: unknown }[]));
    }
    // Budget total: the sum of the demo's own cents, independent of the import.
    const sum = (rows: { amount: number }[]) => rows.reduce((s, r) => s + r.amount, 0);
    expect(sum(project!.budget)).toBe(sum(demo.budget));
    expect(project!.settings.base_year).toBe(demo.settings.base_year);
  });
});
