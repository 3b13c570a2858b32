import { FormulaError } from './formula';
import { BEN, C, OBJECT_CLASSES, SAL, TRF } from './objects';
import type { CompiledAction } from './plans';
import type { Prepared } from './prepare';
import type { DriverPaths } from './drivers';
import type { StaffingCoster } from './staffing-cost';
import { chargeBucket, cutBuckets, fundAt, heldBenefits, heldSalary, matchFte } from './buckets';
import { PC, chargeReconciling } from './reconcile';
import { siteMovesOf, siteStudentsAfterMoves, type SiteMove } from './site-moves';
import { change, indicator, type Derived } from './indicators';

// One scenario, year by year. Cumulative indices (COLA, step, health, inflation by object, each
// revenue source's growth, enrollment) carry from one year to the next, so a plan that changes a
// driver from year t changes every later year. All money is summed as integer cents: every
// product of a base and an index is rounded once, where it is charged to a fund.

export interface YearResult {
  year: number;
  plan: string | null;
  enrollment: number;
  revenue_cents: number;
  expenditure_cents: number;
  surplus_cents: number;
  beginning_balance_cents: number;
  ending_balance_cents: number;
  reserve_pct: number;
  below_policy: boolean;
  fte: number;
  positions_added_fte: number;
  positions_cut_fte: number;
  avg_class_size: number;
  per_pupil_cents: number;
  reserve_draw_cents: number;
  /** Salaries and benefits in the unrestricted funds (cents): where a staffing change shows. */
  personnel_cents: number;
  /** Net FTE the scenario's staffing parameters add (+) or cut (−) against the baseline's. */
  staffing_change_fte: number;
  /** The reconciling line in the unrestricted funds (cents, in expenditure and in salaries and
   *  benefits): the budget's personnel lines less the positions' cost, grown with their pay. */
  reconciling_cents: number;
  revenue_by_source?: Record<string, number>;
  expenditure_by_object?: Record<string, number>;
  /** The reconciling line's part of salaries and of benefits in expenditure_by_object. */
  reconciling_by_object?: { salaries: number; benefits: number };
  fte_by_role?: Record<string, number>;
  funds?: FundYear[];
  indicators?: Record<string, number>;
}

export interface FundYear {
  fund_code: string;
  revenue_cents: number;
  expenditure_cents: number;
  expenditure_by_object: Record<string, number>;
  /** Of expenditure_cents: the reconciling line this fund pays (salaries + benefits), and its parts. */
  reconciling_cents: number;
  reconciling_by_object: { salaries: number; benefits: number };
}

export interface PlanSwitch {
  year: number;
  plan: string;
  condition: string;
  trigger_year: number;
  lag: number;
  /** The decision deadline before the effective year (e.g. layoff notices), if the trigger has one. */
  decide_by?: string;
  /** True when the decision is due before the fiscal year whose numbers fire the trigger starts:
   *  the district has to act on the forecast, not wait for the year to happen. */
  decide_before_trigger_year?: boolean;
}

export interface ScenarioRun {
  years: YearResult[];
  plan_switches: PlanSwitch[];
  /** With a staffing coster: the staffing parameters in effect each year (plan overrides included). */
  staffing_params?: Record<string, number>[];
  /** With a staffing coster: each year's enrollment as a multiple of the cohort projection. */
  enrollment_index?: number[];
  /** With a staffing coster: each year's school merges and closures (plan actions in effect). */
  site_moves?: SiteMove[][];
  error?: string;
}

interface State {
  cola: number; step: number; health: number; enroll: number; infl: Float64Array; rev: Float64Array;
  steps: number; balance: number; reserveUsed: Map<CompiledAction, number>; delayed: Map<number, Float64Array>;
  prevStateAid: number; prevEnrollment: number; prevRevenue: number; prevExpenditure: number;
}

/** Scratch arrays reused across years and runs (a Monte Carlo trial allocates nothing else big). */
export interface Workspace {
  exp: Float64Array; rev: Float64Array; scale: Float64Array; payer: Int32Array; adj: Float64Array; nominal: Float64Array; roleSal: Float64Array; roleBen: Float64Array; roleFte: Float64Array; cat: Float64Array;
  /** [f*PC + c]: the reconciling line by paying fund. */
  recon: Float64Array;
}

export function makeWorkspace(p: Prepared): Workspace {
  const R = p.roles.length + 1;
  return { exp: new Float64Array(p.funds.length * C), rev: new Float64Array(p.funds.length), scale: new Float64Array(p.B), payer: new Int32Array(p.funds.length), adj: new Float64Array(p.funds.length * C), nominal: new Float64Array(p.funds.length * C), roleSal: new Float64Array(R), roleBen: new Float64Array(R), roleFte: new Float64Array(R), cat: new Float64Array(6), recon: new Float64Array(p.funds.length * PC) };
}

const CATS = ['state', 'local', 'federal', 'other', 'one_time', 'reserve_draw'] as const;

export interface RunOptions {
  /** Skip the by-role/object/fund detail (Monte Carlo and solvers only need the totals). */
  lean?: boolean;
  priorityPlan?: string;
  workspace?: Workspace;
  /** Costs staffing parameters (class_size_delta, ratio_scale_<role>, …) into the budget. */
  staffing?: StaffingCoster;
}

export function runScenario(p: Prepared, paths: DriverPaths, opts: RunOptions = {}): ScenarioRun {
  const ws = opts.workspace ?? makeWorkspace(p);
  const priority = opts.priorityPlan ?? p.config.priority_plan ?? null;
  let state: State = {
    cola: 1, step: 1, health: 1, enroll: 1, infl: new Float64Array(C).fill(1), rev: new Float64Array(p.revenue.length).fill(1), steps: 0,
    balance: p.beginningBalance, reserveUsed: new Map(), delayed: new Map(), prevStateAid: NaN, prevEnrollment: NaN, prevRevenue: NaN, prevExpenditure: NaN,
  };
  const years: YearResult[] = [];
  const switches: PlanSwitch[] = [];
  const staffingParams: Record<string, number>[] = [];
  const enrollmentIndex: number[] = [];
  const siteMoves: SiteMove[][] = [];
  const activeFrom: { plan: string | null; from: number }[] = [{ plan: priority, from: 0 }];
  const startedBackups = new Set<string>();
  try {
    for (let t = 0; t <= p.years; t++) {
      let attempt = 0;
      while (true) {
        const plan = planAt(activeFrom, t);
        const { result, next, derived, params, moves } = computeYear(p, paths, t, plan, state, ws, opts.lean === true, opts.staffing);
        let restart = false;
        for (const tr of p.plans.triggers) {
          if (startedBackups.has(tr.plan) || tr.plan === plan || t === 0) continue;
          const get = (name: string) => indicator(result, derived, paths, name, t, p);
          if (!tr.condition(get)) continue;
          startedBackups.add(tr.plan);
          const effective = t + tr.lag;
          const sw: PlanSwitch = { year: p.baseYear + effective, plan: tr.plan, condition: tr.text, trigger_year: p.baseYear + t, lag: tr.lag };
          if (tr.deadline) {
            sw.decide_by = `${p.baseYear + effective - 1}-${tr.deadline}`;
            sw.decide_before_trigger_year = decisionFiscalYear(sw.decide_by, p.config.fiscal_year_start_month) < p.baseYear + t;
          }
          switches.push(sw);
          activeFrom.push({ plan: tr.plan, from: effective });
          if (tr.lag === 0) { restart = true; break; }
        }
        if (restart && attempt++ < p.plans.triggers.length) continue;
        years.push(result);
        if (params) { staffingParams.push(params); enrollmentIndex.push(next.enroll); siteMoves.push(moves ?? []); }
        state = next;
        break;
      }
    }
  } catch (e) {
    if (e instanceof FormulaError || e instanceof RangeError) return { years, plan_switches: switches, error: e.message };
    throw e;
  }
  return opts.staffing ? { years, plan_switches: switches, staffing_params: staffingParams, enrollment_index: enrollmentIndex, site_moves: siteMoves } : { years, plan_switches: switches };
}

function planAt(list: { plan: string | null; from: number }[], t: number): string | null {
  let plan: string | null = null;
  for (const a of list) if (a.from <= t) plan = a.plan;
  return plan;
}

function decisionFiscalYear(date: string, startMonth: number): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return startMonth > 1 && m >= startMonth ? y + 1 : y;
}

function activeActions(p: Prepared, plan: string | null, year: number): CompiledAction[] {
  if (plan === null) return [];
  const list = p.plans.plans.get(plan);
  if (!list) return [];
  return list.filter((a) => a.start <= year && year <= a.end);
}

const NO_OVERRIDES: ReadonlyMap<string, number> = new Map();

/** A driver's value in year t: a plan's override, else the scenario path; a number is itself. */
function drvAt(overrides: ReadonlyMap<string, number>, paths: DriverPaths, t: number, name: string | number): number {
  if (typeof name === 'number') return name;
  if (overrides.size > 0) { const o = overrides.get(name); if (o !== undefined) return o; }
  return paths[name]?.[t] ?? 0;
}

function computeYear(p: Prepared, paths: DriverPaths, t: number, plan: string | null, prev: State, ws: Workspace, lean: boolean, staffing: StaffingCoster | undefined): { result: YearResult; next: State; derived: Derived; params?: Record<string, number>; moves?: SiteMove[] } {
  const year = p.baseYear + t;
  const actions = activeActions(p, plan, year);
  const overrides = actions.length > 0 ? new Map<string, number>() : (NO_OVERRIDES as Map<string, number>);
  let frozen = false;
  for (const a of actions) if (a.kind === 'schedule') { if (a.parameter === 'step_freeze') frozen = a.value !== 0; else overrides.set(a.parameter, a.value); }

  const next: State = { ...prev, infl: prev.infl.slice(), rev: prev.rev.slice() };
  if (t > 0) {
    next.cola *= 1 + drvAt(overrides, paths, t, 'cola');
    next.step *= 1 + drvAt(overrides, paths, t, 'step_increase');
    next.health *= 1 + drvAt(overrides, paths, t, 'health_inflation');
    // Under cohort survival a scenario's enrollment_growth is read against the base path: 2 points
    // below base moves the cohort projection down 2% a year (plus any enrollment_shift).
    next.enroll *= p.enrollmentIndexDriver === 'enrollment_growth' ? 1 + drvAt(overrides, paths, t, 'enrollment_growth')
      : (1 + drvAt(overrides, paths, t, 'enrollment_shift')) * (1 + drvAt(overrides, paths, t, 'enrollment_growth') - (p.drivers.paths.enrollment_growth?.[t] ?? 0));
    for (let c = 0; c < C; c++) next.infl[c]! *= 1 + drvAt(overrides, paths, t, p.inflation[c]!);
    for (let i = 0; i < p.revenue.length; i++) { const g = p.revenue[i]!.growth; if (g !== undefined) next.rev[i]! *= 1 + drvAt(overrides, paths, t, g); }
    if (!frozen) next.steps += 1;
  }
  const k = Math.min(next.steps, p.K - 1);
  // The base year is the adopted budget: no turnover saving yet, and its benefit rates already
  // include the base-year pension rate, so only the change in the pension rate is added.
  const attr = t > 0 ? drvAt(overrides, paths, t, 'attrition_rate') : 0;
  const pension = drvAt(overrides, paths, t, 'pension_rate') - (paths.pension_rate?.[0] ?? 0);
  const enrollment = p.enrollment.total[t]! * next.enroll;

  // Which share of each bucket still exists after cuts, closures and ratio changes.
  const { scale, exp, rev, roleSal, roleBen, roleFte, cat } = ws;
  scale.fill(1);
  exp.fill(0);
  rev.fill(0);
  roleSal.fill(0);
  roleBen.fill(0);
  roleFte.fill(0);
  cat.fill(0);
  let cutFte = 0;
  let addedFte = 0;
  const adds: { role: number; fte: number; amount: number; fund: number; perFte?: number }[] = [];
  for (const a of actions) {
    if (a.kind === 'cut_positions') cutFte += cutBuckets(p, scale, a.role, a.site, a.fte);
    else if (a.kind === 'close_site' || a.kind === 'merge_site') {
      // Teachers follow their students; every other position at the site goes.
      for (let b = 0; b < p.B; b++) if (p.bSite[b] === a.site && p.isTeacherRole[p.bRole[b]!] === 0) { cutFte += p.bFte[b]! * scale[b]!; scale[b] = 0; }
    } else if (a.kind === 'add_positions') adds.push({ role: a.role, fte: a.fte, amount: a.amount, fund: a.fund });
  }
  const moves = siteMovesOf(p, actions);
  for (const a of actions) {
    if (a.kind !== 'class_size' && a.kind !== 'staffing_ratio') continue;
    const role = a.role >= 0 ? a.role : p.isTeacherRole.indexOf(1);
    const sites = a.site >= 0 ? [a.site] : [-1];
    for (const site of sites) {
      const students = site >= 0 ? siteStudentsAfterMoves(p, t, next.enroll, moves, site) : enrollment;
      const target = students / a.value;
      const have = matchFte(p, scale, role, site);
      if (target < have) cutFte += cutBuckets(p, scale, role, site, have - target);
      else if (target > have) adds.push({ role, fte: target - have, amount: 0, fund: a.fund });
    }
  }
  // Staffing parameters (a scenario's or a plan's): the FTE the staffing rules require under them,
  // less what they require under the baseline's, at this year's enrollment. Cuts come out of the
  // role's positions in every fund; additions are new general-fund positions. The base year is the
  // adopted budget, so it is left as adopted.
  let staffingFte = 0;
  let params: Record<string, number> | undefined;
  if (staffing) {
    params = staffing.paramsAt(t, (name) => overrides.get(name) ?? paths[name]?.[t]);
    const delta = t > 0 ? staffing.delta(t, params, next.enroll, moves) : null;
    if (delta) for (const d of delta) {
      if (d.fte < 0 && d.role >= 0) { const cut = cutBuckets(p, scale, d.role, -1, -d.fte); cutFte += cut; staffingFte -= cut; }
      else if (d.fte > 0) { adds.push({ role: d.role, fte: d.fte, amount: 0, fund: p.general, perFte: d.cost_per_fte_cents }); staffingFte += d.fte; }
    }
  }

  // Positions: schedule pay after k steps × COLA index, less the expected attrition saving.
  // The base year is the adopted budget: every line and position is charged to the fund it names.
  const F = p.funds.length;
  const payer = ws.payer;
  for (let f = 0; f < F; f++) payer[f] = t === 0 ? f : fundAt(p, f, year);
  const { bFte, bRole } = p;
  const K = p.K;
  const cola = next.cola;
  const stepIdx = next.step;
  const health = next.health;
  let policyCutFte = 0;
  for (let b = 0; b < p.B; b++) {
    const sc = scale[b]!;
    if (sc === 0) continue;
    const i = b * K + k;
    // The bucket as held (before cuts), then the share of it that remains: the pension change is
    // on the held salary, so a bucket cut to `sc` pays sc × it (not sc², as the scaled salary would).
    const salF = heldSalary(p, i, b, cola, stepIdx, attr);
    const benF = heldBenefits(p, i, b, cola, stepIdx, health, attr, pension, salF);
    const sal = Math.round(salF * sc);
    const ben = Math.round(benF * sc);
    const fte = bFte[b]! * sc;
    const lostShare = chargeBucket(p, exp, b, sal, ben, payer);
    const keep = 1 - lostShare; // the part whose grant ended under the "cut" policy is gone
    const r = bRole[b]!;
    roleSal[r]! += sal * keep;
    roleBen[r]! += ben * keep;
    roleFte[r]! += fte * keep;
    policyCutFte += fte * lostShare;
  }
  cutFte += policyCutFte;
  for (const a of adds) {
    const r = a.role >= 0 ? a.role : p.roles.length;
    let sal: number;
    let ben: number;
    if (a.amount > 0) {
      sal = Math.round(a.fte * a.amount * next.cola);
      ben = Math.round(sal * p.config.personnel.default_benefits_rate);
    } else if (roleFte[r]! > 0 || a.perFte === undefined) {
      // This year's average of the role's positions: steps, COLA and benefits already in it.
      sal = Math.round(a.fte * (roleFte[r]! > 0 ? roleSal[r]! / roleFte[r]! : 0));
      ben = Math.round(a.fte * (roleFte[r]! > 0 ? roleBen[r]! / roleFte[r]! : 0));
    } else {
      // A role with no positions to average: the staffing engine's loaded schedule cost, with COLA.
      const loaded = Math.round(a.fte * a.perFte * next.cola);
      sal = Math.round(loaded / (1 + p.config.personnel.default_benefits_rate));
      ben = loaded - sal;
    }
    exp[a.fund * C + SAL]! += sal;
    exp[a.fund * C + BEN]! += ben;
    roleFte[r]! += a.fte;
    addedFte += a.fte;
  }
  // The reconciling line: the budget's personnel beyond the positions, grown with their pay.
  const reconciling = p.reconciling;
  const recon = ws.recon;
  if (reconciling) { recon.fill(0); chargeReconciling(p, t, { k, cola, stepIdx, health, attr, pension }, next.infl, payer, exp, recon); }

  // Non-personnel lines: base (± plan changes) × the object's inflation index.
  const adj = ws.adj.fill(0);
  const nominal = ws.nominal.fill(0);
  for (const a of actions) {
    if (a.kind === 'budget_pct' && a.matched) for (let j = 0; j < adj.length; j++) adj[j]! += a.pct * a.matched[j]!;
    else if ((a.kind === 'close_site' || a.kind === 'merge_site') && a.matched) for (let j = 0; j < adj.length; j++) adj[j]! -= a.pct * a.matched[j]!;
    else if (a.kind === 'budget_amount') nominal[a.fund * C + (a.objectClass >= 0 ? a.objectClass : 5)]! += a.amount;
  }
  // A delayed purchase leaves its start year and comes back `years` later (nominal dollars).
  const delayed = actions.length > 0 || next.delayed.size > 0 ? new Map(next.delayed) : next.delayed;
  for (const a of actions) {
    if (a.kind !== 'delay_purchase' || a.start !== year) continue;
    const back = new Float64Array(delayed.get(year + a.years) ?? new Float64Array(F * C));
    if (a.matched) {
      for (let j = 0; j < adj.length; j++) { const v = Math.round(a.pct * a.matched[j]! * next.infl[j % C]!); nominal[j]! -= v; back[j]! += v; }
    } else {
      const j = a.fund * C + (a.objectClass >= 0 ? a.objectClass : 4);
      nominal[j]! -= a.amount;
      back[j]! += a.amount;
    }
    delayed.set(year + a.years, back);
  }
  const returning = delayed.get(year);
  delayed.delete(year);
  next.delayed = delayed;
  for (let f = 0; f < F; f++) {
    const to = payer[f]!;
    for (let c = 0; c < C; c++) {
      const j = f * C + c;
      const amount = Math.round((p.lineBase[j]! + adj[j]!) * next.infl[c]!) + nominal[j]! + (returning?.[j] ?? 0);
      if (amount !== 0 && to >= 0) exp[to * C + c]! += amount;
    }
  }

  // Revenue.
  let scope: Map<string, number> | undefined;
  let stateAid = 0;
  for (let i = 0; i < p.revenue.length; i++) {
    const s = p.revenue[i]!;
    if (year > s.lastYear) continue;
    let v: number;
    switch (s.kind) {
      case 'one_time': v = s.year === year ? s.baseCents : 0; break;
      case 'per_pupil': v = Math.round(s.baseCents * next.rev[i]! * (p.enrollment.total[0]! > 0 ? enrollment / p.enrollment.total[0]! : 1)); break;
      case 'formula': {
        scope ??= formulaScope(p, paths, overrides, t, next, enrollment);
        scope.set('base', s.baseCents / 100);
        scope.set('idx', next.rev[i]!);
        v = Math.round(s.formula!(scope) * 100);
        break;
      }
      default: v = Math.round(s.baseCents * next.rev[i]!);
    }
    rev[s.fund]! += v;
    if (!p.funds[s.fund]!.restricted) {
      const ci = CATS.indexOf(s.category);
      cat[ci]! += v;
      if (s.category === 'state' && s.kind !== 'one_time') stateAid += v;
    }
  }

  // A restricted fund that spends more than it receives is topped up by the general fund.
  for (let f = 0; f < F; f++) {
    if (!p.funds[f]!.restricted) continue;
    let spent = 0;
    for (let c = 0; c < C; c++) spent += exp[f * C + c]!;
    if (spent > rev[f]!) exp[p.general * C + TRF]! += spent - rev[f]!;
  }
  let revenue = 0;
  let expenditure = 0;
  let allExp = 0;
  let personnel = 0;
  let reconciled = 0;
  for (let f = 0; f < F; f++) {
    let e = 0;
    for (let c = 0; c < C; c++) e += exp[f * C + c]!;
    allExp += e;
    if (p.funds[f]!.restricted) continue;
    revenue += rev[f]!;
    expenditure += e;
    personnel += exp[f * C + SAL]! + exp[f * C + BEN]!;
    if (reconciling) reconciled += recon[f * PC + SAL]! + recon[f * PC + BEN]!;
  }
  allExp -= exp[p.general * C + TRF]!; // a transfer is not spending twice
  // Drawing on a designated reserve (outside the general-fund balance) covers a deficit up to a limit.
  let draw = 0;
  const reserveUsed = actions.length > 0 ? new Map(prev.reserveUsed) : prev.reserveUsed;
  for (const a of actions) {
    if (a.kind !== 'draw_reserves') continue;
    const gap = expenditure - revenue - draw;
    if (gap <= 0) break;
    const used = reserveUsed.get(a) ?? 0;
    const take = Math.min(gap, Math.max(0, a.amount - used));
    draw += take;
    reserveUsed.set(a, used + take);
  }
  next.reserveUsed = reserveUsed;
  revenue += draw;
  cat[5] = draw;
  const surplus = revenue - expenditure;
  const ending = prev.balance + surplus;
  next.balance = ending;
  const reservePct = expenditure > 0 ? ending / expenditure : 0;
  let fte = 0;
  let teacherFte = 0;
  for (let r = 0; r < roleFte.length; r++) { fte += roleFte[r]!; if (p.isTeacherRole[r] === 1) teacherFte += roleFte[r]!; }
  const derived: Derived = {
    revenue_growth: change(revenue, prev.prevRevenue), expenditure_growth: change(expenditure, prev.prevExpenditure),
    state_aid: stateAid, state_aid_growth: change(stateAid, prev.prevStateAid), enrollment_change: change(enrollment, prev.prevEnrollment),
  };
  next.prevRevenue = revenue;
  next.prevExpenditure = expenditure;
  next.prevStateAid = stateAid;
  next.prevEnrollment = enrollment;

  const result: YearResult = {
    year, plan, enrollment: Math.round(enrollment), revenue_cents: revenue, expenditure_cents: expenditure, surplus_cents: surplus,
    beginning_balance_cents: prev.balance, ending_balance_cents: ending, reserve_pct: reservePct, below_policy: reservePct < p.policy,
    fte: round2(fte), positions_added_fte: round2(addedFte), positions_cut_fte: round2(cutFte),
    avg_class_size: teacherFte > 0 ? round2(enrollment / teacherFte) : 0, per_pupil_cents: enrollment > 0 ? Math.round(allExp / enrollment) : 0,
    reserve_draw_cents: draw, personnel_cents: personnel, staffing_change_fte: round2(staffingFte), reconciling_cents: reconciled,
  };
  if (!lean) {
    result.revenue_by_source = Object.fromEntries(CATS.map((c, i) => [c, cat[i]!]));
    const byObject: Record<string, number> = {};
    OBJECT_CLASSES.forEach((o, c) => { let v = 0; for (let f = 0; f < F; f++) if (!p.funds[f]!.restricted) v += exp[f * C + c]!; byObject[o] = v; });
    result.expenditure_by_object = byObject;
    const rc = { salaries: 0, benefits: 0 };
    if (reconciling) for (let f = 0; f < F; f++) if (!p.funds[f]!.restricted) { rc.salaries += recon[f * PC + SAL]!; rc.benefits += recon[f * PC + BEN]!; }
    result.reconciling_by_object = rc;
    const byRole: Record<string, number> = {};
    p.roles.forEach((r, i) => { if (roleFte[i]! !== 0) byRole[r] = round2(roleFte[i]!); });
    if (roleFte[p.roles.length]! > 0) byRole['(added)'] = round2(roleFte[p.roles.length]!);
    result.fte_by_role = byRole;
    result.funds = p.funds.map((f, i) => {
      let e = 0;
      for (let c = 0; c < C; c++) e += exp[i * C + c]!;
      const rs = reconciling ? recon[i * PC + SAL]! : 0;
      const rb = reconciling ? recon[i * PC + BEN]! : 0;
      return { fund_code: f.code, revenue_cents: rev[i]!, expenditure_cents: e, expenditure_by_object: byClass(exp, i * C), reconciling_cents: rs + rb, reconciling_by_object: { salaries: rs, benefits: rb } };
    });
    result.indicators = { ...derived, state_aid: derived.state_aid / 100 };
  }
  return params ? { result, next, derived, params, moves } : { result, next, derived };
}

function formulaScope(p: Prepared, paths: DriverPaths, overrides: ReadonlyMap<string, number>, t: number, s: State, enrollment: number): Map<string, number> {
  const scope = new Map<string, number>();
  for (const [name, path] of Object.entries(paths)) scope.set(name, overrides.get(name) ?? path[t]!);
  scope.set('enrollment', enrollment);
  scope.set('enrollment_base', p.enrollment.total[0]!);
  scope.set('t', t);
  scope.set('year', p.baseYear + t);
  scope.set('cola_index', s.cola);
  return scope;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** One fund's cells [off … off + C) by object class name (a literal: one object shape for every fund-year). */
function byClass(exp: Float64Array, off: number): Record<(typeof OBJECT_CLASSES)[number], number> {
  return {
    salaries: exp[off]!, benefits: exp[off + 1]!, purchased_services: exp[off + 2]!, supplies: exp[off + 3]!,
    capital: exp[off + 4]!, other: exp[off + 5]!, transfers_out: exp[off + 6]!,
  };
}
