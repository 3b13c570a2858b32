import { describe, expect, it } from 'vitest';
import { demoNetworkProject } from '../../../models/demo/network';
import { forecastProject } from '../../../models/forecast/forecast';
import type { Project } from '../../../models/project/project';
import { validateProject } from '../../../models/project/validate';

// Scenarios and backup plans that open, delay or slow a school (models/network/school-plans.ts),
// on the demo network: Westside Elementary (N6) opens in 2028 with K and 1 (100 seats × 0.88 fill
// = 88 a grade, 176 students); Harbor Prep High (N3) adds a grade a year to 2028.

function run(change: (p: Project) => Project) {
  const project = change(demoNetworkProject());
  expect(validateProject(project).filter((x) => x.severity === 'error')).toEqual([]);
  const r = forecastProject(project, { scenarios: 'all' });
  if (!r.ok) throw new Error(r.reason);
  const scenario = (name: string) => r.value.scenarios.find((s) => s.name === name)!;
  const students = (name: string, site: string) => scenario(name).years.map((y) => y.network!.schools!.find((x) => x.site_id === site)!.students);
  return { scenario, students };
}

describe('opening and delaying a network\'s schools', () => {
  it('a scenario delays the new school a year, and slows another school\'s growth from 2027', () => {
    const r = run((p) => ({ ...p, scenarios: [...p.scenarios,
      { scenario: 'Westside a year late', driver: 'school_delay_N6', value: 1 },
      { scenario: 'High school slower', driver: 'school_delay_N3', value: 1, year: 2027 }] }));
    expect(r.students('Base', 'N6')).toEqual([0, 0, 176, 264, 347.6, 427]);
    // Opens in 2029 with the projection Base had for 2028, and so on a year behind.
    expect(r.students('Westside a year late', 'N6')).toEqual([0, 0, 0, 176, 264, 347.6]);
    const base = r.students('Base', 'N3');
    // 2027 keeps 2026's grades and size; from 2028 the school is a year behind (a delay is never taken back).
    expect(r.students('High school slower', 'N3')).toEqual([base[0], base[0], base[1], base[2], base[3], base[4]]);
    const late = r.scenario('Westside a year late').years;
    expect(late[2]!.enrollment).toBe(r.scenario('Base').years[2]!.enrollment - 176);
    // The budget follows the delayed school: enrollment variance stays at 100%.
    expect(late[2]!.measures!.enrollment_variance.value).toBeCloseTo(1, 12);
  });

  it('a backup plan delays the new school when days cash on hand falls too low', () => {
    const r = run((p) => ({
      ...p,
      plans: [...p.plans, { plan: 'Delay Westside', action: 'schedule', start_year: 2028, parameter: 'school_delay_N6', value: 1, description: 'Open Westside a year later' }],
      // Base's days cash is 80 in 2027: a trigger at 85 fires then, and the plan runs from 2028.
      triggers: [...p.triggers, { plan: 'Delay Westside', condition: 'days_cash_on_hand < 85', lag: 1 }],
    } as Project));
    const base = r.scenario('Base');
    expect(base.plan_switches.map((w) => [w.plan, w.trigger_year, w.year])).toEqual([['Delay Westside', 2027, 2028]]);
    expect(r.students('Base', 'N6')).toEqual([0, 0, 0, 176, 264, 347.6]);
  });

  it('a backup plan\'s delay_school action: "if days cash on hand falls below 85, delay the new school a year"', () => {
    const r = run((p) => ({
      ...p,
      plans: [...p.plans, { plan: 'Delay Westside', action: 'delay_school', start_year: 2028, site_id: 'N6', description: 'Open Westside a year later' }],
      triggers: [...p.triggers, { plan: 'Delay Westside', condition: 'days_cash_on_hand < 85', lag: 1 }],
    } as Project));
    expect(r.scenario('Base').plan_switches.map((w) => [w.plan, w.trigger_year, w.year])).toEqual([['Delay Westside', 2027, 2028]]);
    expect(r.students('Base', 'N6')).toEqual([0, 0, 0, 176, 264, 347.6]);
  });

  it('delay_school names a charter school', () => {
    const demo = demoNetworkProject();
    const project = { ...demo, plans: [...demo.plans, { plan: 'X', action: 'delay_school', start_year: 2028, site_id: 'NO' }] } as Project;
    expect(validateProject(project).filter((x) => x.severity === 'error').map((x) => x.message)).toEqual([expect.stringContaining('NO is not on the CharterSchools sheet')]);
  });

  it('a CharterSchools row with a scenario opens a new school only there', () => {
    const r = run((p) => ({
      ...p,
      sites: [...p.sites, { site_id: 'N7', name: 'Harbor Prep Northgate Elementary', level: 'ES' }],
      charterSchools: [...p.charterSchools, { site_id: 'N7', first_grade: 'K', last_grade: '4', open_year: 2029, grades_at_opening: 2, seats_per_grade: 90, fill_rate: 0.9, attrition_rate: 0.05, scenario: 'Open Northgate' }],
    } as Project));
    expect(r.students('Base', 'N7')).toEqual([0, 0, 0, 0, 0, 0]);
    // 2029: K and 1 at 90 seats × 0.9 = 81 each.
    expect(r.students('Open Northgate', 'N7').slice(3, 4)).toEqual([162]);
    expect(r.scenario('Open Northgate').years[3]!.enrollment).toBeCloseTo(r.scenario('Base').years[3]!.enrollment + 162, 6);
  });
});
