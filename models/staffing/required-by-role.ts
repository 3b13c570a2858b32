import type { Project } from '../project/project';
import type { EnrollmentRow } from '../schema/tables';
import { staffingContext, type StaffingContext } from './context';
import type { StaffingParams } from './params';
import { requiredFte } from './required';
import { tidyFte } from './rounding';
import { studentsBySite } from './site-data';

/**
 * Required FTE by role key for one year's enrollment under scenario params: the byRole.required_fte
 * of staffingPlan without the gaps, costs and rows around it (the forecast asks for this in every
 * scenario-year that moves a staffing parameter). Summed in the plan's order — each site's cell
 * tidied, then the role's total — so the two agree exactly.
 */
export function requiredFteByRoleKey(project: Project, year: number, enrollment: readonly EnrollmentRow[], params?: StaffingParams, ctx: StaffingContext = staffingContext(project)): Map<string, number> {
  const students = studentsBySite(enrollment, year, project.studentNeeds, project.enrollment);
  const { lines } = requiredFte({ sites: project.sites, students, rules: ctx.rules, cfg: ctx.cfg, keyOf: ctx.keyOf, params, scheduleRows: ctx.scheduleRows });
  const out = new Map<string, number>();
  let i = 0;
  while (i < lines.length) {
    // Lines come site by site; within a site, sum each role's lines into one cell.
    const site = lines[i]!.site_id;
    const cell = new Map<string, number>();
    for (; i < lines.length && lines[i]!.site_id === site; i++) cell.set(lines[i]!.role_key, (cell.get(lines[i]!.role_key) ?? 0) + lines[i]!.required_fte);
    for (const [k, v] of cell) out.set(k, tidyFte((out.get(k) ?? 0) + tidyFte(v)));
  }
  return out;
}
