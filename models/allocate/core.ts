import { apportion } from '../money/apportion';
import { asCents, type Cents } from '../money/cents';
import type { Project } from '../project/project';
import { ok, type Parsed } from '../result';
import type { AllocateConfig, RuleSet } from './config';
import { dollars, flag, type AllocationFlag } from './flags';
import { computeFormula, type FormulaResult } from './formula';
import type { FundRule } from './funds';
import type { NeedResult, Pots } from './priority-pass';
import { siteProfiles, type SiteProfile } from './profile';
import { rankTitle1, type Title1Ranking } from './title1';

/** How the needs register gets paid: the priority pass, or the optimiser (optimize.ts). */
export type NeedsSolver = (needs: Project['needs'], rules: readonly FundRule[], pots: Pots, ctx: { config: AllocateConfig; generalForNeeds: boolean; totalsOnly?: boolean }) => Parsed<NeedResult[]>;

export interface CoreInput {
  project: Project;
  cfg: AllocateConfig;
  rules: RuleSet;
  year: number;
  allocationDate: string;
  profiles: readonly SiteProfile[];
  /** Every fund's rule (fundRules). */
  fRules: readonly FundRule[];
  solver: NeedsSolver;
}

export interface CoreResult {
  /** The funds the run used (without the Title I fund when it was removed). */
  fRules: FundRule[];
  t1Rule: FundRule | null;
  t1: Title1Ranking | null;
  /** What each pot has left after the needs register (district pots; Title I per school). */
  pots: Pots;
  needs: NeedResult[];
  formula: FormulaResult;
  pool: Cents;
  priorSource: 'config' | 'formula_prior_year' | 'none';
  generalRules: FundRule[];
  /** Each general fund's share of what the formula spent, in generalRules order. */
  formulaByFund: Cents[];
  flags: AllocationFlag[];
}

/**
 * The district's method, start to finish: Title I ranked into per-school pots (§1113), every
 * restricted fund to the needs register first, general funds to what remains, the rest of the
 * general money through the weighted student formula. `withoutTitle1` runs the same method with
 * the Title I fund removed — the Title I-neutral comparison of the supplement-not-supplant test.
 */
export function allocationCore(input: CoreInput, withoutTitle1 = false): Parsed<CoreResult> {
  const { project, cfg, rules, year, profiles, allocationDate } = input;
  const flags: AllocationFlag[] = [];
  const live = input.fRules.filter((r) => !(withoutTitle1 && r.isTitle1));
  const pots: Pots = { district: new Map(), title1Sites: new Map() };
  const t1Rule = live.find((r) => r.isTitle1 && !r.expired) ?? null;
  let t1: Title1Ranking | null = null;
  for (const r of live) {
    if (r.expired) {
      if (r.fund.available > 0) flags.push(flag('warning', 'fund_expired', `Fund ${r.fund.fund_code} ended ${r.fund.end_date}, before the allocation date ${allocationDate}: its ${dollars(r.fund.available)} cannot be allocated.`, { fund_code: r.fund.fund_code }));
      continue;
    }
    if (r === t1Rule) {
      const ranking = rankTitle1(profiles, asCents(r.fund.available), cfg.title1);
      if (!ranking.ok) return ranking;
      t1 = ranking.value;
      flags.push(...t1.flags);
      // The district's reserve, anything the ranking could not place, and family-engagement money no served school could take stay at the district.
      const res = t1.reservations;
      const feToSchools = t1.sites.reduce((a, s) => a + s.family_engagement_cents, 0);
      const district = r.fund.available - res.family_engagement_cents - res.equitable_services_cents - res.homeless_cents - res.neglected_delinquent_cents - t1.allocated_cents + (res.family_engagement_schools_cents - feToSchools);
      pots.district.set(r.fund.fund_code, district);
      for (const s of t1.sites) if (s.allocation_cents > 0) pots.title1Sites.set(s.site_id, s.allocation_cents);
    } else {
      pots.district.set(r.fund.fund_code, r.fund.available);
    }
  }
  const generalRules = live.filter((r) => !r.restricted && !r.expired);
  // A pool fixed in the rules is set aside from the general funds before the needs register.
  const generalTotal = generalRules.reduce((a, r) => a + Math.max(0, r.fund.available), 0);
  let poolReserve: Cents[] = generalRules.map(() => asCents(0));
  if (rules.pool_cents !== undefined) {
    const want = Math.min(rules.pool_cents, generalTotal);
    if (rules.pool_cents > generalTotal) flags.push(flag('warning', 'pool_short', `Rules "${rules.name}" ask for a pool of ${dollars(rules.pool_cents)} but the general funds have ${dollars(generalTotal)}.`));
    poolReserve = generalRules.length > 0 ? apportion(asCents(want), generalRules.map((r) => Math.max(0, r.fund.available))) : [];
    generalRules.forEach((r, i) => pots.district.set(r.fund.fund_code, r.fund.available - poolReserve[i]!));
  }

  // The Title I-removed run is read only for each site's general money: a solver may skip the per-fund detail.
  const needsRes = input.solver(project.needs, live, pots, { config: cfg, generalForNeeds: cfg.general_for_needs === 'fill', totalsOnly: withoutTitle1 });
  if (!needsRes.ok) return needsRes;
  const needs = needsRes.value;

  // The formula pool: the reserve, or whatever general money the needs register left.
  // A general fund with a negative balance (a deficit entered as negative available) gives the formula nothing, never negative money.
  const poolParts = rules.pool_cents !== undefined ? poolReserve : generalRules.map((r) => asCents(Math.max(0, pots.district.get(r.fund.fund_code) ?? 0)));
  const pool = asCents(poolParts.reduce((a, b) => a + b, 0));
  const prior = priorAllocations(project, cfg, rules, year, pool);
  const formulaRes = computeFormula(profiles, rules, pool, prior.map);
  if (!formulaRes.ok) return formulaRes;
  const formula = formulaRes.value;
  flags.push(...formula.flags);
  // Each general fund pays its share of what the formula spent.
  const formulaByFund = generalRules.length > 0 ? apportion(formula.allocated_cents, poolParts) : [];
  return ok({ fRules: live, t1Rule, t1, pots, needs, formula, pool, priorSource: prior.source, generalRules, formulaByFund, flags });
}

function priorAllocations(project: Project, cfg: AllocateConfig, rules: RuleSet, year: number, pool: Cents): { map: Map<string, Cents> | null; source: CoreResult['priorSource'] } {
  if (rules.hold_harmless_max_loss === undefined) return { map: null, source: 'none' };
  const given = Object.entries(cfg.prior_allocations);
  if (given.length > 0) return { map: new Map(given.map(([k, v]) => [k, asCents(v)])), source: 'config' };
  // No saved figures: last year's allocation is estimated as these rules on last year's students.
  const last = siteProfiles(project, year - 1);
  if (!last.some((p) => p.enrollment > 0)) return { map: null, source: 'none' };
  const res = computeFormula(last, { ...rules, hold_harmless_max_loss: undefined }, pool, null);
  if (!res.ok) return { map: null, source: 'none' };
  return { map: new Map(res.value.sites.map((s) => [s.site_id, s.allocation_cents])), source: 'formula_prior_year' };
}

/** Each site's general (state/local) money: formula + general money on its needs. */
export function generalBySite(core: Pick<CoreResult, 'formula' | 'needs'>): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of core.formula.sites) m.set(f.site_id, f.allocation_cents);
  for (const n of core.needs) if (n.site_id !== undefined && n.general_cents > 0) m.set(n.site_id, (m.get(n.site_id) ?? 0) + n.general_cents);
  return m;
}
