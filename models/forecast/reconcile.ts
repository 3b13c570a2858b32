import { chargeBucket, heldBenefits, heldSalary } from './buckets';
import { C } from './objects';
import type { Prepared } from './prepare';

// The reconciling line: where personnel is costed from Positions but the Budget sheet has salary
// and benefit lines, the base year is the budget, and the difference (budget lines − positions'
// cost, per fund and class) is a line of its own. It stands for what the adopted budget pays
// people beyond the positions listed — substitutes, stipends, overtime, extra duty, a vacancy
// factor, rounding — so in later years it grows at the rate of the positions' own pay in the same
// fund and class, and year 1 has no jump. docs/forecast.md, "Personnel".

/** Salaries and benefits only: index [f·PC + c] with c = SAL (0) or BEN (1), the first two object classes. */
export const PC = 2;

/**
 * Adds each share of a bucket's pay as held (before cuts, whoever pays after a grant ends) to its
 * funding fund: the measure whose growth the reconciling line follows.
 */
export function addHeld(p: Prepared, b: number, sal: number, ben: number, held: Float64Array): void {
  for (let s = p.shareStart[b]!; s < p.shareStart[b + 1]!; s++) {
    const w = p.shareW[s]!;
    const j = p.shareFund[s]! * PC;
    held[j]! += sal * w;
    held[j + 1]! += ben * w;
  }
}

/**
 * The positions as the adopted budget holds them (no steps, no COLA, no attrition, no pension
 * change, no plan), charged exactly as the engine charges the base year: whole cents by fund and
 * object class ([f·C + c]), and their pay as held by funding fund ([f·PC + c]).
 */
export function positionsAtBase(p: Prepared): { charged: Float64Array; held: Float64Array } {
  const F = p.funds.length;
  const charged = new Float64Array(F * C);
  const held = new Float64Array(F * PC);
  const payer = Int32Array.from({ length: F }, (_, f) => f);
  for (let b = 0; b < p.B; b++) {
    const i = b * p.K;
    const sal = heldSalary(p, i, b, 1, 1, 0);
    const ben = heldBenefits(p, i, b, 1, 1, 1, 0, 0, sal);
    addHeld(p, b, sal, ben, held);
    chargeBucket(p, charged, b, Math.round(sal), Math.round(ben), payer);
  }
  return { charged, held };
}

/**
 * Charges the reconciling line of year t to the funds that pay (`payer`), into `exp` ([f·C + c])
 * and `out` ([payer·PC + c]). Base year: exactly the difference, so the year is the budget.
 * Later: round(R × held_t ÷ held_0), held being the positions' pay in the same funding fund and
 * class; a fund and class with no positions behind its lines grows with that class's line
 * inflation (`infl`: COLA for salaries, health inflation for benefits, as budget-costed personnel).
 */
export function chargeReconciling(p: Prepared, t: number, held: Float64Array, infl: Float64Array, payer: Int32Array, exp: Float64Array, out: Float64Array): void {
  for (let f = 0; f < p.funds.length; f++) {
    const to = payer[f]!;
    for (let c = 0; c < PC; c++) {
      const j = f * PC + c;
      const r = p.recon[j]!;
      if (r === 0 || to < 0) continue;
      const h0 = p.held0[j]!;
      const amount = t === 0 ? r : Math.round(r * (h0 > 0 ? held[j]! / h0 : infl[c]!));
      exp[to * C + c]! += amount;
      out[to * PC + c]! += amount;
    }
  }
}
