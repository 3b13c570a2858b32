import type { DriverPaths } from './drivers';
import type { YearResult } from './engine';
import type { Prepared } from './prepare';

// What a trigger condition can read in a forecast year: the year's results, the growth figures
// derived from the year before, the policy, and any driver's value (models/forecast/condition.ts).

/** Year-on-year figures the engine derives for conditions (and the non-lean result's indicators). */
export interface Derived { revenue_growth: number; expenditure_growth: number; state_aid: number; state_aid_growth: number; enrollment_change: number }

export function indicator(r: YearResult, d: Derived, paths: DriverPaths, name: string, t: number, p: Prepared): number | undefined {
  switch (name) {
    case 'year': return r.year;
    case 't': return t;
    case 'reserve_pct': return r.reserve_pct;
    case 'policy': return p.policy;
    case 'ending_balance': return r.ending_balance_cents / 100;
    case 'beginning_balance': return r.beginning_balance_cents / 100;
    case 'surplus': return r.surplus_cents / 100;
    case 'deficit': return Math.max(0, -r.surplus_cents) / 100;
    case 'deficit_pct': return r.expenditure_cents > 0 ? Math.max(0, -r.surplus_cents) / r.expenditure_cents : 0;
    case 'revenue': return r.revenue_cents / 100;
    case 'expenditure': return r.expenditure_cents / 100;
    case 'revenue_growth': return d.revenue_growth;
    case 'expenditure_growth': return d.expenditure_growth;
    case 'state_aid': return d.state_aid / 100;
    case 'state_aid_growth': return d.state_aid_growth;
    case 'enrollment': return r.enrollment;
    case 'enrollment_change': return d.enrollment_change;
    case 'fte': return r.fte;
    case 'per_pupil': return r.per_pupil_cents / 100;
    default: return paths[name]?.[t];
  }
}

export const change = (now: number, prev: number) => (Number.isNaN(prev) || prev === 0 ? 0 : now / prev - 1);
