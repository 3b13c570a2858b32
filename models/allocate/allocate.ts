import { apportion } from '../money/apportion';
import { asCents, type Cents } from '../money/cents';
import type { Project } from '../project/project';
import { fail, ok, type Parsed } from '../result';
import type { SiteLevel } from '../schema/tables';
import { AllocateConfigSchema, type AllocateConfig, type AllocateConfigInput, type RuleSet } from './config';
import { comparability, maintenanceOfEffort, priorSpedFromBudget, supplementNotSupplant, type ComparabilitySpan, type MaintenanceOfEffort, type SnsSite } from './compliance';
import { equityMeasures, verticalEquity, type EquityMeasures, type VerticalEquity } from './equity';
import { dollars, flag, type AllocationFlag } from './flags';
import { computeFormula, fundedByFormula, type FormulaResult } from './formula';
import { defaultAllocationDate, fundRules, type FundRule } from './funds';
import { DEFAULT_RULES, PRESETS, type PresetName } from './presets';
import { priorityPass, type NeedResult, type Pots } from './priority-pass';
import { baseYear, siteProfiles, type SiteProfile } from './profile';
import { rankTitle1, type Title1Site } from './title1';
import { rulesFromRows } from './rules-sheet';

export interface SiteAllocation {
  site_id: string;
  name: string;
  level: SiteLevel;
  enrollment: number;
  weighted_pupils: number;
  /** Weighted pupils per pupil ÷ the district's (1.00 = average need). */
  needs_index: number;
  poverty_share: number;
  formula_cents: Cents;
  needs_cents: Cents;
  title1_unassigned_cents: Cents;
  general_cents: Cents;
  restricted_cents: Cents;
  allocation_cents: Cents;
  per_pupil_cents: number | null;
  per_weighted_pupil_cents: number | null;
  /** (share of dollars) ÷ (share of weighted need); 1.00 = balanced; null for sites without students. */
  cost_balance_ratio: number | null;
  held_harmless: boolean;
}

export interface FundAllocation {
  fund_code: string;
  name: string;
  restricted: boolean;
  available_cents: Cents;
  to_needs_cents: Cents;
  /** Title I money given to schools by §1113 but not yet tied to a need in the register. */
  to_sites_cents: Cents;
  /** General money distributed by the formula. */
  to_formula_cents: Cents;
  allocated_cents: Cents;
  leftover_cents: Cents;
  end_date?: string;
  lapse_risk: 'none' | 'low' | 'medium' | 'high' | 'expired';
}

export interface ProgramIndicator {
  category: string;
  students: number;
  dollars_cents: Cents;
  per_pupil_cents: number | null;
  /** Students in the category × its need weight (0 when the rules give it no weight). */
  weighted_need: number;
  per_weighted_pupil_cents: number | null;
  cost_balance_ratio: number | null;
}

export interface AllocationResult {
  year: number;
  allocation_date: string;
  mode: 'priority' | 'optimize';
  rules: { name: string; source?: string; base_mode: 'solve' | 'fixed'; base_per_pupil_cents: number; pool_cents: Cents; prior_source: 'config' | 'formula_prior_year' | 'none' };
  sites: SiteAllocation[];
  funds: FundAllocation[];
  needs: NeedResult[];
  programs: ProgramIndicator[];
  title1: { fund_code: string | null; threshold: number; sites: Title1Site[] };
  equity: EquityMeasures;
  equity_weighted: EquityMeasures;
  vertical_equity: VerticalEquity;
  compliance: { sns: SnsSite[]; comparability: ComparabilitySpan[]; idea_moe: MaintenanceOfEffort };
  /** Σ w(priority) × funded ÷ Σ w(priority) × cost over the needs register (1 = every need funded). */
  coverage: number;
  totals: { available_cents: Cents; allocated_cents: Cents; leftover_cents: Cents; needs_cost_cents: Cents; needs_funded_cents: Cents };
  flags: AllocationFlag[];
}

export interface AllocateOptions {
  /** A rule set saved in the project, by name. */
  rules?: string;
  preset?: PresetName;
  /** Overrides the project's saved config (the app's sliders). */
  config?: AllocateConfigInput;
  /** A rule set given directly (the app's editor), used before `rules`/`preset`. */
  ruleSet?: RuleSet;
}

/** How the needs register gets paid: the priority pass, or the optimiser (optimize.ts). */
export type NeedsSolver = (needs: Project['needs'], rules: readonly FundRule[], pots: Pots, ctx: { config: AllocateConfig; generalForNeeds: boolean }) => Parsed<NeedResult[]>;

export const priorityOrderSolver: NeedsSolver = (needs, rules, pots, ctx) => ok(priorityPass(needs, rules, pots, ctx.generalForNeeds));

export function chooseRules(config: AllocateConfig, opts: AllocateOptions): Parsed<RuleSet> {
  if (opts.ruleSet) return ok(opts.ruleSet);
  if (opts.preset) return ok(PRESETS[opts.preset]);
  const name = opts.rules ?? config.active_rules;
  if (name !== undefined) {
    const found = config.rules.find((r) => r.name === name) ?? (name in PRESETS ? PRESETS[name as PresetName] : undefined);
    if (!found) return fail(`no allocation rules named "${name}" (the project has: ${config.rules.map((r) => r.name).join(', ') || 'none'}; presets: boston, houston, nyc)`);
    return ok(found);
  }
  return ok(config.rules[0] ?? DEFAULT_RULES);
}

/**
 * The allocation: restricted funds to the needs register first (Title I through its §1113
 * ranking), general funds to what remains, the rest of the general funds through the weighted
 * student formula; then indicators, equity measures and compliance checks. Pure and synchronous.
 */
export function allocate(project: Project, opts: AllocateOptions = {}, solver: NeedsSolver = priorityOrderSolver, mode: 'priority' | 'optimize' = 'priority'): Parsed<AllocationResult> {
  const parsedCfg = AllocateConfigSchema.safeParse(opts.config ?? project.allocate ?? {});
  if (!parsedCfg.success) return fail(`allocation settings: ${parsedCfg.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const cfg = parsedCfg.data;
  // Rule sets from the AllocationRules sheet join the saved ones (a saved set wins on the same name).
  const sheetRules = rulesFromRows(project.allocationRules ?? []);
  if (!sheetRules.ok) return sheetRules;
  const saved = new Set(cfg.rules.map((r) => r.name));
  cfg.rules = [...cfg.rules, ...sheetRules.value.filter((r) => !saved.has(r.name))];
  const chosen = chooseRules(cfg, opts);
  if (!chosen.ok) return chosen;
  const rules = chosen.value;
  const year = baseYear(project);
  const allocationDate = cfg.allocation_date ?? defaultAllocationDate(year);
  const profiles = siteProfiles(project, year);
  const flags: AllocationFlag[] = [];

  // Funds, pots and the Title I ranking.
  const fRules = fundRules(project.funds, cfg, allocationDate);
  const pots: Pots = { district: new Map(), title1Sites: new Map() };
  const t1Rule = fRules.find((r) => r.isTitle1 && !r.expired) ?? null;
  let t1Sites: Title1Site[] = [];
  let t1Threshold = 0;
  let t1Reserve = 0;
  for (const r of fRules) {
    if (r.expired) {
      if (r.fund.available > 0) flags.push(flag('warning', 'fund_expired', `Fund ${r.fund.fund_code} ended ${r.fund.end_date}, before the allocation date ${allocationDate}: its ${dollars(r.fund.available)} cannot be allocated.`, { fund_code: r.fund.fund_code }));
      continue;
    }
    if (r === t1Rule) {
      t1Reserve = Math.round(r.fund.available * cfg.title1.reserve_share);
      const ranking = rankTitle1(profiles, asCents(r.fund.available - t1Reserve), cfg.title1);
      t1Sites = ranking.sites;
      t1Threshold = ranking.threshold;
      flags.push(...ranking.flags);
      t1Reserve += r.fund.available - t1Reserve - ranking.allocated_cents; // anything the ranking could not place stays at the district
      pots.district.set(r.fund.fund_code, t1Reserve);
      for (const s of t1Sites) if (s.allocation_cents > 0) pots.title1Sites.set(s.site_id, s.allocation_cents);
    } else {
      pots.district.set(r.fund.fund_code, r.fund.available);
    }
  }
  const generalRules = fRules.filter((r) => !r.restricted && !r.expired);
  // A pool fixed in the rules is set aside from the general funds before the needs register.
  const generalTotal = generalRules.reduce((a, r) => a + Math.max(0, r.fund.available), 0);
  let poolReserve: Cents[] = generalRules.map(() => asCents(0));
  if (rules.pool_cents !== undefined) {
    const want = Math.min(rules.pool_cents, generalTotal);
    if (rules.pool_cents > generalTotal) flags.push(flag('warning', 'pool_short', `Rules "${rules.name}" ask for a pool of ${dollars(rules.pool_cents)} but the general funds have ${dollars(generalTotal)}.`));
    poolReserve = generalRules.length > 0 ? apportion(asCents(want), generalRules.map((r) => Math.max(0, r.fund.available))) : [];
    generalRules.forEach((r, i) => pots.district.set(r.fund.fund_code, r.fund.available - poolReserve[i]!));
  }

  const needsRes = solver(project.needs, fRules, pots, { config: cfg, generalForNeeds: cfg.general_for_needs === 'fill' });
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

  const sites = siteResults(profiles, formula, needs, pots, t1Sites, cfg);
  const funds = fundResults(fRules, needs, pots, t1Sites, generalRules, formulaByFund, allocationDate, year, cfg, flags);

  // Indicators.
  const weights = (p: number) => cfg.optimize.priority_weights[String(p)] ?? 1 / p;
  let wCost = 0, wFunded = 0, needsCost = 0, needsFunded = 0;
  for (const n of needs) {
    wCost += weights(n.priority) * n.cost_cents;
    wFunded += weights(n.priority) * n.funded_cents;
    needsCost += n.cost_cents;
    needsFunded += n.funded_cents;
  }
  const unfunded = needs.filter((n) => n.status !== 'funded');
  if (unfunded.length > 0) {
    flags.push(flag('info', 'unfunded_needs', `${unfunded.filter((n) => n.status === 'unfunded').length} need(s) unfunded and ${unfunded.filter((n) => n.status === 'partly_funded').length} partly funded: ${dollars(needsCost - needsFunded)} short.`));
  }
  const schools = sites.filter((s) => s.enrollment > 0 && s.level !== 'Central');
  for (const s of schools) {
    if (s.cost_balance_ratio === null) continue;
    if (s.cost_balance_ratio < cfg.thresholds.cost_balance_low || s.cost_balance_ratio > cfg.thresholds.cost_balance_high) {
      flags.push(flag('warning', 'cost_balance', `Site ${s.site_id}: cost-balance ratio ${s.cost_balance_ratio.toFixed(2)} is outside ${cfg.thresholds.cost_balance_low.toFixed(2)}–${cfg.thresholds.cost_balance_high.toFixed(2)} (share of dollars ÷ share of weighted need).`, { site_id: s.site_id }));
    }
  }
  const equity = equityMeasures(schools.map((s) => ({ x: s.allocation_cents / 100 / s.enrollment, n: s.enrollment })));
  const equityWeighted = equityMeasures(schools.filter((s) => s.weighted_pupils > 0).map((s) => ({ x: s.allocation_cents / 100 / s.weighted_pupils, n: s.enrollment })));
  const vertical = verticalEquity(schools.map((s) => ({ x: s.allocation_cents / 100 / s.enrollment, n: s.enrollment, poverty: s.poverty_share })));

  // Compliance.
  const t1Served = new Set(t1Sites.filter((s) => s.served).map((s) => s.site_id));
  const formulaWeight = new Map(formula.sites.map((f) => [f.site_id, f.formula_dollars]));
  const sns = supplementNotSupplant(schools.map((s) => ({ site_id: s.site_id, title1: t1Served.has(s.site_id), general_cents: s.general_cents, formula_weight: formulaWeight.get(s.site_id) ?? 0 })), cfg.thresholds.sns_tolerance);
  const comp = comparability(schools.map((s) => ({ site_id: s.site_id, level: s.level, title1: t1Served.has(s.site_id), general_cents: s.general_cents, enrollment: s.enrollment })), cfg.thresholds.comparability);
  const moe = ideaEffort(project, profiles, cfg, rules, formula, needs, year);
  flags.push(...sns.flags, ...comp.flags, ...moe.flags);

  const available = project.funds.reduce((a, f) => a + f.available, 0);
  const allocated = funds.reduce((a, f) => a + f.allocated_cents, 0);
  return ok({
    year,
    allocation_date: allocationDate,
    mode,
    rules: { name: rules.name, ...(rules.source ? { source: rules.source } : {}), base_mode: rules.base_mode, base_per_pupil_cents: Math.round(formula.base_per_pupil * 100 * 100) / 100, pool_cents: pool, prior_source: prior.source },
    sites,
    funds,
    needs,
    programs: programIndicators(needs, profiles, rules),
    title1: { fund_code: t1Rule?.fund.fund_code ?? null, threshold: t1Threshold, sites: t1Sites },
    equity,
    equity_weighted: equityWeighted,
    vertical_equity: vertical,
    compliance: { sns: sns.sites, comparability: comp.spans, idea_moe: moe.moe },
    coverage: wCost > 0 ? wFunded / wCost : 1,
    totals: { available_cents: asCents(available), allocated_cents: asCents(allocated), leftover_cents: asCents(available - allocated), needs_cost_cents: asCents(needsCost), needs_funded_cents: asCents(needsFunded) },
    flags,
  });
}

function priorAllocations(project: Project, cfg: AllocateConfig, rules: RuleSet, year: number, pool: Cents): { map: Map<string, Cents> | null; source: AllocationResult['rules']['prior_source'] } {
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

function siteResults(profiles: readonly SiteProfile[], formula: FormulaResult, needs: readonly NeedResult[], pots: Pots, t1Sites: readonly Title1Site[], cfg: AllocateConfig): SiteAllocation[] {
  const needsAt = new Map<string, { total: number; general: number }>();
  for (const n of needs) {
    if (n.site_id === undefined) continue;
    const e = needsAt.get(n.site_id) ?? { total: 0, general: 0 };
    e.total += n.funded_cents;
    e.general += n.general_cents;
    needsAt.set(n.site_id, e);
  }
  const t1Served = new Set(t1Sites.filter((s) => s.allocation_cents > 0).map((s) => s.site_id));
  const fBySite = new Map(formula.sites.map((s) => [s.site_id, s]));
  const rows = profiles.map((p) => {
    const f = fBySite.get(p.site_id);
    const n = needsAt.get(p.site_id) ?? { total: 0, general: 0 };
    const t1Left = t1Served.has(p.site_id) ? pots.title1Sites.get(p.site_id) ?? 0 : 0;
    const formulaCents = f?.allocation_cents ?? 0;
    const total = formulaCents + n.total + t1Left;
    const general = formulaCents + n.general;
    return { p, f, formulaCents, needs: n.total, t1Left, total, general };
  });
  const schools = rows.filter((r) => fundedByFormula(r.p));
  const sumDollars = schools.reduce((a, r) => a + r.total, 0);
  const sumW = schools.reduce((a, r) => a + (r.f?.weighted_pupils ?? 0), 0);
  const sumEnr = schools.reduce((a, r) => a + r.p.enrollment, 0);
  const avgNeed = sumEnr > 0 ? sumW / sumEnr : 1;
  return rows.map((r) => {
    const W = r.f?.weighted_pupils ?? 0;
    const school = fundedByFormula(r.p);
    return {
      site_id: r.p.site_id, name: r.p.name, level: r.p.level, enrollment: r.p.enrollment, weighted_pupils: W,
      needs_index: school && avgNeed > 0 ? W / r.p.enrollment / avgNeed : 0,
      poverty_share: r.p.shares[cfg.title1.poverty_need] ?? 0,
      formula_cents: asCents(r.formulaCents), needs_cents: asCents(r.needs), title1_unassigned_cents: asCents(r.t1Left),
      general_cents: asCents(r.general), restricted_cents: asCents(r.total - r.general), allocation_cents: asCents(r.total),
      per_pupil_cents: r.p.enrollment > 0 ? Math.round(r.total / r.p.enrollment) : null,
      per_weighted_pupil_cents: W > 0 ? Math.round(r.total / W) : null,
      cost_balance_ratio: school && sumDollars > 0 && sumW > 0 && W > 0 ? r.total / sumDollars / (W / sumW) : null,
      held_harmless: r.f?.held_harmless ?? false,
    };
  });
}

function fundResults(
  fRules: readonly FundRule[], needs: readonly NeedResult[], pots: Pots, t1Sites: readonly Title1Site[],
  generalRules: readonly FundRule[], formulaByFund: readonly Cents[], allocationDate: string, year: number, cfg: AllocateConfig, flags: AllocationFlag[],
): FundAllocation[] {
  const toNeeds = new Map<string, number>();
  for (const n of needs) for (const b of n.by_fund) toNeeds.set(b.fund_code, (toNeeds.get(b.fund_code) ?? 0) + b.cents);
  const formulaIdx = new Map(generalRules.map((r, i) => [r.fund.fund_code, formulaByFund[i] ?? 0]));
  const fyEnd = `${year}-06-30`;
  return fRules.map((r) => {
    const code = r.fund.fund_code;
    const needsCents = toNeeds.get(code) ?? 0;
    const sitesCents = r.isTitle1 && !r.expired ? t1Sites.reduce((a, s) => a + (pots.title1Sites.get(s.site_id) ?? 0), 0) : 0;
    const formulaCents = formulaIdx.get(code) ?? 0;
    const allocated = r.expired ? 0 : needsCents + sitesCents + formulaCents;
    const leftover = r.fund.available - allocated;
    let risk: FundAllocation['lapse_risk'] = 'none';
    if (r.expired) risk = r.fund.available > 0 ? 'expired' : 'none';
    else if (leftover > 0 && r.restricted) {
      const end = r.fund.end_date;
      if (end !== undefined && daysBetween(allocationDate, end) <= cfg.thresholds.lapse_window_days) risk = 'high';
      else if (end !== undefined && end <= fyEnd) risk = 'medium';
      else risk = 'low';
      if (risk === 'high' || risk === 'medium') {
        flags.push(flag('warning', 'lapse_risk', `Fund ${code}: ${dollars(leftover)} not allocated and the money ends ${end} — ${risk} risk of lapsing.`, { fund_code: code }));
      }
    }
    return {
      fund_code: code, name: r.fund.name, restricted: r.restricted, available_cents: asCents(r.fund.available),
      to_needs_cents: asCents(needsCents), to_sites_cents: asCents(sitesCents), to_formula_cents: asCents(formulaCents),
      allocated_cents: asCents(allocated), leftover_cents: asCents(leftover),
      ...(r.fund.end_date ? { end_date: r.fund.end_date } : {}), lapse_risk: risk,
    };
  });
}

export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

function programIndicators(needs: readonly NeedResult[], profiles: readonly SiteProfile[], rules: RuleSet): ProgramIndicator[] {
  const dollarsBy = new Map<string, number>();
  for (const n of needs) dollarsBy.set(n.category, (dollarsBy.get(n.category) ?? 0) + n.funded_cents);
  const students = new Map<string, number>();
  for (const p of profiles) for (const [k, v] of Object.entries(p.needs)) students.set(k, (students.get(k) ?? 0) + v);
  const cats = [...new Set([...dollarsBy.keys(), ...students.keys()])].sort();
  const wNeed = (c: string) => (students.get(c) ?? 0) * (rules.need_weights[c] ?? 0);
  const totalD = cats.reduce((a, c) => a + (dollarsBy.get(c) ?? 0), 0);
  const totalW = cats.reduce((a, c) => a + wNeed(c), 0);
  return cats.map((c) => {
    const d = dollarsBy.get(c) ?? 0;
    const n = students.get(c) ?? 0;
    const w = wNeed(c);
    return { category: c, students: n, dollars_cents: asCents(d), per_pupil_cents: n > 0 ? Math.round(d / n) : null, weighted_need: w, per_weighted_pupil_cents: w > 0 ? Math.round(d / w) : null, cost_balance_ratio: totalD > 0 && totalW > 0 && w > 0 ? d / totalD / (w / totalW) : null };
  });
}

function ideaEffort(project: Project, siteList: readonly SiteProfile[], cfg: AllocateConfig, rules: RuleSet, formula: FormulaResult, needs: readonly NeedResult[], year: number) {
  const swd = cfg.idea.disability_need;
  const weight = rules.need_weights[swd] ?? 0;
  let current = 0;
  for (const n of needs) if (n.category.toLowerCase() === swd.toLowerCase()) current += n.general_cents;
  const profiles = new Map(siteList.map((p) => [p.site_id, p]));
  for (const s of formula.sites) {
    const p = profiles.get(s.site_id);
    if (!p || s.weighted_pupils <= 0 || weight === 0) continue;
    current += Math.round((s.allocation_cents * weight * (p.needs[swd] ?? 0)) / s.weighted_pupils);
  }
  // Last year's figure from the project's own budget when it has special-education lines, else the saved setting.
  const fromBudget = priorSpedFromBudget(project.budget, project.funds, year - 1);
  const fromConfig = cfg.idea.moe_prior_cents !== undefined ? asCents(cfg.idea.moe_prior_cents) : null;
  const prior = fromBudget ?? fromConfig;
  const source = fromBudget !== null ? 'budget' : fromConfig !== null ? 'config' : 'none';
  return maintenanceOfEffort(asCents(current), prior, source);
}
