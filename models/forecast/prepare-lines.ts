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
  /** fund index → benefit lines that follow pay (retirement, social security, …), with budget personnel. */
  payBenefits: Map<number, number>;
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
  const payBenefits = new Map<number, number>();
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
    if (c === BEN && benefitFollows(l.object) === 'pay') payBenefits.set(f, (payBenefits.get(f) ?? 0) + l.amount);
  }
  if (!personnelFromBudget && !hasPersonnelLines && project.positions.length > 0) {
    warnings.push(`the Budget sheet has no salary or benefit lines for ${year}: the base year's personnel is the Positions sheet's cost, not a budget line`);
  }
  return { year, byFundClass, personnel, payBenefits, hasPersonnelLines };
}

/** [f·C + c] for every fund known once all are met. */
export function lineTable(lines: PreparedLines, fundCount: number): Float64Array {
  const out = new Float64Array(fundCount * C);
  for (const [j, v] of lines.byFundClass) out[j] = v;
  return out;
}

/** Object class → inflation: a driver name or a fixed rate. Salaries and benefits: the config's, else COLA and health inflation. */
export function lineInflation(config: ForecastConfig): (string | number)[] {
  const named = config.inflation_by_object;
  const inflation = ['salaries', 'benefits', 'purchased_services', 'supplies', 'capital', 'other', 'transfers_out'].map((c) => named[c] ?? (c === 'transfers_out' ? 0 : 'cpi'));
  inflation[SAL] = named.salaries ?? 'cola';
  inflation[BEN] = named.benefits ?? 'health_inflation';
  return inflation;
}

/**
 * With no Positions sheet, how personnel lines grow (docs/forecast.md, "Personnel from budget
 * lines"): salaries with pay (COLA × steps) unless the config names their inflation, benefits split
 * into a part that follows pay and one that follows health inflation unless the config names it.
 */
export interface BudgetPay {
  /** Salary lines grow by COLA × step_increase (else by inflation_by_object.salaries). */
  salaries: boolean;
  /** [f]: benefit lines that follow pay (else null: all benefits by inflation_by_object.benefits). */
  payBenefits: Float64Array | null;
}

export function budgetPay(config: ForecastConfig, lines: PreparedLines, fundCount: number): BudgetPay {
  let payBenefits: Float64Array | null = null;
  if (config.inflation_by_object.benefits === undefined) {
    payBenefits = new Float64Array(fundCount);
    for (const [f, v] of lines.payBenefits) payBenefits[f] = v;
  }
  return { salaries: config.inflation_by_object.salaries === undefined, payBenefits };
}

/**
 * Whether a benefit line follows pay or health costs, from its object: NCES object codes 210 (group
 * insurance) and 280 (health benefits) follow health costs; 220 social security, 230 retirement,
 * 240 on-behalf payments, 250 tuition reimbursement, 260 unemployment, 270 workers' compensation
 * and 290 other are paid as a share of pay. Words say the same ("health", "retirement", "FICA").
 * A line that says neither (200, "benefits") is taken as health, as it was before this split.
 */
export function benefitFollows(object: string): 'pay' | 'health' {
  const o = object.trim().toLowerCase();
  const code = /^2(\d)/.exec(o);
  if (code) return code[1] === '0' || code[1] === '1' || code[1] === '8' ? 'health' : 'pay';
  if (/health|medic|dental|vision|insur/.test(o)) return 'health';
  if (/retire|pension|fica|social|medicare|unemploy|worker|tuition/.test(o)) return 'pay';
  return 'health';
}
