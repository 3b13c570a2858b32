import { asCents, type Cents } from './cents';

/**
 * Splits `total` cents in proportion to `weights` so the parts add up to `total` exactly
 * (largest remainder / Hamilton). Ties in the remainder go to the earlier index, so the same
 * inputs always give the same split. Negative totals split like positive ones and are negated.
 * All-zero weights split evenly. Weights must be finite and non-negative.
 */
export function apportion(total: Cents, weights: readonly number[]): Cents[] {
  const n = weights.length;
  if (n === 0) {
    if (total !== 0) throw new RangeError('cannot apportion a non-zero total over no parts');
    return [];
  }
  let sum = 0;
  for (const w of weights) {
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`apportion weight must be finite and ≥ 0, got ${w}`);
    sum += w;
  }
  const sign = total < 0 ? -1 : 1;
  const whole = Math.abs(total);
  const shares = sum > 0 ? weights.map((w) => (w / sum) * whole) : weights.map(() => whole / n);
  const floors = shares.map((s) => Math.floor(s));
  let left = whole - floors.reduce((a, b) => a + b, 0);
  const order = shares
    .map((s, i) => ({ i, rem: s - Math.floor(s) }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) floors[order[k]!.i]! += 1;
  return floors.map((f) => asCents(sign * f === 0 ? 0 : sign * f));
}
