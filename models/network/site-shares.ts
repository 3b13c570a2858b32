import { objectClassIndex } from '../forecast/objects';
import type { Project } from '../project/project';

// Who spends what in a network, read once from the base year's Budget lines (the year
// prepare-lines.ts uses: the base year, or the latest before it). Each year's unrestricted
// spending of a fund and object class is split over the schools and the network office in the
// proportions their own lines had in the base year (school-year.ts). A line on no school (blank
// site, or a site that is not a school) is the network office's.

export interface SiteShares {
  /** `${fund_code}|${object class}` → a weight per slot (the schools in order, then the office). */
  byFundClass: Map<string, number[]>;
  /** Each slot's share of the base year's spending: how the opening balance sheet is split. */
  opening: number[];
}

export function siteShares(p: Project, schools: readonly { site_id: string }[]): SiteShares {
  const base = p.settings.base_year;
  const years = p.budget.map((l) => l.fiscal_year).filter((y) => y <= base);
  const year = years.length > 0 ? Math.max(...years) : base;
  const slot = new Map(schools.map((s, i) => [s.site_id, i]));
  const office = schools.length;
  const restricted = new Set(p.funds.filter((f) => f.restricted).map((f) => f.fund_code));
  const byFundClass = new Map<string, number[]>();
  const opening = new Array<number>(office + 1).fill(0);
  for (const l of p.budget) {
    if (l.fiscal_year !== year) continue;
    const key = `${l.fund_code}|${objectClassIndex(l.object)}`;
    let w = byFundClass.get(key);
    if (!w) byFundClass.set(key, (w = new Array<number>(office + 1).fill(0)));
    const i = (l.site_id !== undefined ? slot.get(l.site_id) : undefined) ?? office;
    w[i]! += l.amount;
    if (!restricted.has(l.fund_code)) opening[i]! += l.amount;
  }
  return { byFundClass, opening };
}
