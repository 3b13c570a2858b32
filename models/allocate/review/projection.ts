import { asCents, type Cents } from '../../money/cents';
import type { Actual, BudgetLine } from '../../schema/tables';

/** A budget line joined with its spending to date and projected to year-end. */
export interface ProjectedLine {
  key: string;
  fund_code: string;
  object: string;
  site_id?: string;
  function?: string;
  program?: string;
  budget_cents: Cents;
  ytd_cents: Cents;
  encumbered_cents: Cents;
  projected_cents: Cents;
  variance_cents: Cents;
  /** Variance ÷ budget (null when nothing was budgeted). */
  variance_share: number | null;
  flag: 'over' | 'under' | 'unbudgeted' | null;
  /** False when no actuals row was reported for the line: it is then projected at its budget. */
  reported: boolean;
  /** The line's fund ends before the fiscal year does: spending is projected only up to this date. */
  fund_end_date?: string;
}

/** Cumulative share of a year's spending reached by each point of the fiscal year (0 = 1 July, 1 = 30 June). */
export type SpendingCurve = readonly { at: number; share: number }[];

type Dim = 'site_id' | 'function' | 'program';
type Keyed = { fund_code: string; object: string; site_id?: string | undefined; function?: string | undefined; program?: string | undefined };
const DIMS: readonly Dim[] = ['site_id', 'function', 'program'];
const keyOf = (l: Keyed, dims: readonly Dim[]) => [l.fund_code, l.object, ...dims.map((d) => l[d] ?? '')].join('\u0000');

/** Where `date` falls in fiscal year `fy` (1 July fy−1 … 30 June fy), 0–1. */
export function yearFraction(date: string, fy: number): number {
  const start = Date.parse(`${fy - 1}-07-01T00:00:00Z`);
  const end = Date.parse(`${fy}-07-01T00:00:00Z`);
  const t = Date.parse(`${date}T00:00:00Z`) + 86_400_000; // through the end of the as-of day
  return Math.min(1, Math.max(0, (t - start) / (end - start)));
}

/** 12 monthly shares (July first) → a cumulative curve at month ends. */
export function curveFromMonthly(monthly: readonly number[]): SpendingCurve {
  const total = monthly.reduce((a, b) => a + b, 0);
  if (total <= 0) return [];
  let cum = 0;
  return [{ at: 0, share: 0 }, ...monthly.map((m, i) => ({ at: (i + 1) / 12, share: (cum += m) / total }))];
}

/**
 * Last year's pattern from its own actuals: total spending at each as-of date, as a share of the
 * last (year-end) figure. Needs at least three dates, the last at or after 31 May, to be trusted.
 */
export function curveFromActuals(actuals: readonly Actual[], fy: number): SpendingCurve {
  const byDate = new Map<string, number>();
  for (const a of actuals) if (a.fiscal_year === fy) byDate.set(a.as_of, (byDate.get(a.as_of) ?? 0) + a.ytd_amount);
  const dates = [...byDate.keys()].sort();
  if (dates.length < 3 || dates[dates.length - 1]! < `${fy}-05-31`) return [];
  const final = byDate.get(dates[dates.length - 1]!)!;
  if (final <= 0) return [];
  return [{ at: 0, share: 0 }, ...dates.map((d) => ({ at: yearFraction(d, fy), share: byDate.get(d)! / final })), { at: 1, share: 1 }];
}

/** The share of a year's spending done by `at`, read off the curve (linear between points). */
export function shareAt(curve: SpendingCurve, at: number): number {
  if (curve.length === 0) return at;
  for (let i = 1; i < curve.length; i++) {
    const a = curve[i - 1]!;
    const b = curve[i]!;
    if (at <= b.at) return b.at === a.at ? b.share : a.share + ((b.share - a.share) * (at - a.at)) / (b.at - a.at);
  }
  return 1;
}

/**
 * Year-end projection of every budget line of fiscal year `fy` from spending to date:
 *   projected = max(ytd ÷ s, ytd + encumbered), s = share of the year's spending normally done by the as-of
 * date (the elapsed share of the year for straight-line, or last year's curve when given). Money
 * already committed by purchase order will be spent, so the projection never falls below it.
 * The latest actuals row on or before the as-of date counts for each line; a budget line with no
 * actuals reported at all is projected at its budget (and counted as unreported by the review).
 * A grant cannot be charged after it ends (`fundEnds`, from Funds' end_date): a line whose fund
 * ended on or before the as-of date is projected at ytd + encumbered; one whose fund ends later in
 * the year runs only to that date: max(ytd × s(end) ÷ s, ytd + encumbered).
 */
export function projectLines(budget: readonly BudgetLine[], actuals: readonly Actual[], asOf: string, fy: number, thresholds: { over_share: number; under_share: number }, curve: SpendingCurve = [], fundEnds: ReadonlyMap<string, string> = new Map()): ProjectedLine[] {
  // Lines are compared at the detail the actuals report: if they carry no program, budget lines of
  // every program with the same fund, object, site and function are added together first.
  const dims = DIMS.filter((d) => actuals.some((a) => a.fiscal_year === fy && a[d] !== undefined && a[d] !== ''));
  const lineKey = (l: Keyed) => keyOf(l, dims);
  const lines = new Map<string, ProjectedLine>();
  const blank = (l: BudgetLine | Actual): ProjectedLine => ({
    key: lineKey(l), fund_code: l.fund_code, object: l.object,
    ...(dims.includes('site_id') && l.site_id !== undefined ? { site_id: l.site_id } : {}), ...(dims.includes('function') && l.function !== undefined ? { function: l.function } : {}), ...(dims.includes('program') && l.program !== undefined ? { program: l.program } : {}),
    budget_cents: asCents(0), ytd_cents: asCents(0), encumbered_cents: asCents(0), projected_cents: asCents(0), variance_cents: asCents(0), variance_share: null, flag: null, reported: false,
  });
  for (const b of budget) {
    if (b.fiscal_year !== fy) continue;
    const k = lineKey(b);
    const l = lines.get(k) ?? blank(b);
    l.budget_cents = asCents(l.budget_cents + b.amount);
    lines.set(k, l);
  }
  // Latest as-of date per line, then sum the rows of that date (a line may come split over rows).
  const latest = new Map<string, string>();
  for (const a of actuals) {
    if (a.fiscal_year !== fy || a.as_of > asOf) continue;
    const k = lineKey(a);
    const d = latest.get(k);
    if (d === undefined || a.as_of > d) latest.set(k, a.as_of);
  }
  for (const a of actuals) {
    if (a.fiscal_year !== fy) continue;
    const k = lineKey(a);
    if (latest.get(k) !== a.as_of) continue;
    const l = lines.get(k) ?? blank(a);
    l.ytd_cents = asCents(l.ytd_cents + a.ytd_amount);
    l.encumbered_cents = asCents(l.encumbered_cents + (a.encumbered ?? 0));
    l.reported = true;
    lines.set(k, l);
  }
  const s = shareAt(curve, yearFraction(asOf, fy));
  for (const l of lines.values()) {
    if (!l.reported) {
      // Nothing reported is not the same as nothing spent: a partial actuals file must not make the year look cheap.
      l.projected_cents = l.budget_cents;
      l.variance_share = l.budget_cents !== 0 ? 0 : null;
      continue;
    }
    const end = fundEnds.get(l.fund_code);
    const endsInYear = end !== undefined && end < `${fy}-06-30`;
    if (endsInYear) l.fund_end_date = end;
    // The share of the year's spending that can still happen: none once the grant has ended, up to its end date before the year ends.
    const reach = !endsInYear ? 1 : end <= asOf ? s : shareAt(curve, yearFraction(end, fy));
    const runRate = s > 0 ? Math.round((l.ytd_cents * reach) / s) : l.ytd_cents;
    l.projected_cents = asCents(Math.max(runRate, l.ytd_cents + l.encumbered_cents));
    l.variance_cents = asCents(l.projected_cents - l.budget_cents);
    l.variance_share = l.budget_cents !== 0 ? l.variance_cents / l.budget_cents : null;
    if (l.budget_cents === 0 && l.projected_cents > 0) l.flag = 'unbudgeted';
    else if (l.variance_share !== null && l.variance_share > thresholds.over_share) l.flag = 'over';
    else if (l.variance_share !== null && -l.variance_share > thresholds.under_share) l.flag = 'under';
  }
  return [...lines.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
