import { describe, expect, it } from 'vitest';
import { demoProject } from '../../../models/demo/district';
import { forecastProject } from '../../../models/forecast/forecast';
import { staffingPlan } from '../../../models/staffing/plan';
import { timeStudyReport } from '../../../models/staffing/time';

// Results never go stale (issue 12 §6): the staffing engine once cached what it derived from a
// project by the project object, so an edit in place (halving every FTE) still showed the old
// actual FTE. Each call (or run) now derives its context afresh.

describe('staffing after an edit in place', () => {
  it('staffingPlan shows the edited positions, equal to a fresh copy', () => {
    const project = demoProject();
    const before = staffingPlan({ project }).totals;
    for (const p of project.positions) p.fte /= 2;
    const after = staffingPlan({ project }).totals;
    const fresh = staffingPlan({ project: structuredClone(project) }).totals;
    expect(after).toEqual(fresh);
    expect(after.actual_fte).toBeCloseTo(before.actual_fte / 2, 6);
  });

  it('a salary schedule doubled in place doubles the time study’s costs', () => {
    const project = demoProject();
    const before = timeStudyReport(project).byFunction.reduce((a, f) => a + f.annual_cost_cents, 0);
    for (const c of project.salary) c.salary *= 2;
    for (const p of project.positions) if (p.salary !== undefined) p.salary *= 2;
    const after = timeStudyReport(project).byFunction.reduce((a, f) => a + f.annual_cost_cents, 0);
    expect(after).toEqual(timeStudyReport(structuredClone(project)).byFunction.reduce((a, f) => a + f.annual_cost_cents, 0));
    expect(after).toBeGreaterThan(before * 1.5);
  });

  it('a forecast with staffing metrics after a staffing config edit in place equals one on a fresh copy', () => {
    const project = demoProject();
    const run = (p: typeof project) => {
      const r = forecastProject(p, { years: 2, scenarios: ['Classes two smaller'], staffing: true });
      if (!r.ok) throw new Error(r.reason);
      return r.value.scenarios[0]!.years.map((y) => [y.expenditure_cents, y.staffing_change_fte]);
    };
    run(project);
    for (const r of project.staffingRules) if (r.ratio !== undefined) r.ratio *= 0.8;
    expect(run(project)).toEqual(run(structuredClone(project)));
  });
});
