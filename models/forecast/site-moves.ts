import { GRADE_ORDER } from './enrollment';
import type { CompiledAction } from './plans';
import type { Prepared } from './prepare';

/**
 * Where students go when a plan merges or closes a school. A merged site's students (and any
 * merged into it first) move to its target. A closed site's students are reassigned to the sites
 * still open that teach their grade, in proportion to the students those sites have in it, as a
 * district redraws attendance zones (to every open site when none teaches the grade). Chains
 * follow through (A into B, B into C: A's students end at C); a cycle of merges counts as closed.
 * The forecast's per-site class-size actions and the staffing link both read enrollment through
 * this, so the staffing rules see the schools the plan leaves open.
 */

/** One merge (`to` a site id) or closure (`to` null) in effect. */
export interface SiteMove {
  from: string;
  to: string | null;
}

/** The merges and closures among a year's plan actions, in their order. */
export function siteMovesOf(p: Prepared, actions: readonly CompiledAction[]): SiteMove[] {
  const moves: SiteMove[] = [];
  for (const a of actions) {
    if (a.site < 0) continue;
    if (a.kind === 'close_site') moves.push({ from: p.sites[a.site]!, to: null });
    else if (a.kind === 'merge_site' && a.targetSite >= 0) moves.push({ from: p.sites[a.site]!, to: p.sites[a.targetSite]! });
  }
  return moves;
}

/** A key that is the same for the same moves (memo keys). */
export const movesKey = (moves: readonly SiteMove[]): string => moves.map((m) => `${m.from}>${m.to ?? ''}`).join(';');

/**
 * Projected students by enrollment site (p.enrollment.sites order) and grade (GRADE_ORDER) in year
 * t at `index` × the cohort projection, after the moves. Fractional: callers round.
 */
export function studentsAfterMoves(p: Prepared, t: number, index: number, moves: readonly SiteMove[]): Float64Array[] {
  const sites = p.enrollment.sites;
  const out = sites.map((s) => Float64Array.from(s.byGrade[t]!, (n) => n * index));
  if (moves.length === 0) return out;
  const at = new Map(sites.map((s, i) => [s.site_id, i]));
  const leaves = new Map<string, string | null>();
  for (const m of moves) leaves.set(m.from, m.to);
  // Each leaving site's final destination: the first site along its merges that stays open.
  const destination = (from: string): number => {
    const seen = new Set<string>();
    let site: string | null = from;
    while (site !== null && leaves.has(site)) {
      if (seen.has(site)) return -1;
      seen.add(site);
      site = leaves.get(site)!;
    }
    return site === null ? -1 : (at.get(site) ?? -1);
  };
  const closed = new Float64Array(GRADE_ORDER.length);
  for (const from of leaves.keys()) {
    const i = at.get(from);
    if (i === undefined) continue;
    const to = destination(from);
    const moving = out[i]!;
    for (let g = 0; g < moving.length; g++) {
      if (to >= 0) out[to]![g]! += moving[g]!;
      else closed[g]! += moving[g]!;
    }
    moving.fill(0);
  }
  const open = sites.map((s) => !leaves.has(s.site_id));
  const openCount = open.filter(Boolean).length;
  if (openCount === 0) return out;
  for (let g = 0; g < closed.length; g++) {
    if (closed[g] === 0) continue;
    let teaching = 0;
    for (let i = 0; i < out.length; i++) if (open[i]) teaching += out[i]![g]!;
    for (let i = 0; i < out.length; i++) {
      if (!open[i]) continue;
      // By the grade's students where some open site teaches it, else evenly.
      const share = teaching > 0 ? out[i]![g]! / teaching : 1 / openCount;
      out[i]![g]! += closed[g]! * share;
    }
  }
  return out;
}

/** Students at one site (a Sites index) after the moves: a site with no enrollment rows has none. */
export function siteStudentsAfterMoves(p: Prepared, t: number, index: number, moves: readonly SiteMove[], site: number): number {
  const i = p.enrollment.sites.findIndex((s) => s.site_id === p.sites[site]);
  if (i < 0) return 0;
  if (moves.length === 0) return p.enrollment.siteTotals[i]![t]! * index;
  const grades = studentsAfterMoves(p, t, index, moves)[i]!;
  let n = 0;
  for (let g = 0; g < grades.length; g++) n += grades[g]!;
  return n;
}
