import type { Project } from '../project/project';
import type { ForecastConfig } from './config';
import type { FundTable } from './prepare-funds';
import { BEN, C, SAL, objectClassIndex } from './objects';
import { PC } from './reconcile';

// Budget lines of the base year (or the latest year before it) summed by fund and object class.
// While personnel is costed from Positions, the salary and benefit lines are kept aside: the base
// year reconciles to them (reconcile.ts). Integer cents, summed exactly.

export interface PreparedLines {
  /** Fiscal year the lines come from: the base year, else the latest year before it. */
  year: number;
  /** fund index × C + object class → cents (non-personnel lines; every line with budget personnel). */
  byFundClass: Map<number, number>;
  /** fund index × PC + class (salaries, benefits) → cents, with positions personnel. */
  personnel: Map<number, number>;
  hasPersonnelLines: boolean;
}

export function prepareLines(project: Project, baseYear: number, personnelFromBudget: boolean, funds: FundTable, warnings: string[]): PreparedLines {
  const years = project.budget.map((l) => l.fiscal_year).filter((y) => y <= baseYear);
  const year = years.length > 0 ? Math.max(...years) : baseYear;
  if (project.budget.length > 0 && year !== baseYear) warnings.push(`no budget lines for ${baseYear}: using ${year}`);
  const fundOf = new Map<string, number>();
  for (const l of project.budget) if (l.fiscal_year === year && !fundOf.has(l.fund_code)) fundOf.set(l.fund_code, funds.index(l.fund_code));
  const byFundClass = new Map<number, number>();
  const personnel = new Map<number, number>();
  let hasPersonnelLines = false;
  for (const l of project.budget) {
    if (l.fiscal_year !== year) continue;
    const c = objectClassIndex(l.object);
    const f = fundOf.get(l.fund_code)!;
    if (!personnelFromBudget && (c === SAL || c === BEN)) {
      hasPersonnelLines = true;
      personnel.set(f * PC + c, (personnel.get(f * PC + c) ?? 0) + l.amount);
      continue;
    }
    byFundClass.set(f * C + c, (byFundClass.get(f * C + c) ?? 0) + l.amount);
  }
  if (!personnelFromBudget && !hasPersonnelLines && project.positions.length > 0) {
    warnings.push(`the Budget sheet has no salary or benefit lines for ${year}: the base year's personnel is the Positions sheet's cost, not a budget line`);
  }
  return { year, byFundClass, personnel, hasPersonnelLines };
}

/** [f·C + c] for every fund known once all are met. */
export function lineTable(lines: PreparedLines, fundCount: number): Float64Array {
  const out = new Float64Array(fundCount * C);
  for (const [j, v] of lines.byFundClass) out[j] = v;
  return out;
}

/** Object class → inflation: a driver name or a fixed rate. */
export function lineInflation(config: ForecastConfig, personnelFromBudget: boolean): (string | number)[] {
  const inflation = ['salaries', 'benefits', 'purchased_services', 'supplies', 'capital', 'other', 'transfers_out'].map((c) => config.inflation_by_object[c] ?? (c === 'transfers_out' ? 0 : 'cpi'));
  if (personnelFromBudget) { inflation[SAL] = config.inflation_by_object.salaries ?? 'cola'; inflation[BEN] = config.inflation_by_object.benefits ?? 'health_inflation'; }
  return inflation;
}
