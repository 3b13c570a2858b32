import { apportion } from '../money/apportion';
import { asCents, dollarsToCents, type Cents } from '../money/cents';
import { fail, ok, type Parsed } from '../result';
import type { RuleSet } from './config';
import { compileTerms, TermError, type CompiledTerm } from './expressions';
import { dollars, flag, type AllocationFlag } from './flags';
import { applyHoldHarmless } from './hold-harmless';
import { GRADE_KEYS, siteVariableNames, siteVariables } from './variables';
import type { SiteProfile } from './profile';

/**
 * Weighted student funding (docs/allocate.md §Formula):
 *   weighted pupils W = Σ_grade students × grade weight + Σ_need count × need weight
 *   site amount = foundation(level) + base × W + Σ custom terms + small-school subsidy
 * with the base fixed or solved so the amounts spend exactly the pool, then hold-harmless, then
 * apportioned to whole cents so the parts add up to the pool.
 */
export interface FormulaSite {
  site_id: string;
  enrollment: number;
  weighted_pupils: number;
  /** Students × grade weight only (the Houston "base allocation" the small-school cap is measured on). */
  grade_weighted_pupils: number;
  foundation_cents: Cents;
  custom_cents: Cents;
  small_school_cents: Cents;
  /** The formula's amount before hold-harmless and rounding, in dollars. */
  formula_dollars: number;
  /** Last year's allocation and the floor hold-harmless gives (0 when it does not apply). */
  prior_cents: Cents;
  floor_cents: Cents;
  held_harmless: boolean;
  allocation_cents: Cents;
}

export interface FormulaResult {
  rules: string;
  source?: string;
  base_mode: 'solve' | 'fixed';
  /** Base per pupil in dollars (unrounded; solved bases are rarely whole cents). */
  base_per_pupil: number;
  pool_cents: Cents;
  allocated_cents: Cents;
  sites: FormulaSite[];
  flags: AllocationFlag[];
}

/** Sites the formula funds: schools with students (not offices). */
export const fundedByFormula = (p: SiteProfile): boolean => p.level !== 'Central' && p.enrollment > 0;

interface Prepared {
  p: SiteProfile;
  W: number;
  G: number;
  foundation: number;
  fixedCustom: number;
  ssGap: number;
  vars: Record<string, number>;
}

export function computeFormula(
  profiles: readonly SiteProfile[],
  rules: RuleSet,
  poolCents: Cents,
  prior: ReadonlyMap<string, Cents> | null,
): Parsed<FormulaResult> {
  const flags: AllocationFlag[] = [];
  const categories = new Set<string>();
  for (const p of profiles) for (const k of Object.keys(p.needs)) categories.add(k);
  for (const k of Object.keys(rules.need_weights)) categories.add(k);
  const compiled = compileTerms(rules.custom_terms, siteVariableNames(categories));
  if (!compiled.ok) return fail(`rules "${rules.name}": ${compiled.reason}`);
  const terms = compiled.value;
  const baseTerms = terms.filter((t) => t.symbols.includes('base'));
  const fixedTerms = terms.filter((t) => !t.symbols.includes('base'));

  const funded = profiles.filter(fundedByFormula);
  let totalW = 0;
  let totalEnr = 0;
  const prepared: Prepared[] = funded.map((p) => {
    let G = 0;
    for (const g of GRADE_KEYS) {
      const n = p.byGrade[g];
      if (n) G += n * (rules.grade_weights[g] ?? 1);
    }
    let W = G;
    for (const [k, w] of Object.entries(rules.need_weights)) W += (p.needs[k] ?? 0) * w;
    totalW += W;
    totalEnr += p.enrollment;
    const thr = rules.small_school?.threshold_by_level[p.level];
    return { p, W, G, foundation: (rules.foundation_cents[p.level] ?? 0) / 100, fixedCustom: 0, ssGap: thr === undefined ? 0 : Math.max(0, thr - p.enrollment), vars: {} };
  });
  const avgNeed = totalEnr > 0 ? totalW / totalEnr : 1;
  try {
    if (terms.length > 0) {
      for (const s of prepared) {
        s.vars = siteVariables(s.p, s.W, s.W / s.p.enrollment / avgNeed, categories);
        s.fixedCustom = sumTerms(fixedTerms, s.vars);
      }
    }
  } catch (e) {
    if (e instanceof TermError) return fail(`rules "${rules.name}": ${e.message}`);
    throw e;
  }

  const ss = rules.small_school;
  const subsidy = (s: Prepared, base: number): number => {
    if (!ss || s.ssGap === 0) return 0;
    let v = (s.ssGap * ss.per_student_cents) / 100;
    if (ss.cap_share_of_base !== undefined) v = Math.min(v, ss.cap_share_of_base * base * s.G);
    if (ss.cap_cents !== undefined) v = Math.min(v, ss.cap_cents / 100);
    return v;
  };
  const amountAt = (s: Prepared, base: number): number => {
    let v = s.foundation + base * s.W + s.fixedCustom + subsidy(s, base);
    if (baseTerms.length > 0) v += sumTerms(baseTerms, { ...s.vars, base });
    return Math.max(0, v);
  };
  const totalAt = (base: number): number => {
    let t = 0;
    for (const s of prepared) t += amountAt(s, base);
    return t;
  };

  const pool = poolCents / 100;
  let base: number;
  try {
    if (rules.base_mode === 'fixed') {
      if (rules.base_per_pupil_cents === undefined) return fail(`rules "${rules.name}": a fixed base needs base_per_pupil_cents`);
      base = rules.base_per_pupil_cents / 100;
    } else {
      base = solveBase(totalAt, pool, totalW);
      if (totalAt(0) > pool) flags.push(flag('warning', 'pool_short', `Rules "${rules.name}": foundations and fixed terms (${dollars(totalAt(0), 'dollars')}) exceed the pool (${dollars(pool, 'dollars')}); every amount was scaled down to fit and the base is 0.`));
    }
  } catch (e) {
    if (e instanceof TermError) return fail(`rules "${rules.name}": ${e.message}`);
    throw e;
  }
  const amounts = prepared.map((s) => amountAt(s, base));
  const total = amounts.reduce((a, b) => a + b, 0);

  // To cents: a solved base spends the pool exactly; a fixed base spends what it costs, unless
  // that is more than the pool, when it is scaled down to the pool (and flagged).
  let cents: Cents[];
  if (rules.base_mode === 'solve' || total > pool) {
    if (rules.base_mode === 'fixed' && total > pool) {
      flags.push(flag('warning', 'pool_short', `Rules "${rules.name}" at a base of ${dollars(base, 'dollars')} cost ${dollars(total, 'dollars')}, more than the pool of ${dollars(pool, 'dollars')}; allocations were scaled down to the pool.`));
    }
    cents = prepared.length > 0 ? apportion(poolCents, amounts) : [];
  } else {
    cents = amounts.map((a) => dollarsToCents(a));
  }

  const hh = applyHoldHarmless(prepared.map((s) => s.p.site_id), cents, prior, rules.hold_harmless_max_loss);
  flags.push(...hh.flags);

  const bySite = new Map<string, number>(prepared.map((s, i) => [s.p.site_id, i]));
  const sites: FormulaSite[] = profiles.map((p) => {
    const i = bySite.get(p.site_id);
    if (i === undefined) {
      return { site_id: p.site_id, enrollment: p.enrollment, weighted_pupils: 0, grade_weighted_pupils: 0, foundation_cents: asCents(0), custom_cents: asCents(0), small_school_cents: asCents(0), formula_dollars: 0, prior_cents: asCents(0), floor_cents: asCents(0), held_harmless: false, allocation_cents: asCents(0) };
    }
    const s = prepared[i]!;
    const custom = s.fixedCustom + (baseTerms.length > 0 ? sumTerms(baseTerms, { ...s.vars, base }) : 0);
    return {
      site_id: p.site_id,
      enrollment: p.enrollment,
      weighted_pupils: s.W,
      grade_weighted_pupils: s.G,
      foundation_cents: dollarsToCents(s.foundation),
      custom_cents: dollarsToCents(custom),
      small_school_cents: dollarsToCents(subsidy(s, base)),
      formula_dollars: amounts[i]!,
      prior_cents: hh.prior[i]!,
      floor_cents: hh.floors[i]!,
      held_harmless: hh.held[i]!,
      allocation_cents: hh.cents[i]!,
    };
  });
  const allocated = hh.cents.reduce((a, b) => a + b, 0);
  return ok({ rules: rules.name, ...(rules.source ? { source: rules.source } : {}), base_mode: rules.base_mode, base_per_pupil: base, pool_cents: poolCents, allocated_cents: asCents(allocated), sites, flags });
}

function sumTerms(terms: readonly CompiledTerm[], scope: Record<string, number>): number {
  let v = 0;
  for (const t of terms) v += t.evaluate(scope);
  return v;
}

/**
 * The base per pupil at which the formula spends `pool`. The total is non-decreasing in the base
 * (foundations fixed, W ≥ 0, the small-school cap grows with the base), so bisection converges;
 * the bracket starts at the base a pure per-pupil formula would have and widens until it holds.
 */
export function solveBase(totalAt: (base: number) => number, pool: number, totalW: number): number {
  if (totalW <= 0 || totalAt(0) >= pool) return 0;
  let lo = 0;
  let hi = Math.max(1, pool / totalW);
  for (let i = 0; i < 60 && totalAt(hi) < pool; i++) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-9 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (totalAt(mid) < pool) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
