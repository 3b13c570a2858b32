import { asCents, type Cents } from '../money/cents';
import type { SiteLevel } from '../schema/tables';
import { dollars, flag, type AllocationFlag } from './flags';

// Federal fiscal requirements the allocation has to be checked against (docs/allocate.md §Compliance).

export interface SnsSite {
  site_id: string;
  title1: boolean;
  /** General (state/local) money the site gets under the district's method, Title I included. */
  general_cents: Cents;
  /** What the same method gives it with Title I removed (the Title I-neutral test of §1118(b)(2)). */
  neutral_cents: Cents;
  /** general − neutral. */
  difference_cents: Cents;
  /** For a Title I school: how much less state/local money it gets because it receives Title I (neutral − general, at least 0). */
  supplanted_cents: Cents;
}

/**
 * Supplement, not supplant (ESEA §1118(b)(2)): the district's method of allocating state and local
 * money must give each Title I school all the state and local money it would get if it did not
 * receive Title I. The test runs the district's own method twice — as it is, and with Title I
 * removed — and compares each school's state/local money. A Title I school that gets less with
 * Title I is flagged with the amount. The statute allows no tolerance, so none is applied: every
 * cent counts.
 */
export function supplementNotSupplant(
  sites: readonly { site_id: string; title1: boolean; general_cents: Cents; neutral_cents: Cents }[],
): { sites: SnsSite[]; flags: AllocationFlag[] } {
  const flags: AllocationFlag[] = [];
  const out = sites.map((s) => {
    const supplanted = s.title1 ? Math.max(0, s.neutral_cents - s.general_cents) : 0;
    if (supplanted > 0) {
      flags.push(flag('warning', 'sns', `Supplement-not-supplant (ESEA §1118(b)(2)): Title I school ${s.site_id} gets ${dollars(s.general_cents)} of state/local money, ${dollars(supplanted)} less than the ${dollars(s.neutral_cents)} the same method gives it with Title I removed (${(supplanted / s.neutral_cents * 100).toFixed(1)}%): it gets less because it receives Title I.`, { site_id: s.site_id }));
    }
    return { site_id: s.site_id, title1: s.title1, general_cents: s.general_cents, neutral_cents: s.neutral_cents, difference_cents: asCents(s.general_cents - s.neutral_cents), supplanted_cents: asCents(supplanted) };
  });
  return { sites: out, flags };
}

export interface ComparabilitySpan {
  level: SiteLevel;
  title1_per_pupil_cents: number;
  non_title1_per_pupil_cents: number;
  ratio: number | null;
  comparable: boolean | null;
}

/**
 * Comparability (ESSA §1118(c)): in each grade span, every Title I school's state/local dollars
 * per pupil must be at least `minRatio` (commonly 90%) of the pupil-weighted average of the
 * non-Title I schools in the span. Spans with no non-Title I school cannot be compared (reported, not flagged).
 */
export function comparability(
  sites: readonly { site_id: string; level: SiteLevel; title1: boolean; general_cents: number; enrollment: number }[],
  minRatio: number,
): { spans: ComparabilitySpan[]; flags: AllocationFlag[] } {
  const flags: AllocationFlag[] = [];
  const spans: ComparabilitySpan[] = [];
  const levels = [...new Set(sites.map((s) => s.level))].sort();
  for (const level of levels) {
    const inSpan = sites.filter((s) => s.level === level && s.enrollment > 0);
    const non = inSpan.filter((s) => !s.title1);
    const t1 = inSpan.filter((s) => s.title1);
    if (t1.length === 0) continue;
    const pp = (xs: typeof inSpan) => {
      const n = xs.reduce((a, s) => a + s.enrollment, 0);
      return n > 0 ? xs.reduce((a, s) => a + s.general_cents, 0) / n : 0;
    };
    const nonPp = pp(non);
    if (non.length === 0 || nonPp <= 0) {
      spans.push({ level, title1_per_pupil_cents: pp(t1), non_title1_per_pupil_cents: 0, ratio: null, comparable: null });
      continue;
    }
    let ok = true;
    for (const s of t1) {
      const r = s.general_cents / s.enrollment / nonPp;
      if (r < minRatio) {
        ok = false;
        flags.push(flag('warning', 'comparability', `Comparability: Title I school ${s.site_id} (${level}) gets ${dollars(s.general_cents / s.enrollment)} state/local per pupil, ${Math.round(r * 100)}% of the non-Title I average ${dollars(nonPp)} (minimum ${Math.round(minRatio * 100)}%).`, { site_id: s.site_id }));
      }
    }
    const t1Pp = pp(t1);
    spans.push({ level, title1_per_pupil_cents: t1Pp, non_title1_per_pupil_cents: nonPp, ratio: t1Pp / nonPp, comparable: ok });
  }
  return { spans, flags };
}
