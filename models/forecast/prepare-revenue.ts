import type { Project } from '../project/project';
import type { Fund } from '../schema/tables';
import type { ForecastConfig, RevenueSource } from './config';
import { compileFormula, type Formula } from './formula';
import { fiscalYearShare, lastFiscalYear, type FundTable } from './prepare-funds';

// Revenue sources: from the config, or one a fund from the Funds sheet (restricted → grant,
// state → per pupil, local → growth; the general fund split by the Settings key state_aid_share).

export interface RevenueLine {
  id: string;
  label: string;
  fund: number;
  category: 'state' | 'local' | 'federal' | 'other' | 'one_time';
  kind: RevenueSource['kind'];
  baseCents: number;
  growth: string | number | undefined;
  lastYear: number;
  /** The share of the last fiscal year before the end date: that year pays this share of a year. */
  lastYearShare: number;
  year: number | undefined;
  formula: Formula | undefined;
  /** First fiscal year it pays (a gift that starts later: models/network); undefined: from the base year. */
  firstYear?: number;
}

export function prepareRevenue(project: Project, config: ForecastConfig, funds: FundTable, errors: string[]): RevenueLine[] {
  const revenue: RevenueLine[] = [];
  const stateShare = stateAidShare(project.settings.extra);
  const sources: RevenueSource[] = config.revenue ?? project.funds.flatMap((f) => defaultSources(f, stateShare));
  for (const s of sources) {
    const fi = funds.index(s.fund_code);
    const f = project.funds.find((x) => x.fund_code === funds.list[fi]!.code);
    let formula: Formula | undefined;
    if (s.kind === 'formula') {
      if (!s.expression) { errors.push(`revenue source ${s.id}: a formula source needs an expression`); continue; }
      const c = compileFormula(s.expression, `revenue source ${s.id}`);
      if (!c.ok) { errors.push(c.reason); continue; }
      formula = c.value;
    }
    if (s.kind === 'one_time' && s.year === undefined) { errors.push(`revenue source ${s.id}: one-time revenue needs a year`); continue; }
    const baseCents = s.base_cents ?? f?.available ?? 0;
    const category = s.kind === 'one_time' ? 'one_time' : (s.source ?? f?.source ?? 'other');
    const lastYear = s.end_date ? lastFiscalYear(s.end_date, config.fiscal_year_start_month) : funds.list[fi]!.lastYear;
    const lastYearShare = s.end_date ? fiscalYearShare(s.end_date, config.fiscal_year_start_month) : funds.list[fi]!.lastYearShare;
    revenue.push({ id: s.id, label: s.label ?? f?.name ?? s.id, fund: fi, category, kind: s.kind, baseCents, growth: s.growth ?? defaultGrowth(s.kind, category), lastYear, lastYearShare, year: s.year, formula });
  }
  return revenue;
}

/**
 * Settings key `state_aid_share` (e.g. 0.62): the share of each unrestricted local fund's revenue
 * that is per-pupil state aid. A general fund is usually paid by both the state formula (which
 * moves with enrollment and the state's per-pupil growth) and local levies (which do not), and a
 * workbook's Funds sheet gives one source per fund — so the split is a setting, not a guess.
 */
function stateAidShare(extra: Readonly<Record<string, string>>): number {
  const v = Number(extra['state_aid_share'] ?? Number.NaN);
  return Number.isFinite(v) && v > 0 && v < 1 ? v : 0;
}

function defaultSources(f: Fund, stateShare: number): RevenueSource[] {
  if (f.restricted || f.source !== 'local' || stateShare === 0) return [defaultSource(f)];
  const state = Math.round(f.available * stateShare);
  return [
    { id: `${f.fund_code}_STATE`, label: `${f.name} - state aid`, fund_code: f.fund_code, kind: 'per_pupil', source: 'state', base_cents: state },
    { id: `${f.fund_code}_LOCAL`, label: `${f.name} - local revenue`, fund_code: f.fund_code, kind: 'growth', source: 'local', base_cents: f.available - state },
  ];
}

function defaultSource(f: Fund): RevenueSource {
  if (f.restricted) return { id: f.fund_code, fund_code: f.fund_code, kind: 'grant', source: f.source };
  if (f.source === 'state') return { id: f.fund_code, fund_code: f.fund_code, kind: 'per_pupil', source: 'state' };
  return { id: f.fund_code, fund_code: f.fund_code, kind: 'growth', source: f.source };
}

function defaultGrowth(kind: RevenueSource['kind'], category: string): string | number {
  if (kind === 'per_pupil') return 'state_aid_per_pupil_growth';
  if (kind === 'grant') return 'grant_growth';
  if (category === 'local') return 'local_revenue_growth';
  return 0;
}
