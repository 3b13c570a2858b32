import { apportion } from '../money/apportion';
import { asCents, type Cents } from '../money/cents';
import type { BudgetLine, Fund, SiteLevel } from '../schema/tables';
import { dollars, flag, type AllocationFlag } from './flags';

// Federal fiscal requirements the allocation has to be checked against (docs/allocate.md §Compliance).

export interface SnsSite {
  site_id: string;
  title1: boolean;
  /** General (state/local) money the site gets under "restricted funds first". */
  general_cents: Cents;
  /** What a Title-I-neutral formula would give it: the same general total shared by the formula's weights alone. */
  neutral_cents: Cents;
  difference_cents: Cents;
}

/**
 * Supplement, not supplant (ESSA §1118(b)): a school's state and local money may not depend on
 * whether it receives Title I. Spending Title I first and general funds on what is left does make
 * general money depend on Title I, so the general money each school gets in that order is compared
 * with a Title-I-neutral method — the same general total shared by the formula's own weights — and
 * Title I schools more than `tolerance` below neutral are flagged.
 */
export function supplementNotSupplant(
  sites: readonly { site_id: string; title1: boolean; general_cents: Cents; formula_weight: number }[],
  tolerance: number,
): { sites: SnsSite[]; flags: AllocationFlag[] } {
  const total = sites.reduce((a, s) => a + s.general_cents, 0);
  const neutral = sites.length > 0 ? apportion(asCents(total), sites.map((s) => Math.max(0, s.formula_weight))) : [];
  const flags: AllocationFlag[] = [];
  const out = sites.map((s, i) => {
    const n = neutral[i]!;
    const d = asCents(s.general_cents - n);
    if (s.title1 && n > 0 && s.general_cents < n * (1 - tolerance)) {
      flags.push(flag('warning', 'sns', `Supplement-not-supplant: Title I school ${s.site_id} gets ${dollars(s.general_cents)} of general funds under "restricted first" but ${dollars(n)} under a Title-I-neutral formula (${Math.round((1 - s.general_cents / n) * 100)}% less).`, { site_id: s.site_id }));
    }
    return { site_id: s.site_id, title1: s.title1, general_cents: s.general_cents, neutral_cents: n, difference_cents: d };
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

export interface MaintenanceOfEffort {
  current_cents: Cents;
  prior_cents: Cents | null;
  prior_source: 'config' | 'budget' | 'none';
  met: boolean | null;
}

const SPED = /special|sped|swd|disab|idea/i;

/** Last year's local spending on students with disabilities from the budget: general-fund lines whose program or function says special education. */
export function priorSpedFromBudget(budget: readonly BudgetLine[], funds: readonly Fund[], year: number): Cents | null {
  const general = new Set(funds.filter((f) => !f.restricted).map((f) => f.fund_code));
  let sum = 0;
  let found = false;
  for (const b of budget) {
    if (b.fiscal_year !== year || !general.has(b.fund_code)) continue;
    if (SPED.test(b.program ?? '') || SPED.test(b.function ?? '')) { sum += b.amount; found = true; }
  }
  return found ? asCents(sum) : null;
}

/** IDEA maintenance of effort (34 CFR 300.203): local spending on students with disabilities may not fall below last year's. */
export function maintenanceOfEffort(current: Cents, prior: Cents | null, source: MaintenanceOfEffort['prior_source']): { moe: MaintenanceOfEffort; flags: AllocationFlag[] } {
  if (prior === null) {
    return { moe: { current_cents: current, prior_cents: null, prior_source: 'none', met: null }, flags: [flag('info', 'idea_moe', 'IDEA maintenance of effort not checked: no prior-year local spending on students with disabilities (set allocate.idea.moe_prior_cents or budget special-education lines for last year).')] };
  }
  const met = current >= prior;
  return {
    moe: { current_cents: current, prior_cents: prior, prior_source: source, met },
    flags: met ? [] : [flag('warning', 'idea_moe', `IDEA maintenance of effort: local spending on students with disabilities ${dollars(current)} is below last year's ${dollars(prior)} by ${dollars(prior - current)} (34 CFR 300.203; check the exceptions in 300.204).`)],
  };
}
