import { apportion } from '../money/apportion';
import { asCents } from '../money/cents';
import { C } from './objects';
import type { Prepared } from './prepare';

// Who pays, in a forecast year, what each fund paid in the base year. A fund pays for itself until
// its last fiscal year; in that year it pays the share before its end date (2 CFR 200.309: costs
// are allowable within the period of performance) and the rest of the year goes where the grant's
// end sends it — the general fund (`move_to_general`) or nobody (`cut`); afterwards all of it does.

export interface Payers {
  /** [f]: the fund that pays first (f itself, the general fund after its end, or −1: nobody). */
  first: Int32Array;
  /** [f]: the share `first` pays (1 but in a grant's last, partial fiscal year). */
  share: Float64Array;
  /** [f]: who pays the rest of that year (the general fund, or −1). */
  rest: Int32Array;
}

export function newPayers(fundCount: number): Payers {
  return { first: new Int32Array(fundCount), share: new Float64Array(fundCount).fill(1), rest: new Int32Array(fundCount).fill(-1) };
}

/** Each fund paying for itself (the base year: every line and position is charged to the fund it names). */
export function selfPayers(fundCount: number): Payers {
  const out = newPayers(fundCount);
  for (let f = 0; f < fundCount; f++) out.first[f] = f;
  return out;
}

export function setPayers(p: Prepared, out: Payers, t: number, year: number): void {
  for (let f = 0; f < p.funds.length; f++) {
    const fund = p.funds[f]!;
    const after = fund.onEnd === 'move_to_general' ? p.general : -1;
    out.share[f] = 1;
    out.rest[f] = -1;
    if (t === 0 || year < fund.lastYear) out.first[f] = f;
    else if (year > fund.lastYear) out.first[f] = after;
    else {
      out.first[f] = f;
      if (fund.lastYearShare < 1) { out.share[f] = fund.lastYearShare; out.rest[f] = after; }
    }
  }
}

/** The share of what fund f paid in the base year that nobody pays this year (a grant's end under "cut"). */
export function lostShare(payers: Payers, f: number): number {
  const s = payers.share[f]!;
  return (payers.first[f]! < 0 ? s : 0) + (payers.rest[f]! < 0 && s < 1 ? 1 - s : 0);
}

/**
 * Charges `amount` cents of what fund f paid in the base year, object class c, to this year's
 * payers: into `spend` [payer·C + c] and, when given, `also` [payer·stride + c]. A partial year is
 * split with apportion(), so the two parts add up to the amount exactly.
 */
export function chargeTo(payers: Payers, spend: Float64Array, f: number, c: number, amount: number, also?: Float64Array, stride = 0): void {
  const first = payers.first[f]!;
  const s = payers.share[f]!;
  if (s === 1) {
    if (first >= 0) { spend[first * C + c]! += amount; if (also) also[first * stride + c]! += amount; }
    return;
  }
  const [a, b] = apportion(asCents(amount), [s, 1 - s]);
  const rest = payers.rest[f]!;
  if (first >= 0) { spend[first * C + c]! += a!; if (also) also[first * stride + c]! += a!; }
  if (rest >= 0) { spend[rest * C + c]! += b!; if (also) also[rest * stride + c]! += b!; }
}
