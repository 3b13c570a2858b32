import { FormulaError } from './formula';
import type { MeasureName, MeasureReading } from '../network/measures';
import type { NetworkYear } from './year-network';
import { decisionTiming, type DecisionTiming } from './decisions';
import type { FundBalanceClasses } from './fund-balance';
import { actionsFrom, type CompiledAction } from './plans';
import { indicator } from './indicators';
import type { Prepared } from './prepare';
import type { DriverPaths } from './drivers';
import type { SiteMove } from './site-moves';
import type { StaffingCoster } from './staffing-cost';
import { computeYear, initialState, makeWorkspace, type Workspace, type YearOutput } from './year';

// One scenario, year by year (year.ts computes a year), and the backup plans its triggers start:
// after year t is computed under the running plan, each trigger's condition is read on it; a
// backup whose condition holds replaces the running plan from t + lag (lag 0: year t is
// recomputed under it).

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
  /** The part of the ending balance the reserve policy measures: unrestricted (committed + assigned
   *  + unassigned, the default) or unassigned (Settings reserve_policy_basis). reserve_pct = it ÷ expenditure. */
  reserve_balance_cents: number;
  /** The ending balance in its GASB 54 classes (they add up to ending_balance_cents). */
  fund_balance: FundBalanceClasses;
  revenue_by_source?: Record<string, number>;
  expenditure_by_object?: Record<string, number>;
  /** The reconciling line's part of salaries and of benefits in expenditure_by_object. */
  reconciling_by_object?: { salaries: number; benefits: number };
  fte_by_role?: Record<string, number>;
  funds?: FundYear[];
  /** All funds' spending by the budget's program and function columns, and by class × function (program-split.ts). */
  expenditure_by_program?: Record<string, number>;
  expenditure_by_function?: Record<string, number>;
  object_by_function?: Record<string, Record<string, number>>;
  indicators?: Record<string, number>;
  /** A charter network's measures, each against NACSA's threshold and any lender covenant (models/network/measures.ts). */
  measures?: Record<MeasureName, MeasureReading>;
  /** A charter network's cash, debt service, philanthropy and (unless lean) each school's fee (year-network.ts). */
  network?: NetworkYear;
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

export interface PlanSwitch extends Partial<DecisionTiming> {
  /** The fiscal year the plan takes effect. */
  year: number;
  plan: string;
  condition: string;
  trigger_year: number;
  lag: number;
  /** The figures the condition read in the trigger year (money in dollars, as conditions read it). */
  trigger_values?: Record<string, number>;
}

/** A switch whose plan never ran: it would start after the last forecast year, or another replaced it first. */
export interface SwitchNotRun extends PlanSwitch { reason: string }

export interface ScenarioRun {
  years: YearResult[];
  /** Backup plans started, each with the figures that fired it and its decision deadline — only those that run. */
  plan_switches: PlanSwitch[];
  /** Triggers that fired but whose plan never ran (and why). */
  plan_switches_not_run: SwitchNotRun[];
  /** With a staffing coster: the staffing parameters in effect each year (plan overrides included). */
  staffing_params?: Record<string, number>[];
  /** With a staffing coster: each year's enrollment as a multiple of the cohort projection. */
  enrollment_index?: number[];
  /** With a staffing coster: each year's school merges and closures (plan actions in effect). */
  site_moves?: SiteMove[][];
  error?: string;
}

export { makeWorkspace, type Workspace } from './year';

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
  // The priority plan runs from the base year with its actions as dated.
  const run: Run = { active: [{ plan: priority, from: 0, actions: (priority !== null ? p.plans.plans.get(priority) : undefined) ?? [] }], started: new Set(), switches: [] };
  let state = initialState(p);
  const years: YearResult[] = [];
  const staffing = { params: [] as Record<string, number>[], enrollment: [] as number[], moves: [] as SiteMove[][] };
  let error: string | undefined;
  try {
    for (let t = 0; t <= p.years; t++) {
      for (let attempt = 0; ; attempt++) {
        const running = planAt(run.active, t);
        const out = computeYear({ p, paths, t, plan: running.plan, actions: running.actions, prev: state, ws, lean: opts.lean === true, staffing: opts.staffing });
        // A backup that starts this year (lag 0) replaces the plan the year was computed under.
        if (fireTriggers(p, paths, t, running.plan, out, run) && attempt < p.plans.triggers.length) continue;
        years.push(out.result);
        if (out.params) { staffing.params.push(out.params); staffing.enrollment.push(out.next.idx.enroll); staffing.moves.push(out.moves ?? []); }
        state = out.next;
        break;
      }
    }
  } catch (e) {
    if (!(e instanceof FormulaError || e instanceof RangeError)) throw e;
    error = e.message;
  }
  const { ran, notRun } = switchesThatRan(p, run.switches, years, error !== undefined);
  const done: ScenarioRun = { years, plan_switches: ran, plan_switches_not_run: notRun };
  if (error !== undefined) return { ...done, error };
  return opts.staffing ? { ...done, staffing_params: staffing.params, enrollment_index: staffing.enrollment, site_moves: staffing.moves } : done;
}

/** The plans a run has started and when: the priority plan from t = 0, each backup from its effective offset. */
interface Run {
  active: { plan: string | null; from: number; actions: readonly CompiledAction[] }[];
  started: Set<string>;
  switches: PlanSwitch[];
}

/**
 * Reads every trigger of a backup not yet started on year t's result; each that holds starts its
 * plan from t + lag, its actions dated from then (plans.ts actionsFrom). True when one starts at t
 * itself (lag 0), so year t must be computed again.
 */
function fireTriggers(p: Prepared, paths: DriverPaths, t: number, plan: string | null, out: YearOutput, run: Run): boolean {
  if (t === 0) return false;
  const get = (name: string) => indicator({ result: out.result, derived: out.derived, t, policy: p.policy }, paths, name);
  for (const tr of p.plans.triggers) {
    if (run.started.has(tr.plan) || tr.plan === plan) continue;
    if (!tr.condition(get)) continue;
    run.started.add(tr.plan);
    const effective = t + tr.lag;
    const values: Record<string, number> = {};
    for (const name of tr.symbols) { const v = get(name); if (v !== undefined) values[name] = v; }
    run.switches.push({
      year: p.baseYear + effective, plan: tr.plan, condition: tr.text, trigger_year: p.baseYear + t, lag: tr.lag, trigger_values: values,
      ...decisionTiming(p.baseYear + t, p.baseYear + effective, tr.deadline, p.config.decisions.figure_known, p.config.fiscal_year_start_month),
    });
    run.active.push({ plan: tr.plan, from: effective, actions: actionsFrom(p.plans.plans.get(tr.plan) ?? [], p.baseYear + effective) });
    if (tr.lag === 0) return true;
  }
  return false;
}

/** Splits the switches into those whose plan ran in its first year and those that never ran (with why). */
function switchesThatRan(p: Prepared, switches: readonly PlanSwitch[], years: readonly YearResult[], stopped: boolean): { ran: PlanSwitch[]; notRun: SwitchNotRun[] } {
  const ran: PlanSwitch[] = [];
  const notRun: SwitchNotRun[] = [];
  const last = p.baseYear + p.years;
  for (const sw of switches) {
    const y = years.find((x) => x.year === sw.year);
    if (y?.plan === sw.plan) ran.push(sw);
    else if (sw.year > last) notRun.push({ ...sw, reason: `starts after the last forecast year (${last})` });
    else if (!y && stopped) notRun.push({ ...sw, reason: `the forecast stopped before ${sw.year}` });
    else notRun.push({ ...sw, reason: `replaced by ${y?.plan ?? 'no plan'} before it started` });
  }
  return { ran, notRun };
}

function planAt(list: Run['active'], t: number): Run['active'][number] {
  let at = list[0]!;
  for (const a of list) if (a.from <= t) at = a;
  return at;
}
