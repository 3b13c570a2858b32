import { chargeBucket } from './buckets';
import { C } from './objects';
import { BASE_PAY_INDEX, heldBenefits, heldSalary, newPayTerms, type PayIndex, type PayTerms } from './pay';
import { chargeTo, selfPayers, type Payers } from './payers';
import type { Buckets } from './prepare-personnel';

// The reconciling line: where personnel is costed from Positions but the Budget sheet has salary
// and benefit lines, the base year is the budget, and the difference (budget lines − positions'
// cost, per fund and class) is a line of its own. It stands for what the adopted budget pays
// people beyond the positions listed — substitutes, stipends, overtime, extra duty, a vacancy
// factor, rounding — so in later years it grows at the rate of the positions' own pay in the same
// fund and class, and year 1 has no jump. docs/forecast.md, "The base year is the Budget sheet".

/** Salaries and benefits only: index [f·PC + c] with c = SAL (0) or BEN (1), the first two object classes. */
export const PC = 2;

export interface ReconcilingLine {
  /** [f·PC + c]: the budget's personnel lines less the positions' base-year cost charged to fund f (whole cents). */
  amount: Float64Array;
  /** [f·PC + c]: the positions' base-year pay as held, by funding fund (what `amount` grows with). */
  held0: Float64Array;
  /** The positions' pay terms summed by funding fund (a row per fund). */
  byFund: PayTerms;
}

/** Budget lines − the positions as the engine charges them in the base year, per fund and class. */
export function reconcilingLine(buckets: Buckets, fundCount: number, personnelLines: ReadonlyMap<number, number>): ReconcilingLine {
  const charged = positionsAtBase(buckets, fundCount);
  const byFund = fundPay(buckets, fundCount);
  const amount = new Float64Array(fundCount * PC);
  const held0 = new Float64Array(fundCount * PC);
  for (let f = 0; f < fundCount; f++) {
    const sal = heldSalary(byFund, f, BASE_PAY_INDEX);
    for (let c = 0; c < PC; c++) {
      amount[f * PC + c] = (personnelLines.get(f * PC + c) ?? 0) - charged[f * C + c]!;
      held0[f * PC + c] = c === 0 ? sal : heldBenefits(byFund, f, BASE_PAY_INDEX, sal);
    }
  }
  return { amount, held0, byFund };
}

/**
 * The positions' pay terms summed by funding fund (each bucket's by its shares), so a year's pay
 * as held in fund f is a handful of products, not a loop over buckets: heldSalary/heldBenefits
 * (pay.ts) on a fund's row are the buckets' formula with the bucket terms replaced by their fund sums.
 */
export function fundPay(b: Buckets, fundCount: number): PayTerms {
  const K = b.K;
  const out = newPayTerms(fundCount, K);
  for (let i = 0; i < b.count; i++) {
    for (let s = b.shareStart[i]!; s < b.shareStart[i + 1]!; s++) {
      const w = b.shareWeight[s]!;
      const f = b.shareFund[s]!;
      for (let k = 0; k < K; k++) {
        out.pay[f * K + k]! += w * b.pay[i * K + k]!;
        out.payRated[f * K + k]! += w * b.payRated[i * K + k]!;
        out.entry[f * K + k]! += w * b.entry[i * K + k]!;
        out.entryRated[f * K + k]! += w * b.entryRated[i * K + k]!;
      }
      out.offSchedule[f]! += w * b.offSchedule[i]!;
      out.offScheduleRated[f]! += w * b.offScheduleRated[i]!;
      out.health[f]! += w * b.health[i]!;
    }
  }
  return out;
}

/**
 * The base-year cost of the positions (no steps, no COLA, no attrition, no pension change, no plan),
 * charged exactly as the engine charges the base year: whole cents by fund and object class [f·C + c].
 */
export function positionsAtBase(b: Buckets, fundCount: number): Float64Array {
  const charged = new Float64Array(fundCount * C);
  const payer = selfPayers(fundCount);
  for (let i = 0; i < b.count; i++) {
    const sal = heldSalary(b, i, BASE_PAY_INDEX);
    chargeBucket(b, charged, i, Math.round(sal), Math.round(heldBenefits(b, i, BASE_PAY_INDEX, sal)), payer);
  }
  return charged;
}

/**
 * Charges the reconciling line of year t to the funds that pay (`payers`), into `exp` ([f·C + c])
 * and `out` ([payer·PC + c]). Base year: exactly the difference, so the year is the budget.
 * Later: round(R × held_t ÷ held_0), held being the positions' pay in the same funding fund and
 * class; a fund and class with no positions behind its lines grows with that class's line
 * inflation (`infl`: COLA for salaries, health inflation for benefits).
 */
export function chargeReconciling(line: ReconcilingLine, t: number, ix: PayIndex, infl: Float64Array, payers: Payers, exp: Float64Array, out: Float64Array): void {
  const F = line.amount.length / PC;
  for (let f = 0; f < F; f++) {
    for (let c = 0; c < PC; c++) {
      const j = f * PC + c;
      const r = line.amount[j]!;
      if (r === 0) continue;
      let amount = r;
      if (t > 0) {
        const h0 = line.held0[j]!;
        amount = Math.round(r * (h0 > 0 ? heldPayOf(line.byFund, f, c, ix) / h0 : infl[c]!));
      }
      chargeTo(payers, exp, f, c, amount, out, PC);
    }
  }
}

function heldPayOf(terms: PayTerms, f: number, c: number, ix: PayIndex): number {
  const sal = heldSalary(terms, f, ix);
  return c === 0 ? sal : heldBenefits(terms, f, ix, sal);
}
