import { asCents, type Cents } from '../money/cents';
import type { AllocateConfig } from './config';
import { dollars, flag, type AllocationFlag } from './flags';
import { fundedByFormula } from './formula';
import type { SiteProfile } from './profile';

/** A school's place in the Title I, Part A ranking (ESEA §1113). */
export interface Title1Site {
  site_id: string;
  rank: number;
  poverty_share: number;
  low_income: number;
  served: boolean;
  reason: 'above_high_poverty' | 'at_or_above_threshold' | 'below_threshold' | 'dropped_min_per_pupil';
  allocation_cents: Cents;
  /** Cents per low-income pupil (non-increasing down the ranking). */
  per_low_income_cents: number;
}

export interface Title1Ranking {
  threshold: number;
  sites: Title1Site[];
  allocated_cents: Cents;
  flags: AllocationFlag[];
}

/**
 * §1113: rank schools by poverty share; serve every school above `high_poverty` (75%) in rank
 * order, then schools at or above the district's threshold (its average, or a share it chose).
 * Money follows low-income pupils at one rate r = ⌊T ÷ N⌋ cents; the R = T − r·N cents left are
 * handed out one per pupil down the ranking, so a higher-ranked school's per-pupil amount is never
 * below a lower-ranked one's (§1113(c)(2)) and the parts add up to T exactly. If a minimum
 * per-pupil amount is set, the lowest-ranked optional schools drop out until the rate reaches it.
 */
export function rankTitle1(profiles: readonly SiteProfile[], siteCents: Cents, cfg: AllocateConfig['title1']): Title1Ranking {
  const flags: AllocationFlag[] = [];
  const schools = profiles.filter(fundedByFormula).map((p) => {
    const low = Math.round(p.needs[cfg.poverty_need] ?? 0);
    return { site_id: p.site_id, level: p.level, low, share: Math.min(1, low / p.enrollment), enrollment: p.enrollment };
  });
  schools.sort((a, b) => b.share - a.share || b.low - a.low || (a.site_id < b.site_id ? -1 : a.site_id > b.site_id ? 1 : 0));
  const totalLow = schools.reduce((a, s) => a + s.low, 0);
  const totalEnr = schools.reduce((a, s) => a + s.enrollment, 0);
  const threshold = cfg.threshold === 'district_average' ? (totalEnr > 0 ? totalLow / totalEnr : 0) : cfg.threshold;
  // By grade span, a school is measured against its own span's average poverty share.
  const spanAvg = new Map<string, number>();
  if (cfg.rank_by === 'grade_span' && cfg.threshold === 'district_average') {
    for (const level of new Set(schools.map((s) => s.level))) {
      const inSpan = schools.filter((s) => s.level === level);
      const enr = inSpan.reduce((a, s) => a + s.enrollment, 0);
      spanAvg.set(level, enr > 0 ? inSpan.reduce((a, s) => a + s.low, 0) / enr : 0);
    }
  }
  const thresholdOf = (level: string) => spanAvg.get(level) ?? threshold;
  const reasons: Title1Site['reason'][] = schools.map((s) =>
    s.share > cfg.high_poverty ? 'above_high_poverty' : s.low > 0 && s.share >= thresholdOf(s.level) ? 'at_or_above_threshold' : 'below_threshold');
  const served = () => schools.map((_, i) => reasons[i] === 'above_high_poverty' || reasons[i] === 'at_or_above_threshold');
  let isServed = served();
  const pupils = () => schools.reduce((a, s, i) => a + (isServed[i] ? s.low : 0), 0);
  if (cfg.min_per_pupil_cents > 0) {
    for (let i = schools.length - 1; i >= 0 && pupils() > 0 && siteCents / pupils() < cfg.min_per_pupil_cents; i--) {
      if (reasons[i] === 'at_or_above_threshold') {
        reasons[i] = 'dropped_min_per_pupil';
        isServed = served();
      }
    }
    if (pupils() > 0 && siteCents / pupils() < cfg.min_per_pupil_cents) {
      flags.push(flag('warning', 'title1_min_per_pupil', `Title I: schools above ${Math.round(cfg.high_poverty * 100)}% poverty must be served, but the money gives only ${dollars(siteCents / pupils())} per low-income pupil, under the minimum ${dollars(cfg.min_per_pupil_cents)}.`));
    }
  }
  const N = pupils();
  const rate = N > 0 ? Math.floor(siteCents / N) : 0;
  let rest = N > 0 ? siteCents - rate * N : 0;
  const sites: Title1Site[] = schools.map((s, i) => {
    let cents = 0;
    if (isServed[i]) {
      const extra = Math.min(rest, s.low);
      rest -= extra;
      cents = rate * s.low + extra;
    }
    return {
      site_id: s.site_id, rank: i + 1, poverty_share: s.share, low_income: s.low, served: isServed[i]!, reason: reasons[i]!,
      allocation_cents: asCents(cents), per_low_income_cents: s.low > 0 ? cents / s.low : 0,
    };
  });
  const allocated = sites.reduce((a, s) => a + s.allocation_cents, 0);
  if (N === 0 && siteCents > 0) flags.push(flag('warning', 'title1_none_served', 'Title I: no school meets the poverty threshold; the site share stays unallocated.'));
  return { threshold, sites, allocated_cents: asCents(allocated), flags };
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
