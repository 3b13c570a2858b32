// Pay terms: what a group of positions costs as a linear formula of this year's indices. A row is
// a bucket of positions (buckets.ts) or, summed by funding share, a fund (reconcile.ts); both are
// costed by the same two functions below, so the reconciling line grows exactly as the positions do.

export interface PayTerms {
  /** Step counts kept per row: offsets 0 … K − 1. */
  K: number;
  /** [row·K + k]: Σ fte × full-time schedule pay after k steps (cents). */
  pay: Float64Array;
  /** [row·K + k]: the same, each position's pay × its benefits rate. */
  payRated: Float64Array;
  /** [row·K + m]: Σ fte × the pay of a replacement m steps after hire (the entry step + m, capped at the top). */
  entry: Float64Array;
  /** [row·K + m]: the same × benefits rate. */
  entryRated: Float64Array;
  /** [row]: off-schedule pay (grows with step_increase), and × benefits rate. */
  offSchedule: Float64Array;
  offScheduleRated: Float64Array;
  /** [row]: health premiums (cents). */
  health: Float64Array;
}

/**
 * Who holds scheduled positions this year, as expected shares: the staff of the base year still in
 * post (`incumbent` = Π (1 − a_i)), and for each year j in which a replacement was last hired, its
 * share `weight[j]` = a_j Π_{i>j} (1 − a_i) and the steps advanced when it was hired (`hiredAt[j]`):
 * this year it is k − hiredAt[j] steps above the entry step. The shares add to 1.
 */
export interface Turnover {
  incumbent: number;
  /** Hire years used: j = 1 … n. */
  n: number;
  weight: Float64Array;
  hiredAt: Int32Array;
}

/** This year's indices, as a pay row is costed with them. */
export interface PayIndex {
  /** Steps advanced (capped at K − 1). */
  k: number;
  cola: number;
  /** Index of step_increase (off-schedule pay). */
  step: number;
  health: number;
  turnover: Turnover;
  /** Pension rate less the base year's. */
  pension: number;
}

export const NO_TURNOVER: Turnover = { incumbent: 1, n: 0, weight: new Float64Array(1), hiredAt: new Int32Array(1) };

/** The base year's indices: no steps, no growth, no turnover, no pension change. */
export const BASE_PAY_INDEX: PayIndex = { k: 0, cola: 1, step: 1, health: 1, turnover: NO_TURNOVER, pension: 0 };

export function newPayTerms(rows: number, K: number): PayTerms {
  return {
    K, pay: new Float64Array(rows * K), payRated: new Float64Array(rows * K), entry: new Float64Array(rows * K), entryRated: new Float64Array(rows * K),
    offSchedule: new Float64Array(rows), offScheduleRated: new Float64Array(rows), health: new Float64Array(rows),
  };
}

/** Σ over who holds the positions: incumbents after k steps, each hire cohort after its own steps. */
function scheduled(pay: Float64Array, entry: Float64Array, base: number, k: number, tv: Turnover): number {
  let v = tv.incumbent * pay[base + k]!;
  for (let j = 1; j <= tv.n; j++) v += tv.weight[j]! * entry[base + k - tv.hiredAt[j]!]!;
  return v;
}

/**
 * A row's salary as held (before any cut) this year: scheduled pay — incumbents and replacements,
 * each at their step — × COLA, plus off-schedule pay × step index × COLA. Float cents.
 */
export function heldSalary(t: PayTerms, row: number, ix: PayIndex): number {
  return ix.cola * scheduled(t.pay, t.entry, row * t.K, ix.k, ix.turnover) + t.offSchedule[row]! * ix.step * ix.cola;
}

/** A row's benefits as held: rate-weighted pay, health premiums, and the pension-rate change on `salary` (heldSalary). */
export function heldBenefits(t: PayTerms, row: number, ix: PayIndex, salary: number): number {
  return ix.cola * (scheduled(t.payRated, t.entryRated, row * t.K, ix.k, ix.turnover) + t.offScheduleRated[row]! * ix.step) + t.health[row]! * ix.health + ix.pension * salary;
}

/**
 * Year t's turnover from last year's: everyone stays with probability 1 − a (a clamped to 0–1), and
 * the leavers' places are filled this year at the entry step (k = the steps advanced this year).
 */
export function advanceTurnover(prev: Turnover, t: number, attrition: number, k: number, K: number): Turnover {
  const a = Math.min(1, Math.max(0, attrition));
  const weight = new Float64Array(K);
  const hiredAt = new Int32Array(K);
  for (let j = 1; j <= prev.n; j++) { weight[j] = prev.weight[j]! * (1 - a); hiredAt[j] = prev.hiredAt[j]!; }
  weight[t] = a;
  hiredAt[t] = k;
  return { incumbent: prev.incumbent * (1 - a), n: t, weight, hiredAt };
}
