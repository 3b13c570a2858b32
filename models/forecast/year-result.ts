import type { FundYear, YearResult } from './engine';
import { classify } from './fund-balance';
import { change, type Derived } from './indicators';
import { C, OBJECT_CLASSES } from './objects';
import type { Prepared } from './prepare';
import { PC } from './reconcile';
import type { ScenarioState, Workspace } from './year';
import type { BalanceYear } from './year-balance';
import type { PersonnelYear } from './year-personnel';
import { CATS, type RevenueYear } from './year-revenue';
import type { StaffYear } from './year-staff';

// A forecast year's result: the totals every run needs, and (unless lean) the detail by source,
// object class, role and fund.

export interface ResultInput {
  year: number;
  plan: string | null;
  enrollment: number;
  prev: ScenarioState;
  balance: BalanceYear;
  revenue: RevenueYear;
  staff: StaffYear;
  personnel: PersonnelYear;
  lean: boolean;
}

export function yearResult(p: Prepared, ws: Workspace, r: ResultInput): { result: YearResult; derived: Derived } {
  const { balance, enrollment, prev } = r;
  let fte = 0;
  let teacherFte = 0;
  for (let i = 0; i < ws.roleFte.length; i++) { fte += ws.roleFte[i]!; if (p.isTeacherRole[i] === 1) teacherFte += ws.roleFte[i]!; }
  const derived: Derived = {
    revenue_growth: change(balance.revenue, prev.last.revenue), expenditure_growth: change(balance.expenditure, prev.last.expenditure),
    state_aid: r.revenue.stateAid, state_aid_growth: change(r.revenue.stateAid, prev.last.stateAid), enrollment_change: change(enrollment, prev.last.enrollment),
  };
  const result: YearResult = {
    year: r.year, plan: r.plan, enrollment: Math.round(enrollment), revenue_cents: balance.revenue, expenditure_cents: balance.expenditure, surplus_cents: balance.surplus,
    beginning_balance_cents: prev.balance, ending_balance_cents: balance.ending, reserve_pct: balance.reservePct, below_policy: balance.reservePct < p.policy,
    fte: round2(fte), positions_added_fte: round2(r.personnel.addedFte), positions_cut_fte: round2(r.staff.cutFte + r.personnel.grantCutFte),
    avg_class_size: teacherFte > 0 ? round2(enrollment / teacherFte) : 0, per_pupil_cents: enrollment > 0 ? Math.round(balance.allFunds / enrollment) : 0,
    reserve_draw_cents: balance.reserveDraw, personnel_cents: balance.personnel, staffing_change_fte: round2(r.staff.staffingFte), reconciling_cents: balance.reconciling,
    reserve_balance_cents: balance.reserveBalance, fund_balance: classify(p.fundBalance, balance.ending),
  };
  if (!r.lean) addDetail(p, ws, result, derived);
  return { result, derived };
}

function addDetail(p: Prepared, ws: Workspace, result: YearResult, derived: Derived): void {
  const F = p.funds.length;
  const { spend, recon, roleFte } = ws;
  result.revenue_by_source = Object.fromEntries(CATS.map((c, i) => [c, ws.byCategory[i]!]));
  const byObject: Record<string, number> = {};
  OBJECT_CLASSES.forEach((o, c) => { let v = 0; for (let f = 0; f < F; f++) if (!p.funds[f]!.restricted) v += spend[f * C + c]!; byObject[o] = v; });
  result.expenditure_by_object = byObject;
  const rc = { salaries: 0, benefits: 0 };
  if (p.reconciling) for (let f = 0; f < F; f++) if (!p.funds[f]!.restricted) { rc.salaries += recon[f * PC]!; rc.benefits += recon[f * PC + 1]!; }
  result.reconciling_by_object = rc;
  const byRole: Record<string, number> = {};
  p.roles.forEach((r, i) => { if (roleFte[i]! !== 0) byRole[r] = round2(roleFte[i]!); });
  if (roleFte[p.roles.length]! > 0) byRole['(added)'] = round2(roleFte[p.roles.length]!);
  result.fte_by_role = byRole;
  result.funds = p.funds.map((f, i): FundYear => {
    let e = 0;
    for (let c = 0; c < C; c++) e += spend[i * C + c]!;
    const rs = p.reconciling ? recon[i * PC]! : 0;
    const rb = p.reconciling ? recon[i * PC + 1]! : 0;
    return { fund_code: f.code, revenue_cents: ws.income[i]!, expenditure_cents: e, expenditure_by_object: byClass(spend, i * C), reconciling_cents: rs + rb, reconciling_by_object: { salaries: rs, benefits: rb } };
  });
  result.indicators = { ...derived, state_aid: derived.state_aid / 100 };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** One fund's cells [off … off + C) by object class name (a literal: one object shape for every fund-year). */
function byClass(spend: Float64Array, off: number): Record<(typeof OBJECT_CLASSES)[number], number> {
  return {
    salaries: spend[off]!, benefits: spend[off + 1]!, purchased_services: spend[off + 2]!, supplies: spend[off + 3]!,
    capital: spend[off + 4]!, other: spend[off + 5]!, transfers_out: spend[off + 6]!,
  };
}
