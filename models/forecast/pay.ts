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
  /** [row·K + k]: Σ fte × max(0, pay after k steps − the replacement step's pay): the turnover gap. */
  gap: Float64Array;
  /** [row·K + k]: the turnover gap × benefits rate. */
  gapRated: Float64Array;
  /** [row]: off-schedule pay (grows with step_increase), and × benefits rate. */
  offSchedule: Float64Array;
  offScheduleRated: Float64Array;
  /** [row]: health premiums (cents). */
  health: Float64Array;
}

/** This year's indices, as a pay row is costed with them. */
export interface PayIndex {
  /** Steps advanced (capped at K − 1). */
  k: number;
  cola: number;
  /** Index of step_increase (off-schedule pay). */
  step: number;
  health: number;
  /** This year's attrition rate (0 in the base year). */
  attrition: number;
  /** Pension rate less the base year's. */
  pension: number;
}

/** The base year's indices: no steps, no growth, no turnover, no pension change. */
export const BASE_PAY_INDEX: PayIndex = { k: 0, cola: 1, step: 1, health: 1, attrition: 0, pension: 0 };

export function newPayTerms(rows: number, K: number): PayTerms {
  return {
    K, pay: new Float64Array(rows * K), payRated: new Float64Array(rows * K), gap: new Float64Array(rows * K), gapRated: new Float64Array(rows * K),
    offSchedule: new Float64Array(rows), offScheduleRated: new Float64Array(rows), health: new Float64Array(rows),
  };
}

/**
 * A row's salary as held (before any cut) this year: schedule pay after k steps × COLA less the
 * expected turnover saving, plus off-schedule pay × step index × COLA. Float cents.
 */
export function heldSalary(t: PayTerms, row: number, ix: PayIndex): number {
  const i = row * t.K + ix.k;
  return ix.cola * (t.pay[i]! - ix.attrition * t.gap[i]!) + t.offSchedule[row]! * ix.step * ix.cola;
}

/** A row's benefits as held: rate-weighted pay, health premiums, and the pension-rate change on `salary` (heldSalary). */
export function heldBenefits(t: PayTerms, row: number, ix: PayIndex, salary: number): number {
  const i = row * t.K + ix.k;
  return ix.cola * (t.payRated[i]! - ix.attrition * t.gapRated[i]! + t.offScheduleRated[row]! * ix.step) + t.health[row]! * ix.health + ix.pension * salary;
}
