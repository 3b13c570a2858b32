import type { Cents } from '../money/cents';
import type { Need } from '../schema/tables';
import { eligible, spendOrder, type FundRule } from './funds';

export type NeedStatus = 'funded' | 'partly_funded' | 'unfunded';

export interface NeedResult {
  need_id: string;
  site_id?: string;
  category: string;
  priority: number;
  cost_cents: Cents;
  funded_cents: Cents;
  restricted_cents: Cents;
  general_cents: Cents;
  status: NeedStatus;
  by_fund: { fund_code: string; cents: Cents }[];
}

/** Money each fund has for the needs register: a district pot, and for Title I one pot per served school. */
export interface Pots {
  district: Map<string, number>;
  title1Sites: Map<string, number>;
}

const NO_FUNDS: { fund_code: string; cents: Cents }[] = [];

export const statusOf = (funded: number, cost: number): NeedStatus => (funded >= cost ? 'funded' : funded > 0 ? 'partly_funded' : 'unfunded');

export const needOrder = (a: Need, b: Need): number => a.priority - b.priority || (a.need_id < b.need_id ? -1 : a.need_id > b.need_id ? 1 : 0);

/**
 * Practice 13's order: each need, highest priority first, is paid from the restricted funds that
 * may pay for it (soonest end date first; Title I from the school's own §1113 allocation), and only
 * what they cannot cover from general funds. Pots are spent in place. `totalsOnly` leaves every
 * need's by_fund empty (the amounts are unchanged) for callers that read only the totals.
 */
export function priorityPass(needs: readonly Need[], rules: readonly FundRule[], pots: Pots, generalForNeeds: boolean, totalsOnly = false): NeedResult[] {
  const restricted = rules.filter((r) => r.restricted && !r.expired).sort(spendOrder);
  const general = generalForNeeds ? rules.filter((r) => !r.restricted && !r.expired).sort((a, b) => (a.fund.fund_code < b.fund.fund_code ? -1 : 1)) : [];
  const live = [...restricted, ...general];
  // District pots as an array indexed like `live` (this loop runs 20,000 × 30 times in the benchmark).
  const left = live.map((r) => pots.district.get(r.fund.fund_code) ?? 0);
  // The funds that may pay for a category, in spending order, worked out once per category.
  const byCategory = new Map<string, number[]>();
  const candidates = (category: string): number[] => {
    let list = byCategory.get(category);
    if (!list) {
      const probe = { category };
      list = live.map((_, i) => i).filter((i) => eligible({ ...live[i]!, sites: null }, probe));
      byCategory.set(category, list);
    }
    return list;
  };
  const order = [...needs].sort(needOrder);
  const out: NeedResult[] = new Array(order.length);
  for (let k = 0; k < order.length; k++) {
    const need = order[k]!;
    const site = need.site_id;
    let open: number = need.cost;
    let restrictedCents = 0;
    let generalCents = 0;
    // totalsOnly (the supplement-not-supplant rerun reads only each need's general money): no per-fund list.
    const byFund: { fund_code: string; cents: Cents }[] = totalsOnly ? NO_FUNDS : [];
    for (const i of candidates(need.category)) {
      if (open <= 0) break;
      const r = live[i]!;
      if (r.sites !== null && (site === undefined || !r.sites.has(site))) continue;
      let amt: number;
      if (r.isTitle1 && site !== undefined) {
        // Title I at a school comes from that school's §1113 allocation.
        const have = pots.title1Sites.get(site) ?? 0;
        amt = have < open ? have : open;
        if (amt <= 0) continue;
        pots.title1Sites.set(site, have - amt);
      } else {
        const have = left[i]!;
        amt = have < open ? have : open;
        if (amt <= 0) continue;
        left[i] = have - amt;
      }
      open -= amt;
      if (!totalsOnly) byFund.push({ fund_code: r.fund.fund_code, cents: amt as Cents });
      if (r.restricted) restrictedCents += amt;
      else generalCents += amt;
    }
    const funded = need.cost - open;
    out[k] = {
      need_id: need.need_id, site_id: site, category: need.category, priority: need.priority,
      cost_cents: need.cost as Cents, funded_cents: funded as Cents, restricted_cents: restrictedCents as Cents, general_cents: generalCents as Cents,
      status: statusOf(funded, need.cost), by_fund: byFund,
    };
  }
  live.forEach((r, i) => pots.district.set(r.fund.fund_code, left[i]!));
  return out;
}
