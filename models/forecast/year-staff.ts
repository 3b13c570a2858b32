import { cutBuckets, matchFte } from './buckets';
import type { DriverPaths } from './drivers';
import type { CompiledAction } from './plans';
import type { Prepared } from './prepare';
import { siteMovesOf, siteStudentsAfterMoves, type SiteMove } from './site-moves';
import type { StaffingCoster } from './staffing-cost';
import type { Indices, Workspace } from './year';

// Staff changes of one forecast year, before anything is costed: which share of each bucket a
// plan's cuts, closures and class-size targets leave (ws.scale), the positions plans and staffing
// parameters add, and the FTE each change moves.

/** Positions added this year: at `amount` per FTE (× COLA), else the role's average, else `perFte`. */
export interface Addition { role: number; fte: number; amount: number; fund: number; perFte?: number }

export interface StaffYear {
  adds: Addition[];
  /** FTE cut by plans and staffing parameters (a grant's end under "cut" is added when costed). */
  cutFte: number;
  /** Net FTE the staffing parameters add (+) or cut (−) against the baseline's. */
  staffingFte: number;
  params?: Record<string, number>;
  moves: SiteMove[];
}

export interface StaffInput {
  t: number;
  idx: Indices;
  enrollment: number;
  actions: readonly CompiledAction[];
  overrides: ReadonlyMap<string, number>;
  paths: DriverPaths;
  staffing: StaffingCoster | undefined;
}

export function staffChanges(p: Prepared, ws: Workspace, s: StaffInput): StaffYear {
  const out: StaffYear = { adds: [], cutFte: 0, staffingFte: 0, moves: [] };
  planCuts(p, ws.scale, s.actions, out);
  out.moves = siteMovesOf(p, s.actions);
  classSizeTargets(p, ws.scale, s, out);
  if (s.staffing) staffingParameters(p, ws.scale, s, s.staffing, out);
  return out;
}

/** Cuts, closures (teachers follow their students; every other position at the site goes) and additions. */
function planCuts(p: Prepared, scale: Float64Array, actions: readonly CompiledAction[], out: StaffYear): void {
  const b = p.buckets;
  for (const a of actions) {
    if (a.kind === 'cut_positions') out.cutFte += cutBuckets(b, scale, a.role, a.site, a.fte);
    else if (a.kind === 'close_site' || a.kind === 'merge_site') {
      for (let i = 0; i < b.count; i++) if (b.site[i] === a.site && p.isTeacherRole[b.role[i]!] === 0) { out.cutFte += b.fte[i]! * scale[i]!; scale[i] = 0; }
    } else if (a.kind === 'add_positions') out.adds.push({ role: a.role, fte: a.fte, amount: a.amount, fund: a.fund });
  }
}

/** class_size / staffing_ratio: FTE of the role = students ÷ value, cutting or adding the difference. */
function classSizeTargets(p: Prepared, scale: Float64Array, s: StaffInput, out: StaffYear): void {
  for (const a of s.actions) {
    if (a.kind !== 'class_size' && a.kind !== 'staffing_ratio') continue;
    const role = a.role >= 0 ? a.role : p.isTeacherRole.indexOf(1);
    const site = a.site >= 0 ? a.site : -1;
    const students = site >= 0 ? siteStudentsAfterMoves(p, s.t, s.idx.enroll, out.moves, site) : s.enrollment;
    const target = students / a.value;
    const have = matchFte(p.buckets, scale, role, site);
    if (target < have) out.cutFte += cutBuckets(p.buckets, scale, role, site, have - target);
    else if (target > have) out.adds.push({ role, fte: target - have, amount: 0, fund: a.fund });
  }
}

/**
 * Staffing parameters (a scenario's or a plan's): the FTE the staffing rules require under them,
 * less what they require under the baseline's, at this year's enrollment. Cuts come out of the
 * role's positions in every fund; additions are new general-fund positions. The base year is the
 * adopted budget, so it is left as adopted.
 */
function staffingParameters(p: Prepared, scale: Float64Array, s: StaffInput, staffing: StaffingCoster, out: StaffYear): void {
  out.params = staffing.paramsAt(s.t, (name) => s.overrides.get(name) ?? s.paths[name]?.[s.t]);
  const delta = s.t > 0 ? staffing.delta(s.t, out.params, s.idx.enroll, out.moves) : null;
  if (!delta) return;
  for (const d of delta) {
    if (d.fte < 0 && d.role >= 0) { const cut = cutBuckets(p.buckets, scale, d.role, -1, -d.fte); out.cutFte += cut; out.staffingFte -= cut; }
    else if (d.fte > 0) { out.adds.push({ role: d.role, fte: d.fte, amount: 0, fund: p.general, perFte: d.cost_per_fte_cents }); out.staffingFte += d.fte; }
  }
}
