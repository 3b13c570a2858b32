import { asCents, dollarsToCents, type Cents } from '../money/cents';
import type { Project } from '../project/project';
import { activityKeyer } from './activities';
import { staffingContext } from './context';
import type { StaffingParams } from './params';
import { tidyFte } from './rounding';

/** District functions practice 15 asks leaders to build into roles and schedules (the Responsibilities sheet may add more). */
export const DISTRICT_FUNCTIONS = {
  program_design: 'Program design and planning',
  pilots: 'Pilot implementation',
  monitoring_data_review: 'Monitoring and data review',
  feedback: 'Providing feedback',
  communication: 'Communication',
  culture: 'Culture building',
  systems_work: 'Systems implementation',
} as const;

export interface TimeLine {
  role: string;
  activity: string;
  /** Protected hours per week per person from Responsibilities (null: not a protected function of the role). */
  target_hours_per_week: number | null;
  /** Hours per week per person from the time study. */
  actual_hours_per_week: number;
  /** actual − target (null without a target). */
  gap_hours_per_week: number | null;
  status: 'met' | 'short' | 'not_studied' | 'no_target';
  /** Share of the role's studied hours that went to this activity. */
  share_of_time: number;
  /** People the study heard from in the role (positions, or 1 per role-average row). */
  respondents: number;
  /** FTE in the role (Positions), or respondents when the role has no positions. */
  staff_fte: number;
  loaded_hourly_cents: Cents;
  /** actual hours × work weeks × loaded hourly cost × staff FTE. */
  annual_cost_cents: Cents;
  /** The same at the target hours (0 without a target). */
  target_cost_cents: Cents;
}

export interface TimeReport {
  lines: TimeLine[];
  byFunction: { activity: string; target_hours_per_week: number; actual_hours_per_week: number; annual_cost_cents: Cents; target_cost_cents: Cents; gap_cost_cents: Cents }[];
  /** Study rows that could not be placed (unknown position, no role). */
  problems: { row?: number; message: string }[];
  settings: { work_weeks_per_year: number; annual_work_hours: number };
}

/**
 * Responsibilities (function → owner role → protected hours per week) against the time study.
 * A role's hours on an activity per person = the hours its observed positions logged on it ÷ the
 * number of its positions observed (someone who logged none counts as 0), plus any role-average
 * rows (no position_id) as they are. Time cost = hours × work weeks × loaded hourly cost ×
 * the role's FTE, where loaded hourly cost = the role's loaded cost per FTE (salary + benefits) ÷
 * annual work hours (settings: annualWorkHours, per-role roleWorkHours).
 */
export function timeStudyReport(project: Project, params?: StaffingParams): TimeReport {
  const ctx = staffingContext(project);
  const { cfg, keyOf } = ctx;
  const actKey = activityKeyer(cfg);
  const costs = ctx.costs(params);
  const positionRole = new Map(project.positions.map((p) => [p.position_id, p.role]));
  const fteByRole = new Map<string, number>();
  const names = new Map<string, string>();
  for (const r of project.responsibilities) if (!names.has(keyOf(r.owner_role))) names.set(keyOf(r.owner_role), r.owner_role);
  for (const p of project.positions) {
    const k = keyOf(p.role);
    fteByRole.set(k, (fteByRole.get(k) ?? 0) + p.fte);
    if (!names.has(k)) names.set(k, p.role);
  }
  const actNames = new Map<string, string>();
  for (const r of project.responsibilities) if (!actNames.has(actKey(r.function))) actNames.set(actKey(r.function), r.function);

  const problems: TimeReport['problems'] = [];
  // role → activity → summed hours from position rows; role → observed positions; role → activity → role-average hours.
  const posHours = new Map<string, Map<string, number>>();
  const observed = new Map<string, Set<string>>();
  const avgHours = new Map<string, Map<string, number>>();
  const avgRows = new Map<string, number>();
  const bump = (m: Map<string, Map<string, number>>, role: string, act: string, h: number) => {
    let inner = m.get(role);
    if (!inner) m.set(role, (inner = new Map()));
    inner.set(act, (inner.get(act) ?? 0) + h);
  };
  for (const row of project.timeStudy) {
    const act = actKey(row.activity);
    if (!actNames.has(act)) actNames.set(act, row.activity);
    const posId = row.position_id?.trim();
    if (posId) {
      const role = row.role ?? positionRole.get(posId);
      if (!role) {
        problems.push({ row: row.src?.row, message: `position ${posId} is not in Positions and the row has no role` });
        continue;
      }
      const k = keyOf(role);
      if (!names.has(k)) names.set(k, role);
      bump(posHours, k, act, row.hours_per_week);
      let set = observed.get(k);
      if (!set) observed.set(k, (set = new Set()));
      set.add(posId);
    } else if (row.role) {
      const k = keyOf(row.role);
      if (!names.has(k)) names.set(k, row.role);
      bump(avgHours, k, act, row.hours_per_week);
      avgRows.set(k, 1);
    } else {
      problems.push({ row: row.src?.row, message: 'a time-study row needs a role or a position_id' });
    }
  }

  const targets = new Map<string, number>();
  for (const r of project.responsibilities) {
    const k = `${keyOf(r.owner_role)}\u0000${actKey(r.function)}`;
    targets.set(k, (targets.get(k) ?? 0) + r.protected_hours_per_week);
  }
  const studiedRoles = new Set([...observed.keys(), ...avgHours.keys()]);
  const pairs = new Set<string>(targets.keys());
  for (const role of studiedRoles) {
    for (const act of posHours.get(role)?.keys() ?? []) pairs.add(`${role}\u0000${act}`);
    for (const act of avgHours.get(role)?.keys() ?? []) pairs.add(`${role}\u0000${act}`);
  }

  const perPerson = (role: string, act: string): number => {
    const n = observed.get(role)?.size ?? 0;
    const fromPositions = n > 0 ? (posHours.get(role)?.get(act) ?? 0) / n : 0;
    return fromPositions + (avgHours.get(role)?.get(act) ?? 0);
  };
  const totalPerPerson = new Map<string, number>();
  for (const role of studiedRoles) {
    const acts = new Set([...(posHours.get(role)?.keys() ?? []), ...(avgHours.get(role)?.keys() ?? [])]);
    let t = 0;
    for (const a of acts) t += perPerson(role, a);
    totalPerPerson.set(role, t);
  }

  const weeks = cfg.workWeeksPerYear;
  const workHours = new Map(Object.entries(cfg.roleWorkHours).map(([r, h]) => [keyOf(r), h]));
  const lines: TimeLine[] = [];
  for (const pair of pairs) {
    const [role, act] = pair.split('\u0000') as [string, string];
    const target = targets.get(pair);
    const studied = studiedRoles.has(role);
    const actual = studied ? perPerson(role, act) : 0;
    const respondents = (observed.get(role)?.size ?? 0) + (avgRows.get(role) ?? 0);
    const staff = fteByRole.get(role) ?? respondents;
    const hours = workHours.get(role) ?? cfg.annualWorkHours;
    const hourly = asCents(Math.round(costs.actualAverage('', role) / hours));
    const cost = (h: number) => dollarsToCents((h * weeks * hourly * staff) / 100);
    const total = totalPerPerson.get(role) ?? 0;
    lines.push({
      role: names.get(role) ?? role,
      activity: actNames.get(act) ?? act,
      target_hours_per_week: target ?? null,
      actual_hours_per_week: tidyFte(actual),
      gap_hours_per_week: target === undefined ? null : tidyFte(actual - target),
      status: !studied ? 'not_studied' : target === undefined ? 'no_target' : actual + 1e-9 >= target ? 'met' : 'short',
      share_of_time: total > 0 ? tidyFte(actual / total) : 0,
      respondents,
      staff_fte: tidyFte(staff),
      loaded_hourly_cents: hourly,
      annual_cost_cents: cost(actual),
      target_cost_cents: cost(target ?? 0),
    });
  }
  lines.sort((a, b) => a.role.localeCompare(b.role) || a.activity.localeCompare(b.activity));

  const fn = new Map<string, TimeReport['byFunction'][number]>();
  for (const l of lines) {
    const k = actKey(l.activity);
    let e = fn.get(k);
    if (!e) fn.set(k, (e = { activity: l.activity, target_hours_per_week: 0, actual_hours_per_week: 0, annual_cost_cents: asCents(0), target_cost_cents: asCents(0), gap_cost_cents: asCents(0) }));
    // Hours here are person-hours per week across the role's staff (per-person hours × staff FTE).
    e.target_hours_per_week = tidyFte(e.target_hours_per_week + (l.target_hours_per_week ?? 0) * l.staff_fte);
    e.actual_hours_per_week = tidyFte(e.actual_hours_per_week + l.actual_hours_per_week * l.staff_fte);
    e.annual_cost_cents = asCents(e.annual_cost_cents + l.annual_cost_cents);
    e.target_cost_cents = asCents(e.target_cost_cents + l.target_cost_cents);
    e.gap_cost_cents = asCents(e.annual_cost_cents - e.target_cost_cents);
  }
  return {
    lines,
    byFunction: [...fn.values()].sort((a, b) => b.annual_cost_cents - a.annual_cost_cents || a.activity.localeCompare(b.activity)),
    problems,
    settings: { work_weeks_per_year: weeks, annual_work_hours: cfg.annualWorkHours },
  };
}
