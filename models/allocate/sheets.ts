import type { Cell } from '../import/types';
import type { AllocationResult } from './allocate';
import type { OptimizeComparison } from './optimize';

// An allocation as workbook sheets (Sites, Funds, Needs, Equity, Flags, and Comparison in optimising
// mode). Money is written in dollars, as finance offices read it; ratios as plain numbers.

const $ = (cents: number | null): Cell => (cents === null ? null : Math.round(cents) / 100);
const r4 = (x: number | null): Cell => (x === null ? null : Math.round(x * 10_000) / 10_000);

export function allocationSheets(res: AllocationResult, comparison?: OptimizeComparison): { name: string; rows: Cell[][] }[] {
  const sites: Cell[][] = [['site_id', 'name', 'level', 'enrollment', 'weighted_pupils', 'needs_index', 'poverty_share', 'formula', 'needs_register', 'title1_unassigned', 'general', 'restricted', 'allocation', 'per_pupil', 'per_weighted_pupil', 'cost_balance_ratio', 'held_harmless', 'title1_family_engagement']];
  for (const s of res.sites) sites.push([s.site_id, s.name, s.level, s.enrollment, r4(s.weighted_pupils), r4(s.needs_index), r4(s.poverty_share), $(s.formula_cents), $(s.needs_cents), $(s.title1_unassigned_cents), $(s.general_cents), $(s.restricted_cents), $(s.allocation_cents), $(s.per_pupil_cents), $(s.per_weighted_pupil_cents), r4(s.cost_balance_ratio), s.held_harmless, $(s.title1_family_engagement_cents)]);
  const funds: Cell[][] = [['fund_code', 'name', 'restricted', 'available', 'to_needs', 'to_sites', 'to_formula', 'allocated', 'leftover', 'end_date', 'lapse_risk', 'to_reservations']];
  for (const f of res.funds) funds.push([f.fund_code, f.name, f.restricted, $(f.available_cents), $(f.to_needs_cents), $(f.to_sites_cents), $(f.to_formula_cents), $(f.allocated_cents), $(f.leftover_cents), f.end_date ?? null, f.lapse_risk, $(f.to_reservations_cents)]);
  const needs: Cell[][] = [['need_id', 'site_id', 'category', 'priority', 'cost', 'funded', 'restricted', 'general', 'status', 'funds']];
  for (const n of res.needs) needs.push([n.need_id, n.site_id ?? null, n.category, n.priority, $(n.cost_cents), $(n.funded_cents), $(n.restricted_cents), $(n.general_cents), n.status, n.by_fund.map((b) => `${b.fund_code}:${(b.cents / 100).toFixed(2)}`).join('; ')]);
  const equity: Cell[][] = [['measure', 'per_pupil', 'per_weighted_pupil']];
  for (const k of ['range', 'restricted_range', 'federal_range_ratio', 'cv', 'mcloone', 'verstegen', 'gini', 'theil', 'mean', 'median'] as const) equity.push([k, r4(res.equity[k]), r4(res.equity_weighted[k])]);
  equity.push(['vertical_slope (per 1.00 poverty share)', r4(res.vertical_equity.slope), null], ['vertical_correlation', r4(res.vertical_equity.correlation), null], ['coverage (priority-weighted)', r4(res.coverage), null]);
  const flags: Cell[][] = [['severity', 'code', 'site_id', 'fund_code', 'need_id', 'message']];
  for (const f of res.flags) flags.push([f.severity, f.code, f.site_id ?? null, f.fund_code ?? null, f.need_id ?? null, f.message]);
  const sheets = [{ name: 'Sites', rows: sites }, { name: 'Funds', rows: funds }, { name: 'Needs', rows: needs }, { name: 'Equity', rows: equity }, { name: 'Flags', rows: flags }];
  if (comparison) {
    const cmp: Cell[][] = [['need_id', 'priority_order', 'optimized', 'difference']];
    for (const n of comparison.needs) cmp.push([n.need_id, $(n.priority_cents), $(n.optimized_cents), $(n.difference_cents)]);
    cmp.push([], ['coverage', r4(comparison.coverage_priority), r4(comparison.coverage_optimized), r4(comparison.coverage_gain)]);
    sheets.push({ name: 'Comparison', rows: cmp });
  }
  return sheets;
}

/** The CLI's --json shape: the contract keys first (sites, funds, needs, equity, flags), then everything else. */
export function allocationJson(res: AllocationResult, comparison?: OptimizeComparison): Record<string, unknown> {
  return {
    year: res.year,
    mode: res.mode,
    rules: res.rules,
    sites: res.sites,
    funds: res.funds,
    needs: res.needs,
    equity: res.equity,
    flags: res.flags,
    equity_weighted: res.equity_weighted,
    vertical_equity: res.vertical_equity,
    programs: res.programs,
    title1: res.title1,
    compliance: res.compliance,
    unallocated_general: res.unallocated_general,
    coverage: res.coverage,
    totals: res.totals,
    allocation_date: res.allocation_date,
    ...(comparison ? { comparison } : {}),
  };
}
