import { ok, fail, type Parsed } from '../result';
import type { SiteLevel } from '../schema/tables';
import type { AllocateConfig } from './config';
import { dollars, flag, type AllocationFlag } from './flags';

/** A school as the Title I distribution sees it, in rank order. */
export interface Title1School {
  site_id: string;
  level: SiteLevel;
  low: number;
  share: number;
}

/** One band of the per-low-income-child table as it came out. */
export interface Title1Band {
  band: number;
  min_share: number;
  /** Cents per low-income child: the band's own, or the remainder's rate (⌊R ÷ N⌋; the first R − rate·N children down the ranking get one cent more). */
  per_child_cents: number;
  remainder: boolean;
  schools: number;
  low_income: number;
  cents: number;
}

export interface Title1Distribution {
  /** Cents per school, indexed like the schools (0 when not served). */
  cents: number[];
  /** 1-based band per school (null when not served or without bands). */
  band: (number | null)[];
  /** Cents of the pot no school got (left at the district). */
  unplaced: number;
  bands: Title1Band[];
  flags: AllocationFlag[];
}

/**
 * §1113(c)(1): served schools get money in rank order on their low-income children.
 *
 * One rate (no bands): r = ⌊T ÷ N⌋ cents per child; the T − rN cents left go one per child down the
 * ranking, so per-child amounts never rise down the ranking and the parts add to T exactly.
 *
 * Bands (a district's published table): a served school is in the first band whose `min_share` its
 * poverty share reaches (the last band if none), and never in a higher band than a school ranked
 * above it. Fixed bands pay `per_child_cents` × children. A last band without an amount takes the
 * remainder R = T − Σ fixed at the one-rate rule above; if that rate would reach the band above's,
 * it is held at the band above's amount and the rest stays at the district (flagged). Fixed bands
 * that cost more than T are an error: the table cannot be paid.
 */
export function distributeTitle1(schools: readonly Title1School[], served: readonly boolean[], pot: number, bands: AllocateConfig['title1']['bands']): Parsed<Title1Distribution> {
  const n = schools.length;
  const cents = new Array<number>(n).fill(0);
  const band = new Array<number | null>(n).fill(null);
  const flags: AllocationFlag[] = [];
  if (bands.length === 0) {
    const idx = schools.map((_, i) => i).filter((i) => served[i]);
    const placed = oneRate(idx.map((i) => schools[i]!.low), pot);
    idx.forEach((i, k) => { cents[i] = placed.cents[k]!; });
    return ok({ cents, band, unplaced: pot - placed.total, bands: [], flags });
  }

  let floorBand = 0;
  const members: number[][] = bands.map(() => []);
  for (let i = 0; i < n; i++) {
    if (!served[i]) continue;
    const s = schools[i]!;
    let b = bands.findIndex((x) => s.share >= x.min_share);
    if (b < 0) b = bands.length - 1;
    b = Math.max(b, floorBand);
    floorBand = b;
    band[i] = b + 1;
    members[b]!.push(i);
  }
  let fixed = 0;
  bands.forEach((b, j) => {
    if (b.per_child_cents === undefined) return;
    for (const i of members[j]!) { cents[i] = b.per_child_cents * schools[i]!.low; fixed += cents[i]!; }
  });
  if (fixed > pot) return fail(`the per-child bands cost ${dollars(fixed)}, more than the ${dollars(pot)} the schools share: lower the band amounts or serve fewer schools`);
  let unplaced = pot - fixed;
  const last = bands.length - 1;
  const lastBand = bands[last]!;
  let remainderRate = 0;
  if (lastBand.per_child_cents === undefined && members[last]!.length > 0) {
    // The lowest amount any school ranked above the remainder band gets per child.
    let cap = Infinity;
    for (let j = last - 1; j >= 0; j--) if (members[j]!.length > 0) { cap = bands[j]!.per_child_cents!; break; }
    const lows = members[last]!.map((i) => schools[i]!.low);
    const N = lows.reduce((a, b) => a + b, 0);
    if (N > 0 && Math.floor(unplaced / N) >= cap) {
      remainderRate = cap;
      members[last]!.forEach((i) => { cents[i] = cap * schools[i]!.low; });
      unplaced -= cap * N;
      flags.push(flag('warning', 'title1_bands', `Title I: the remainder band would get more per low-income child than the band above (${dollars(cap)}), so it is held at ${dollars(cap)} and ${dollars(unplaced)} stays at the district (§1113(c)(1): a lower-ranked school may not get more per child). Raise the fixed band amounts to place it.`));
    } else {
      const placed = oneRate(lows, unplaced);
      members[last]!.forEach((i, k) => { cents[i] = placed.cents[k]!; });
      remainderRate = placed.rate;
      unplaced -= placed.total;
    }
  } else if (unplaced > 0 && members.some((m) => m.length > 0)) {
    flags.push(flag('info', 'title1_bands', `Title I: the fixed per-child bands leave ${dollars(unplaced)} of the schools' share unplaced; it stays at the district (give the last band no amount to share it as a remainder).`));
  }
  const out: Title1Band[] = bands.map((b, j) => {
    const lows = members[j]!.reduce((a, i) => a + schools[i]!.low, 0);
    return {
      band: j + 1, min_share: b.min_share, per_child_cents: b.per_child_cents ?? remainderRate, remainder: b.per_child_cents === undefined,
      schools: members[j]!.length, low_income: lows, cents: members[j]!.reduce((a, i) => a + cents[i]!, 0),
    };
  });
  return ok({ cents, band, unplaced, bands: out, flags });
}

/** ⌊T ÷ N⌋ per child and the leftover cents one per child in order: the parts add to T (or to 0 with no children). */
function oneRate(lows: readonly number[], total: number): { cents: number[]; rate: number; total: number } {
  const N = lows.reduce((a, b) => a + b, 0);
  if (N <= 0 || total <= 0) return { cents: lows.map(() => 0), rate: 0, total: 0 };
  const rate = Math.floor(total / N);
  let rest = total - rate * N;
  const cents = lows.map((low) => {
    const extra = Math.min(rest, low);
    rest -= extra;
    return rate * low + extra;
  });
  return { cents, rate, total };
}
