import { asCents, type Cents } from '../money/cents';
import type { Project } from '../project/project';
import { fteCost } from '../staffing/costs';
import { staffingContext } from '../staffing/context';
import { staffingPlan } from '../staffing/plan';
import { tidyFte } from '../staffing/rounding';
import type { SiteAllocation } from './results';

/** A position a staffing rule fixes at a school, and the part of its cost the unrestricted money pays. */
export interface FixedPosition {
  role: string;
  required_fte: number;
  /** required FTE × the loaded cost per FTE of the role's salaries at the school (district-wide when it has none). */
  cost_cents: Cents;
  /** Share of the role's positions at the school paid from unrestricted funds (1 when it has none yet). */
  unrestricted_share: number;
  unrestricted_cents: Cents;
}

/** Each school's rule-fixed positions: what its principal cannot decide, whatever the formula gives. */
export interface FixedPositions {
  year: number;
  rules_source: 'project' | 'preset';
  sites: Record<string, FixedPosition[]>;
}

/**
 * The positions the project's staffing rules fix at each school (models/staffing: its StaffingRules
 * sheet, or the configured preset), costed at the school's actual salaries, and the part paid from
 * unrestricted funds by the role's funding mix there. Depends on the project only, not on the rules
 * of the allocation, so the screen computes it once per version.
 */
export function fixedPositions(project: Project, year?: number): FixedPositions {
  const ctx = staffingContext(project);
  const plan = staffingPlan({ project, ctx, ...(year !== undefined && project.enrollment.some((e) => e.year === year) ? { year } : {}) });
  const costs = ctx.costs();
  const restricted = new Map(project.funds.map((f) => [f.fund_code, f.restricted]));
  const sites: Record<string, FixedPosition[]> = {};
  for (const r of plan.sites) {
    if (r.required_fte <= 0) continue;
    const key = ctx.keyOf(r.role);
    const cost = fteCost(r.required_fte, costs.actualAverage(r.site_id, key));
    const mix = costs.fundingMix(r.site_id, key);
    const share = mix.length === 0 ? 1 : tidyFte(mix.filter((m) => restricted.get(m.fund_code) !== true).reduce((a, m) => a + m.share, 0));
    (sites[r.site_id] ??= []).push({ role: r.role, required_fte: r.required_fte, cost_cents: cost, unrestricted_share: share, unrestricted_cents: asCents(Math.round(cost * share)) });
  }
  return { year: plan.year, rules_source: plan.rulesSource, sites };
}

export interface DiscretionaryShare {
  site_id: string;
  name: string;
  allocation_cents: Cents;
  /** The formula's unrestricted money at the school. */
  formula_cents: Cents;
  /** Needs-register money: tied to a need and its fund. */
  needs_cents: Cents;
  /** Rule-fixed positions paid from unrestricted money. */
  fixed_positions_cents: Cents;
  fixed_positions_fte: number;
  /** formula − rule-fixed positions, not below zero: what the principal controls. */
  discretionary_cents: Cents;
  /** discretionary ÷ allocation (null when the school is allocated nothing). */
  share: number | null;
}

/**
 * How much of each school's allocation its principal controls (practice 13: building-level
 * autonomy): the formula's unrestricted part less the positions fixed by staffing rules — the same
 * figures on the Allocate screen and in `steward allocate --json` (key "discretionary").
 */
export function discretionaryShares(sites: readonly SiteAllocation[], fixed: FixedPositions): DiscretionaryShare[] {
  return sites.filter((s) => s.enrollment > 0 && s.level !== 'Central').map((s) => {
    const list = fixed.sites[s.site_id] ?? [];
    const fixedCents = list.reduce((a, p) => a + p.unrestricted_cents, 0);
    const disc = Math.max(0, s.formula_cents - fixedCents);
    return {
      site_id: s.site_id, name: s.name, allocation_cents: s.allocation_cents, formula_cents: s.formula_cents, needs_cents: s.needs_cents,
      fixed_positions_cents: asCents(fixedCents), fixed_positions_fte: tidyFte(list.reduce((a, p) => a + p.required_fte, 0)),
      discretionary_cents: asCents(disc), share: s.allocation_cents > 0 ? disc / s.allocation_cents : null,
    };
  });
}
