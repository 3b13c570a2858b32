import type { Project } from '../project/project';
import type { ForecastConfig } from './config';

// The funds a forecast charges and credits, by index: the Funds sheet, the general fund, and any
// code first met on a position, a line or a revenue source (treated as unrestricted general money,
// with a warning). Indices are handed out in the order codes are met, so results list funds the
// same way every run.

export type GrantEndPolicy = 'move_to_general' | 'cut';

export interface PreparedFund {
  code: string;
  restricted: boolean;
  source: 'local' | 'state' | 'federal' | 'other';
  /** Last fiscal year the fund's money is available (Infinity = no end date). */
  lastYear: number;
  /** The share of that last fiscal year before the end date (1 = the whole year). */
  lastYearShare: number;
  onEnd: GrantEndPolicy;
}

export interface FundTable {
  list: PreparedFund[];
  general: number;
  /** The index of a code (blank = the general fund), adding an unknown code as general money. */
  index(code: string | undefined): number;
  /** The index of a code already met, or undefined. */
  find(code: string): number | undefined;
}

export function fundTable(project: Project, config: ForecastConfig, warnings: string[], errors: string[]): FundTable {
  const list: PreparedFund[] = [];
  const byCode = new Map<string, number>();
  const add = (f: PreparedFund) => { byCode.set(f.code, list.length); list.push(f); return list.length - 1; };
  for (const f of project.funds) {
    // A recurring grant (Title I, IDEA: a new award every year) has no cliff at this award's end date.
    const ends = f.end_date !== undefined && !f.recurring;
    add({
      code: f.fund_code, restricted: f.restricted, source: f.source,
      lastYear: ends ? lastFiscalYear(f.end_date!, config.fiscal_year_start_month) : Infinity,
      lastYearShare: ends ? fiscalYearShare(f.end_date!, config.fiscal_year_start_month) : 1,
      onEnd: config.grant_end_by_fund[f.fund_code] ?? config.grant_end,
    });
  }
  const general = byCode.get(config.general_fund) ?? add({ code: config.general_fund, restricted: false, source: 'local', lastYear: Infinity, lastYearShare: 1, onEnd: 'move_to_general' });
  if (list[general]!.restricted) errors.push(`general fund ${config.general_fund} is marked restricted in Funds`);
  const index = (code: string | undefined): number => {
    if (!code) return general;
    const i = byCode.get(code);
    if (i !== undefined) return i;
    warnings.push(`fund ${code} is not in Funds: treated as unrestricted general money`);
    return add({ code, restricted: false, source: 'other', lastYear: Infinity, lastYearShare: 1, onEnd: 'move_to_general' });
  };
  return { list, general, index, find: (code) => byCode.get(code) };
}

/**
 * The last fiscal year a grant ending on `date` pays for: the fiscal year containing the date
 * (fiscal years are named by the calendar year they end in; they start in `startMonth`).
 */
export function lastFiscalYear(date: string, startMonth: number): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return startMonth > 1 && m >= startMonth ? y + 1 : y;
}

/**
 * The share of its fiscal year that ends on `date` (inclusive): whole months from the fiscal year's
 * start, plus the days of the end date's month as a share of that month (payroll and most grant
 * spending run by the month). 30 September in a July fiscal year = 3 ÷ 12; 30 June = 1.
 */
export function fiscalYearShare(date: string, startMonth: number): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const monthsBefore = (m - startMonth + 12) % 12;
  return Math.min(1, (monthsBefore + Math.min(d, daysInMonth) / daysInMonth) / 12);
}
