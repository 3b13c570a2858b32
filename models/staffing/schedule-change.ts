import { apportion } from '../money/apportion';
import type { Cents } from '../money/cents';
import type { Project } from '../project/project';
import type { CollaborationCoverage, StaffingConfig } from './config';
import { staffingContext } from './context';
import { fteCost, type RoleCosts } from './costs';
import type { StaffingParams } from './params';
import { defaultStaffingYear } from './plan';
import { tidyFte } from './rounding';
import { collaborationCoverageFte, indexSchedules, isPeriodSchedule, resolveSchedule, scheduleMetrics, weeklyTeachingMinutes, type ScheduleEntry, type ScheduleMetrics, type SiteSchedule } from './schedule';

export { weeklyTeachingMinutes };
import { studentsBySite } from './site-data';

/** A change to one school's schedule whose cost is wanted. */
export type ScheduleChange =
  /** A weekly collaboration block (default 90 minutes), covered as `coverage` says (default: the config's). */
  | { kind: 'collaboration_block'; minutes_per_week?: number; coverage?: CollaborationCoverage }
  /** A new number of periods per day (7 → 8); teaching periods stay unless given. */
  | { kind: 'periods'; periods_per_day: number; teaching_periods?: number }
  /** A new class-size cap. */
  | { kind: 'class_size_cap'; class_size_cap: number }
  /** Any scenario params (see ./params.ts). */
  | { kind: 'params'; params: StaffingParams };

export interface ScheduleChangeCost {
  site_id: string;
  year: number;
  change: ScheduleChange;
  /** What the cost assumes, in words, for the report. */
  assumption: string;
  before: ScheduleMetrics & { schedule: SiteSchedule };
  after: ScheduleMetrics & { schedule: SiteSchedule };
  teacher_fte_before: number;
  teacher_fte_after: number;
  /** Teacher (or coverage) FTE the change adds; negative = fewer. Unrounded: hiring rounds it. */
  delta_fte: number;
  cost_per_fte_cents_schedule: Cents;
  cost_per_fte_cents_actual: Cents;
  delta_cost_cents_schedule: Cents;
  delta_cost_cents_actual: Cents;
  /** delta_cost_cents_schedule split over the teacher role's funding mix at the site. */
  funding: { fund_code: string; share: number; cents: Cents }[];
  instructional_minutes_per_year_change: number;
}

/**
 * The FTE and dollar cost of a schedule change at one school, for the year's enrollment.
 *
 * A collaboration block of M minutes a week for every teacher is paid for one of three ways
 * (`coverage`, default the config's collaborationCoverage):
 * - specials: other staff (specials, extra teachers) teach each class during the block; added FTE =
 *   teacher FTE × M ÷ W, where W is one teacher's weekly teaching minutes (period schedule:
 *   teaching periods × minutes per period × 5; self-contained: (minutes per day − planning
 *   periods × minutes per period) × 5);
 * - reduce_teaching: the block comes out of each teacher's teaching time, so the same classes need
 *   teacher FTE × W ÷ (W − M): added FTE = teacher FTE × M ÷ (W − M);
 * - banked_time: students are released (late start / early release): no FTE, and instructional
 *   minutes per year fall by M × instructional days ÷ 5.
 * Period and class-size changes recompute sections and teacher FTE (sections ÷ teaching periods).
 * FTE are costed at the teacher role's loaded cost per FTE (schedule average and actual).
 */
export function scheduleChangeCost(project: Project, site: string, change: ScheduleChange, opts: { year?: number; params?: StaffingParams } = {}): ScheduleChangeCost | null {
  return scheduleChangeCoster(project, opts)(site, change);
}

/**
 * scheduleChangeCost for many sites and changes: students, schedules and role costs are prepared
 * once (a 500-school district's three standard changes would otherwise re-read every position
 * 1,500 times).
 */
export function scheduleChangeCoster(project: Project, opts: { year?: number; params?: StaffingParams } = {}): (site: string, change: ScheduleChange) => ScheduleChangeCost | null {
  const ctx = staffingContext(project);
  const { cfg, keyOf } = ctx;
  const year = opts.year ?? defaultStaffingYear(project);
  const studentsAll = studentsBySite(project.enrollment, year, project.studentNeeds, project.enrollment);
  const schedIndex = indexSchedules(ctx.scheduleRows);
  const sites = new Map(project.sites.map((s) => [s.site_id, s]));
  const costs = ctx.costs(opts.params);
  const teacherKey = keyOf(cfg.teacherRole);
  return (site, change) => {
    const siteRow = sites.get(site);
    if (!siteRow) return null;
    return priceChange({ cfg, costs, teacherKey, year, site, level: siteRow.level, change, params: opts.params,
      byGrade: studentsAll.get(site)?.byGrade ?? new Map<string, number>(), entry: schedIndex.get(site) });
  };
}

function priceChange(ctx: {
  cfg: StaffingConfig; costs: RoleCosts; teacherKey: string; year: number; site: string; level: string; change: ScheduleChange;
  params: StaffingParams | undefined; byGrade: ReadonlyMap<string, number>; entry: ScheduleEntry | undefined;
}): ScheduleChangeCost {
  const { cfg, costs, teacherKey, year, site, change, byGrade, entry } = ctx;
  const base = ctx.params ?? {};
  const beforeSchedule = resolveSchedule(cfg, ctx.level, entry, base);
  const before = scheduleMetrics(beforeSchedule, byGrade);

  let afterSchedule: SiteSchedule;
  let after: ScheduleMetrics;
  let deltaFte: number;
  let minutesChange = 0;
  let assumption: string;
  if (change.kind === 'collaboration_block') {
    const m = change.minutes_per_week ?? 90;
    const coverage = change.coverage ?? cfg.collaborationCoverage;
    afterSchedule = { ...beforeSchedule, collaboration_minutes_per_week: beforeSchedule.collaboration_minutes_per_week + m };
    after = scheduleMetrics(afterSchedule, byGrade);
    const w = weeklyTeachingMinutes(beforeSchedule);
    deltaFte = collaborationCoverageFte(before.teacher_fte_needed, m, w, coverage);
    if (coverage === 'specials') {
      assumption = `A ${m}-minute weekly block for ${before.teacher_fte_needed} teacher FTE, each class covered by specials or added staff who teach ${w} minutes a week: ${before.teacher_fte_needed} × ${m} ÷ ${w}`;
    } else if (coverage === 'reduce_teaching') {
      assumption = `A ${m}-minute weekly block taken from teaching time (${w} → ${w - m} minutes a week), the same classes still taught: ${before.teacher_fte_needed} × ${m} ÷ (${w} − ${m})`;
    } else {
      minutesChange = -(m * beforeSchedule.instructional_days) / 5;
      after = { ...after, instructional_minutes_per_year: tidyFte(after.instructional_minutes_per_year + minutesChange) };
      assumption = `A ${m}-minute weekly block banked from student time (late start or early release): no added staff; students lose ${m} × ${beforeSchedule.instructional_days} ÷ 5 minutes a year`;
    }
    after = { ...after, teacher_fte_needed: tidyFte(before.teacher_fte_needed + deltaFte) };
  } else {
    const params: StaffingParams = { ...base };
    if (change.kind === 'periods') {
      params.periods_per_day = change.periods_per_day;
      if (change.teaching_periods !== undefined) params.teaching_periods = change.teaching_periods;
      assumption = isPeriodSchedule(beforeSchedule)
        ? `${beforeSchedule.periods_per_day} → ${change.periods_per_day} periods in the same day; students take a course every period; teachers teach ${change.teaching_periods ?? beforeSchedule.teaching_periods} periods`
        : 'The school has self-contained classrooms: periods do not change its staffing';
    } else if (change.kind === 'class_size_cap') {
      params.class_size_cap = change.class_size_cap;
      assumption = `Class-size cap ${beforeSchedule.class_size_cap} → ${change.class_size_cap}; sections re-counted`;
    } else {
      Object.assign(params, change.params);
      assumption = `Scenario params: ${Object.entries(change.params).map(([k, v]) => `${k}=${v}`).join(', ')}`;
    }
    afterSchedule = resolveSchedule(cfg, ctx.level, entry, params);
    after = scheduleMetrics(afterSchedule, byGrade);
    deltaFte = after.teacher_fte_needed - before.teacher_fte_needed;
    minutesChange = after.instructional_minutes_per_year - before.instructional_minutes_per_year;
  }

  const perSched = costs.scheduleAverage(teacherKey);
  const perActual = costs.actualAverage(site, teacherKey);
  const delta = tidyFte(deltaFte);
  const costSched = fteCost(delta, perSched);
  const mix = costs.fundingMix(site, teacherKey);
  const split = apportion(costSched, mix.map((m) => m.share));
  return {
    site_id: site, year, change, assumption,
    before: { ...before, schedule: beforeSchedule },
    after: { ...after, schedule: afterSchedule },
    teacher_fte_before: before.teacher_fte_needed,
    teacher_fte_after: tidyFte(before.teacher_fte_needed + delta),
    delta_fte: delta,
    cost_per_fte_cents_schedule: perSched,
    cost_per_fte_cents_actual: perActual,
    delta_cost_cents_schedule: costSched,
    delta_cost_cents_actual: fteCost(delta, perActual),
    funding: mix.map((m, i) => ({ fund_code: m.fund_code, share: tidyFte(m.share), cents: split[i]! })),
    instructional_minutes_per_year_change: tidyFte(minutesChange),
  };
}
