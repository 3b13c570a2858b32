import type { DriverPaths } from './drivers';
import type { YearResult } from './engine';

// What a trigger condition (and a signpost) can read in a forecast year: the year's results, the
// growth figures derived from the year before, the policy, and any driver's value. INDICATORS is
// the one list of names: compilePlans, the validation gate and docs/forecast.md all take it from here.

/** Year-on-year figures the engine derives for conditions (and the non-lean result's indicators). */
export interface Derived { revenue_growth: number; expenditure_growth: number; state_aid: number; state_aid_growth: number; enrollment_change: number }

/** A year as indicators read it. */
export interface IndicatorYear { result: YearResult; derived: Derived; t: number; policy: number }

const READERS = {
  year: (y: IndicatorYear) => y.result.year,
  t: (y: IndicatorYear) => y.t,
  reserve_pct: (y: IndicatorYear) => y.result.reserve_pct,
  policy: (y: IndicatorYear) => y.policy,
  ending_balance: (y: IndicatorYear) => y.result.ending_balance_cents / 100,
  reserve_balance: (y: IndicatorYear) => y.result.reserve_balance_cents / 100,
  unassigned_balance: (y: IndicatorYear) => y.result.fund_balance.unassigned / 100,
  beginning_balance: (y: IndicatorYear) => y.result.beginning_balance_cents / 100,
  surplus: (y: IndicatorYear) => y.result.surplus_cents / 100,
  deficit: (y: IndicatorYear) => Math.max(0, -y.result.surplus_cents) / 100,
  deficit_pct: (y: IndicatorYear) => (y.result.expenditure_cents > 0 ? Math.max(0, -y.result.surplus_cents) / y.result.expenditure_cents : 0),
  revenue: (y: IndicatorYear) => y.result.revenue_cents / 100,
  expenditure: (y: IndicatorYear) => y.result.expenditure_cents / 100,
  revenue_growth: (y: IndicatorYear) => y.derived.revenue_growth,
  expenditure_growth: (y: IndicatorYear) => y.derived.expenditure_growth,
  state_aid: (y: IndicatorYear) => y.derived.state_aid / 100,
  state_aid_growth: (y: IndicatorYear) => y.derived.state_aid_growth,
  enrollment: (y: IndicatorYear) => y.result.enrollment,
  enrollment_change: (y: IndicatorYear) => y.derived.enrollment_change,
  fte: (y: IndicatorYear) => y.result.fte,
  per_pupil: (y: IndicatorYear) => y.result.per_pupil_cents / 100,
  // A charter network's measures (models/network/measures.ts); undefined in a district's forecast.
  days_cash_on_hand: (y: IndicatorYear) => y.result.measures?.days_cash_on_hand.value,
  current_ratio: (y: IndicatorYear) => y.result.measures?.current_ratio.value,
  total_margin: (y: IndicatorYear) => y.result.measures?.total_margin.value,
  enrollment_variance: (y: IndicatorYear) => y.result.measures?.enrollment_variance.value,
  dscr: (y: IndicatorYear) => y.result.measures?.dscr.value,
  debt_to_asset: (y: IndicatorYear) => y.result.measures?.debt_to_asset.value,
  philanthropy_share: (y: IndicatorYear) => y.result.network?.philanthropy_share,
} as const;

export type IndicatorName = keyof typeof READERS;

/** Indicators a trigger condition or signpost may name (besides every driver), in the order docs list them. */
export const INDICATORS = Object.freeze(Object.keys(READERS)) as readonly IndicatorName[];

const BY_NAME: ReadonlyMap<string, (y: IndicatorYear) => number | undefined> = new Map(Object.entries(READERS));

/** An indicator's value in year y, else the driver's value that year (undefined: no such name). */
export function indicator(y: IndicatorYear, paths: DriverPaths, name: string): number | undefined {
  const read = BY_NAME.get(name);
  return read ? read(y) : paths[name]?.[y.t];
}

export const change = (now: number, prev: number) => (Number.isNaN(prev) || prev === 0 ? 0 : now / prev - 1);
