import { reserveBalance } from './fund-balance';
import { BEN, C, SAL, TRF } from './objects';
import type { CompiledAction } from './plans';
import type { Prepared } from './prepare';
import { PC } from './reconcile';
import type { ScenarioState, Workspace } from './year';

// The general fund's year (every unrestricted fund): restricted funds that overspend are topped up,
// a designated reserve may cover a deficit, and the balance carries to next year.
// ending = beginning + revenue − expenditure, exact in cents.

export interface BalanceYear {
  revenue: number;
  expenditure: number;
  /** Spending of every fund, the general fund's transfers out left out (not spent twice). */
  allFunds: number;
  /** Salaries and benefits in the unrestricted funds. */
  personnel: number;
  /** The reconciling line in the unrestricted funds. */
  reconciling: number;
  reserveDraw: number;
  reserveUsed: Map<CompiledAction, number>;
  surplus: number;
  ending: number;
  /** The part of the ending balance the reserve policy measures (unrestricted or unassigned). */
  reserveBalance: number;
  reservePct: number;
}

export function closeBalance(p: Prepared, ws: Workspace, actions: readonly CompiledAction[], prev: ScenarioState): BalanceYear {
  topUpRestricted(p, ws);
  const totals = unrestrictedTotals(p, ws);
  const { draw, reserveUsed } = drawReserves(actions, totals.expenditure - totals.revenue, prev.reserveUsed);
  ws.byCategory[5] = draw;
  const revenue = totals.revenue + draw;
  const surplus = revenue - totals.expenditure;
  const ending = prev.balance + surplus;
  // The reserve: the balance the policy names ÷ expenditures and other uses (transfers out are in expenditure).
  const measured = reserveBalance(p.fundBalance, ending);
  const reservePct = totals.expenditure > 0 ? measured / totals.expenditure : 0;
  return { ...totals, revenue, reserveDraw: draw, reserveUsed, surplus, ending, reserveBalance: measured, reservePct };
}

/** A restricted fund that spends more than it receives is topped up by the general fund. */
function topUpRestricted(p: Prepared, ws: Workspace): void {
  for (let f = 0; f < p.funds.length; f++) {
    if (!p.funds[f]!.restricted) continue;
    let spent = 0;
    for (let c = 0; c < C; c++) spent += ws.spend[f * C + c]!;
    if (spent > ws.income[f]!) ws.spend[p.general * C + TRF]! += spent - ws.income[f]!;
  }
}

function unrestrictedTotals(p: Prepared, ws: Workspace) {
  let revenue = 0;
  let expenditure = 0;
  let allFunds = 0;
  let personnel = 0;
  let reconciling = 0;
  for (let f = 0; f < p.funds.length; f++) {
    let e = 0;
    for (let c = 0; c < C; c++) e += ws.spend[f * C + c]!;
    allFunds += e;
    if (p.funds[f]!.restricted) continue;
    revenue += ws.income[f]!;
    expenditure += e;
    personnel += ws.spend[f * C + SAL]! + ws.spend[f * C + BEN]!;
    if (p.reconciling) reconciling += ws.recon[f * PC + SAL]! + ws.recon[f * PC + BEN]!;
  }
  allFunds -= ws.spend[p.general * C + TRF]!;
  return { revenue, expenditure, allFunds, personnel, reconciling };
}

/** Drawing on a designated reserve (outside the general-fund balance) covers a deficit up to each action's limit. */
function drawReserves(actions: readonly CompiledAction[], deficit: number, usedBefore: Map<CompiledAction, number>) {
  let draw = 0;
  const reserveUsed = actions.length > 0 ? new Map(usedBefore) : usedBefore;
  for (const a of actions) {
    if (a.kind !== 'draw_reserves') continue;
    const gap = deficit - draw;
    if (gap <= 0) break;
    const used = reserveUsed.get(a) ?? 0;
    const take = Math.min(gap, Math.max(0, a.amount - used));
    draw += take;
    reserveUsed.set(a, used + take);
  }
  return { draw, reserveUsed };
}
