import { apportion } from '../money/apportion';
import { asCents, type Cents } from '../money/cents';
import { ok, type Parsed } from '../result';
import type { SiteLevel } from '../schema/tables';
import type { AllocateConfig } from './config';
import { dollars, flag, type AllocationFlag } from './flags';
import { fundedByFormula } from './formula';
import type { SiteProfile } from './profile';
import { distributeTitle1, type Title1Band, type Title1School } from './title1-bands';
import { title1Reservations, type Title1Reservations } from './title1-reservations';

export type { Title1Band } from './title1-bands';
export type { Title1Reservations } from './title1-reservations';

/** A school's place in the Title I, Part A ranking (ESEA §1113). */
export interface Title1Site {
  site_id: string;
  level: SiteLevel;
  rank: number;
  /** Rank among the schools of its own grade span (level). */
  span_rank: number;
  poverty_share: number;
  /** The poverty share this school was measured against (its span's in grade-span mode). */
  threshold: number;
  low_income: number;
  served: boolean;
  reason: 'above_high_poverty' | 'high_school_above_threshold' | 'at_or_above_threshold' | 'below_threshold' | 'dropped_min_per_pupil' | 'dropped_125_rule';
  /** The school's §1113(c)(1) allocation (family engagement money not included). */
  allocation_cents: Cents;
  /** Cents per low-income pupil (non-increasing down the ranking). */
  per_low_income_cents: number;
  /** 1-based band of the district's per-child table (null without bands or when not served). */
  band: number | null;
  /** The school's part of the parent and family engagement reservation (§1116(a)(3)(C)). */
  family_engagement_cents: Cents;
}

/** §1113(c)(2)(A): 125% of the district's allocation per low-income child, when a school below 35% is served. */
export interface Title1Rule125 {
  /** True when a served school is below 35% poverty. */
  applies: boolean;
  /** The district's Title I allocation ÷ its low-income children (cents, unrounded). */
  lea_per_child_cents: number;
  /** 125% of that (cents, unrounded): the least a served school may get per low-income child when the rule applies. */
  min_per_child_cents: number;
  /** null when the rule does not apply. */
  met: boolean | null;
  dropped: string[];
}

export interface Title1Ranking {
  threshold: number;
  /** Grade-span mode: each span's threshold. */
  span_thresholds: Record<string, number>;
  sites: Title1Site[];
  /** Given to schools by the ranking (family engagement not included). */
  allocated_cents: Cents;
  reservations: Title1Reservations;
  rule_125: Title1Rule125;
  bands: Title1Band[];
  flags: AllocationFlag[];
}

const THIRTY_FIVE = 0.35;

/**
 * §1113: take the reservations off the top (title1-reservations.ts), rank schools by poverty
 * share, serve every school above `high_poverty` (75%; high schools above
 * `high_school_high_poverty` if set, §1113(a)(3)(B)) in rank order, then schools at or above the
 * threshold (the district's — or span's — average, that or 35%, or a share the district chose).
 * Money follows low-income pupils (one rate, or the district's bands: title1-bands.ts) and never
 * rises down the ranking. Schools drop out from the bottom while a minimum per pupil or the 125%
 * rule (§1113(c)(2)(A)) is not met.
 */
export function rankTitle1(profiles: readonly SiteProfile[], availableCents: Cents, cfg: AllocateConfig['title1']): Parsed<Title1Ranking> {
  const flags: AllocationFlag[] = [];
  const res = title1Reservations(availableCents, cfg.reservations, cfg.reserve_share);
  if (!res.ok) return res;
  const reservations = res.value.reservations;
  flags.push(...res.value.flags);
  const pot = reservations.schools_cents;

  const hsLevels = new Set<string>(cfg.high_school_levels);
  const schools: (Title1School & { enrollment: number; mustServe: boolean })[] = profiles.filter(fundedByFormula).map((p) => {
    const low = Math.round(p.needs[cfg.poverty_need] ?? 0);
    const share = Math.min(1, low / p.enrollment);
    const hs = cfg.high_school_high_poverty !== undefined && hsLevels.has(p.level) && share > cfg.high_school_high_poverty;
    return { site_id: p.site_id, level: p.level, low, share, enrollment: p.enrollment, mustServe: share > cfg.high_poverty || hs };
  });
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  schools.sort((a, b) => Number(b.mustServe) - Number(a.mustServe) || b.share - a.share || b.low - a.low || byId(a.site_id, b.site_id));

  const totalLow = schools.reduce((a, s) => a + s.low, 0);
  const totalEnr = schools.reduce((a, s) => a + s.enrollment, 0);
  const districtAvg = totalEnr > 0 ? totalLow / totalEnr : 0;
  const spanAvg = new Map<string, number>();
  if (cfg.rank_by === 'grade_span') {
    for (const level of new Set(schools.map((s) => s.level))) {
      const inSpan = schools.filter((s) => s.level === level);
      const enr = inSpan.reduce((a, s) => a + s.enrollment, 0);
      spanAvg.set(level, enr > 0 ? inSpan.reduce((a, s) => a + s.low, 0) / enr : 0);
    }
  }
  const thresholdFor = (avg: number) => (typeof cfg.threshold === 'number' ? cfg.threshold : cfg.threshold === 'district_average_or_35' ? Math.min(avg, THIRTY_FIVE) : avg);
  const threshold = thresholdFor(districtAvg);
  const thresholdOf = (level: string) => thresholdFor(spanAvg.get(level) ?? districtAvg);
  const spanThresholds: Record<string, number> = {};
  for (const level of [...spanAvg.keys()].sort()) spanThresholds[level] = thresholdOf(level);

  const reasons: Title1Site['reason'][] = schools.map((s) =>
    s.mustServe ? (s.share > cfg.high_poverty ? 'above_high_poverty' : 'high_school_above_threshold') : s.low > 0 && s.share >= thresholdOf(s.level) ? 'at_or_above_threshold' : 'below_threshold');
  const isServed = (i: number) => reasons[i] === 'above_high_poverty' || reasons[i] === 'high_school_above_threshold' || reasons[i] === 'at_or_above_threshold';

  // 125% of what the district received per low-income child: its allocation before reservations ÷ its
  // low-income children (public schools' counts + those in private schools the district reports).
  const districtLow = totalLow + cfg.private_low_income;
  const leaPerChild = districtLow > 0 ? availableCents / districtLow : 0;
  const min125 = 1.25 * leaPerChild;
  const short125 = (cents: number, low: number) => low > 0 && cents < min125 * low - 1e-6;
  const dropped125: string[] = [];

  let dist = distributeTitle1(schools, schools.map((_, i) => isServed(i)), pot, cfg.bands);
  for (;;) {
    if (!dist.ok) return dist;
    const d = dist.value;
    const servedIdx = schools.map((_, i) => i).filter(isServed);
    const lowest = servedIdx.reduce((m, i) => Math.min(m, schools[i]!.low > 0 ? d.cents[i]! / schools[i]!.low : Infinity), Infinity);
    let drop = -1;
    let why: Title1Site['reason'] = 'dropped_min_per_pupil';
    if (cfg.min_per_pupil_cents > 0 && servedIdx.length > 0 && lowest < cfg.min_per_pupil_cents) {
      drop = findLast(servedIdx, (i) => reasons[i] === 'at_or_above_threshold');
    }
    if (drop < 0 && cfg.rule_125 === 'serve_fewer') {
      const applies = servedIdx.some((i) => schools[i]!.share < THIRTY_FIVE);
      if (applies && servedIdx.some((i) => short125(d.cents[i]!, schools[i]!.low))) {
        drop = findLast(servedIdx, (i) => reasons[i] === 'at_or_above_threshold' && schools[i]!.share < THIRTY_FIVE);
        why = 'dropped_125_rule';
      }
    }
    if (drop < 0) break;
    reasons[drop] = why;
    if (why === 'dropped_125_rule') dropped125.push(schools[drop]!.site_id);
    dist = distributeTitle1(schools, schools.map((_, i) => isServed(i)), pot, cfg.bands);
  }
  const d = dist.value;
  flags.push(...d.flags);

  const servedIdx = schools.map((_, i) => i).filter(isServed);
  const servedLow = servedIdx.reduce((a, i) => a + schools[i]!.low, 0);
  if (cfg.min_per_pupil_cents > 0 && servedLow > 0) {
    const lowest = Math.min(...servedIdx.filter((i) => schools[i]!.low > 0).map((i) => d.cents[i]! / schools[i]!.low));
    if (lowest < cfg.min_per_pupil_cents) {
      flags.push(flag('warning', 'title1_min_per_pupil', `Title I: schools above ${Math.round(cfg.high_poverty * 100)}% poverty must be served, but the money gives only ${dollars(lowest)} per low-income pupil, under the minimum ${dollars(cfg.min_per_pupil_cents)}.`));
    }
  }

  // §1113(c)(2)(A).
  const applies = servedIdx.some((i) => schools[i]!.share < THIRTY_FIVE);
  const shortIdx = applies ? servedIdx.filter((i) => short125(d.cents[i]!, schools[i]!.low)) : [];
  const rule125: Title1Rule125 = { applies, lea_per_child_cents: leaPerChild, min_per_child_cents: min125, met: applies ? shortIdx.length === 0 : null, dropped: dropped125 };
  if (dropped125.length > 0) {
    flags.push(flag('info', 'title1_125', `Title I §1113(c)(2)(A): not served, so that every served school gets at least 125% of the district's ${dollars(leaPerChild)} per low-income child (${dollars(min125)}): ${dropped125.join(', ')} (below 35% poverty, lowest ranked first out).`));
  }
  for (const i of shortIdx) {
    const s = schools[i]!;
    flags.push(flag('warning', 'title1_125', `Title I §1113(c)(2)(A): a school below 35% poverty is served, so every served school must get at least ${dollars(min125)} per low-income child (125% of the district's ${dollars(leaPerChild)}); ${s.site_id} (${(s.share * 100).toFixed(1)}% poverty) gets ${dollars(d.cents[i]! / s.low)}.`, { site_id: s.site_id }));
  }

  // Parent and family engagement: at least 90% of the reservation to the served schools, by their low-income children.
  const fe = new Array<number>(schools.length).fill(0);
  if (reservations.family_engagement_schools_cents > 0) {
    if (servedLow > 0) {
      const parts = apportion(reservations.family_engagement_schools_cents, servedIdx.map((i) => schools[i]!.low));
      servedIdx.forEach((i, k) => { fe[i] = parts[k]!; });
    } else {
      flags.push(flag('warning', 'title1_family_engagement', `Title I: no school is served, so the ${dollars(reservations.family_engagement_schools_cents)} of the parent and family engagement reservation meant for schools (§1116(a)(3)(C)) stays at the district.`));
    }
  }

  const spanRank = new Map<string, number>();
  const sites: Title1Site[] = schools.map((s, i) => {
    const r = (spanRank.get(s.level) ?? 0) + 1;
    spanRank.set(s.level, r);
    const cents = isServed(i) ? d.cents[i]! : 0;
    return {
      site_id: s.site_id, level: s.level, rank: i + 1, span_rank: r, poverty_share: s.share, threshold: thresholdOf(s.level), low_income: s.low,
      served: isServed(i), reason: reasons[i]!, allocation_cents: asCents(cents), per_low_income_cents: s.low > 0 ? cents / s.low : 0,
      band: isServed(i) ? d.band[i] ?? null : null, family_engagement_cents: asCents(fe[i]!),
    };
  });
  const allocated = sites.reduce((a, s) => a + s.allocation_cents, 0);
  if (servedLow === 0 && pot > 0) flags.push(flag('warning', 'title1_none_served', 'Title I: no school meets the poverty threshold; the site share stays unallocated.'));
  return ok({ threshold, span_thresholds: spanThresholds, sites, allocated_cents: asCents(allocated), reservations, rule_125: rule125, bands: d.bands, flags });
}

function findLast(xs: readonly number[], pred: (i: number) => boolean): number {
  for (let k = xs.length - 1; k >= 0; k--) if (pred(xs[k]!)) return xs[k]!;
  return -1;
}

/** True when no served school has a higher per-pupil amount than a higher-ranked served school. */
export function title1PerPupilNonIncreasing(sites: readonly Title1Site[]): boolean {
  let prev = Infinity;
  for (const s of [...sites].sort((a, b) => a.rank - b.rank)) {
    if (!s.served) continue;
    if (s.per_low_income_cents > prev + 1e-9) return false;
    prev = s.per_low_income_cents;
  }
  return true;
}

