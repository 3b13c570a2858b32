import { describe, expect, it } from 'vitest';
import { scenarioStaffingParams } from '../../../models/staffing/params';
import { expandGrades, studentsBySite } from '../../../models/staffing/site-data';
import { staffingPlan } from '../../../models/staffing/plan';
import { makeProject, grades } from './fixture';

describe('scenarioStaffingParams', () => {
  const project: Parameters<typeof scenarioStaffingParams>[0] = {
    drivers: [
      { driver: 'class_size_delta', value: 0, by_year: { '2028': 1 } },
      { driver: 'cola', value: 0.03, by_year: {} },
    ],
    scenarios: [
      { scenario: 'Collab', driver: 'collaboration_minutes_delta', value: 90 },
      { scenario: 'Collab + small classes', driver: 'class_size_delta', value: -2, based_on: 'Collab' },
      { scenario: 'Collab + small classes', driver: 'class_size_delta', value: -3, year: 2028 },
      { scenario: 'Levy fails', driver: 'local_revenue_growth', value: -0.1 },
    ],
  };
  it('layers drivers, parent scenarios and year rows, keeping only staffing params', () => {
    expect(scenarioStaffingParams(project, undefined, 2027)).toEqual({ class_size_delta: 0 });
    expect(scenarioStaffingParams(project, undefined, 2028)).toEqual({ class_size_delta: 1 });
    expect(scenarioStaffingParams(project, 'collab + SMALL classes', 2027)).toEqual({ class_size_delta: -2, collaboration_minutes_delta: 90 });
    expect(scenarioStaffingParams(project, 'Collab + small classes', 2028)).toEqual({ class_size_delta: -3, collaboration_minutes_delta: 90 });
    expect(scenarioStaffingParams(project, 'Levy fails', 2027)).toEqual({ class_size_delta: 0 });
    expect(scenarioStaffingParams(project, 'Nope', 2027)).toBeNull();
  });
});

describe('grades and need counts', () => {
  it('expands grade spans', () => {
    expect(expandGrades(['K-3'])).toEqual(['K', '1', '2', '3']);
    expect(expandGrades(['PK, K', '09–12'])).toEqual(['PK', 'K', '9', '10', '11', '12']);
    expect(expandGrades(['KG', '6-8'])).toEqual(['K', '6', '7', '8']);
  });
  it('carries need shares, not counts, into a forecast year', () => {
    // 2026: 200 students, 30 with disabilities (15%). Forecast 2028: 300 students → 45.
    const all = [...grades('S', { K: 200 }, 2026)];
    const future = grades('S', { K: 300 }, 2028);
    const needs = [{ site_id: 'S', year: 2026, counts: { students_with_disabilities: 30 } }];
    expect(studentsBySite(future, 2028, needs, all).get('S')!.needs.get('studentswithdisabilities')).toBe(45);
  });
});

describe('cost options', () => {
  const base = {
    sites: [{ site_id: 'E1', name: 'Elm', level: 'ES' }],
    enrollment: grades('E1', { K: 100 }),
    staffingRules: [{ role: 'teacher', basis: 'grade', grades: ['K'], ratio: 25 }],
    salary: [
      { schedule: 'teachers', lane: 'BA', step: 0, salary: 5_000_000 },
      { schedule: 'teachers', lane: 'BA', step: 10, salary: 7_000_000 },
    ],
    // One teacher at step 10: K 100/25 = 4 required, gap 3.
    positions: [{ position_id: 'T', site_id: 'E1', role: 'Classroom Teacher', fte: 1, lane: 'BA', step: 10, benefits_rate: 0.2 }],
  };
  it('maps role aliases and takes the schedule average from positions or from every cell', () => {
    // positions mode: $70,000 × 1.2 = $84,000 per FTE × 3 = $252,000.
    const positions = staffingPlan({ project: makeProject({ ...base, staffing: { roleAliases: { 'Classroom Teacher': 'teacher' } } }) });
    expect(positions.sites[0]).toMatchObject({ required_fte: 4, actual_fte: 1, gap_fte: 3, gap_cost_cents_schedule: 25_200_000 });
    // cells mode: mean($50,000, $70,000) = $60,000 × 1.2 = $72,000 per FTE × 3 = $216,000.
    const cells = staffingPlan({ project: makeProject({ ...base, staffing: { roleAliases: { 'Classroom Teacher': 'teacher' }, scheduleAverage: 'cells' } }) });
    expect(cells.sites[0]!.gap_cost_cents_schedule).toBe(21_600_000);
    // salary_scale 1.05 (a forecast year's index): $84,000 × 1.05 = $88,200 × 3 = $264,600.
    const scaled = staffingPlan({ project: makeProject({ ...base, staffing: { roleAliases: { 'Classroom Teacher': 'teacher' } } }), params: { salary_scale: 1.05 } });
    expect(scaled.sites[0]!.gap_cost_cents_schedule).toBe(26_460_000);
  });
  it('without the alias the position is a different role and the gap is the whole requirement', () => {
    const plan = staffingPlan({ project: makeProject(base) });
    expect(plan.sites[0]).toMatchObject({ role: 'teacher', required_fte: 4, actual_fte: 0, gap_fte: 4 });
    expect(plan.fteByRole).toEqual({ 'Classroom Teacher': 1 });
  });
});

describe('parameters for one site level (name@LEVEL)', () => {
  // Elm (ES, 100 kindergartners) and Oak (HS, 100 ninth graders); teachers 1:25 at every level,
  // counselors 1:100 (rounded up). The scenario lowers class sizes at elementary schools only and
  // doubles counselors at high schools only.
  const project = makeProject({
    sites: [{ site_id: 'E1', name: 'Elm', level: 'ES' }, { site_id: 'H1', name: 'Oak', level: 'HS' }],
    enrollment: [...grades('E1', { K: 100 }), ...grades('H1', { '9': 100 })],
    staffingRules: [
      { role: 'teacher', basis: 'students', ratio: 25 },
      { role: 'counselor', basis: 'students', ratio: 100 },
    ],
  });
  const required = (params?: Record<string, number>) => {
    const plan = staffingPlan({ project, params });
    return Object.fromEntries(plan.sites.map((r) => [`${r.site_id} ${r.role}`, r.required_fte]));
  };

  it('applies name@LEVEL at that level only, and it beats the plain name there', () => {
    expect(required()).toMatchObject({ 'E1 teacher': 4, 'H1 teacher': 4, 'E1 counselor': 1, 'H1 counselor': 1 });
    // ES: 100 ÷ (25 − 5) = 5 teachers; HS unchanged at 4. HS counselors 100 ÷ (100 × 0.5) = 2.
    expect(required({ 'class_size_delta@ES': -5, 'ratio_scale_counselor@HS': 0.5 })).toMatchObject({ 'E1 teacher': 5, 'H1 teacher': 4, 'E1 counselor': 1, 'H1 counselor': 2 });
    // Every level −5 (÷ 20 → 5), but elementary −15 (÷ 10 → 10).
    expect(required({ class_size_delta: -5, 'class_size_delta@ES': -15 })).toMatchObject({ 'E1 teacher': 10, 'H1 teacher': 5 });
  });

  it('is a staffing parameter for scenarios', () => {
    const p = scenarioStaffingParams({ drivers: [], scenarios: [{ scenario: 'K-5 smaller', driver: 'class_size_delta@ES', value: -2 }] }, 'K-5 smaller', 2027);
    expect({ ...p }).toEqual({ 'class_size_delta@ES': -2 });
  });
});
