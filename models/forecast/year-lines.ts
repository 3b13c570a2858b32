import { BEN, C, SAL } from './objects';
import { chargeTo } from './payers';
import type { CompiledAction } from './plans';
import type { Prepared } from './prepare';
import type { Workspace } from './year';

// Non-personnel lines of one forecast year: base (± plan changes) × the object class's inflation
// index, plus nominal plan changes and delayed purchases coming back, charged to the fund that pays.

export interface LinesInput {
  actions: readonly CompiledAction[];
  year: number;
  /** [object class] inflation index this year. */
  infl: Float64Array;
  /** Pension rate less the base year's (added on budget salary lines when there are no positions). */
  pension: number;
}

/** Charges the lines into ws.spend; returns the delayed purchases still to come back. */
export function costLines(p: Prepared, ws: Workspace, l: LinesInput, delayedBefore: Map<number, Float64Array>): Map<number, Float64Array> {
  lineChanges(ws, l.actions);
  const delayed = l.actions.length > 0 || delayedBefore.size > 0 ? new Map(delayedBefore) : delayedBefore;
  delayPurchases(p, ws, l.actions, l.year, l.infl, delayed);
  const returning = delayed.get(l.year);
  delayed.delete(l.year);
  const F = p.funds.length;
  for (let f = 0; f < F; f++) {
    let salaries = 0;
    for (let c = 0; c < C; c++) {
      const j = f * C + c;
      let amount = Math.round((p.lines[j]! + ws.lineChange[j]!) * lineIndex(p, f, c, l.infl)) + ws.nominal[j]! + (returning?.[j] ?? 0);
      if (c === SAL) salaries = amount;
      // Budget personnel: a change in the pension rate is a change in benefits on this year's salaries.
      if (c === BEN && p.budgetPay && l.pension !== 0) amount += Math.round(l.pension * salaries);
      if (amount !== 0) chargeTo(ws.payers, ws.spend, f, c, amount);
    }
  }
  return delayed;
}

/** A class's index for fund f: its inflation; budget benefits blend the part that follows pay (salary index) and health. */
function lineIndex(p: Prepared, f: number, c: number, infl: Float64Array): number {
  const pay = p.budgetPay?.payBenefits;
  if (c !== BEN || !pay || pay[f] === 0) return infl[c]!;
  const all = p.lines[f * C + BEN]!;
  if (all === 0) return infl[c]!;
  return (pay[f]! * infl[SAL]! + (all - pay[f]!) * infl[BEN]!) / all;
}

/** budget_pct and site closures change base lines (inflated with them); budget_amount is nominal. */
function lineChanges(ws: Workspace, actions: readonly CompiledAction[]): void {
  const adj = ws.lineChange.fill(0);
  const nominal = ws.nominal.fill(0);
  for (const a of actions) {
    if (a.kind === 'budget_pct' && a.matched) for (let j = 0; j < adj.length; j++) adj[j]! += a.pct * a.matched[j]!;
    else if ((a.kind === 'close_site' || a.kind === 'merge_site') && a.matched) for (let j = 0; j < adj.length; j++) adj[j]! -= a.pct * a.matched[j]!;
    else if (a.kind === 'budget_amount') nominal[a.fund * C + (a.objectClass >= 0 ? a.objectClass : 5)]! += a.amount;
  }
}

/** A delayed purchase leaves its start year and comes back `years` later (nominal dollars). */
function delayPurchases(p: Prepared, ws: Workspace, actions: readonly CompiledAction[], year: number, infl: Float64Array, delayed: Map<number, Float64Array>): void {
  const F = p.funds.length;
  const nominal = ws.nominal;
  for (const a of actions) {
    if (a.kind !== 'delay_purchase' || a.start !== year) continue;
    const back = new Float64Array(delayed.get(year + a.years) ?? new Float64Array(F * C));
    if (a.matched) {
      for (let j = 0; j < nominal.length; j++) { const v = Math.round(a.pct * a.matched[j]! * infl[j % C]!); nominal[j]! -= v; back[j]! += v; }
    } else {
      const j = a.fund * C + (a.objectClass >= 0 ? a.objectClass : 4);
      nominal[j]! -= a.amount;
      back[j]! += a.amount;
    }
    delayed.set(year + a.years, back);
  }
}
