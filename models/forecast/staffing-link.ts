import type { Project } from '../project/project';
import type { EnrollmentRow } from '../schema/tables';
import { staffingMetrics, type StaffingMetrics } from '../staffing/metrics';
import { scenarioStaffingParams } from '../staffing/params';
import { GRADE_ORDER } from './enrollment';
import type { Prepared } from './prepare';

// The one place the forecast calls the staffing engine (agreed API 9): staffing and schedule
// figures for a scenario-year, from the projected enrollment by site and grade. Opt-in (it costs
// far more than a budget year), so interactive recomputes and Monte Carlo skip it.

export function projectedEnrollmentRows(p: Prepared, t: number, index: number): EnrollmentRow[] {
  const rows: EnrollmentRow[] = [];
  for (const s of p.enrollment.sites) {
    const byGrade = s.byGrade[t]!;
    GRADE_ORDER.forEach((grade, g) => {
      const n = Math.round(byGrade[g]! * index);
      if (n > 0) rows.push({ site_id: s.site_id, year: p.baseYear + t, grade, students: n });
    });
  }
  return rows;
}

export function staffingForYear(project: Project, p: Prepared, scenario: string, t: number, enrollmentIndex: number): StaffingMetrics | { error: string } {
  const year = p.baseYear + t;
  try {
    // Staffing parameters (class_size_delta, ratio_scale, …) come from the config, then from the
    // scenario's own driver overrides, read by the staffing engine's rules.
    const fromScenario = scenarioStaffingParams(project, scenario === 'Base' ? undefined : scenario, year) ?? {};
    const params: Record<string, number> = { ...p.config.staffing_params, ...fromScenario };
    return staffingMetrics({ project, year, enrollment: projectedEnrollmentRows(p, t, enrollmentIndex), params });
  } catch (e) {
    return { error: `staffing metrics for ${p.baseYear + t}: ${(e as Error).message}` };
  }
}
