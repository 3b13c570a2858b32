import { forecastProject } from '../../../models/forecast/forecast';
import { apportion } from '../../../models/money/apportion';
import type { Cents } from '../../../models/money/cents';
import type { Project } from '../../../models/project/project';
import { fteCost } from '../../../models/staffing/costs';
import { withStaffingDefaults } from '../../../models/staffing/defaults';
import { evenClassSizes, scheduleReport, staffingReport, timeStudyJson, type ScheduleReport, type StaffingReport, type TimeStudyJson } from '../../../models/staffing/reports';
import type { ScheduleChange } from '../../../models/staffing/schedule-change';
import type { StaffingRule } from '../../../models/staffing/tables';

// The Staffing screen's figures: `steward staffing|schedule|timestudy --json` on the version on
// screen (the same model calls, models/staffing/reports.ts, on the project with the same
// illustrative sheets filled in), plus what the screen shows beside them — the positions with
// their fund shares, the class sizes a section count implies, and each scenario's staff by year.

/** One position at a site with its loaded cost (per-FTE cost × FTE) split over its funds. */
export interface PositionLine {
  position_id: string;
  site_id: string;
  role: string;
  fte: number;
  status: 'filled' | 'vacant';
  /** null when no salary could be found for it. */
  cost_cents: Cents | null;
  funding: { fund_code: string; share: number; cents: Cents }[];
}

export interface StaffingView {
  /** `steward staffing --json` without `project`; `warnings` are the plan's. */
  report: StaffingReport;
  /** The rules the plan staffed by, indexed by each line's `rule`. */
  rules: StaffingRule[];
  /** true when the rules are the project's StaffingRules sheet (else the preset's, copied in on the first edit). */
  ownRules: boolean;
  positions: PositionLine[];
}

/** `steward schedule --json` without `project` and `warnings`, and the even class sizes each section count implies. */
export interface ScheduleView {
  report: ScheduleReport;
  classSizes: { site_id: string; subject: string | null; sizes: { size: number; sections: number }[] }[];
}

/** Each scenario's staff, year by year, from the forecast engine (`steward forecast --all --staffing --json`). */
export interface ScenarioStaffing {
  scenarios: { name: string; error?: string; years: { year: number; fte: number; positions_added_fte: number; positions_cut_fte: number; staffing_change_fte: number; fte_by_role: Record<string, number> }[] }[];
}

const staffed = (project: Project) => withStaffingDefaults(project);

export function runStaffing(project: Project, scenario: string | undefined): StaffingView {
  const { project: p, defaulted } = staffed(project);
  const built = staffingReport(p, defaulted, { scenario, target: 'the project' });
  if (!built.ok) throw new Error(built.reason);
  const costs = built.value.ctx.costs();
  const positions = p.positions.map((x): PositionLine => {
    const perFte = costs.positionCost(x);
    const cost = perFte === null ? null : fteCost(x.fte, perFte);
    const funding = x.funding.length > 0 ? x.funding : [{ fund_code: 'GEN', share: 1 }];
    const parts = cost === null ? funding.map(() => 0 as Cents) : apportion(cost, funding.map((f) => f.share));
    return { position_id: x.position_id, site_id: x.site_id, role: x.role, fte: x.fte, status: x.status, cost_cents: cost, funding: funding.map((f, i) => ({ fund_code: f.fund_code, share: f.share, cents: parts[i]! })) };
  });
  return { report: built.value.report, rules: built.value.rules, ownRules: built.value.report.rules_source === 'project', positions };
}

export function runSchedule(project: Project, site: string | undefined, extra: ScheduleChange[] | undefined): ScheduleView {
  const { project: p, defaulted } = staffed(project);
  const built = scheduleReport(p, defaulted, { site, target: 'the project', extra });
  if (!built.ok) throw new Error(built.reason);
  const classSizes = built.value.sites.flatMap((s): ScheduleView['classSizes'] => {
    if (!s.metrics.period_schedule) return [];
    if (s.metrics.subjects.length === 0) return [{ site_id: s.site_id, subject: null, sizes: evenClassSizes(s.metrics.students * s.schedule.course_requests_per_student, s.metrics.sections) }];
    return s.metrics.subjects.map((x) => ({ site_id: s.site_id, subject: x.subject, sizes: evenClassSizes(x.requests, x.sections) }));
  });
  return { report: built.value, classSizes };
}

export function runTimeStudy(project: Project): TimeStudyJson {
  const { project: p, defaulted } = staffed(project);
  return timeStudyJson(p, defaulted);
}

export function runScenarioStaffing(project: Project): ScenarioStaffing {
  const r = forecastProject(project, { scenarios: 'all', staffing: true });
  if (!r.ok) throw new Error(r.reason);
  return {
    scenarios: r.value.scenarios.map((s) => ({
      name: s.name,
      ...(s.error ? { error: s.error } : {}),
      years: s.years.map((y) => ({ year: y.year, fte: y.fte, positions_added_fte: y.positions_added_fte, positions_cut_fte: y.positions_cut_fte, staffing_change_fte: y.staffing_change_fte, fte_by_role: y.fte_by_role ?? {} })),
    })),
  };
}
