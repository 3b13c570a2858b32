import type { Project } from '../project/project';
import { fail, ok, type Parsed } from '../result';
import { expressionSymbols } from '../expr/expression';
import { compileCondition, type Condition } from './condition';
import { INDICATORS } from './indicators';
import { BEN, C, SAL, objectClassIndex } from './objects';
import type { PreparedFund } from './prepare-funds';
import type { PlanAction, PlanActionKind } from './tables';

// Plans (rows of the Plans sheet with the same name) and the triggers that start backup plans,
// compiled against what prepare has read of the project: names become indices, filters become
// the matching base-year budget by fund and object class, conditions become closures.

export { INDICATORS };

export interface CompiledAction {
  kind: PlanActionKind;
  plan: string;
  start: number;
  end: number;
  role: number; // −1 = not given
  roleName: string | undefined;
  site: number; // −1 = every site
  targetSite: number;
  fte: number;
  amount: number;
  pct: number;
  value: number;
  parameter: string;
  fund: number;
  objectClass: number; // −1 = every class
  years: number;
  /** [f*C + c]: base-year non-personnel budget the action's filters match (cents). */
  matched: Float64Array | undefined;
  label: string;
}

export interface CompiledTrigger {
  plan: string;
  text: string;
  condition: Condition;
  /** The indicator and driver names the condition reads (its trigger figures). */
  symbols: readonly string[];
  lag: number;
  deadline: string | undefined; // MM-DD
}

export interface CompiledPlans {
  plans: Map<string, CompiledAction[]>;
  triggers: CompiledTrigger[];
  names: string[];
}

/** What plans are compiled against: the funds, roles and sites prepare has met, and the lines' year. */
export interface PlanContext {
  funds: readonly PreparedFund[];
  general: number;
  roles: readonly string[];
  sites: readonly string[];
  /** The Budget sheet's year the forecast's lines come from (prepare-lines.ts). */
  lineYear: number;
  personnelFromBudget: boolean;
  /** Driver names a condition may read besides the indicators. */
  driverNames: readonly string[];
  priorityPlan: string | undefined;
}

export function compilePlans(project: Project, prep: PlanContext): Parsed<CompiledPlans> {
  const errors: string[] = [];
  const plans = new Map<string, CompiledAction[]>();
  const where = (a: PlanAction) => (a.src ? `Plans row ${a.src.row}` : `plan ${a.plan}`);
  const fundIdx = new Map(prep.funds.map((f, i) => [f.code, i]));
  for (const a of project.plans ?? []) {
    const need = (cond: boolean, what: string) => { if (!cond) errors.push(`${where(a)} (${a.action}): ${what}`); return cond; };
    const role = a.role !== undefined ? prep.roles.indexOf(a.role) : -1;
    const site = a.site_id !== undefined ? prep.sites.indexOf(a.site_id) : -1;
    const targetSite = a.target_site !== undefined ? prep.sites.indexOf(a.target_site) : -1;
    if (a.site_id !== undefined) need(site >= 0, `site ${a.site_id} is not in Sites`);
    if (a.target_site !== undefined) need(targetSite >= 0, `target site ${a.target_site} is not in Sites`);
    let fund = prep.general;
    if (a.fund_code !== undefined) { const f = fundIdx.get(a.fund_code); if (need(f !== undefined, `fund ${a.fund_code} is not in Funds`)) fund = f!; }
    switch (a.action) {
      case 'add_positions':
        need(a.role !== undefined && a.fte !== undefined, 'needs role and fte');
        need(role >= 0 || a.amount !== undefined, `role ${a.role} has no positions to take an average cost from: give amount (cost per FTE)`);
        break;
      case 'cut_positions': need(a.role !== undefined && a.fte !== undefined, 'needs role and fte'); break;
      case 'class_size': case 'staffing_ratio': need(a.value !== undefined && a.value > 0, 'needs value (students per FTE) above 0'); break;
      case 'budget_pct': need(a.pct !== undefined, 'needs pct'); break;
      case 'budget_amount': need(a.amount !== undefined, 'needs amount'); break;
      case 'close_site': need(a.site_id !== undefined, 'needs site_id'); break;
      case 'merge_site': need(a.site_id !== undefined && a.target_site !== undefined, 'needs site_id and target_site'); break;
      case 'delay_purchase': need(a.amount !== undefined || a.pct !== undefined, 'needs amount or pct'); break;
      case 'schedule': need(a.parameter !== undefined && a.value !== undefined, 'needs parameter and value'); break;
      case 'draw_reserves': need(a.amount !== undefined && a.amount >= 0, 'needs amount (the most that may be drawn)'); break;
      case 'delay_school': need(a.site_id !== undefined && (a.value === undefined || a.value >= 0), 'needs site_id (and value, years, 0 or more)'); break;
    }
    const objectClass = a.object !== undefined ? objectClassIndex(a.object) : -1;
    let matched: Float64Array | undefined;
    if (a.action === 'budget_pct' || a.action === 'close_site' || a.action === 'merge_site' || (a.action === 'delay_purchase' && a.amount === undefined)) {
      matched = new Float64Array(prep.funds.length * C);
      for (const l of project.budget) {
        if (l.fiscal_year !== prep.lineYear) continue;
        const c = objectClassIndex(l.object);
        if (!prep.personnelFromBudget && (c === SAL || c === BEN)) continue;
        if (objectClass >= 0 && c !== objectClass) continue;
        if (a.object === undefined && a.action === 'delay_purchase' && c !== 4) continue; // purchases = capital by default
        if (a.fund_code !== undefined && l.fund_code !== a.fund_code) continue;
        if (a.site_id !== undefined && l.site_id !== a.site_id) continue;
        const f = fundIdx.get(l.fund_code);
        if (f !== undefined) matched[f * C + c]! += l.amount;
      }
    }
    const action: CompiledAction = {
      kind: a.action, plan: a.plan, start: a.start_year, end: a.end_year ?? 9999, role, roleName: a.role, site, targetSite,
      fte: a.fte ?? 0, amount: a.amount ?? 0, pct: a.pct ?? (a.action === 'close_site' || a.action === 'merge_site' ? 1 : 0), value: a.value ?? 0,
      parameter: a.parameter ?? '', fund, objectClass, years: a.years ?? 1, matched,
      label: a.description ?? `${a.action}${a.role ? ` ${a.role}` : ''}${a.site_id ? ` @${a.site_id}` : ''}`,
    };
    const list = plans.get(a.plan) ?? [];
    list.push(action);
    plans.set(a.plan, list);
  }
  const names = [...plans.keys()];
  const known = new Set<string>([...INDICATORS, ...prep.driverNames]);
  const triggers: CompiledTrigger[] = [];
  for (const tr of project.triggers ?? []) {
    const w = tr.src ? `Triggers row ${tr.src.row}` : `trigger for ${tr.plan}`;
    if (!plans.has(tr.plan)) { errors.push(`${w}: plan "${tr.plan}" has no rows in Plans`); continue; }
    if (tr.deadline !== undefined && !/^\d{2}-\d{2}$/.test(tr.deadline)) { errors.push(`${w}: deadline must be MM-DD (03-15 = 15 March), got "${tr.deadline}"`); continue; }
    const c = compileCondition(tr.condition, known, w);
    if (!c.ok) { errors.push(c.reason); continue; }
    const symbols = expressionSymbols(tr.condition, 'condition');
    triggers.push({ plan: tr.plan, text: tr.condition, condition: c.value, symbols: symbols.ok ? symbols.value : [], lag: tr.lag, deadline: tr.deadline });
  }
  if (prep.priorityPlan !== undefined && !plans.has(prep.priorityPlan)) errors.push(`priority_plan "${prep.priorityPlan}" has no rows in Plans`);
  return errors.length > 0 ? fail(errors.join('\n')) : ok({ plans, triggers, names });
}

/**
 * A backup plan's actions as they run when it starts in `startYear`: an action dated before the
 * plan starts applies from the start, for as long as it was written (a one-year step freeze dated
 * 2027 in a plan that starts in 2029 is a freeze in 2029); actions dated from the start on keep
 * their dates. A plan is adopted before anyone knows the year it will be needed.
 */
export function actionsFrom(actions: readonly CompiledAction[], startYear: number): CompiledAction[] {
  return actions.map((a) => (a.start >= startYear ? a : { ...a, start: startYear, end: a.end + (startYear - a.start) }));
}
