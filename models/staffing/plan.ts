import { apportion } from '../money/apportion';
import { asCents, type Cents } from '../money/cents';
import type { Project } from '../project/project';
import type { EnrollmentRow } from '../schema/tables';
import { staffingContext, type StaffingContext } from './context';
import { fteCost } from './costs';
import type { StaffingParams } from './params';
import { requiredFte, type RequiredLine } from './required';
import { tidyFte } from './rounding';
import type { ScheduleMetrics, SiteSchedule } from './schedule';
import { needKey, studentsBySite, type SiteStudents } from './site-data';
import type { StaffingRule } from './tables';

/** Required against actual FTE of one role at one site, and what closing the gap costs. */
export interface StaffingGapRow {
  site_id: string;
  site_name: string;
  level: string;
  role: string;
  required_fte: number;
  /** Budgeted FTE in Positions, vacant positions included (they are budgeted; vacant_fte says how many). */
  actual_fte: number;
  vacant_fte: number;
  /** required − actual: positive = positions to add, negative = over the rules. */
  gap_fte: number;
  /** gap × the role's loaded cost per FTE at the schedule average (cents; negative = saving). */
  gap_cost_cents_schedule: Cents;
  /** gap × the loaded cost per FTE of the role's actual salaries at the site (cents). */
  gap_cost_cents_actual: Cents;
  /** The gap cost split over the role's funding mix at the site, so split-funded roles keep their splits. */
  gap_funding: { fund_code: string; share: number; cents_schedule: Cents; cents_actual: Cents }[];
  /** Students the rules counted (for caseload roles: the subgroup). */
  counted: number;
  rules: { rule: number; basis: RequiredLine['basis']; counted: number; ratio: number | null; high_poverty: boolean; raw_fte: number; required_fte: number }[];
}

export interface StaffingPlan {
  year: number;
  rulesSource: 'project' | 'preset';
  preset: string;
  rules: StaffingRule[];
  sites: StaffingGapRow[];
  byRole: { role: string; required_fte: number; actual_fte: number; gap_fte: number; gap_cost_cents_schedule: Cents; gap_cost_cents_actual: Cents; cost_per_fte_cents_schedule: Cents }[];
  /** FTE of every role in Positions (ruled or not), by role name as first written. */
  fteByRole: Record<string, number>;
  schedules: { site_id: string; schedule: SiteSchedule; metrics: ScheduleMetrics }[];
  totals: { required_fte: number; actual_fte: number; gap_fte: number; positions_added_fte: number; positions_cut_fte: number; gap_cost_cents_schedule: Cents; gap_cost_cents_actual: Cents; required_cost_cents_schedule: Cents };
  /** Rules that could not apply as written, roles with no salary to cost them at: worth fixing in the workbook. */
  warnings: string[];
}

export interface StaffingPlanInput {
  project: Project;
  /** Year staffed; default the project's base year (or the latest enrollment year when it has none). */
  year?: number;
  /** Enrollment to staff (e.g. a forecast year's projection); default the project's rows for `year`. */
  enrollment?: readonly EnrollmentRow[];
  params?: StaffingParams;
  /** The run's staffing context (models/staffing/context.ts); made from the project when not given. */
  ctx?: StaffingContext;
}

/** The enrollment year the CLI staffs by default: the base year if it has enrollment, else the latest. */
export function defaultStaffingYear(project: Project): number {
  const base = project.settings.base_year;
  let latest = -Infinity;
  let hasBase = false;
  for (const r of project.enrollment) {
    if (r.year === base) hasBase = true;
    if (r.year > latest) latest = r.year;
  }
  return hasBase || latest === -Infinity ? base : latest;
}

/**
 * Staffing rules → required FTE by site and role, against actual FTE from Positions, with the
 * gap costed at the schedule average and at actual salaries and split over the role's funds.
 * Pure and fast: one pass over enrollment, positions and rules.
 */
export function staffingPlan(input: StaffingPlanInput): StaffingPlan {
  const { project, params } = input;
  const ctx = input.ctx ?? staffingContext(project);
  const { cfg, keyOf, rules, rulesSource: source } = ctx;
  const year = input.year ?? defaultStaffingYear(project);
  const students = studentsBySite(input.enrollment ?? project.enrollment, year, project.studentNeeds, project.enrollment);
  const required = requiredFte({ sites: project.sites, students, rules, cfg, keyOf, params, scheduleRows: ctx.scheduleRows });
  const costs = ctx.costs(params);

  // Display names: a rule's spelling first, else the first spelling seen in Positions.
  const names = new Map<string, string>();
  for (const r of rules) if (!names.has(keyOf(r.role))) names.set(keyOf(r.role), r.role);
  const ruled = new Set(names.keys());

  // site → role key → { actual FTE, rule lines }: nested maps, no string keys to build per position.
  type Cell = { actual: number; vacant: number; lines: RequiredLine[] };
  const cells = new Map<string, Map<string, Cell>>();
  const cellOf = (site: string, role: string): Cell => {
    let bySite = cells.get(site);
    if (!bySite) cells.set(site, (bySite = new Map()));
    let c = bySite.get(role);
    if (!c) bySite.set(role, (c = { actual: 0, vacant: 0, lines: [] }));
    return c;
  };
  for (const l of required.lines) cellOf(l.site_id, l.role_key).lines.push(l);
  const held = ctx.positions;
  for (const [k, name] of held.nameByKey) if (!names.has(k)) names.set(k, name);
  for (const [siteId, byRole] of held.bySite) for (const [k, h] of byRole) {
    if (!ruled.has(k)) continue;
    const c = cellOf(siteId, k);
    c.actual = h.actual;
    c.vacant = h.vacant;
  }
  const fteByRole: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [k, v] of held.fteByKey) fteByRole[names.get(k)!] = tidyFte(v);

  const siteById = new Map(project.sites.map((s) => [s.site_id, s]));
  const siteOrder = new Map(project.sites.map((s, i) => [s.site_id, i]));
  const roleOrder = new Map([...ruled].map((k, i) => [k, i]));

  const rows: StaffingGapRow[] = [];
  for (const [siteId, byRole] of cells) for (const [roleKey, cell] of byRole) {
    const lines = cell.lines;
    const req = tidyFte(lines.reduce((a, l) => a + l.required_fte, 0));
    const act = tidyFte(cell.actual);
    const gap = tidyFte(req - act);
    const schedCost = fteCost(gap, costs.scheduleAverage(roleKey));
    const actCost = fteCost(gap, costs.actualAverage(siteId, roleKey));
    const mix = costs.fundingMix(siteId, roleKey);
    const single = mix.length === 1;
    const splitSched = single ? [schedCost] : apportion(schedCost, mix.map((m) => m.share));
    const splitAct = single ? [actCost] : apportion(actCost, mix.map((m) => m.share));
    const site = siteById.get(siteId);
    rows.push({
      site_id: siteId, site_name: site?.name ?? siteId, level: site?.level ?? '', role: names.get(roleKey) ?? roleKey,
      required_fte: req, actual_fte: act, vacant_fte: tidyFte(cell.vacant), gap_fte: gap,
      gap_cost_cents_schedule: schedCost, gap_cost_cents_actual: actCost,
      gap_funding: mix.map((m, i) => ({ fund_code: m.fund_code, share: tidyFte(m.share), cents_schedule: splitSched[i]!, cents_actual: splitAct[i]! })),
      counted: lines.length > 0 ? Math.max(...lines.map((l) => l.counted)) : 0,
      rules: lines.map((l) => ({ rule: l.rule, basis: l.basis, counted: l.counted, ratio: l.ratio, high_poverty: l.high_poverty, raw_fte: l.raw_fte, required_fte: l.required_fte })),
    });
  }
  // Sites in the Sites sheet's order, roles in the rules' order (plain comparisons: localeCompare is slow).
  rows.sort((a, b) => (siteOrder.get(a.site_id) ?? 1e9) - (siteOrder.get(b.site_id) ?? 1e9) || (a.site_id < b.site_id ? -1 : a.site_id > b.site_id ? 1 : 0)
    || (roleOrder.get(keyOf(a.role)) ?? 1e9) - (roleOrder.get(keyOf(b.role)) ?? 1e9));

  const byRoleMap = new Map<string, StaffingPlan['byRole'][number]>();
  for (const r of rows) {
    const k = keyOf(r.role);
    let e = byRoleMap.get(k);
    if (!e) byRoleMap.set(k, (e = { role: r.role, required_fte: 0, actual_fte: 0, gap_fte: 0, gap_cost_cents_schedule: asCents(0), gap_cost_cents_actual: asCents(0), cost_per_fte_cents_schedule: costs.scheduleAverage(k) }));
    e.required_fte = tidyFte(e.required_fte + r.required_fte);
    e.actual_fte = tidyFte(e.actual_fte + r.actual_fte);
    e.gap_fte = tidyFte(e.gap_fte + r.gap_fte);
    e.gap_cost_cents_schedule = asCents(e.gap_cost_cents_schedule + r.gap_cost_cents_schedule);
    e.gap_cost_cents_actual = asCents(e.gap_cost_cents_actual + r.gap_cost_cents_actual);
  }
  let requiredCost = 0;
  for (const [k, e] of byRoleMap) requiredCost += fteCost(e.required_fte, costs.scheduleAverage(k));
  const byRole = [...byRoleMap.values()].sort((a, b) => (roleOrder.get(keyOf(a.role)) ?? 1e9) - (roleOrder.get(keyOf(b.role)) ?? 1e9));
  const totals = {
    required_fte: tidyFte(rows.reduce((a, r) => a + r.required_fte, 0)),
    actual_fte: tidyFte(rows.reduce((a, r) => a + r.actual_fte, 0)),
    gap_fte: tidyFte(rows.reduce((a, r) => a + r.gap_fte, 0)),
    positions_added_fte: tidyFte(rows.reduce((a, r) => a + Math.max(0, r.gap_fte), 0)),
    positions_cut_fte: tidyFte(rows.reduce((a, r) => a + Math.max(0, -r.gap_fte), 0)),
    gap_cost_cents_schedule: asCents(rows.reduce((a, r) => a + r.gap_cost_cents_schedule, 0)),
    gap_cost_cents_actual: asCents(rows.reduce((a, r) => a + r.gap_cost_cents_actual, 0)),
    required_cost_cents_schedule: asCents(requiredCost),
  };
  return {
    year, rulesSource: source, preset: cfg.preset, rules, sites: rows, byRole, fteByRole,
    warnings: planWarnings(rules, students, byRole, source),
    schedules: [...required.schedules].map(([site_id, s]) => ({ site_id, ...s })),
    totals,
  };
}

function planWarnings(rules: readonly StaffingRule[], students: ReadonlyMap<string, SiteStudents>, byRole: StaffingPlan['byRole'], source: 'project' | 'preset'): string[] {
  const out: string[] = [];
  const where = (i: number) => (source === 'project' ? `StaffingRules row ${rules[i]!.src?.row ?? i + 2}` : `preset rule ${i + 1}`);
  const needs = new Set<string>();
  for (const st of students.values()) for (const k of st.needs.keys()) needs.add(k);
  rules.forEach((r, i) => {
    if ((r.basis === 'students' || r.basis === 'grade' || r.basis === 'subgroup') && r.ratio === undefined) out.push(`${where(i)} (${r.role}): basis ${r.basis} needs a ratio; the rule was skipped`);
    if (r.basis === 'subgroup' && !r.subgroup) out.push(`${where(i)} (${r.role}): basis subgroup needs a subgroup (a StudentNeeds category); the rule was skipped`);
    else if (r.basis === 'subgroup' && r.subgroup && students.size > 0 && !needs.has(needKey(r.subgroup))) out.push(`${where(i)} (${r.role}): no school has StudentNeeds counts for "${r.subgroup}"`);
    if (r.basis === 'site' && r.minimum_fte <= 0) out.push(`${where(i)} (${r.role}): basis site takes its FTE from minimum_fte, which is 0`);
    if (r.poverty_threshold !== undefined && r.ratio_high_poverty === undefined) out.push(`${where(i)} (${r.role}): poverty_threshold without ratio_high_poverty has no effect`);
  });
  for (const r of byRole) if (r.gap_fte !== 0 && r.cost_per_fte_cents_schedule === 0) out.push(`no salary found for ${r.role} (no positions with a salary or schedule cell): its gap is costed at $0`);
  return out;
}
