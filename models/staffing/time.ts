import { apportion } from '../money/apportion';
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
  /** Loaded cost per FTE ÷ (costed week × the role's work weeks). */
  loaded_hourly_cents: Cents;
  /** The role's pay × actual hours ÷ the costed week (the longer of the studied and the standard week); a role's lines and its unrecorded time add to its pay exactly. */
  annual_cost_cents: Cents;
  /** The same at the target hours (0 without a target). */
  target_cost_cents: Cents;
}

export interface TimeReport {
  lines: TimeLine[];
  byFunction: { activity: string; target_hours_per_week: number; actual_hours_per_week: number; annual_cost_cents: Cents; target_cost_cents: Cents; gap_cost_cents: Cents }[];
  /** Study rows that could not be placed (unknown position, no role). */
  problems: { row?: number; message: string }[];
  /** Per role: its pay (loaded cost per FTE × FTE) and how the activity lines and unrecorded time add up to it, to the cent. */
  roles: {
    role: string;
    staff_fte: number;
    loaded_cost_per_fte_cents: Cents;
    pay_cents: Cents;
    work_weeks: number;
    /** Annual work hours ÷ work weeks. */
    standard_hours_per_week: number;
    /** Hours per person the study accounts for (0 when the role was not studied). */
    studied_hours_per_week: number;
    /** The week the pay is spread over: the longer of the two. */
    costed_hours_per_week: number;
    /** Σ annual_cost_cents of the role's lines. */
    activity_cost_cents: Cents;
    /** The standard week's hours the study does not account for; activity + unrecorded = pay. */
    unrecorded_cost_cents: Cents;
  }[];
  settings: { work_weeks_per_year: number; annual_work_hours: number };
}

/**
 * Responsibilities (function → owner role → protected hours per week) against the time study.
 * A role's hours on an activity per person = the hours its observed positions logged on it ÷ the
 * number of its positions observed (someone who logged none counts as 0), plus any role-average
 * rows (no position_id) as they are. Time cost: the role's pay (loaded cost per FTE × its FTE) is
 * spread over its costed week — the longer of the hours studied and its standard week (annual
 * work hours ÷ work weeks; settings annualWorkHours, workWeeksPerYear, per role roleWorkHours and
 * roleWorkWeeks) — so an activity costs pay × hours ÷ costed week, and the role's lines plus its
 * unrecorded time add up to its pay exactly (apportioned to the cent).
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

  // A role's pay is spread over the hours its people work: its activities cost their share of the
  // role's week, so a role's activity costs add to its pay exactly. The week costed is the longer of
  // the studied week and the role's standard week (annual hours ÷ work weeks): a salaried principal
  // working 50 hours is not paid 125% of salary, and a week the study does not fill is reported as
  // unrecorded time, not dropped.
  const baseWeek = cfg.annualWorkHours / cfg.workWeeksPerYear;
  const workHours = new Map(Object.entries(cfg.roleWorkHours).map(([r, h]) => [keyOf(r), h]));
  const workWeeks = new Map(Object.entries(cfg.roleWorkWeeks).map(([r, w]) => [keyOf(r), w]));
  const byRole = new Map<string, string[]>();
  for (const pair of pairs) {
    const [role, act] = pair.split('\u0000') as [string, string];
    let acts = byRole.get(role);
    if (!acts) byRole.set(role, (acts = []));
    acts.push(act);
  }
  const lines: TimeLine[] = [];
  const roles: TimeReport['roles'] = [];
  for (const [role, acts] of [...byRole].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    acts.sort();
    const studied = studiedRoles.has(role);
    const respondents = (observed.get(role)?.size ?? 0) + (avgRows.get(role) ?? 0);
    const staff = fteByRole.get(role) ?? respondents;
    const hours = workHours.get(role) ?? cfg.annualWorkHours;
    const weeks = workWeeks.get(role) ?? (workHours.has(role) ? hours / baseWeek : cfg.workWeeksPerYear);
    const standardWeek = hours / weeks;
    const total = studied ? totalPerPerson.get(role) ?? 0 : 0;
    const costedWeek = Math.max(total, standardWeek);
    const perFte = costs.actualAverage('', role);
    const pay = dollarsToCents((perFte * staff) / 100);
    const actualOf = (act: string) => (studied ? perPerson(role, act) : 0);
    const parts = apportion(pay, [...acts.map((a) => actualOf(a) / costedWeek), (costedWeek - total) / costedWeek]);
    const hourly = asCents(Math.round(perFte / (costedWeek * weeks)));
    acts.forEach((act, i) => {
      const target = targets.get(`${role}\u0000${act}`);
      const actual = actualOf(act);
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
        annual_cost_cents: parts[i]!,
        target_cost_cents: dollarsToCents(((target ?? 0) / costedWeek) * pay / 100),
      });
    });
    const unrecorded = parts[acts.length]!;
    roles.push({
      role: names.get(role) ?? role, staff_fte: tidyFte(staff), loaded_cost_per_fte_cents: perFte, pay_cents: pay, work_weeks: tidyFte(weeks),
      standard_hours_per_week: tidyFte(standardWeek), studied_hours_per_week: tidyFte(total), costed_hours_per_week: tidyFte(costedWeek),
      activity_cost_cents: asCents(pay - unrecorded), unrecorded_cost_cents: unrecorded,
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
    roles,
    settings: { work_weeks_per_year: cfg.workWeeksPerYear, annual_work_hours: cfg.annualWorkHours },
  };
}
