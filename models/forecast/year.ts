import type { DriverPaths } from './drivers';
import type { YearResult } from './engine';
import type { Derived } from './indicators';
import { C, SAL } from './objects';
import type { CompiledAction } from './plans';
import type { Prepared } from './prepare';
import { PC } from './reconcile';
import { advanceTurnover, NO_TURNOVER, type Turnover } from './pay';
import type { SiteMove } from './site-moves';
import type { StaffingCoster } from './staffing-cost';
import { closeBalance } from './year-balance';
import { costLines } from './year-lines';
import { costPersonnel } from './year-personnel';
import { newPayers, setPayers, type Payers } from './payers';
import { yearResult } from './year-result';
import { projectRevenue } from './year-revenue';
import { staffChanges } from './year-staff';
import { initialNetworkState, networkSchools, networkSpending, networkYear, type NetworkState } from './year-network';

// One forecast year, as named steps: the plan in effect → indices (drivers, steps, enrollment) →
// revenue → staff changes (plan cuts and additions, staffing parameters) → personnel →
// non-personnel lines → the general fund's balance → the year's result. Cumulative indices carry
// from one year to the next, so a plan that changes a driver from year t changes every later year.
// All money is summed as integer cents: each product of a base and an index is rounded once,
// where it is charged to a fund.

/** Cumulative indices (1 in the base year) and steps advanced. */
export interface Indices {
  cola: number;
  /** step_increase (off-schedule pay). */
  step: number;
  health: number;
  /** Enrollment as a multiple of the projection. */
  enroll: number;
  /** [object class] line inflation. */
  infl: Float64Array;
  /** [revenue source] growth. */
  rev: Float64Array;
  /** Schedule steps advanced (a step freeze holds it). */
  steps: number;
  /** Who holds scheduled positions: base-year staff still in post and each year's replacements (pay.ts). */
  turnover: Turnover;
}

/** What one year hands the next in a scenario run. */
export interface ScenarioState {
  idx: Indices;
  balance: number;
  /** How much each draw_reserves action has drawn so far. */
  reserveUsed: Map<CompiledAction, number>;
  /** Delayed purchases coming back: fiscal year → [f·C + c] cents. */
  delayed: Map<number, Float64Array>;
  /** Last year's figures (NaN before the base year), for growth indicators. */
  last: { stateAid: number; enrollment: number; revenue: number; expenditure: number };
  /** A charter network's cash, debt and last measures (year-network.ts). */
  network?: NetworkState;
}

export function initialState(p: Prepared): ScenarioState {
  return {
    idx: { cola: 1, step: 1, health: 1, enroll: 1, infl: new Float64Array(C).fill(1), rev: new Float64Array(p.revenue.length).fill(1), steps: 0, turnover: NO_TURNOVER },
    balance: p.beginningBalance, reserveUsed: new Map(), delayed: new Map(),
    last: { stateAid: NaN, enrollment: NaN, revenue: NaN, expenditure: NaN },
    ...(p.network ? { network: initialNetworkState(p.network) } : {}),
  };
}

/** Scratch arrays reused across years and runs (a Monte Carlo trial allocates nothing else big). */
export interface Workspace {
  /** [f·C + c]: this year's spending by fund and object class (cents). */
  spend: Float64Array;
  /** [f]: this year's revenue by fund. */
  income: Float64Array;
  /** [bucket]: the share of the bucket still held after cuts and closures. */
  scale: Float64Array;
  /** Who pays what each fund paid in the base year (payers.ts). */
  payers: Payers;
  /** [f·C + c]: plan changes to base lines (inflated like them) and nominal changes (not inflated). */
  lineChange: Float64Array;
  nominal: Float64Array;
  /** [role] (the last slot: positions a plan adds with no role): salary, benefits and FTE. */
  roleSalary: Float64Array;
  roleBenefits: Float64Array;
  roleFte: Float64Array;
  /** Unrestricted revenue by category (CATS). */
  byCategory: Float64Array;
  /** [f·PC + c]: the reconciling line by paying fund. */
  recon: Float64Array;
}

export function makeWorkspace(p: Prepared): Workspace {
  const F = p.funds.length;
  const R = p.roles.length + 1;
  return {
    spend: new Float64Array(F * C), income: new Float64Array(F), scale: new Float64Array(p.buckets.count), payers: newPayers(F),
    lineChange: new Float64Array(F * C), nominal: new Float64Array(F * C), roleSalary: new Float64Array(R), roleBenefits: new Float64Array(R),
    roleFte: new Float64Array(R), byCategory: new Float64Array(6), recon: new Float64Array(F * PC),
  };
}

function clearWorkspace(ws: Workspace): void {
  ws.scale.fill(1);
  ws.spend.fill(0);
  ws.income.fill(0);
  ws.roleSalary.fill(0);
  ws.roleBenefits.fill(0);
  ws.roleFte.fill(0);
  ws.byCategory.fill(0);
}

/** A driver's value this year: a plan's override, else the scenario path; a number is itself. */
export type DriverReader = (name: string | number) => number;

/** The running plan's actions this year, the drivers they set, and whether steps are frozen. */
export interface PlanYear {
  actions: CompiledAction[];
  overrides: ReadonlyMap<string, number>;
  stepFreeze: boolean;
}

const NO_OVERRIDES: ReadonlyMap<string, number> = new Map();

/** The actions of the running plan (as it runs: plans.ts actionsFrom) in effect in `year`. */
export function planYear(list: readonly CompiledAction[], year: number): PlanYear {
  const actions = list.filter((a) => a.start <= year && year <= a.end);
  if (actions.length === 0) return { actions, overrides: NO_OVERRIDES, stepFreeze: false };
  const overrides = new Map<string, number>();
  let stepFreeze = false;
  for (const a of actions) if (a.kind === 'schedule') { if (a.parameter === 'step_freeze') stepFreeze = a.value !== 0; else overrides.set(a.parameter, a.value); }
  return { actions, overrides, stepFreeze };
}

export function driverReader(overrides: ReadonlyMap<string, number>, paths: DriverPaths, t: number): DriverReader {
  return (name) => {
    if (typeof name === 'number') return name;
    if (overrides.size > 0) { const o = overrides.get(name); if (o !== undefined) return o; }
    return paths[name]?.[t] ?? 0;
  };
}

/** This year's cumulative indices from last year's: each driver applied from t = 1. */
export function advanceIndices(p: Prepared, prev: Indices, t: number, drv: DriverReader, stepFreeze: boolean): Indices {
  const next: Indices = { ...prev, infl: prev.infl.slice(), rev: prev.rev.slice() };
  if (t === 0) return next;
  next.cola *= 1 + drv('cola');
  // A step freeze holds every step: the schedule's, off-schedule pay's and budget salary lines'.
  if (!stepFreeze) next.step *= 1 + drv('step_increase');
  next.health *= 1 + drv('health_inflation');
  // Under cohort survival a scenario's enrollment_growth is read against the base path: 2 points
  // below base moves the cohort projection down 2% a year (plus any enrollment_shift).
  next.enroll *= p.enrollmentIndexDriver === 'enrollment_growth' ? 1 + drv('enrollment_growth')
    : (1 + drv('enrollment_shift')) * (1 + drv('enrollment_growth') - (p.drivers.paths.enrollment_growth?.[t] ?? 0));
  for (let c = 0; c < C; c++) next.infl[c]! *= 1 + drv(p.inflation[c]!);
  // Budget salary lines follow pay: COLA × steps (prepare-lines.ts, budgetPay).
  if (p.budgetPay?.salaries) next.infl[SAL] = next.cola * next.step;
  for (let i = 0; i < p.revenue.length; i++) { const g = p.revenue[i]!.growth; if (g !== undefined) next.rev[i]! *= 1 + drv(g); }
  if (!stepFreeze) next.steps += 1;
  // Leavers are replaced at the entry step this year; the base year is the adopted budget (no turnover).
  next.turnover = advanceTurnover(prev.turnover, t, drv('attrition_rate'), Math.min(next.steps, p.K - 1), p.K);
  return next;
}

export interface YearInput {
  p: Prepared;
  paths: DriverPaths;
  t: number;
  plan: string | null;
  /** The running plan's actions, dated as it runs. */
  actions: readonly CompiledAction[];
  prev: ScenarioState;
  ws: Workspace;
  lean: boolean;
  staffing: StaffingCoster | undefined;
}

export interface YearOutput {
  result: YearResult;
  next: ScenarioState;
  derived: Derived;
  params?: Record<string, number>;
  moves?: SiteMove[];
}

export function computeYear(y: YearInput): YearOutput {
  const { p, paths, t, ws, prev } = y;
  const year = p.baseYear + t;
  const plan = planYear(y.actions, year);
  const drv = driverReader(plan.overrides, paths, t);
  const idx = advanceIndices(p, prev.idx, t, drv, plan.stepFreeze);
  // A network's schools may open or be delayed by the scenario or the plan (models/network/school-plans.ts).
  const schools = p.network && prev.network ? networkSchools(p, p.network, t, drv, prev.network, plan.actions) : undefined;
  const enrollment = (schools ? schools.total : p.enrollment.total[t]!) * idx.enroll;
  clearWorkspace(ws);

  const revenue = projectRevenue(p, ws, { t, year, idx, enrollment, paths, overrides: plan.overrides });
  const staff = staffChanges(p, ws, { t, idx, enrollment, actions: plan.actions, overrides: plan.overrides, paths, staffing: y.staffing });
  setPayers(p, ws.payers, t, year);
  // The base year's benefit rates already include its pension rate: only the change is added.
  const pension = drv('pension_rate') - (paths.pension_rate?.[0] ?? 0);
  const personnel = costPersonnel(p, ws, staff.adds, {
    k: Math.min(idx.steps, p.K - 1), cola: idx.cola, step: idx.step, health: idx.health, turnover: idx.turnover, pension,
  }, t, idx.infl);
  const delayed = costLines(p, ws, { actions: plan.actions, year, infl: idx.infl, pension }, prev.delayed);
  const spending = p.network && prev.network && schools ? networkSpending(p, p.network, ws, { t, enrollment, idx, state: prev.network, schools, drv }) : undefined;
  const balance = closeBalance(p, ws, plan.actions, prev);

  const next: ScenarioState = { idx, balance: balance.ending, reserveUsed: balance.reserveUsed, delayed, last: { stateAid: revenue.stateAid, enrollment, revenue: balance.revenue, expenditure: balance.expenditure } };
  const out = yearResult(p, ws, { year, plan: y.plan, enrollment, prev, balance, revenue, staff, personnel, lean: y.lean });
  if (spending && schools && p.network && prev.network) {
    const net = networkYear(p, p.network, ws, { t, year, enrollment, idx, balance, spending, state: prev.network, schools, lean: y.lean });
    out.result.measures = net.measures;
    out.result.network = net.network;
    next.network = net.next;
  }
  return staff.params ? { ...out, next, params: staff.params, moves: staff.moves } : { ...out, next };
}
