import { asCents, type Cents } from '../../money/cents';

/**
 * Interim certification, as states ask for it (e.g. California Education Code §42130–42131):
 * positive — the district will meet its financial obligations this year and the next two;
 * qualified — it may not meet them in one of those years (here: a year ends below the reserve the
 * district must keep, or the third year goes negative); negative — it will be unable to meet them
 * for the rest of this year or next year (a negative balance in either).
 */
export interface CertificationYear {
  fiscal_year: number;
  revenue_cents: Cents;
  expenditure_cents: Cents;
  ending_balance_cents: Cents;
  reserve_required_cents: Cents;
}

export interface Certification {
  status: 'positive' | 'qualified' | 'negative';
  reason: string;
  years: CertificationYear[];
}

/**
 * A simple 3-year projection of the general fund: this year's revenue and projected spending, then
 * both grown at flat rates; each year's ending balance carries to the next.
 */
export function certify(input: { fiscalYear: number; beginningBalance: Cents; revenue: Cents; expenditure: Cents; revenueGrowth: number; expenditureGrowth: number; reserveShare: number }): Certification {
  const years: CertificationYear[] = [];
  let balance: number = input.beginningBalance;
  for (let k = 0; k < 3; k++) {
    const rev = Math.round(input.revenue * (1 + input.revenueGrowth) ** k);
    const exp = Math.round(input.expenditure * (1 + input.expenditureGrowth) ** k);
    balance += rev - exp;
    years.push({ fiscal_year: input.fiscalYear + k, revenue_cents: asCents(rev), expenditure_cents: asCents(exp), ending_balance_cents: asCents(balance), reserve_required_cents: asCents(Math.round(exp * input.reserveShare)) });
  }
  const neg = years.findIndex((y) => y.ending_balance_cents < 0);
  if (neg === 0 || neg === 1) return { status: 'negative', reason: `the general fund ends FY${years[neg]!.fiscal_year} with a negative balance`, years };
  const short = years.findIndex((y) => y.ending_balance_cents < y.reserve_required_cents);
  if (short >= 0) return { status: 'qualified', reason: `the general fund ends FY${years[short]!.fiscal_year} below the required reserve (${Math.round(input.reserveShare * 1000) / 10}% of expenditures)`, years };
  return { status: 'positive', reason: 'the general fund keeps its required reserve this year and the next two', years };
}

export interface ChangeSinceAdoption {
  measure: 'enrollment' | 'attendance' | 'state_revenue' | 'other_revenue' | 'expenditures';
  adopted: number;
  current: number;
  change_share: number;
  threshold: number;
  flagged: boolean;
}

/** Changes since the budget was adopted that interim reports must explain: 2% for enrollment, attendance and state revenue; 5% for other revenue and spending. */
export function changesSinceAdoption(pairs: Partial<Record<ChangeSinceAdoption['measure'], { adopted: number; current: number }>>, keyShare: number, otherShare: number): ChangeSinceAdoption[] {
  const out: ChangeSinceAdoption[] = [];
  for (const measure of ['enrollment', 'attendance', 'state_revenue', 'other_revenue', 'expenditures'] as const) {
    const p = pairs[measure];
    if (!p || p.adopted === 0) continue;
    const change = (p.current - p.adopted) / Math.abs(p.adopted);
    const threshold = measure === 'enrollment' || measure === 'attendance' || measure === 'state_revenue' ? keyShare : otherShare;
    out.push({ measure, adopted: p.adopted, current: p.current, change_share: change, threshold, flagged: Math.abs(change) >= threshold - 1e-12 });
  }
  return out;
}
