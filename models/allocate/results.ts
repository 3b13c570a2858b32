import { asCents, type Cents } from '../money/cents';
import type { SiteLevel } from '../schema/tables';
import type { AllocateConfig, RuleSet } from './config';
import type { CoreResult } from './core';
import { dollars, flag, type AllocationFlag } from './flags';
import { fundedByFormula } from './formula';
import type { NeedResult } from './priority-pass';
import type { SiteProfile } from './profile';

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
  /** The school's part of Title I's parent and family engagement reservation (§1116(a)(3)(C)). */
  title1_family_engagement_cents: Cents;
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
  /** Title I money given to schools by §1113 but not yet tied to a need in the register (family engagement money included). */
  to_sites_cents: Cents;
  /** General money distributed by the formula. */
  to_formula_cents: Cents;
  /** Title I reservations set aside for their purpose (family engagement at the district, equitable services, homeless, neglected/delinquent). */
  to_reservations_cents: Cents;
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
  /** (category's share of the dollars of weighted categories) ÷ (its share of weighted need); null for a category with no weight. */
  cost_balance_ratio: number | null;
}

export function siteResults(profiles: readonly SiteProfile[], core: CoreResult, cfg: AllocateConfig): SiteAllocation[] {
  const { formula, needs, pots } = core;
  const needsAt = new Map<string, { total: number; general: number }>();
  for (const n of needs) {
    if (n.site_id === undefined) continue;
    const e = needsAt.get(n.site_id) ?? { total: 0, general: 0 };
    e.total += n.funded_cents;
    e.general += n.general_cents;
    needsAt.set(n.site_id, e);
  }
  const t1 = new Map((core.t1?.sites ?? []).map((s) => [s.site_id, s]));
  const fBySite = new Map(formula.sites.map((s) => [s.site_id, s]));
  const rows = profiles.map((p) => {
    const f = fBySite.get(p.site_id);
    const n = needsAt.get(p.site_id) ?? { total: 0, general: 0 };
    const t = t1.get(p.site_id);
    const t1Left = t && t.allocation_cents > 0 ? pots.title1Sites.get(p.site_id) ?? 0 : 0;
    const fe = t?.family_engagement_cents ?? 0;
    const formulaCents = f?.allocation_cents ?? 0;
    const total = formulaCents + n.total + t1Left + fe;
    const general = formulaCents + n.general;
    return { p, f, formulaCents, needs: n.total, t1Left, fe, total, general };
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
      formula_cents: asCents(r.formulaCents), needs_cents: asCents(r.needs), title1_unassigned_cents: asCents(r.t1Left), title1_family_engagement_cents: asCents(r.fe),
      general_cents: asCents(r.general), restricted_cents: asCents(r.total - r.general), allocation_cents: asCents(r.total),
      per_pupil_cents: r.p.enrollment > 0 ? Math.round(r.total / r.p.enrollment) : null,
      per_weighted_pupil_cents: W > 0 ? Math.round(r.total / W) : null,
      cost_balance_ratio: school && sumDollars > 0 && sumW > 0 && W > 0 ? r.total / sumDollars / (W / sumW) : null,
      held_harmless: r.f?.held_harmless ?? false,
    };
  });
}

export function fundResults(core: CoreResult, allocationDate: string, year: number, cfg: AllocateConfig, flags: AllocationFlag[]): FundAllocation[] {
  const { needs, pots, generalRules, formulaByFund } = core;
  const toNeeds = new Map<string, number>();
  for (const n of needs) for (const b of n.by_fund) toNeeds.set(b.fund_code, (toNeeds.get(b.fund_code) ?? 0) + b.cents);
  const formulaIdx = new Map(generalRules.map((r, i) => [r.fund.fund_code, formulaByFund[i] ?? 0]));
  const t1Sites = core.t1?.sites ?? [];
  const fyEnd = `${year}-06-30`;
  return core.fRules.map((r) => {
    const code = r.fund.fund_code;
    const isT1 = r === core.t1Rule;
    const needsCents = toNeeds.get(code) ?? 0;
    const sitesCents = isT1 ? t1Sites.reduce((a, s) => a + (pots.title1Sites.get(s.site_id) ?? 0) + s.family_engagement_cents, 0) : 0;
    const reservedCents = isT1 ? core.t1!.reservations.reserved_cents : 0;
    const formulaCents = formulaIdx.get(code) ?? 0;
    const allocated = r.expired ? 0 : needsCents + sitesCents + formulaCents + reservedCents;
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
      to_needs_cents: asCents(needsCents), to_sites_cents: asCents(sitesCents), to_formula_cents: asCents(formulaCents), to_reservations_cents: asCents(reservedCents),
      allocated_cents: asCents(allocated), leftover_cents: asCents(leftover),
      ...(r.fund.end_date ? { end_date: r.fund.end_date } : {}), lapse_risk: risk,
    };
  });
}

export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * Per need category: register dollars, students, and the cost-balance ratio across programs —
 * (the category's share of dollars) ÷ (its share of weighted need), both shares taken over the
 * categories the rules weight. A category with no weight (facilities, technology) has no weighted
 * need to balance against, so it is left out of both denominators and gets no ratio.
 */
export function programIndicators(needs: readonly NeedResult[], profiles: readonly SiteProfile[], rules: RuleSet): ProgramIndicator[] {
  const dollarsBy = new Map<string, number>();
  for (const n of needs) dollarsBy.set(n.category, (dollarsBy.get(n.category) ?? 0) + n.funded_cents);
  const students = new Map<string, number>();
  for (const p of profiles) for (const [k, v] of Object.entries(p.needs)) students.set(k, (students.get(k) ?? 0) + v);
  const cats = [...new Set([...dollarsBy.keys(), ...students.keys()])].sort();
  const wNeed = (c: string) => (students.get(c) ?? 0) * (rules.need_weights[c] ?? 0);
  const weighted = cats.filter((c) => wNeed(c) > 0);
  const totalD = weighted.reduce((a, c) => a + (dollarsBy.get(c) ?? 0), 0);
  const totalW = weighted.reduce((a, c) => a + wNeed(c), 0);
  return cats.map((c) => {
    const d = dollarsBy.get(c) ?? 0;
    const n = students.get(c) ?? 0;
    const w = wNeed(c);
    return { category: c, students: n, dollars_cents: asCents(d), per_pupil_cents: n > 0 ? Math.round(d / n) : null, weighted_need: w, per_weighted_pupil_cents: w > 0 ? Math.round(d / w) : null, cost_balance_ratio: totalD > 0 && totalW > 0 && w > 0 ? d / totalD / (w / totalW) : null };
  });
}

/** General-fund money no school and no need got: how much, from which funds, and where it goes. */
export interface UnallocatedGeneral {
  cents: Cents;
  /** Share of the general funds' available money. */
  share_of_general: number;
  funds: { fund_code: string; cents: Cents }[];
  /** Where the money goes. */
  where: string;
}

/**
 * A fixed base per pupil (Boston, Houston) spends only what the formula costs; what it does not
 * cost stays in the general fund. That is the district's money going nowhere in this allocation,
 * so it is reported prominently, never left to be read off the fund table.
 */
export function unallocatedGeneral(funds: readonly FundAllocation[], rules: RuleSet, pool: Cents): { unallocated: UnallocatedGeneral; flags: AllocationFlag[] } {
  const general = funds.filter((f) => !f.restricted);
  const parts = general.filter((f) => f.leftover_cents > 0 && f.lapse_risk !== 'expired').map((f) => ({ fund_code: f.fund_code, cents: f.leftover_cents }));
  const cents = parts.reduce((a, p) => a + p.cents, 0);
  const available = general.reduce((a, f) => a + Math.max(0, f.available_cents), 0);
  const where = 'It stays in the general fund, unallocated: no school or need gets it in this allocation, and unless the district budgets it centrally (district-wide services, reserves) it adds to the ending fund balance.';
  const unallocated: UnallocatedGeneral = { cents: asCents(cents), share_of_general: available > 0 ? cents / available : 0, funds: parts, where };
  if (cents <= 0) return { unallocated, flags: [] };
  const why = rules.base_mode === 'fixed'
    ? `Rules "${rules.name}" use a fixed base per pupil, which spends only what the formula costs (${dollars(pool)} was there for it).`
    : rules.pool_cents !== undefined ? `Rules "${rules.name}" set a pool of ${dollars(rules.pool_cents)}, less than the general money the needs register left.` : 'The formula had no school with students to give it to.';
  return {
    unallocated,
    flags: [flag('warning', 'general_unallocated', `${dollars(cents)} of general funds (${(unallocated.share_of_general * 100).toFixed(1)}% of ${dollars(available)}) is not allocated. ${why} ${where} To spend it through the formula, solve the base (base_mode solve) or raise the base or pool.`)],
  };
}
