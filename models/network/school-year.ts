import { apportion } from '../money/apportion';
import { asCents } from '../money/cents';
import { measureValues, readMeasures, type MeasureName, type MeasureReading } from './measures';
import type { PreparedNetwork } from './prepare-network';

// Each school's year and the network office's, as separate ledgers that add up to the network's
// (docs/network.md, "Each school and the network office"). A slot is a school (in
// PreparedNetwork.schools order) or, last, the office.
//   Revenue: a school's public revenue (split by students, year-network.ts), its own gifts and its
//     share of the network-wide gifts (by students), less the fee; the office's revenue is the
//     fees (and any reserve draw).
//   Spending: each unrestricted fund's spending of an object class split as the slots' own Budget
//     lines split it in the base year (site-shares.ts; a class no line names goes to the schools by
//     students); the cost of added students by each school's own added students; a new school's
//     startup and fixed costs to that school (school-plans.ts schoolCosts); each loan's
//     interest and principal to the site it financed (blank: the office); restricted grants are
//     passed through — a school spends its share of them, in revenue and in spending alike.
//   Balance sheet: the opening one split by the slots' base-year spending, then cash and assets
//     move with each slot's own surplus and liabilities with its own principal.
// Every split is by largest remainder, so the slots' surpluses add up to the general fund's to the
// cent, and so do their cash, net income and balance sheets to the network's.

const OTHER = 5;
const PURCHASED = 2;

export interface SlotState { cash: number[]; assets: number[]; liabilities: number[]; prev: Partial<Record<MeasureName, number>>[] }

/** What the slots keep all years: each one's share of the opening balance sheet's steady items. */
export interface SlotOpening { otherCurrentAssets: number[]; currentLiabilities: number[]; depreciation: number[] }

export function slotOpening(n: PreparedNetwork): { state: SlotState; fixed: SlotOpening } {
  const w = n.shares.opening;
  const split = (cents: number) => apportion(asCents(Math.round(cents)), w).map(Number);
  const loanDebt = n.loans.reduce((a, l) => a + l.balance, 0);
  const liabilities = split(n.opening.totalLiabilities - loanDebt);
  n.loans.forEach((l, i) => { liabilities[n.loanSlot[i]!]! += l.balance; });
  return {
    state: { cash: split(n.opening.cash), assets: split(n.opening.totalAssets), liabilities, prev: w.map(() => ({})) },
    fixed: { otherCurrentAssets: split(n.opening.otherCurrentAssets), currentLiabilities: split(n.opening.currentLiabilities), depreciation: split(n.opening.depreciation) },
  };
}

/** A slot's ledger for the year (school or office). */
export interface SlotLedger {
  /** Restricted grants the school receives and spends (in its revenue and its spending). */
  restricted_grants_cents: number;
  /** Spending but debt service: its share of the lines, of the added students' cost and of restricted grants. */
  expenses_cents: number;
  /** Interest and principal on the loans for its site. */
  debt_service_cents: number;
  /** Revenue after the fee − expenses − debt service (the cash the year leaves it). */
  net_cents: number;
  cash_cents: number;
  measures: Record<MeasureName, MeasureReading>;
}

export interface SlotYearInput {
  /** The year's spending by fund and object class (cents), debt service and growth included. */
  spend: Float64Array;
  funds: readonly { code: string; restricted: boolean }[];
  general: number;
  C: number;
  /** Restricted funds' revenue this year. */
  restrictedIncome: number;
  infl: number;
  /** Per school: students, the projection's students (before enrollment_shift), the base year's. */
  students: readonly number[];
  budgeted: readonly number[];
  baseStudents: readonly number[];
  /** Per slot: revenue after the fee, network-wide gifts included (the office: fees + reserve draw). */
  revenue: readonly number[];
  debt: Float64Array;
  growth: number;
  /** Per school: its startup and fixed costs this year, in the general fund's purchased services (school-plans.ts). */
  startupCost?: readonly number[];
  fixedCost?: readonly number[];
  state: SlotState;
  fixed: SlotOpening;
}

export function slotYear(n: PreparedNetwork, y: SlotYearInput): { ledgers: SlotLedger[]; next: SlotState } {
  const S = n.schools.length;
  const slots = S + 1;
  const interest = new Array<number>(slots).fill(0);
  const principal = new Array<number>(slots).fill(0);
  n.loans.forEach((l, i) => {
    const owed = y.debt[i]!;
    interest[n.loanSlot[i]!]! += Math.round(owed * l.rate);
    principal[n.loanSlot[i]!]! += Math.min(l.principal, owed);
  });
  const growth = growthBySchool(n, y);
  const restricted = apportion(asCents(Math.round(y.restrictedIncome)), y.students).map(Number);
  const expenses = new Array<number>(slots).fill(0);
  const own = (s: number) => (y.startupCost?.[s] ?? 0) + (y.fixedCost?.[s] ?? 0);
  let ownCosts = 0;
  for (let s = 0; s < S; s++) { expenses[s] = growth[s]! + restricted[s]! + own(s); ownCosts += own(s); }
  const debtService = interest.reduce((a, b) => a + b, 0) + principal.reduce((a, b) => a + b, 0);
  for (let f = 0; f < y.funds.length; f++) {
    const fund = y.funds[f]!;
    if (fund.restricted) continue;
    for (let c = 0; c < y.C; c++) {
      let amount = y.spend[f * y.C + c]!;
      if (f === y.general && c === OTHER) amount -= debtService + y.growth;
      if (f === y.general && c === PURCHASED) amount -= ownCosts;
      if (amount === 0) continue;
      const parts = apportion(asCents(Math.round(amount)), weightsFor(n, fund.code, c, y.students));
      for (let s = 0; s < slots; s++) expenses[s]! += parts[s]!;
    }
  }
  const next: SlotState = { cash: [], assets: [], liabilities: [], prev: [] };
  const ledgers = Array.from({ length: slots }, (_, s): SlotLedger => {
    const dep = y.fixed.depreciation[s]!;
    const net = y.revenue[s]! - expenses[s]! - interest[s]! - principal[s]!;
    const pass = s < S ? restricted[s]! : 0;
    // Accrual, as the network's: principal is no expense, depreciation is; grants passed through cancel.
    const revenue = y.revenue[s]! - pass;
    const operating = expenses[s]! - pass + interest[s]! + dep;
    const cash = y.state.cash[s]! + net;
    const assets = y.state.assets[s]! + net - dep;
    const liabilities = y.state.liabilities[s]! - principal[s]!;
    const values = measureValues({
      cash, operating_expenses: operating, depreciation: dep, current_assets: cash + y.fixed.otherCurrentAssets[s]!, current_liabilities: y.fixed.currentLiabilities[s]!,
      revenue, net_income: revenue - operating, budgeted_enrollment: s < S ? y.budgeted[s]! : 0, enrollment: s < S ? y.students[s]! : 0,
      interest: interest[s]!, principal: principal[s]!, total_liabilities: liabilities, total_assets: assets,
    });
    next.cash.push(cash); next.assets.push(assets); next.liabilities.push(liabilities); next.prev.push(values);
    return {
      restricted_grants_cents: pass, expenses_cents: expenses[s]!, debt_service_cents: interest[s]! + principal[s]!, net_cents: net, cash_cents: cash,
      measures: readMeasures(values, y.state.prev[s]!, []),
    };
  });
  return { ledgers, next };
}

/** A fund and class's weights over the slots: the base year's lines, else the schools by students. */
function weightsFor(n: PreparedNetwork, code: string, c: number, students: readonly number[]): number[] {
  const w = n.shares.byFundClass.get(`${code}|${c}`);
  if (w && w.some((x) => x > 0) && w.every((x) => x >= 0)) return w;
  return students.some((x) => x > 0) ? [...students, 0] : [...students.map(() => 0), 1];
}

/**
 * The cost of added students, school by school: the per-pupil cost × (its students − its base
 * year's) × inflation, each rounded; the cents the rounding leaves (the network's total is rounded
 * once, year-network.ts) go to the school with the largest share, so the schools add up to it.
 */
function growthBySchool(n: PreparedNetwork, y: SlotYearInput): number[] {
  const S = n.schools.length;
  if (y.growth === 0) return new Array<number>(S).fill(0);
  const raw = y.students.map((x, s) => n.settings.costPerAddedPupil * (x - y.baseStudents[s]!) * y.infl);
  const out = raw.map(Math.round);
  let largest = 0;
  raw.forEach((r, s) => { if (Math.abs(r) > Math.abs(raw[largest]!)) largest = s; });
  out[largest]! += y.growth - out.reduce((a, b) => a + b, 0);
  return out;
}
