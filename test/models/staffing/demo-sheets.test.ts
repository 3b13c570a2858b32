import { describe, expect, it } from 'vitest';
import { demoProject } from '../../../models/demo/district';
import { demoStaffingSheets } from '../../../models/staffing/defaults';
import { staffingPlan } from '../../../models/staffing/plan';
import { scenarioStaffingParams } from '../../../models/staffing/params';

describe('demo staffing sheets', () => {
  const demo = demoProject();
  const sheets = demoStaffingSheets(demo);
  const project = { ...demo, ...sheets, scenarios: [...demo.scenarios, ...sheets.scenarios] };
  it('staff the demo district close to its own policy', () => {
    const plan = staffingPlan({ project });
    expect(plan.rulesSource).toBe('project');
    expect(plan.warnings).toEqual([]);
    // The generator staffs by the same policy, so the net gap is small against ~500 ruled FTE.
    expect(Math.abs(plan.totals.gap_fte)).toBeLessThan(0.05 * plan.totals.required_fte);
  });
  it('scenarios move staffing', () => {
    const year = project.settings.base_year;
    const at = (name: string | undefined) => staffingPlan({ project, params: scenarioStaffingParams(project, name, year)! });
    // The baseline is the Drivers sheet (Base): no scenario rows.
    const base = at(undefined);
    const counselor = (p: ReturnType<typeof staffingPlan>) => p.byRole.find((r) => r.role === 'counselor')!.required_fte;
    expect(counselor(at('ASCA counselors'))).toBeGreaterThan(counselor(base));
    expect(at('Classes two smaller').totals.required_fte).toBeGreaterThan(base.totals.required_fte);
    expect(at('Eight-period day').totals.required_fte).toBeGreaterThan(base.totals.required_fte);
  });
});
