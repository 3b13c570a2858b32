import type { Project } from '../project/project';
import type { EnrollmentRow } from '../schema/tables';
import { staffingContext } from '../staffing/context';
import { staffingMetrics, type StaffingMetrics } from '../staffing/metrics';
import { isStaffingParam } from '../staffing/params';
import { requiredFteByRoleKey } from '../staffing/required-by-role';
import { GRADE_ORDER } from './enrollment';
import { movesKey, studentsAfterMoves, type SiteMove } from './site-moves';
import type { Prepared } from './prepare';
import type { StaffingCoster, StaffingDelta } from './staffing-cost';

// The one place the forecast calls the staffing engine (agreed API 9). A scenario or plan that
// moves a staffing parameter (class_size_delta, ratio_scale_counselor, periods_per_day, …) is
// costed into the budget: the FTE the rules require under its parameters, less the FTE they
// require under the baseline's, both at the scenario's projected enrollment. The same link gives
// each scenario-year's staffing and schedule metrics for the comparison. Both staff the schools a
// plan leaves open (site-moves.ts: merged and closed schools' students reassigned). Results are
// memoised by (year, enrollment index, parameter values, moves): scenarios that share them share
// one computation.

/** Enrollment rows for year t at `index` × the cohort projection, after the merges and closures. */
export function projectedEnrollmentRows(p: Prepared, t: number, index: number, moves: readonly SiteMove[] = []): EnrollmentRow[] {
  const rows: EnrollmentRow[] = [];
  const students = studentsAfterMoves(p, t, index, moves);
  p.enrollment.sites.forEach((s, i) => {
    GRADE_ORDER.forEach((grade, g) => {
      const n = Math.round(students[i]![g]!);
      if (n > 0) rows.push({ site_id: s.site_id, year: p.baseYear + t, grade, students: n });
    });
  });
  return rows;
}

export interface StaffingLink extends StaffingCoster {
  /** Staffing parameters named anywhere in the project's drivers, scenarios, plans or config. */
  names: readonly string[];
  /** The baseline's parameters in year t (the config's staffing_params, then the Drivers sheet). */
  baseline(t: number): Record<string, number>;
  metrics(t: number, params: Record<string, number>, enrollmentIndex: number, moves?: readonly SiteMove[]): StaffingMetrics | { error: string };
}

/** Staffing parameter names the project can set: driver paths, scenario overrides, plan actions, config. */
function staffingNames(p: Prepared): string[] {
  const names = new Set<string>();
  for (const n of Object.keys(p.drivers.paths)) if (isStaffingParam(n)) names.add(n);
  for (const s of p.scenarios) for (const n of Object.keys(s.overrides)) if (isStaffingParam(n)) names.add(n);
  for (const actions of p.plans.plans.values()) for (const a of actions) if (a.kind === 'schedule' && isStaffingParam(a.parameter)) names.add(a.parameter);
  for (const n of Object.keys(p.config.staffing_params)) if (isStaffingParam(n)) names.add(n);
  return [...names].sort();
}

export function makeStaffingLink(project: Project, p: Prepared): StaffingLink {
  const names = staffingNames(p);
  const ctx = staffingContext(project);
  const roleIndex = new Map<string, number>();
  p.roles.forEach((r, i) => { const k = ctx.keyOf(r); if (!roleIndex.has(k)) roleIndex.set(k, i); });

  const fromConfig = (name: string) => {
    const v = p.config.staffing_params[name];
    return v !== undefined && Number.isFinite(v) ? v : undefined;
  };
  const paramsAt = (_t: number, get: (name: string) => number | undefined) => {
    const out: Record<string, number> = Object.create(null) as Record<string, number>;
    for (const n of names) {
      const v = get(n) ?? fromConfig(n);
      if (v !== undefined && Number.isFinite(v)) out[n] = v;
    }
    return out;
  };
  const baselines = new Map<number, Record<string, number>>();
  const baseline = (t: number) => {
    let b = baselines.get(t);
    if (!b) baselines.set(t, (b = paramsAt(t, (n) => p.drivers.paths[n]?.[t])));
    return b;
  };
  const sameAsBaseline = (t: number, params: Record<string, number>) => {
    const b = baseline(t);
    for (const n of names) if (params[n] !== b[n]) return false;
    return true;
  };
  const keyOf = (t: number, params: Record<string, number>, index: number, moves: readonly SiteMove[]) => `${t}|${index}|${names.map((n) => params[n] ?? '').join(',')}|${movesKey(moves)}`;

  const required = new Map<string, Map<string, number>>();
  const requiredAt = (t: number, params: Record<string, number>, index: number, moves: readonly SiteMove[]) => {
    const key = keyOf(t, params, index, moves);
    let r = required.get(key);
    if (!r) required.set(key, (r = requiredFteByRoleKey(project, p.baseYear + t, projectedEnrollmentRows(p, t, index, moves), params, ctx)));
    return r;
  };
  const deltas = new Map<string, StaffingDelta[] | null>();
  const delta = (t: number, params: Record<string, number>, index: number, moves: readonly SiteMove[] = []): StaffingDelta[] | null => {
    if (names.length === 0 || sameAsBaseline(t, params)) return null;
    const key = keyOf(t, params, index, moves);
    if (deltas.has(key)) return deltas.get(key)!;
    const under = requiredAt(t, params, index, moves);
    const base = requiredAt(t, baseline(t), index, moves);
    const costs = ctx.costs(baseline(t));
    const out: StaffingDelta[] = [];
    for (const k of new Set([...base.keys(), ...under.keys()])) {
      const fte = Math.round(((under.get(k) ?? 0) - (base.get(k) ?? 0)) * 1e6) / 1e6;
      if (fte !== 0) out.push({ role: roleIndex.get(k) ?? -1, fte, cost_per_fte_cents: costs.scheduleAverage(k) });
    }
    const result = out.length > 0 ? out : null;
    deltas.set(key, result);
    return result;
  };
  const metricsMemo = new Map<string, StaffingMetrics | { error: string }>();
  const metrics = (t: number, params: Record<string, number>, index: number, moves: readonly SiteMove[] = []) => {
    const key = keyOf(t, params, index, moves);
    let m = metricsMemo.get(key);
    if (!m) {
      try {
        m = staffingMetrics({ project, year: p.baseYear + t, enrollment: projectedEnrollmentRows(p, t, index, moves), params, ctx });
      } catch (e) {
        m = { error: `staffing metrics for ${p.baseYear + t}: ${(e as Error).message}` };
      }
      metricsMemo.set(key, m);
    }
    return m;
  };
  return { names, paramsAt, delta, baseline, metrics };
}

/**
 * The link as the engine's coster, or undefined when nothing in the project moves a staffing
 * parameter (then the engine skips the staffing step entirely). With `enrollmentStep`, the
 * enrollment index is rounded to that step first (Monte Carlo: see models/forecast/trials.ts).
 */
export function staffingCosterFor(project: Project, p: Prepared, enrollmentStep?: number): StaffingCoster | undefined {
  const link = makeStaffingLink(project, p);
  if (link.names.length === 0) return undefined;
  if (!enrollmentStep) return link;
  return { paramsAt: link.paramsAt, delta: (t, params, index, moves) => link.delta(t, params, Math.round(index / enrollmentStep) * enrollmentStep, moves) };
}
