import { asCents, type Cents } from '../../money/cents';
import type { Fund } from '../../schema/tables';
import type { NeedResult } from '../priority-pass';
import { eligible, spendOrder, type FundRule } from '../funds';
import type { ProjectedLine } from './projection';

export interface ReallocationProposal {
  fund_code: string;
  need_id: string;
  site_id?: string;
  cents: Cents;
  /** The underspent lines the money comes from (keys), largest surplus first. */
  from_lines: string[];
  reason: string;
}

/**
 * Money projected to go unspent on lines flagged "under" becomes available again; it is offered to
 * needs still unfunded or partly funded, highest priority first, from funds that may pay for them
 * and have not ended by the review date (restricted money soonest-ending first, then general).
 */
export function proposeReallocations(lines: readonly ProjectedLine[], needs: readonly NeedResult[], rules: readonly FundRule[], funds: readonly Fund[]): ReallocationProposal[] {
  const surplus = new Map<string, number>();
  const sources = new Map<string, { key: string; cents: number }[]>();
  for (const l of lines) {
    if (l.flag !== 'under') continue;
    const s = l.budget_cents - l.projected_cents;
    if (s <= 0) continue;
    surplus.set(l.fund_code, (surplus.get(l.fund_code) ?? 0) + s);
    const list = sources.get(l.fund_code) ?? [];
    list.push({ key: l.key.split('\u0000').join('/'), cents: s });
    sources.set(l.fund_code, list);
  }
  const fundName = new Map(funds.map((f) => [f.fund_code, f.name]));
  const order = [...rules.filter((r) => r.restricted).sort(spendOrder), ...rules.filter((r) => !r.restricted)];
  const out: ReallocationProposal[] = [];
  const open = needs.filter((n) => n.funded_cents < n.cost_cents).sort((a, b) => a.priority - b.priority || (a.need_id < b.need_id ? -1 : a.need_id > b.need_id ? 1 : 0));
  for (const n of open) {
    let gap: number = n.cost_cents - n.funded_cents;
    for (const r of order) {
      if (gap <= 0) break;
      const have = surplus.get(r.fund.fund_code) ?? 0;
      if (have <= 0 || !eligible(r, { category: n.category, ...(n.site_id !== undefined ? { site_id: n.site_id } : {}) })) continue;
      const amt = Math.min(have, gap);
      surplus.set(r.fund.fund_code, have - amt);
      gap -= amt;
      const from = (sources.get(r.fund.fund_code) ?? []).sort((a, b) => b.cents - a.cents).slice(0, 5).map((s) => s.key);
      out.push({
        fund_code: r.fund.fund_code, need_id: n.need_id, ...(n.site_id !== undefined ? { site_id: n.site_id } : {}), cents: asCents(amt), from_lines: from,
        reason: `${fundName.get(r.fund.fund_code) ?? r.fund.fund_code} is projected to underspend; need ${n.need_id} (${n.category}, priority ${n.priority}) is ${n.status === 'unfunded' ? 'unfunded' : 'partly funded'}${r.fund.end_date ? `; the money must be obligated by ${r.fund.end_date}` : ''}`,
      });
    }
  }
  return out;
}
