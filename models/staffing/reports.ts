import type { Project } from '../project/project';
import type { LevelSchedule } from './config';
import { fail, ok } from '../result';
import { staffingContext } from './context';
import { staffingMetrics } from './metrics';
import { scenarioStaffingParams } from './params';
import { defaultStaffingYear, staffingPlan } from './plan';
import { scheduleChangeCoster, type ScheduleChange } from './schedule-change';
import { isPeriodSchedule } from './schedule';
import type { StaffingRule } from './tables';
import { timeStudyReport } from './time';

// The bodies of `steward staffing|schedule|timestudy --json` (everything but `project`, the
// command's own warnings about the file), built in one place so the CLI and the app's engine
// worker print and show the same figures from the same code.

type Defaulted = readonly string[];

/** `staffing --json` without `project`; `warnings` holds the plan's own warnings. */
export function staffingReport(project: Project, defaulted: Defaulted, opts: { scenario?: string; year?: number; target: string }) {
  const year = opts.year ?? defaultStaffingYear(project);
  const scenario = opts.scenario;
  const params = scenarioStaffingParams(project, scenario, year);
  if (params === null) {
    const names = [...new Set(project.scenarios.map((s) => s.scenario))];
    return fail(`no scenario "${scenario}" in ${opts.target}${names.length > 0 ? ` (scenarios: ${names.join(', ')})` : ' (it has no scenarios)'}`);
  }
  const enrollment = project.enrollment.filter((e) => e.year === year);
  if (enrollment.length === 0) return fail(`${opts.target} has no enrollment for ${year}`);
  // One staffing context (rules, schedules, role costs) for the plan and the metrics.
  const ctx = staffingContext(project);
  const plan = staffingPlan({ project, year, enrollment, params, ctx });
  const metrics = staffingMetrics({ project, year, enrollment, params, ctx });
  return ok({
    report: {
      year,
      scenario: scenario ?? null,
      params,
      rules_source: plan.rulesSource,
      preset: plan.rulesSource === 'preset' ? plan.preset : null,
      defaulted_sheets: [...defaulted],
      sites: plan.sites.map((r) => ({
        site_id: r.site_id, site_name: r.site_name, level: r.level, role: r.role,
        required_fte: r.required_fte, actual_fte: r.actual_fte, vacant_fte: r.vacant_fte, gap_fte: r.gap_fte,
        gap_cost_cents_schedule: r.gap_cost_cents_schedule, gap_cost_cents_actual: r.gap_cost_cents_actual,
        gap_funding: r.gap_funding, counted: r.counted, rules: r.rules,
      })),
      by_role: plan.byRole,
      totals: plan.totals,
      metrics,
      warnings: plan.warnings,
    },
    /** The rules the plan staffed by (the StaffingRules sheet, or the preset's), indexed by each line's `rule`. */
    rules: plan.rules as StaffingRule[],
    ctx,
  });
}
export type StaffingReport = Extract<ReturnType<typeof staffingReport>, { ok: true }>['value']['report'];

/** The three changes `schedule` prices for a school: a 90-minute collaboration block, one more period a day, a cap two lower. */
export function standardScheduleChanges(schedule: LevelSchedule): ScheduleChange[] {
  const changes: ScheduleChange[] = [{ kind: 'collaboration_block', minutes_per_week: 90 }];
  if (isPeriodSchedule(schedule)) changes.push({ kind: 'periods', periods_per_day: schedule.periods_per_day + 1 });
  changes.push({ kind: 'class_size_cap', class_size_cap: Math.max(1, schedule.class_size_cap - 2) });
  return changes;
}

/** `schedule --json` without `project` and `warnings`. `extra` prices more changes per school after the standard three. */
export function scheduleReport(project: Project, defaulted: Defaulted, opts: { site?: string; year?: number; target: string; extra?: ScheduleChange[] }) {
  const year = opts.year ?? defaultStaffingYear(project);
  const site = opts.site;
  if (site !== undefined && !project.sites.some((s) => s.site_id === site)) {
    return fail(`no site "${site}" in ${opts.target} (sites: ${project.sites.map((s) => s.site_id).join(', ')})`);
  }
  const plan = staffingPlan({ project, year });
  const rows = plan.schedules.filter((s) => site === undefined || s.site_id === site);
  if (site !== undefined && rows.length === 0) return fail(`site "${site}" has no enrollment in ${year}`);
  const siteById = new Map(project.sites.map((s) => [s.site_id, s]));
  const priceChange = scheduleChangeCoster(project, { year });
  const sites = rows.map(({ site_id, schedule, metrics }) => {
    const changes = [...standardScheduleChanges(schedule), ...(opts.extra ?? [])];
    const costs = changes.map((c) => priceChange(site_id, c)!).map((c) => ({
      change: c.change, assumption: c.assumption, delta_fte: c.delta_fte,
      delta_cost_cents_schedule: c.delta_cost_cents_schedule, delta_cost_cents_actual: c.delta_cost_cents_actual,
      funding: c.funding, instructional_minutes_per_year_change: c.instructional_minutes_per_year_change,
    }));
    const s = siteById.get(site_id);
    const { subjects, fromSheet, ...values } = schedule;
    return { site_id, name: s?.name ?? site_id, level: s?.level ?? '', from_sheet: fromSheet && !defaulted.includes('schedules'), schedule: { ...values, subjects }, metrics, changes: costs };
  });
  return ok({ year, site: site ?? null, defaulted_sheets: [...defaulted], sites });
}
export type ScheduleReport = Extract<ReturnType<typeof scheduleReport>, { ok: true }>['value'];

/** `timestudy --json` without `project` and `warnings`. */
export function timeStudyJson(project: Project, defaulted: Defaulted) {
  return { defaulted_sheets: defaulted.filter((d) => d === 'responsibilities' || d === 'timeStudy'), ...timeStudyReport(project) };
}
export type TimeStudyJson = ReturnType<typeof timeStudyJson>;

/**
 * How a subject's (or school's) seats spread over its sections when classes are filled evenly:
 * `larger` sections of ⌈seats ÷ sections⌉ and the rest one smaller. The engine counts sections from
 * requests and the cap; this is the class-size distribution that count implies.
 */
export function evenClassSizes(seats: number, sections: number): { size: number; sections: number }[] {
  if (sections <= 0 || seats <= 0) return [];
  const whole = Math.round(seats);
  const small = Math.floor(whole / sections);
  const larger = whole - small * sections;
  return [{ size: small + 1, sections: larger }, { size: small, sections: sections - larger }].filter((x) => x.sections > 0);
}
