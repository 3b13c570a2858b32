import { BEN, SAL } from './objects';
import { chargeTo, lostShare, type Payers } from './payers';
import type { Buckets } from './prepare-personnel';

// Position buckets in a forecast year (models/forecast/year-personnel.ts): charging a bucket's pay
// to the funds that pay it this year (payers.ts), and the FTE a plan or staffing change matches and cuts.

/**
 * Splits `amount` cents over a bucket's funds by share (largest remainder, like apportion(), but
 * allocation-free: buckets have two or three funds, so leftover cents go by repeated maximum), each
 * part charged to whoever pays for its fund this year. Returns the share of the bucket nobody pays
 * (a grant's end under the "cut" policy, 0–1).
 */
export function splitCharge(b: Buckets, exp: Float64Array, s0: number, s1: number, cls: number, amount: number, payers: Payers): number {
  let given = 0;
  let lost = 0;
  for (let s = s0; s < s1; s++) {
    const part = Math.floor(amount * b.shareWeight[s]!);
    const f = b.shareFund[s]!;
    chargeTo(payers, exp, f, cls, part);
    lost += b.shareWeight[s]! * lostShare(payers, f);
    given += part;
  }
  let left = amount - given;
  let lastPick = -1;
  let lastRem = Infinity;
  while (left > 0) {
    // Next largest remainder strictly after the previous pick in (remainder desc, index asc) order.
    let pick = -1;
    let best = -1;
    for (let s = s0; s < s1; s++) {
      const exact = amount * b.shareWeight[s]!;
      const rem = exact - Math.floor(exact);
      const after = rem < lastRem || (rem === lastRem && s > lastPick);
      if (after && rem > best) { best = rem; pick = s; }
    }
    if (pick < 0) { lastPick = -1; lastRem = Infinity; continue; }
    chargeTo(payers, exp, b.shareFund[pick]!, cls, 1);
    lastPick = pick;
    lastRem = best;
    left--;
  }
  return lost;
}

/**
 * Charges bucket i's salary and benefits (whole cents) to the funds that pay them. Returns the
 * share of the bucket nobody pays (a grant's end under the "cut" policy, 0–1).
 */
export function chargeBucket(b: Buckets, exp: Float64Array, i: number, sal: number, ben: number, payers: Payers): number {
  const s0 = b.shareStart[i]!;
  const s1 = b.shareStart[i + 1]!;
  if (s1 - s0 === 1) {
    const f = b.shareFund[s0]!;
    chargeTo(payers, exp, f, SAL, sal);
    chargeTo(payers, exp, f, BEN, ben);
    return lostShare(payers, f);
  }
  const lost = splitCharge(b, exp, s0, s1, SAL, sal, payers);
  splitCharge(b, exp, s0, s1, BEN, ben, payers);
  return lost;
}

/** FTE still in buckets of a role (−1 any) at a site (−1 any). */
export function matchFte(b: Buckets, scale: Float64Array, role: number, site: number): number {
  let m = 0;
  for (let i = 0; i < b.count; i++) if ((role < 0 || b.role[i] === role) && (site < 0 || b.site[i] === site)) m += b.fte[i]! * scale[i]!;
  return m;
}

/** Cuts `fte` from the matching buckets in proportion to their FTE; returns the FTE cut. */
export function cutBuckets(b: Buckets, scale: Float64Array, role: number, site: number, fte: number): number {
  const m = matchFte(b, scale, role, site);
  if (m <= 0 || fte <= 0) return 0;
  const f = Math.max(0, 1 - fte / m);
  for (let i = 0; i < b.count; i++) if ((role < 0 || b.role[i] === role) && (site < 0 || b.site[i] === site)) scale[i]! *= f;
  return Math.min(fte, m);
}
