import { apportion } from '../money/apportion';
import { asCents } from '../money/cents';
import { allocateFee } from '../network/fee';
import { measureValues, readMeasures, MEASURES, type MeasureName, type MeasureReading } from '../network/measures';
import type { PreparedNetwork } from '../network/prepare-network';
import { C } from './objects';
import type { Prepared } from './prepare';
import type { BalanceYear } from './year-balance';
import type { Indices, Workspace } from './year';

// A charter network's part of a forecast year (only when prepare found one: p.network), in two
// steps around the general fund's balance:
//   networkSpending — the loans' debt service (interest on the balance owed + the year's
//     principal) and what the students a school adds above the base year cost, both charged to
//     the general fund's `other` object class;
//   networkYear — the year's measures (models/network/measures.ts) from the closed balance, the
//     philanthropy and its share of revenue, and (unless lean) each school's public revenue,
//     philanthropy and management fee.
// Cash moves with the general fund's surplus; liabilities fall with principal repaid; assets move
// with the surplus less depreciation (docs/network.md, "How the forecast computes the measures").

const OTHER = 5;

/** What one year hands the next. */
export interface NetworkState {
  cash: number;
  /** [loan] principal owed at the start of the year. */
  debt: Float64Array;
  assets: number;
  liabilities: number;
  /** Last year's measures (NaN before the base year), for NACSA's trend rules. */
  prev: Partial<Record<MeasureName, number>>;
}

export function initialNetworkState(n: PreparedNetwork): NetworkState {
  return { cash: n.opening.cash, debt: Float64Array.from(n.loans.map((l) => l.balance)), assets: n.opening.totalAssets, liabilities: n.opening.totalLiabilities, prev: {} };
}

export interface NetworkSpending { interest: number; principal: number; growth: number }

export function networkSpending(p: Prepared, n: PreparedNetwork, ws: Workspace, y: { t: number; enrollment: number; idx: Indices; state: NetworkState }): NetworkSpending {
  let interest = 0;
  let principal = 0;
  n.loans.forEach((l, i) => { const owed = y.state.debt[i]!; interest += Math.round(owed * l.rate); principal += Math.min(l.principal, owed); });
  const added = y.enrollment - p.enrollment.total[0]!;
  const growth = y.t > 0 && n.settings.costPerAddedPupil !== 0 ? Math.round(n.settings.costPerAddedPupil * added * y.idx.infl[OTHER]!) : 0;
  ws.spend[p.general * C + OTHER]! += interest + principal + growth;
  return { interest, principal, growth };
}

export interface SchoolYear { site_id: string; students: number; public_revenue_cents: number; philanthropy_cents: number; fee_cents: number; revenue_after_fee_cents: number }

export interface NetworkYear {
  cash_cents: number;
  net_income_cents: number;
  interest_cents: number;
  principal_cents: number;
  debt_outstanding_cents: number;
  enrollment_growth_cost_cents: number;
  budgeted_enrollment: number;
  philanthropy_cents: number;
  /** Philanthropy ÷ unrestricted revenue: how much the year depends on gifts. */
  philanthropy_share: number;
  /** The network office's fee revenue: the schools' fees, which add up to it exactly. */
  fee_revenue_cents?: number;
  schools?: SchoolYear[];
}

export interface NetworkYearInput { t: number; year: number; enrollment: number; idx: Indices; balance: BalanceYear; spending: NetworkSpending; state: NetworkState; lean: boolean }

export function networkYear(p: Prepared, n: PreparedNetwork, ws: Workspace, y: NetworkYearInput): { measures: Record<MeasureName, MeasureReading>; network: NetworkYear; next: NetworkState } {
  const { balance, spending, state } = y;
  const dep = n.opening.depreciation;
  const cash = state.cash + balance.surplus;
  const debt = Float64Array.from(state.debt);
  n.loans.forEach((l, i) => { debt[i] = debt[i]! - Math.min(l.principal, debt[i]!); });
  const liabilities = state.liabilities - spending.principal;
  const assets = state.assets + balance.surplus - dep;
  // Accrual view: loan principal is no expense, depreciation is.
  const operating = balance.expenditure - spending.principal + dep;
  const netIncome = balance.revenue - operating;
  const budgeted = p.enrollment.total[y.t]!;
  const values = measureValues({
    cash, operating_expenses: operating, depreciation: dep, current_assets: cash + n.opening.otherCurrentAssets, current_liabilities: n.opening.currentLiabilities,
    revenue: balance.revenue, net_income: netIncome, budgeted_enrollment: budgeted, enrollment: y.enrollment,
    interest: spending.interest, principal: spending.principal, total_liabilities: liabilities, total_assets: assets,
  });
  const measures = readMeasures(values, state.prev, n.covenants);
  const gifts = n.philanthropy.map((g) => giftThisYear(p, g.line, y.year, y.idx));
  const philanthropy = gifts.reduce((a, b) => a + b, 0);
  const network: NetworkYear = {
    cash_cents: cash, net_income_cents: netIncome, interest_cents: spending.interest, principal_cents: spending.principal,
    debt_outstanding_cents: debt.reduce((a, b) => a + b, 0), enrollment_growth_cost_cents: spending.growth, budgeted_enrollment: Math.round(budgeted),
    philanthropy_cents: philanthropy, philanthropy_share: balance.revenue > 0 ? philanthropy / balance.revenue : 0,
  };
  if (!y.lean) Object.assign(network, schoolsYear(p, n, ws, y, gifts, philanthropy));
  const prev: Partial<Record<MeasureName, number>> = {};
  for (const m of MEASURES) prev[m] = values[m];
  return { measures, network, next: { cash, debt, assets, liabilities, prev } };
}

/** A philanthropy line's revenue this year, as projectRevenue (year-revenue.ts) computed it. */
function giftThisYear(p: Prepared, line: number, year: number, idx: Indices): number {
  const s = p.revenue[line]!;
  if (year > s.lastYear || (s.firstYear !== undefined && year < s.firstYear)) return 0;
  if (s.kind === 'one_time') return s.year === year ? s.baseCents : 0;
  return Math.round(s.baseCents * idx.rev[line]!);
}

/** Each school's P&L lines: public revenue (all revenue but gifts, split by students), its own gifts, the fee. */
function schoolsYear(p: Prepared, n: PreparedNetwork, ws: Workspace, y: NetworkYearInput, gifts: readonly number[], philanthropy: number): Pick<NetworkYear, 'fee_revenue_cents' | 'schools'> {
  let income = 0;
  for (let f = 0; f < p.funds.length; f++) income += ws.income[f]!;
  const students = n.schools.map((s) => p.enrollment.siteTotals[s.projection]![y.t]! * y.idx.enroll);
  const publicRevenue = apportion(asCents(income - philanthropy), students);
  const fee = allocateFee(n.schools.map((s, i) => ({ site_id: s.site_id, public_revenue: publicRevenue[i]!, students: students[i]! })), n.settings);
  const schools = n.schools.map((s, i): SchoolYear => {
    const own = n.philanthropy.reduce((a, g, j) => a + (g.site === s.site_id ? gifts[j]! : 0), 0);
    const charged = fee.by_school[s.site_id]!;
    return { site_id: s.site_id, students: Math.round(students[i]! * 10) / 10, public_revenue_cents: publicRevenue[i]!, philanthropy_cents: own, fee_cents: charged, revenue_after_fee_cents: publicRevenue[i]! + own - charged };
  });
  return { fee_revenue_cents: fee.total_cents, schools };
}
