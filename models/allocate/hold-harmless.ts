import { apportion } from '../money/apportion';
import { asCents, type Cents } from '../money/cents';
import { dollars, flag, type AllocationFlag } from './flags';

export interface HoldHarmlessResult {
  cents: Cents[];
  prior: Cents[];
  floors: Cents[];
  held: boolean[];
  flags: AllocationFlag[];
}

/**
 * Hold-harmless: no site gets less than (1 − maxLoss) × last year's allocation; the others are
 * scaled down in proportion to their formula amounts to pay for it. Raising a site to its floor
 * lowers everyone else, which can push another site under its floor, so the set of held sites
 * grows until no unheld site is below its floor — a fixed point reached in at most n rounds
 * because the set only grows. The total never changes: held sites get their floor (whole cents),
 * the rest share what is left by apportion. If the floors alone exceed the total, every floor is
 * scaled down proportionally (flagged).
 */
export function applyHoldHarmless(
  siteIds: readonly string[],
  amounts: readonly Cents[],
  prior: ReadonlyMap<string, Cents> | null,
  maxLoss: number | undefined,
): HoldHarmlessResult {
  const n = siteIds.length;
  const zero = asCents(0);
  const priorCents = siteIds.map((id) => prior?.get(id) ?? zero);
  const none: HoldHarmlessResult = { cents: [...amounts], prior: priorCents, floors: amounts.map(() => zero), held: amounts.map(() => false), flags: [] };
  if (maxLoss === undefined || !prior || prior.size === 0) return none;
  const total = amounts.reduce((a, b) => a + b, 0);
  const floors = priorCents.map((p) => asCents(Math.ceil(p * (1 - maxLoss) - 1e-9)));
  const flags: AllocationFlag[] = [];
  const floorSum = floors.reduce((a, b) => a + b, 0);
  if (floorSum > total) {
    flags.push(flag('warning', 'hold_harmless_infeasible', `Hold-harmless floors (${dollars(floorSum)}) exceed the pool (${dollars(total)}); every site was given the same share of its floor.`));
    return { cents: apportion(asCents(total), floors), prior: priorCents, floors, held: floors.map((f) => f > 0), flags };
  }
  const held = new Array<boolean>(n).fill(false);
  for (let round = 0; round <= n; round++) {
    let heldSum = 0;
    let freeWeight = 0;
    for (let i = 0; i < n; i++) {
      if (held[i]) heldSum += floors[i]!;
      else freeWeight += amounts[i]!;
    }
    const scale = freeWeight > 0 ? (total - heldSum) / freeWeight : 0;
    let changed = false;
    for (let i = 0; i < n; i++) {
      if (!held[i] && amounts[i]! * scale < floors[i]!) {
        held[i] = true;
        changed = true;
      }
    }
    if (!changed) break;
  }
  const heldSum = floors.reduce((a: number, f, i) => a + (held[i] ? f : 0), 0);
  const freeIdx = [...Array(n).keys()].filter((i) => !held[i]);
  const freeCents = apportion(asCents(total - heldSum), freeIdx.map((i) => amounts[i]!));
  const cents = [...amounts];
  freeIdx.forEach((i, k) => { cents[i] = freeCents[k]!; });
  for (let i = 0; i < n; i++) if (held[i]) cents[i] = floors[i]!;
  // Rounding can leave an unheld site a cent under its floor; move that cent from the largest free site.
  for (const i of freeIdx) {
    const short = floors[i]! - cents[i]!;
    if (short <= 0) continue;
    const donor = freeIdx.reduce((best, j) => (cents[j]! - floors[j]! > cents[best]! - floors[best]! ? j : best), freeIdx[0]!);
    if (cents[donor]! - floors[donor]! >= short) {
      cents[donor] = asCents(cents[donor]! - short);
      cents[i] = floors[i]!;
    }
  }
  const heldCount = held.filter(Boolean).length;
  if (heldCount > 0) flags.push(flag('info', 'hold_harmless', `Hold-harmless kept ${heldCount} site(s) at ${Math.round((1 - maxLoss) * 1000) / 10}% of last year; the other sites were scaled to pay for it.`));
  return { cents, prior: priorCents, floors, held, flags };
}
