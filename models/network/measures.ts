// The financial measures charter authorizers and lenders read, each with the threshold of the
// National Association of Charter School Authorizers' (NACSA) core financial performance
// framework, as state authorizers publish it (docs/network.md lists the sources). Pure
// arithmetic on one year's figures; the forecast computes the inputs (year-network.ts).

/** The measures, in the order reports list them (these are also their JSON keys). */
export const MEASURES = ['days_cash_on_hand', 'current_ratio', 'total_margin', 'enrollment_variance', 'dscr', 'debt_to_asset'] as const;
export type MeasureName = (typeof MEASURES)[number];

/** One year's inputs (money in cents, any consistent unit works: only ratios are taken). */
export interface MeasureInputs {
  /** Unrestricted cash at the end of the year. */
  cash: number;
  /** Operating expenses of the year (accrual: depreciation and interest in, loan principal out). */
  operating_expenses: number;
  depreciation: number;
  current_assets: number;
  current_liabilities: number;
  /** Total revenue of the year. */
  revenue: number;
  /** Revenue − operating expenses. */
  net_income: number;
  /** Enrollment the year's budget was built on, and the enrollment projected (or counted). */
  budgeted_enrollment: number;
  enrollment: number;
  /** The year's loan interest and principal due. */
  interest: number;
  principal: number;
  total_liabilities: number;
  total_assets: number;
}

/**
 * Unrestricted days cash on hand = cash ÷ ((operating expenses − depreciation) ÷ 365): how many
 * days of cash spending the cash covers. Depreciation is left out because it spends no cash.
 */
export function daysCashOnHand(x: Pick<MeasureInputs, 'cash' | 'operating_expenses' | 'depreciation'>): number {
  const daily = (x.operating_expenses - x.depreciation) / 365;
  return daily > 0 ? x.cash / daily : Infinity;
}

/** Current ratio = current assets ÷ current liabilities. */
export function currentRatio(x: Pick<MeasureInputs, 'current_assets' | 'current_liabilities'>): number {
  return x.current_liabilities > 0 ? x.current_assets / x.current_liabilities : Infinity;
}

/** Total margin = net income ÷ total revenue. */
export function totalMargin(x: Pick<MeasureInputs, 'net_income' | 'revenue'>): number {
  return x.revenue !== 0 ? x.net_income / x.revenue : 0;
}

/** Enrollment variance = enrollment ÷ budgeted enrollment (1 when nothing was budgeted). */
export function enrollmentVariance(x: Pick<MeasureInputs, 'enrollment' | 'budgeted_enrollment'>): number {
  return x.budgeted_enrollment > 0 ? x.enrollment / x.budgeted_enrollment : 1;
}

/**
 * Debt service coverage ratio = (net income + depreciation + interest) ÷ (principal + interest):
 * the cash the year's operations leave before debt service, over the debt service due. No debt
 * service due: Infinity (nothing to cover).
 */
export function debtServiceCoverage(x: Pick<MeasureInputs, 'net_income' | 'depreciation' | 'interest' | 'principal'>): number {
  const service = x.principal + x.interest;
  return service > 0 ? (x.net_income + x.depreciation + x.interest) / service : Infinity;
}

/** Debt-to-asset ratio = total liabilities ÷ total assets. */
export function debtToAsset(x: Pick<MeasureInputs, 'total_liabilities' | 'total_assets'>): number {
  return x.total_assets > 0 ? x.total_liabilities / x.total_assets : Infinity;
}

export function measureValues(x: MeasureInputs): Record<MeasureName, number> {
  return {
    days_cash_on_hand: daysCashOnHand(x), current_ratio: currentRatio(x), total_margin: totalMargin(x),
    enrollment_variance: enrollmentVariance(x), dscr: debtServiceCoverage(x), debt_to_asset: debtToAsset(x),
  };
}

/** A threshold: the measure meets it when `value direction threshold` ('min': ≥, 'above': >, 'below': <). */
export interface Threshold { measure: MeasureName; direction: 'min' | 'above' | 'below'; threshold: number; source: string }

/**
 * NACSA's "meets standard" lines as Steward reads them per year. Days cash also meets at 30–59
 * days when the one-year trend is positive (meetsNacsa); the current ratio's 1.0–1.1-with-positive-
 * trend variant and the total margin's aggregated three-year test are not applied: a forecast
 * year is judged on its own margin (> 0) and a current ratio of at least 1.1.
 */
export const NACSA_THRESHOLDS: Readonly<Record<MeasureName, Threshold>> = {
  days_cash_on_hand: { measure: 'days_cash_on_hand', direction: 'min', threshold: 60, source: 'NACSA' },
  current_ratio: { measure: 'current_ratio', direction: 'min', threshold: 1.1, source: 'NACSA' },
  total_margin: { measure: 'total_margin', direction: 'above', threshold: 0, source: 'NACSA' },
  enrollment_variance: { measure: 'enrollment_variance', direction: 'min', threshold: 0.95, source: 'NACSA' },
  dscr: { measure: 'dscr', direction: 'min', threshold: 1.1, source: 'NACSA' },
  debt_to_asset: { measure: 'debt_to_asset', direction: 'below', threshold: 0.9, source: 'NACSA' },
};

/** Days cash between 30 and 60 meets NACSA's standard when it rose from last year. */
export const DAYS_CASH_TREND_FLOOR = 30;

export function meetsThreshold(value: number, t: Pick<Threshold, 'direction' | 'threshold'>): boolean {
  if (Number.isNaN(value)) return false;
  if (t.direction === 'min') return value >= t.threshold;
  if (t.direction === 'above') return value > t.threshold;
  return value < t.threshold;
}

/** NACSA's standard for one measure; `previous` is last year's value of it (NaN: none, no trend). */
export function meetsNacsa(measure: MeasureName, value: number, previous = Number.NaN): boolean {
  if (meetsThreshold(value, NACSA_THRESHOLDS[measure])) return true;
  return measure === 'days_cash_on_hand' && value >= DAYS_CASH_TREND_FLOOR && !Number.isNaN(previous) && value > previous;
}

/** A measure's reading in a year: its value, whether it meets NACSA, and each lender covenant on it. */
export interface MeasureReading {
  value: number;
  threshold: number;
  meets: boolean;
  covenants?: { lender: string; threshold: number; meets: boolean }[];
}

/** A lender's covenant on a measure (Covenants sheet). */
export interface Covenant { lender: string; measure: MeasureName; direction: 'min' | 'above' | 'below'; threshold: number }

export function readMeasures(values: Record<MeasureName, number>, previous: Partial<Record<MeasureName, number>>, covenants: readonly Covenant[]): Record<MeasureName, MeasureReading> {
  const out = {} as Record<MeasureName, MeasureReading>;
  for (const m of MEASURES) {
    const v = values[m];
    const r: MeasureReading = { value: reportable(v), threshold: NACSA_THRESHOLDS[m].threshold, meets: meetsNacsa(m, v, previous[m]) };
    const on = covenants.filter((c) => c.measure === m);
    if (on.length > 0) r.covenants = on.map((c) => ({ lender: c.lender, threshold: c.threshold, meets: meetsThreshold(v, c) }));
    out[m] = r;
  }
  return out;
}

/** JSON has no Infinity: a ratio with nothing under it (no debt, no liabilities) is reported as 9999. */
export const NO_DENOMINATOR = 9999;
const reportable = (v: number) => (Number.isFinite(v) ? v : v > 0 ? NO_DENOMINATOR : -NO_DENOMINATOR);
