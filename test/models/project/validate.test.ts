import { describe, expect, it } from 'vitest';
import { validateProject } from '../../../models/project/validate';
import { ProjectSchema, type Project } from '../../../models/project/project';
import type { Problem } from '../../../models/project/problems';

// A small hand-made project with one of each problem; every row carries the src a workbook import
// would give it, so each problem must point at the right sheet, row and column.
const src = (sheet: string, row: number) => ({ file: 'broken.xlsx', sheet, row });
function broken(): Project {
  return ProjectSchema.parse({
    settings: { base_year: 2026 },
    sites: [
      { site_id: 'A', name: 'Ash ES', level: 'ES', src: src('Sites', 2) },
      { site_id: 'B', name: 'Birch MS', level: 'MS', src: src('Sites', 3) },
      { site_id: 'A', name: 'Ash again', level: 'ES', src: src('Sites', 4) }, // duplicate site_id
    ],
    enrollment: [
      { site_id: 'A', year: 2026, grade: 'K', students: 40, src: src('Enrollment', 2) },
      { site_id: 'Z', year: 2026, grade: '1', students: 30, src: src('Enrollment', 3) }, // unknown site
    ],
    studentNeeds: [
      { site_id: 'A', year: 2026, counts: { econ_disadvantaged: 55 }, src: src('StudentNeeds', 2) }, // 55 > 40 enrolled
      { site_id: 'Q', year: 2026, counts: { econ_disadvantaged: 1 }, src: src('StudentNeeds', 3) }, // unknown site
    ],
    funds: [
      { fund_code: 'GEN', name: 'General', source: 'local', restricted: false, available: 100, src: src('Funds', 2) },
      { fund_code: 'T1A', name: 'Title I', source: 'federal', restricted: true, available: 100, eligible_uses: [], src: src('Funds', 3) }, // no uses
      { fund_code: 'GEN', name: 'General again', source: 'local', restricted: false, available: 100, src: src('Funds', 4) }, // duplicate
      { fund_code: 'OLD', name: 'Expired', source: 'federal', restricted: true, available: 500, end_date: '2024-09-30', eligible_uses: ['robotics', 'x'], src: src('Funds', 5) },
    ],
    budget: [
      { fiscal_year: 2026, fund_code: 'GEN', object: 'supplies', amount: 100, site_id: 'A', src: src('Budget', 2) },
      { fiscal_year: 2026, fund_code: 'XYZ', object: 'supplies', amount: 100, src: src('Budget', 3) }, // unknown fund
      { fiscal_year: 2026, fund_code: 'GEN', object: 'supplies', amount: 100, site_id: 'NOPE', src: src('Budget', 4) }, // unknown site
    ],
    positions: [
      { position_id: 'P1', site_id: 'A', role: 'teacher', fte: 1, lane: 'BA', step: 0, funding: [{ fund_code: 'GEN', share: 0.6 }, { fund_code: 'T1A', share: 0.3 }], src: src('Positions', 2) }, // 90%
      { position_id: 'P2', site_id: 'A', role: 'teacher', fte: 1, lane: 'MA', step: 9, src: src('Positions', 3) }, // not in schedule, no salary
      { position_id: 'P1', site_id: 'A', role: 'aide', fte: 1, salary: 100, src: src('Positions', 4) }, // duplicate id
      { position_id: 'P4', site_id: 'A', role: 'aide', fte: 1, salary: 100, funding: [{ fund_code: 'ZZZ', share: 1 }], src: src('Positions', 5) }, // unknown fund
      { position_id: 'P5', site_id: 'A', role: 'aide', fte: 1, src: src('Positions', 6) }, // no salary, no lane
    ],
    salary: [
      { schedule: 'teachers', lane: 'BA', step: 0, salary: 100, src: src('SalarySchedule', 2) },
      { schedule: 'teachers', lane: 'BA', step: 0, salary: 200, src: src('SalarySchedule', 3) }, // duplicate cell
    ],
    needs: [
      { need_id: 'N1', category: 'x', cost: 1, priority: 1, src: src('Needs', 2) },
      { need_id: 'N1', category: 'x', cost: 1, priority: 1, site_id: 'GHOST', src: src('Needs', 3) }, // duplicate + unknown site
    ],
    actuals: [{ as_of: '2026-03-31', fiscal_year: 2026, fund_code: 'NOFUND', object: 'supplies', ytd_amount: 5, site_id: 'A', src: src('Actuals', 2) }],
    scenarios: [{ scenario: 'Cut', driver: 'cola', value: 0, based_on: 'Nowhere', src: src('Scenarios', 2) }],
  });
}

const problems = validateProject(broken());
const find = (sheet: string, row: number, column: string): Problem | undefined => problems.find((p) => p.sheet === sheet && p.row === row && p.column === column);

describe('validateProject', () => {
  it.each([
    ['Sites', 4, 'site_id', 'A', /duplicate site_id "A" \(first on row 2\)/],
    ['Funds', 4, 'fund_code', 'GEN', /duplicate fund_code/],
    ['Positions', 4, 'position_id', 'P1', /duplicate position_id/],
    ['Needs', 3, 'need_id', 'N1', /duplicate need_id/],
    ['SalarySchedule', 3, 'step', 'teachers / BA / step 0', /duplicate salary schedule cell/],
    ['Enrollment', 3, 'site_id', 'Z', /unknown site_id "Z"/],
    ['StudentNeeds', 3, 'site_id', 'Q', /unknown site_id/],
    ['Budget', 4, 'site_id', 'NOPE', /unknown site_id/],
    ['Needs', 3, 'site_id', 'GHOST', /unknown site_id/],
    ['Budget', 3, 'fund_code', 'XYZ', /unknown fund_code "XYZ"/],
    ['Actuals', 2, 'fund_code', 'NOFUND', /unknown fund_code/],
    ['Positions', 5, 'funding', 'ZZZ', /unknown fund_code "ZZZ"/],
    ['Positions', 2, 'funding', 'GEN:0.6; T1A:0.3', /adds to 90%, not 100%/],
    ['Positions', 3, 'step', 'MA / 9', /not in the salary schedule and the position has no salary/],
    ['Positions', 6, 'lane', undefined, /no salary and no lane and step/],
    ['Funds', 3, 'eligible_uses', undefined, /restricted fund T1A has no eligible uses/],
    ['Scenarios', 2, 'based_on', 'Nowhere', /unknown scenario "Nowhere"/],
  ])('error on %s row %i column %s', (sheet, row, column, value, message) => {
    const p = find(sheet, row, column);
    expect(p, `${sheet} row ${row} ${column}`).toBeDefined();
    expect(p!.severity).toBe('error');
    expect(p!.file).toBe('broken.xlsx');
    if (value !== undefined) expect(p!.value).toBe(value);
    expect(p!.message).toMatch(message);
  });

  it.each([
    ['StudentNeeds', 2, 'econ_disadvantaged', /more than the 40 students enrolled/],
    ['Funds', 5, 'end_date', /ended on 2024-09-30/],
    ['Sites', 3, 'site_id', /no enrollment in the base year/],
    ['Funds', 5, 'eligible_uses', /may pay for "robotics", which is no need category/],
  ])('warning on %s row %i column %s', (sheet, row, column, message) => {
    const p = find(sheet, row, column);
    expect(p).toBeDefined();
    expect(p!.severity).toBe('warning');
    expect(p!.message).toMatch(message);
  });

  it('reports nothing else', () => {
    expect(problems).toHaveLength(17 + 4);
  });

  it('a scenario based on Base (the Drivers sheet) is fine: every scenario starts there', () => {
    const p = broken();
    p.scenarios = [{ scenario: 'Cut', driver: 'cola', value: 0, based_on: 'Base', src: src('Scenarios', 2) }];
    expect(validateProject(p).filter((x) => x.sheet === 'Scenarios')).toEqual([]);
  });

  it('reports negative FTE and a missing base year', () => {
    const p = broken();
    p.positions[0]!.fte = -1;
    for (const e of p.enrollment) e.year = 2025;
    for (const b of p.budget) b.fiscal_year = 2025;
    const found = validateProject(p);
    expect(found).toContainEqual(expect.objectContaining({ severity: 'error', sheet: 'Positions', row: 2, column: 'fte', value: '-1', message: expect.stringMatching(/negative FTE/) }));
    expect(found).toContainEqual(expect.objectContaining({ severity: 'error', table: 'enrollment', column: 'year', message: expect.stringMatching(/no enrollment for the base year 2026/) }));
    expect(found).toContainEqual(expect.objectContaining({ severity: 'warning', table: 'budget', sheet: 'Budget', column: 'fiscal_year', message: expect.stringMatching(/no budget lines for the base year 2026/) }));
  });

  it('names the sheet but no row for rows without a source (built in code)', () => {
    const p = broken();
    for (const s of p.sites) delete s.src;
    const dup = validateProject(p).find((x) => x.column === 'site_id' && x.table === 'sites' && x.severity === 'error');
    expect(dup).toMatchObject({ sheet: 'Sites', value: 'A' });
    expect(dup!.row).toBeUndefined();
  });
});
