import type { DriverPaths } from './drivers';
import type { Prepared } from './prepare';
import type { Indices, Workspace } from './year';

// Revenue of one forecast year, by fund (ws.income) and, for the unrestricted funds, by category
// (ws.byCategory). docs/forecast.md, "Revenue".

export const CATS = ['state', 'local', 'federal', 'other', 'one_time', 'reserve_draw'] as const;

export interface RevenueYear {
  /** Unrestricted per-pupil and other recurring state revenue (cents), for state_aid indicators. */
  stateAid: number;
}

export interface RevenueInput {
  t: number;
  year: number;
  idx: Indices;
  enrollment: number;
  paths: DriverPaths;
  overrides: ReadonlyMap<string, number>;
}

export function projectRevenue(p: Prepared, ws: Workspace, r: RevenueInput): RevenueYear {
  let scope: Map<string, number> | undefined;
  let stateAid = 0;
  const enrollmentRatio = p.enrollment.total[0]! > 0 ? r.enrollment / p.enrollment.total[0]! : 1;
  for (let i = 0; i < p.revenue.length; i++) {
    const s = p.revenue[i]!;
    if (r.year > s.lastYear || (s.firstYear !== undefined && r.year < s.firstYear)) continue;
    let v: number;
    switch (s.kind) {
      case 'one_time': v = s.year === r.year ? s.baseCents : 0; break;
      case 'per_pupil': v = Math.round(s.baseCents * r.idx.rev[i]! * enrollmentRatio); break;
      case 'formula': {
        scope ??= formulaScope(p, r);
        scope.set('base', s.baseCents / 100);
        scope.set('idx', r.idx.rev[i]!);
        v = Math.round(s.formula!(scope) * 100);
        break;
      }
      default: v = Math.round(s.baseCents * r.idx.rev[i]!);
    }
    // The last fiscal year of money with an end date pays only the part of the year before it.
    if (r.t > 0 && r.year === s.lastYear && s.lastYearShare < 1 && s.kind !== 'one_time') v = Math.round(v * s.lastYearShare);
    ws.income[s.fund]! += v;
    if (!p.funds[s.fund]!.restricted) {
      ws.byCategory[CATS.indexOf(s.category)]! += v;
      if (s.category === 'state' && s.kind !== 'one_time') stateAid += v;
    }
  }
  return { stateAid };
}

/** What a revenue formula can read: every driver this year (a plan's override first), enrollment, t, year, cola_index. */
function formulaScope(p: Prepared, r: RevenueInput): Map<string, number> {
  const scope = new Map<string, number>();
  for (const [name, path] of Object.entries(r.paths)) scope.set(name, r.overrides.get(name) ?? path[r.t]!);
  scope.set('enrollment', r.enrollment);
  scope.set('enrollment_base', p.enrollment.total[0]!);
  scope.set('t', r.t);
  scope.set('year', r.year);
  scope.set('cola_index', r.idx.cola);
  return scope;
}
