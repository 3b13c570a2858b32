import type { Fund, Need } from '../schema/tables';
import type { AllocateConfig } from './config';

/** A fund as the allocator sees it: what it may pay for, where and until when. */
export interface FundRule {
  fund: Fund;
  restricted: boolean;
  isTitle1: boolean;
  isIdea: boolean;
  /** Lower-cased need categories it may pay for; null = any. */
  uses: Set<string> | null;
  sites: Set<string> | null;
  expired: boolean;
}

const TITLE1_NAME = /\btitle\s*(?:i|1)\b(?![iv])/i;
const TITLE1_CODE = /^t(?:itle)?-?1(?:-?a)?$/i;

export function isTitle1Fund(f: Fund, cfg: AllocateConfig): boolean {
  if (cfg.title1.fund_code) return f.fund_code === cfg.title1.fund_code;
  return TITLE1_CODE.test(f.fund_code) || TITLE1_NAME.test(f.name);
}

export function isIdeaFund(f: Fund, cfg: AllocateConfig): boolean {
  if (cfg.idea.fund_codes) return cfg.idea.fund_codes.includes(f.fund_code);
  return /idea/i.test(f.fund_code) || /\bidea\b/i.test(f.name);
}

/** 1 July before the base year: the first day of the fiscal year being allocated. */
export const defaultAllocationDate = (baseYear: number): string => `${baseYear - 1}-07-01`;

export function fundRules(funds: readonly Fund[], cfg: AllocateConfig, allocationDate: string): FundRule[] {
  let title1Seen = false;
  return funds.map((fund) => {
    // Only one fund is Title I, Part A: the first that matches (a district with T1A and T1D keeps the second as an ordinary grant).
    const isTitle1 = fund.restricted && !title1Seen && isTitle1Fund(fund, cfg);
    if (isTitle1) title1Seen = true;
    const isIdea = fund.restricted && isIdeaFund(fund, cfg);
    const listed = fund.eligible_uses.map((u) => u.trim().toLowerCase()).filter((u) => u !== '');
    let uses: Set<string> | null = !fund.restricted || listed.length === 0 || listed.includes('any') ? null : new Set(listed);
    // IDEA Part B pays only for the excess cost of educating students with disabilities.
    if (isIdea) uses = new Set([cfg.idea.disability_need.toLowerCase()]);
    const siteList = cfg.fund_sites[fund.fund_code];
    return {
      fund, restricted: fund.restricted, isTitle1, isIdea, uses,
      sites: siteList ? new Set(siteList) : null,
      expired: fund.end_date !== undefined && fund.end_date < allocationDate,
    };
  });
}

/** May this fund pay for this need? (category, site, and not past its end date). */
export function eligible(rule: FundRule, need: Pick<Need, 'category' | 'site_id'>): boolean {
  if (rule.expired) return false;
  if (rule.uses && !rule.uses.has(need.category.toLowerCase())) return false;
  if (rule.sites && (need.site_id === undefined || !rule.sites.has(need.site_id))) return false;
  return true;
}

/** Restricted money is spent soonest-expiring first so less of it lapses; then by code for a stable order. */
export function spendOrder(a: FundRule, b: FundRule): number {
  const ea = a.fund.end_date ?? '9999-12-31';
  const eb = b.fund.end_date ?? '9999-12-31';
  if (ea !== eb) return ea < eb ? -1 : 1;
  return a.fund.fund_code < b.fund.fund_code ? -1 : a.fund.fund_code > b.fund.fund_code ? 1 : 0;
}
