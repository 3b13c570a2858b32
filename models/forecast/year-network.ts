import { apportion } from '../money/apportion';
import { asCents } from '../money/cents';
import { allocateFee } from '../network/fee';
import { measureValues, readMeasures, MEASURES, type MeasureName, type MeasureReading } from '../network/measures';
import type { PreparedNetwork } from '../network/prepare-network';
import { slotOpening, slotYear, type SlotLedger, type SlotOpening, type SlotState } from '../network/school-year';
import { noHold, plannedDelays, schoolCosts, schoolsThisYear, type SchoolCosts, type SchoolHold, type SchoolsThisYear } from '../network/school-plans';
import type { CompiledAction } from './plans';
import { C } from './objects';
import type { Prepared } from './prepare';
import type { BalanceYear } from './year-balance';
import type { Indices, Workspace } from './year';

// A charter network's part of a forecast year (only when prepare found one: p.network), in two
// steps around the general fund's balance:
//   networkSpending — the loans' debt service (interest on the balance owed + the year's
//     principal) and what the students a school adds above the base year cost, both charged to
//     the general fund's `other` object class; and a new school's startup and fixed costs
//     (school-plans.ts schoolCosts), charged to its `purchased_services`;
//   networkYear — the year's measures (models/network/measures.ts) from the closed balance, the
//     philanthropy and its share of revenue, and (unless lean) each school's public revenue,
//     philanthropy and management fee.
// Cash moves with the general fund's surplus; liabilities fall with principal repaid; assets move
// with the surplus less depreciation (docs/network.md, "How the forecast computes the measures").

const OTHER = 5;
const PURCHASED = 2;

/** What one year hands the next. */
export interface NetworkState {
  cash: number;
  /** [loan] principal owed at the start of the year. */
  debt: Float64Array;
  assets: number;
  liabilities: number;
  /** Last year's measures (NaN before the base year), for NACSA's trend rules. */
  prev: Partial<Record<MeasureName, number>>;
  /** Each school's and the office's cash, assets, liabilities and last measures (models/network/school-year.ts). */
  slots: SlotState;
  slotFixed: SlotOpening;
  /** Each school's delay so far (school-plans.ts). */
  hold: SchoolHold;
  /** [school] 1 once its startup cost was charged. */
  startupPaid: Uint8Array;
}

export function initialNetworkState(n: PreparedNetwork): NetworkState {
  const slots = slotOpening(n);
  return { cash: n.opening.cash, debt: Float64Array.from(n.loans.map((l) => l.balance)), assets: n.opening.totalAssets, liabilities: n.opening.totalLiabilities, prev: {}, slots: slots.state, slotFixed: slots.fixed, hold: noHold(n.schools.length), startupPaid: new Uint8Array(n.schools.length) };
}

/** This year's students school by school, with the scenario's and the plan's openings and delays (school-plans.ts). */
export function networkSchools(p: Prepared, n: PreparedNetwork, t: number, drv: (name: string) => number, state: NetworkState, actions: readonly CompiledAction[]): SchoolsThisYear {
  return schoolsThisYear(p.enrollment, n.schools, t, drv, state.hold, plannedDelays(actions, p.sites));
}

export interface NetworkSpending { interest: number; principal: number; growth: number; schools: SchoolCosts }

export function networkSpending(p: Prepared, n: PreparedNetwork, ws: Workspace, y: { t: number; enrollment: number; idx: Indices; state: NetworkState; schools: SchoolsThisYear; drv: (name: string) => number }): NetworkSpending {
  let interest = 0;
  let principal = 0;
  n.loans.forEach((l, i) => { const owed = y.state.debt[i]!; interest += Math.round(owed * l.rate); principal += Math.min(l.principal, owed); });
  const added = y.enrollment - p.enrollment.total[0]!;
  const growth = y.t > 0 && n.settings.costPerAddedPupil !== 0 ? Math.round(n.settings.costPerAddedPupil * added * y.idx.infl[OTHER]!) : 0;
  ws.spend[p.general * C + OTHER]! += interest + principal + growth;
  const schools = schoolCosts(n.schools, y.t, y.drv, y.schools.hold, y.state.startupPaid, y.idx.infl[PURCHASED]!);
  ws.spend[p.general * C + PURCHASED]! += schools.total;
  return { interest, principal, growth, schools };
}

/** A school's year: its P&L after the management fee, and its own measures. */
export interface SchoolYear extends SlotLedger {
  site_id: string; students: number; public_revenue_cents: number;
  /** Its own gifts; and its share (by students) of the gifts to the network as a whole. */
  philanthropy_cents: number; network_philanthropy_cents: number;
  fee_cents: number;
  /** Public revenue + its own gifts − the fee (net_cents also counts network_philanthropy_cents). */
  revenue_after_fee_cents: number;
}

/** The network office's year: its budget, funded by the schools' fees (and any reserve draw). */
export interface OfficeYear extends SlotLedger { site_id: string; fee_revenue_cents: number; reserve_draw_cents: number }

export interface NetworkYear {
  cash_cents: number;
  net_income_cents: number;
  interest_cents: number;
  principal_cents: number;
  debt_outstanding_cents: number;
  enrollment_growth_cost_cents: number;
  /** New schools' startup and fixed costs this year (in purchased services; school-plans.ts). */
  school_startup_cents: number;
  school_fixed_cents: number;
  budgeted_enrollment: number;
  philanthropy_cents: number;
  /** Philanthropy ÷ unrestricted revenue: how much the year depends on gifts. */
  philanthropy_share: number;
  /** The network office's fee revenue: the schools' fees, which add up to it exactly. */
  fee_revenue_cents?: number;
  schools?: SchoolYear[];
  office?: OfficeYear;
}

export interface NetworkYearInput { t: number; year: number; enrollment: number; idx: Indices; balance: BalanceYear; spending: NetworkSpending; state: NetworkState; schools: SchoolsThisYear; lean: boolean }

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
  // The budget follows the schools the scenario and plan open or delay; the variance is the enrollment shift.
  const budgeted = y.schools.total;
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
    debt_outstanding_cents: debt.reduce((a, b) => a + b, 0), enrollment_growth_cost_cents: spending.growth,
    school_startup_cents: sum(spending.schools.startup), school_fixed_cents: sum(spending.schools.fixed), budgeted_enrollment: Math.round(budgeted),
    philanthropy_cents: philanthropy, philanthropy_share: balance.revenue > 0 ? philanthropy / balance.revenue : 0,
  };
  let slots = state.slots;
  if (!y.lean) { const sy = schoolsYear(p, n, ws, y, gifts, philanthropy); Object.assign(network, sy.year); slots = sy.slots; }
  const prev: Partial<Record<MeasureName, number>> = {};
  for (const m of MEASURES) prev[m] = values[m];
  return { measures, network, next: { cash, debt, assets, liabilities, prev, slots, slotFixed: state.slotFixed, hold: y.schools.hold, startupPaid: spending.schools.paid } };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** A philanthropy line's revenue this year, as projectRevenue (year-revenue.ts) computed it. */
function giftThisYear(p: Prepared, line: number, year: number, idx: Indices): number {
  const s = p.revenue[line]!;
  if (year > s.lastYear || (s.firstYear !== undefined && year < s.firstYear)) return 0;
  if (s.kind === 'one_time') return s.year === year ? s.baseCents : 0;
  return Math.round(s.baseCents * idx.rev[line]!);
}

/**
 * Each school's P&L: public revenue (all revenue but gifts, split by students), its own gifts, the
 * fee, its spending and debt service (school-year.ts); and the office's budget, funded by the fees.
 */
function schoolsYear(p: Prepared, n: PreparedNetwork, ws: Workspace, y: NetworkYearInput, gifts: readonly number[], philanthropy: number): { year: Pick<NetworkYear, 'fee_revenue_cents' | 'schools' | 'office'>; slots: SlotState } {
  let income = 0;
  for (let f = 0; f < p.funds.length; f++) income += ws.income[f]!;
  const students = y.schools.bySchool.map((x) => x * y.idx.enroll);
  const publicRevenue = apportion(asCents(income - philanthropy), students);
  const fee = allocateFee(n.schools.map((s, i) => ({ site_id: s.site_id, public_revenue: publicRevenue[i]!, students: students[i]! })), n.settings);
  const own = n.schools.map((s) => n.philanthropy.reduce((a, g, j) => a + (g.site === s.site_id ? gifts[j]! : 0), 0));
  const afterFee = n.schools.map((s, i) => publicRevenue[i]! + own[i]! - fee.by_school[s.site_id]!);
  // Gifts to the network as a whole support its schools, by students: the office lives on fees.
  const shared = apportion(asCents(philanthropy - own.reduce((a, b) => a + b, 0)), students).map(Number);
  let restrictedIncome = 0;
  for (let f = 0; f < p.funds.length; f++) if (p.funds[f]!.restricted) restrictedIncome += ws.income[f]!;
  const { ledgers, next } = slotYear(n, {
    spend: ws.spend, funds: p.funds, general: p.general, C, restrictedIncome, infl: y.idx.infl[OTHER]!, students,
    budgeted: y.schools.bySchool, baseStudents: n.schools.map((s) => p.enrollment.siteTotals[s.projection]![0]!),
    revenue: [...afterFee.map((r, i) => r + shared[i]!), fee.total_cents + y.balance.reserveDraw], debt: y.state.debt, growth: y.spending.growth, startupCost: y.spending.schools.startup, fixedCost: y.spending.schools.fixed, state: y.state.slots, fixed: y.state.slotFixed,
  });
  const schools = n.schools.map((s, i): SchoolYear => ({
    site_id: s.site_id, students: Math.round(students[i]! * 10) / 10, public_revenue_cents: publicRevenue[i]!, philanthropy_cents: own[i]!,
    fee_cents: fee.by_school[s.site_id]!, revenue_after_fee_cents: afterFee[i]!, network_philanthropy_cents: shared[i]!, ...ledgers[i]!,
  }));
  const office: OfficeYear = { site_id: n.settings.office ?? 'network', fee_revenue_cents: fee.total_cents, reserve_draw_cents: y.balance.reserveDraw, ...ledgers[n.schools.length]! };
  return { year: { fee_revenue_cents: fee.total_cents, schools, office }, slots: next };
}
