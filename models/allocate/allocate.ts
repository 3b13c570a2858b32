import { asCents, type Cents } from '../money/cents';
import type { Project } from '../project/project';
import { fail, ok, type Parsed } from '../result';
import { AllocateConfigSchema, type AllocateConfig, type AllocateConfigInput, type RuleSet } from './config';
import { comparability, supplementNotSupplant, type ComparabilitySpan, type SnsSite } from './compliance';
import { allocationCore, generalBySite, type CoreResult, type NeedsSolver } from './core';
import { equityMeasures, verticalEquity, type EquityMeasures, type VerticalEquity } from './equity';
import { dollars, flag, type AllocationFlag } from './flags';
import { defaultAllocationDate, eligible, fundRules, type FundRule } from './funds';
import { maintenanceOfEffort, type MaintenanceOfEffort } from './moe';
import { DEFAULT_RULES, PRESETS, type PresetName } from './presets';
import { priorityPass, type NeedResult } from './priority-pass';
import { baseYear, siteProfiles, type SiteProfile } from './profile';
import { fundResults, programIndicators, siteResults, unallocatedGeneral, type FundAllocation, type ProgramIndicator, type SiteAllocation, type UnallocatedGeneral } from './results';
import { rulesFromRows } from './rules-sheet';
import type { Title1Band, Title1Reservations, Title1Rule125, Title1Site } from './title1';

export type { NeedsSolver } from './core';
export type { FundAllocation, ProgramIndicator, SiteAllocation, UnallocatedGeneral } from './results';
export { daysBetween } from './results';

export interface AllocationResult {
  year: number;
  allocation_date: string;
  mode: 'priority' | 'optimize';
  rules: { name: string; source?: string; approximations?: string[]; base_mode: 'solve' | 'fixed'; base_per_pupil_cents: number; pool_cents: Cents; prior_source: 'config' | 'formula_prior_year' | 'none' };
  sites: SiteAllocation[];
  funds: FundAllocation[];
  needs: NeedResult[];
  programs: ProgramIndicator[];
  title1: {
    fund_code: string | null;
    threshold: number;
    sites: Title1Site[];
    span_thresholds: Record<string, number>;
    reservations: Title1Reservations | null;
    rule_125: Title1Rule125 | null;
    bands: Title1Band[];
  };
  equity: EquityMeasures;
  equity_weighted: EquityMeasures;
  vertical_equity: VerticalEquity;
  compliance: { sns: SnsSite[]; sns_method: 'title1_removed'; comparability: ComparabilitySpan[]; idea_moe: MaintenanceOfEffort };
  /** General-fund money the allocation gives no school and no need (a fixed base that costs less than the money). */
  unallocated_general: UnallocatedGeneral;
  /** Σ w(priority) × funded ÷ Σ w(priority) × cost over the needs register (1 = every need funded). */
  coverage: number;
  totals: { available_cents: Cents; allocated_cents: Cents; leftover_cents: Cents; needs_cost_cents: Cents; needs_funded_cents: Cents; reserved_cents: Cents };
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

export const priorityOrderSolver: NeedsSolver = (needs, rules, pots, ctx) => ok(priorityPass(needs, rules, pots, ctx.generalForNeeds, ctx.totalsOnly === true));

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
 * student formula (core.ts); then indicators, equity measures and compliance checks — the
 * supplement-not-supplant test runs the same method again with Title I removed. Pure and synchronous.
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
  const fRules = fundRules(project.funds, cfg, allocationDate);
  const input = { project, cfg, rules, year, allocationDate, profiles, fRules, solver };

  const coreRes = allocationCore(input);
  if (!coreRes.ok) return coreRes;
  const core = coreRes.value;
  const flags: AllocationFlag[] = [...core.flags];
  const { needs, formula, t1 } = core;
  flags.push(...noEligibleNeeds(project, core.fRules));
  const sites = siteResults(profiles, core, cfg);
  const funds = fundResults(core, allocationDate, year, cfg, flags);
  const unallocated = unallocatedGeneral(funds, rules, core.pool);
  flags.unshift(...unallocated.flags);
  if (rules.approximations && rules.approximations.length > 0) {
    flags.push(flag('info', 'rules_approximation', `Rules "${rules.name}" approximate the published formula: ${rules.approximations.join('; ')}.`));
  }

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

  // Compliance. Supplement-not-supplant: the same method with Title I removed.
  const t1Served = new Set((t1?.sites ?? []).filter((s) => s.served).map((s) => s.site_id));
  let neutral = new Map<string, number>();
  if (core.t1Rule !== null) {
    const without = allocationCore(input, true);
    if (!without.ok) return fail(`supplement-not-supplant test (the allocation with Title I removed): ${without.reason}`);
    neutral = generalBySite(without.value);
  } else {
    neutral = generalBySite(core);
  }
  const sns = supplementNotSupplant(schools.map((s) => ({ site_id: s.site_id, title1: t1Served.has(s.site_id), general_cents: s.general_cents, neutral_cents: asCents(neutral.get(s.site_id) ?? 0) })));
  const comp = comparability(schools.map((s) => ({ site_id: s.site_id, level: s.level, title1: t1Served.has(s.site_id), general_cents: s.general_cents, enrollment: s.enrollment })), cfg.thresholds.comparability);
  const moe = maintenanceOfEffort(project, cfg.idea, year, allocationEstimate(profiles, cfg, rules, core));
  flags.push(...sns.flags, ...comp.flags, ...moe.flags);

  const available = project.funds.reduce((a, f) => a + f.available, 0);
  const allocated = funds.reduce((a, f) => a + f.allocated_cents, 0);
  const reserved = funds.reduce((a, f) => a + f.to_reservations_cents, 0);
  return ok({
    year,
    allocation_date: allocationDate,
    mode,
    rules: {
      name: rules.name, ...(rules.source ? { source: rules.source } : {}), ...(rules.approximations && rules.approximations.length > 0 ? { approximations: rules.approximations } : {}),
      base_mode: rules.base_mode, base_per_pupil_cents: Math.round(formula.base_per_pupil * 100 * 100) / 100, pool_cents: core.pool, prior_source: core.priorSource,
    },
    sites,
    funds,
    needs,
    programs: programIndicators(needs, profiles, rules),
    title1: {
      fund_code: core.t1Rule?.fund.fund_code ?? null, threshold: t1?.threshold ?? 0, sites: t1?.sites ?? [],
      span_thresholds: t1?.span_thresholds ?? {}, reservations: t1?.reservations ?? null, rule_125: t1?.rule_125 ?? null, bands: t1?.bands ?? [],
    },
    equity,
    equity_weighted: equityWeighted,
    vertical_equity: vertical,
    compliance: { sns: sns.sites, sns_method: 'title1_removed', comparability: comp.spans, idea_moe: moe.moe },
    unallocated_general: unallocated.unallocated,
    coverage: wCost > 0 ? wFunded / wCost : 1,
    totals: { available_cents: asCents(available), allocated_cents: asCents(allocated), leftover_cents: asCents(available - allocated), needs_cost_cents: asCents(needsCost), needs_funded_cents: asCents(needsFunded), reserved_cents: asCents(reserved) },
    flags,
  });
}

/** A restricted grant with money that no need in the register is eligible for can only lapse or sit idle: say so. */
function noEligibleNeeds(project: Project, fRules: readonly FundRule[]): AllocationFlag[] {
  const flags: AllocationFlag[] = [];
  for (const r of fRules) {
    // Title I reaches schools by §1113 whatever the register holds.
    if (!r.restricted || r.expired || r.isTitle1 || r.fund.available <= 0) continue;
    if (project.needs.some((n) => n.cost > 0 && eligible(r, n))) continue;
    const uses = r.uses === null ? 'any category' : [...r.uses].join(', ');
    flags.push(flag('warning', 'no_eligible_needs', `Fund ${r.fund.fund_code}: no need in the register is one it may pay for (${uses}${r.sites ? ` at ${[...r.sites].join(', ')}` : ''}), so its ${dollars(r.fund.available)} is not allocated. Add the needs it is for, or check its eligible uses.`, { fund_code: r.fund.fund_code }));
  }
  return flags;
}

/** State/local money the allocation puts on students with disabilities: general money on their needs + the disability weight's share of each school's formula money (A_s × weight × count ÷ W_s). */
function allocationEstimate(profiles: readonly SiteProfile[], cfg: AllocateConfig, rules: RuleSet, core: CoreResult): Cents {
  const swd = cfg.idea.disability_need;
  const weight = rules.need_weights[swd] ?? 0;
  let current = 0;
  for (const n of core.needs) if (n.category.toLowerCase() === swd.toLowerCase()) current += n.general_cents;
  const byId = new Map(profiles.map((p) => [p.site_id, p]));
  for (const s of core.formula.sites) {
    const p = byId.get(s.site_id);
    if (!p || s.weighted_pupils <= 0 || weight === 0) continue;
    current += Math.round((s.allocation_cents * weight * (p.needs[swd] ?? 0)) / s.weighted_pupils);
  }
  return asCents(current);
}
