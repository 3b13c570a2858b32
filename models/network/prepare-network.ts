import type { EnrollmentProjection } from '../forecast/enrollment';
import type { RevenueLine } from '../forecast/prepare-revenue';
import type { Project } from '../project/project';
import { growThrough } from './grow-through';
import type { Covenant } from './measures';
import { networkSettings, type NetworkSettings } from './settings';
import { siteShares, type SiteShares } from './site-shares';
import type { CharterSchool } from './tables';

// What the forecast needs of a charter network, read once per project (like prepare.ts): the
// settings, loans, covenants and opening balance sheet, and the philanthropy revenue lines. A
// project with no network sheet and no network setting gets null, and the forecast is a district's.

export interface PreparedLoan { id: string; balance: number; rate: number; principal: number }

export interface PreparedSchool { site_id: string; projection: number; scenarioOnly: boolean; opens: number; startup: number; fixed: number }

export interface PreparedNetwork {
  settings: NetworkSettings;
  loans: PreparedLoan[];
  covenants: Covenant[];
  opening: { cash: number; otherCurrentAssets: number; currentLiabilities: number; totalAssets: number; totalLiabilities: number; depreciation: number };
  /** Indices into Prepared.revenue of the philanthropy lines, and the school each is for (undefined: the network). */
  philanthropy: { line: number; site: string | undefined }[];
  /** Sites that are schools (every projected site but the network office), indexed into the enrollment projection;
   *  scenarioOnly: a new school that opens only in a scenario (school-plans.ts); opens: its opening
   *  year's index (0 = the base year; −1: not on CharterSchools); startup and fixed: its costs
   *  before and from opening (cents, base-year prices; school-plans.ts schoolCosts). */
  schools: PreparedSchool[];
  charter: ReadonlySet<string>;
  /** How the base year's Budget lines split spending over the schools and the office (school-year.ts). */
  shares: SiteShares;
  /** [loan] the slot its debt service is charged to: its site's school, else the office (schools.length). */
  loanSlot: number[];
}

export function isNetworkProject(p: Project): boolean {
  return p.charterSchools.length + p.loans.length + p.covenants.length + p.balanceSheet.length + p.philanthropy.length > 0
    || Object.keys(p.settings.extra).some((k) => k.startsWith('network_'));
}

/** The philanthropy rows as revenue lines of the general fund (`growth` driver philanthropy_growth). */
export function philanthropyLines(p: Project, general: number): RevenueLine[] {
  return p.philanthropy.map((g): RevenueLine => ({
    id: `PHIL_${g.source_id}`, label: `Philanthropy - ${g.source_id}`, fund: general, category: g.kind === 'one_time' ? 'one_time' : 'other',
    kind: g.kind === 'one_time' ? 'one_time' : 'growth', baseCents: g.amount, growth: 'philanthropy_growth',
    lastYear: g.end_year ?? 9999, lastYearShare: 1, year: g.kind === 'one_time' ? g.start_year : undefined, formula: undefined, firstYear: g.start_year,
  }));
}

export function prepareNetwork(p: Project, revenue: readonly RevenueLine[], enrollment: EnrollmentProjection, errors: string[]): PreparedNetwork | null {
  if (!isNetworkProject(p)) return null;
  const s = networkSettings(p.settings.extra);
  if (!s.ok) { errors.push(s.reason); return null; }
  const item = (name: string) => p.balanceSheet.find((b) => b.item === name)?.amount ?? 0;
  const loanDebt = p.loans.reduce((a, l) => a + l.balance, 0);
  const lenders = new Map<string, string>();
  for (const l of p.loans) { lenders.set(l.loan_id, l.lender ?? l.loan_id); if (l.lender) lenders.set(l.lender, l.lender); }
  const charter = new Map(p.charterSchools.map((c) => [c.site_id, c]));
  const schools = enrollment.sites.flatMap((x, projection): PreparedSchool[] => {
    if (x.site_id === s.value.office) return [];
    const c = charter.get(x.site_id);
    return [{ site_id: x.site_id, projection, scenarioOnly: !!c?.scenario, opens: c ? c.open_year - enrollment.baseYear : -1, startup: c?.startup_cost ?? 0, fixed: c?.fixed_cost ?? 0 }];
  });
  const slotOf = (site: string | undefined) => { const i = schools.findIndex((x) => x.site_id === site); return i >= 0 ? i : schools.length; };
  return {
    settings: s.value,
    loans: p.loans.map((l) => ({ id: l.loan_id, balance: l.balance, rate: l.interest_rate, principal: l.annual_principal })),
    covenants: p.covenants.map((c) => ({ lender: lenders.get(c.lender) ?? c.lender, measure: c.measure, direction: c.direction, threshold: c.threshold })),
    opening: {
      cash: item('cash'), otherCurrentAssets: item('other_current_assets'), currentLiabilities: item('current_liabilities'),
      totalAssets: item('total_assets'),
      // Total liabilities include the loans; with none given, the loans alone.
      totalLiabilities: p.balanceSheet.some((b) => b.item === 'total_liabilities') ? item('total_liabilities') : loanDebt,
      depreciation: item('depreciation'),
    },
    philanthropy: revenue.flatMap((r, line) => (r.id.startsWith('PHIL_') ? [{ line, site: p.philanthropy.find((g) => `PHIL_${g.source_id}` === r.id)?.site_id }] : [])),
    schools,
    charter: new Set(p.charterSchools.map((c) => c.site_id)),
    shares: siteShares(p, schools),
    loanSlot: p.loans.map((l) => slotOf(l.site_id)),
  };
}

/**
 * The enrollment projection with every charter school grown through its grades
 * (grow-through.ts) instead of by cohort survival; a school that opens after the base year (no
 * Enrollment rows) is added. Site and network totals are recomputed.
 */
export function withGrowThrough(e: EnrollmentProjection, schools: readonly CharterSchool[], years: number): EnrollmentProjection {
  if (schools.length === 0) return e;
  const sites = [...e.sites];
  for (const c of schools) {
    const i = sites.findIndex((x) => x.site_id === c.site_id);
    const base = i >= 0 ? sites[i]!.byGrade[0]! : new Float64Array(14);
    const byGrade = growThrough(c, base, e.baseYear, years);
    const site = { site_id: c.site_id, byGrade, gpr: new Float64Array(14).fill(Number.NaN), feeder: new Uint8Array(14) };
    if (i >= 0) sites[i] = site; else sites.push(site);
  }
  sites.sort((a, b) => (a.site_id < b.site_id ? -1 : a.site_id > b.site_id ? 1 : 0));
  const total = new Float64Array(years + 1);
  const siteTotals = sites.map((x) => {
    const totals = new Float64Array(years + 1);
    for (let t = 0; t <= years; t++) { let v = 0; for (const n of x.byGrade[t]!) v += n; totals[t] = v; total[t]! += v; }
    return totals;
  });
  return { baseYear: e.baseYear, sites, total, siteTotals };
}
