import { chargeBucket, heldBenefits, heldSalary } from './buckets';
import { C } from './objects';
import type { Prepared } from './prepare';

// The reconciling line: where personnel is costed from Positions but the Budget sheet has salary
// and benefit lines, the base year is the budget, and the difference (budget lines − positions'
// cost, per fund and class) is a line of its own. It stands for what the adopted budget pays
// people beyond the positions listed — substitutes, stipends, overtime, extra duty, a vacancy
// factor, rounding — so in later years it grows at the rate of the positions' own pay in the same
// fund and class, and year 1 has no jump. docs/forecast.md, "The base year is the Budget sheet".

/** Salaries and benefits only: index [f·PC + c] with c = SAL (0) or BEN (1), the first two object classes. */
export const PC = 2;

/**
 * The positions' pay terms summed by funding fund (each bucket's by its shares), so a year's pay
 * as held in fund f is a handful of products, not a loop over buckets: the same linear formula as
 * heldSalary/heldBenefits (buckets.ts) with the bucket terms replaced by their fund sums.
 */
export interface FundPay {
  /** [f·K + k] */
  S: Float64Array; SB: Float64Array; D: Float64Array; DB: Float64Array;
  /** [f] */
  O: Float64Array; OB: Float64Array; H: Float64Array;
}

export function fundPay(p: Prepared): FundPay {
  const F = p.funds.length;
  const K = p.K;
  const out: FundPay = {
    S: new Float64Array(F * K), SB: new Float64Array(F * K), D: new Float64Array(F * K), DB: new Float64Array(F * K),
    O: new Float64Array(F), OB: new Float64Array(F), H: new Float64Array(F),
  };
  for (let b = 0; b < p.B; b++) {
    for (let s = p.shareStart[b]!; s < p.shareStart[b + 1]!; s++) {
      const w = p.shareW[s]!;
      const f = p.shareFund[s]!;
      for (let k = 0; k < K; k++) {
        out.S[f * K + k]! += w * p.S[b * K + k]!;
        out.SB[f * K + k]! += w * p.SB[b * K + k]!;
        out.D[f * K + k]! += w * p.D[b * K + k]!;
        out.DB[f * K + k]! += w * p.DB[b * K + k]!;
      }
      out.O[f]! += w * p.O[b]!;
      out.OB[f]! += w * p.OB[b]!;
      out.H[f]! += w * p.H[b]!;
    }
  }
  return out;
}

/**
 * Positions' salaries (c = 0) or benefits (c = 1) funded by f, as held (before plan cuts and
 * additions, whoever pays after a grant ends), after k steps with this year's indices.
 */
export function heldPay(fp: FundPay, K: number, f: number, c: number, k: number, cola: number, stepIdx: number, health: number, attr: number, pension: number): number {
  const i = f * K + k;
  const sal = cola * (fp.S[i]! - attr * fp.D[i]!) + fp.O[f]! * stepIdx * cola;
  if (c === 0) return sal;
  return cola * (fp.SB[i]! - attr * fp.DB[i]! + fp.OB[f]! * stepIdx) + fp.H[f]! * health + pension * sal;
}

/**
 * The base-year cost of the positions (no steps, no COLA, no attrition, no pension change, no plan),
 * charged exactly as the engine charges the base year: whole cents by fund and object class [f·C + c].
 */
export function positionsAtBase(p: Prepared): Float64Array {
  const F = p.funds.length;
  const charged = new Float64Array(F * C);
  const payer = Int32Array.from({ length: F }, (_, f) => f);
  for (let b = 0; b < p.B; b++) {
    const i = b * p.K;
    const sal = heldSalary(p, i, b, 1, 1, 0);
    chargeBucket(p, charged, b, Math.round(sal), Math.round(heldBenefits(p, i, b, 1, 1, 1, 0, 0, sal)), payer);
  }
  return charged;
}

/** This year's indices for the reconciling line's growth. */
export interface PayIndex { k: number; cola: number; stepIdx: number; health: number; attr: number; pension: number }

/**
 * Charges the reconciling line of year t to the funds that pay (`payer`), into `exp` ([f·C + c])
 * and `out` ([payer·PC + c]). Base year: exactly the difference, so the year is the budget.
 * Later: round(R × held_t ÷ held_0), held being the positions' pay in the same funding fund and
 * class; a fund and class with no positions behind its lines grows with that class's line
 * inflation (`infl`: COLA for salaries, health inflation for benefits, as budget-costed personnel).
 */
export function chargeReconciling(p: Prepared, t: number, ix: PayIndex, infl: Float64Array, payer: Int32Array, exp: Float64Array, out: Float64Array): void {
  const fp = p.fundPay;
  if (!fp) return;
  for (let f = 0; f < p.funds.length; f++) {
    const to = payer[f]!;
    for (let c = 0; c < PC; c++) {
      const j = f * PC + c;
      const r = p.recon[j]!;
      if (r === 0 || to < 0) continue;
      let amount = r;
      if (t > 0) {
        const h0 = p.held0[j]!;
        amount = Math.round(r * (h0 > 0 ? heldPay(fp, p.K, f, c, ix.k, ix.cola, ix.stepIdx, ix.health, ix.attr, ix.pension) / h0 : infl[c]!));
      }
      exp[to * C + c]! += amount;
      out[to * PC + c]! += amount;
    }
  }
}
