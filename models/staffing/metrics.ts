import type { Project } from '../project/project';
import type { EnrollmentRow } from '../schema/tables';
import type { StaffingContext } from './context';
import type { StaffingParams } from './params';
import { staffingPlan } from './plan';
import { tidyFte } from './rounding';

/**
 * Staffing and schedule figures for one scenario-year, for the forecast to show beside the budget
 * (agreed API 9). Keys of the role records are role names as the rules (else Positions) spell them.
 */
export interface StaffingMetrics {
  /** FTE in Positions by role: today's staff (the forecast holds positions unless a plan adds or cuts). */
  fteByRole: Record<string, number>;
  /** FTE the staffing rules require for this year's enrollment under the scenario's params. */
  requiredFteByRole: Record<string, number>;
  /** Student seats ÷ sections over every school (homerooms for self-contained schools). */
  avgClassSize: number;
  /** Students counted per required FTE, by ruled role (counselor 250, sped_teacher 15, …). */
  caseloads: Record<string, number>;
  /** Collaboration minutes per teacher per week, weighted by teacher FTE needed. */
  collaborationMinutesPerWeek: number;
  /** Students a teacher sees per day, weighted by teacher FTE needed. */
  teacherLoad: number;
  /** Instructional minutes per year, weighted by students. */
  instructionalMinutesPerYear: number;
  /** Cost of the positions to add (negative: to cut) to meet the rules, at the schedule average (cents). */
  costCents: number;
  /** Further figures: required − actual by role, positions added and cut, the required staff's cost. */
  gapFteByRole: Record<string, number>;
  caseloadsAtActual: Record<string, number>;
  positionsAddedFte: number;
  positionsCutFte: number;
  requiredCostCents: number;
  sections: number;
  students: number;
}

/**
 * Agreed API 9: staffing metrics for one year's enrollment under scenario params (names in
 * ./params.ts: ratio_scale, class_size_delta, class_size_cap, periods_per_day, teaching_periods,
 * collaboration_minutes_per_week, collaboration_minutes_delta, instructional_days, minutes_per_day,
 * salary_scale, benefits_rate, ratio_scale_<role>). Unknown params are ignored.
 */
export function staffingMetrics(input: { project: Project; year: number; enrollment: EnrollmentRow[]; params?: Record<string, number>; ctx?: StaffingContext }): StaffingMetrics {
  const plan = staffingPlan({ project: input.project, year: input.year, enrollment: input.enrollment, params: input.params as StaffingParams | undefined, ...(input.ctx ? { ctx: input.ctx } : {}) });

  const requiredFteByRole = rec();
  const gapFteByRole = rec();
  const caseloads = rec();
  const caseloadsAtActual = rec();
  for (const r of plan.byRole) {
    requiredFteByRole[r.role] = r.required_fte;
    gapFteByRole[r.role] = r.gap_fte;
  }
  // Caseload: students counted by a role's rules ÷ its FTE (site basis roles have no caseload).
  const counted = new Map<string, number>();
  for (const row of plan.sites) {
    if (row.rules.some((x) => x.basis === 'site')) continue;
    counted.set(row.role, (counted.get(row.role) ?? 0) + row.counted);
  }
  for (const r of plan.byRole) {
    const n = counted.get(r.role);
    if (n === undefined || n <= 0) continue;
    if (r.required_fte > 0) caseloads[r.role] = round2(n / r.required_fte);
    if (r.actual_fte > 0) caseloadsAtActual[r.role] = round2(n / r.actual_fte);
  }

  let seats = 0, sections = 0, students = 0, teacherFte = 0, collab = 0, load = 0, minutes = 0;
  for (const { metrics: m } of plan.schedules) {
    sections += m.sections;
    seats += m.avg_class_size * m.sections;
    students += m.students;
    minutes += m.instructional_minutes_per_year * m.students;
    teacherFte += m.teacher_fte_needed;
    collab += m.collaboration_minutes_per_week * m.teacher_fte_needed;
    load += m.students_per_teacher_per_day * m.teacher_fte_needed;
  }
  const fteByRole = rec();
  for (const [k, v] of Object.entries(plan.fteByRole)) fteByRole[k] = v;
  return {
    fteByRole,
    requiredFteByRole,
    avgClassSize: sections > 0 ? round2(seats / sections) : 0,
    caseloads,
    collaborationMinutesPerWeek: teacherFte > 0 ? round2(collab / teacherFte) : 0,
    teacherLoad: teacherFte > 0 ? round2(load / teacherFte) : 0,
    instructionalMinutesPerYear: students > 0 ? Math.round(minutes / students) : 0,
    costCents: plan.totals.gap_cost_cents_schedule,
    gapFteByRole,
    caseloadsAtActual,
    positionsAddedFte: plan.totals.positions_added_fte,
    positionsCutFte: plan.totals.positions_cut_fte,
    requiredCostCents: plan.totals.required_cost_cents_schedule,
    sections,
    students,
  };
}

function rec(): Record<string, number> {
  return Object.create(null) as Record<string, number>;
}
const round2 = (x: number) => tidyFte(Math.round(x * 100) / 100);
