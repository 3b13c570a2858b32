import { compileCondition } from '../forecast/condition';
import { DEFAULT_DRIVERS, ForecastConfigSchema } from '../forecast/config';
import { INDICATORS } from '../forecast/plans';
import type { PlanAction } from '../forecast/tables';
import type { ProblemSink } from './problem-sink';
import type { Project } from './project';
import type { DriverNames } from './validate-drivers';

// Plans, Triggers and Signposts checked as the forecast reads them (models/forecast/plans.ts):
// every site, fund, role, object, parameter, plan and indicator they name must exist, and each
// action must carry the values it needs. The engine would otherwise skip or zero them.

/** Object names a plan may filter on: the classes of models/forecast/objects.ts, their word stems, or a numeric code. */
const OBJECT_WORD = /^(salar|wage|benefit|fringe|suppl|material|capital|equip|property|purchased|contract|service|other|transfers)/;
const isKnownObject = (o: string) => /^\d{3,4}/.test(o.trim()) || OBJECT_WORD.test(o.trim().toLowerCase());

/** What each action needs, as compilePlans checks it (a message, or null when the row has it). */
function missingValues(a: PlanAction): string | null {
  switch (a.action) {
    case 'add_positions':
    case 'cut_positions': return a.role !== undefined && a.fte !== undefined ? null : 'needs role and fte';
    case 'class_size':
    case 'staffing_ratio': return a.value !== undefined && a.value > 0 ? null : 'needs value (students per FTE) above 0';
    case 'budget_pct': return a.pct !== undefined ? null : 'needs pct';
    case 'budget_amount': return a.amount !== undefined ? null : 'needs amount';
    case 'close_site': return a.site_id !== undefined ? null : 'needs site_id';
    case 'merge_site': return a.site_id !== undefined && a.target_site !== undefined ? null : 'needs site_id and target_site';
    case 'delay_purchase': return a.amount !== undefined || a.pct !== undefined ? null : 'needs amount or pct';
    case 'schedule': return a.parameter !== undefined && a.value !== undefined ? null : 'needs parameter and value';
    case 'draw_reserves': return a.amount !== undefined && a.amount >= 0 ? null : 'needs amount (the most that may be drawn)';
    case 'delay_school': return a.site_id !== undefined && (a.value === undefined || a.value >= 0) ? null : 'needs site_id (and value, years, 0 or more)';
  }
}

export function checkPlans(project: Project, names: DriverNames, sink: ProblemSink): void {
  const config = ForecastConfigSchema.safeParse(project.forecast ?? {});
  const general = config.success ? config.data.general_fund : 'GEN';
  const sites = new Set(project.sites.map((s) => s.site_id));
  const funds = new Set([...project.funds.map((f) => f.fund_code), general]);
  const roles = new Set(project.positions.map((p) => p.role));
  const base = project.settings.base_year;
  const plans = new Set<string>();
  for (const a of project.plans) {
    plans.add(a.plan);
    const err = (column: string, value: unknown, message: string) => sink.error('plans', a.src, column, value, `plan "${a.plan}" (${a.action}): ${message}`);
    const missing = missingValues(a);
    if (missing) err('action', a.action, missing);
    if (a.site_id !== undefined && !sites.has(a.site_id)) err('site_id', a.site_id, `site ${a.site_id} is not on the Sites sheet`);
    if (a.target_site !== undefined && !sites.has(a.target_site)) err('target_site', a.target_site, `site ${a.target_site} is not on the Sites sheet`);
    if (a.fund_code !== undefined && !funds.has(a.fund_code)) err('fund_code', a.fund_code, `fund ${a.fund_code} is not on the Funds sheet`);
    if (a.object !== undefined && !isKnownObject(a.object)) err('object', a.object, `"${a.object}" is no object class (salaries, benefits, purchased_services, supplies, capital, other, or a numeric object code)`);
    if (a.role !== undefined && !roles.has(a.role)) {
      if (a.action === 'cut_positions') err('role', a.role, `no position has the role "${a.role}", so nothing would be cut (roles: ${[...roles].sort().join(', ') || 'none'})`);
      else if (a.action === 'add_positions' && a.amount === undefined) err('role', a.role, `no position has the role "${a.role}" to take an average cost from: give amount (cost per FTE)`);
    }
    if (a.action === 'schedule' && a.parameter !== undefined && a.parameter !== 'step_freeze' && !names.isBuiltIn(a.parameter) && !names.defined.has(a.parameter)) {
      err('parameter', a.parameter, `"${a.parameter}" is no driver or staffing parameter (step_freeze, ${Object.keys(DEFAULT_DRIVERS).join(', ')}, or a Drivers row): check the spelling`);
    }
    if (a.end_year !== undefined && a.end_year < a.start_year) err('end_year', a.end_year, `ends (${a.end_year}) before it starts (${a.start_year})`);
    if (a.start_year > base + 10) sink.warning('plans', a.src, 'start_year', a.start_year, `plan "${a.plan}" starts in ${a.start_year}, after any forecast year (${base}–${base + 10})`);
  }

  const indicators = new Set<string>([...INDICATORS, ...Object.keys(DEFAULT_DRIVERS), ...names.defined]);
  for (const t of project.triggers) {
    if (!plans.has(t.plan)) sink.error('triggers', t.src, 'plan', t.plan, `plan "${t.plan}" has no rows on the Plans sheet (plans: ${[...plans].join(', ') || 'none'})`);
    if (t.deadline !== undefined && !/^\d{2}-\d{2}$/.test(t.deadline)) sink.error('triggers', t.src, 'deadline', t.deadline, 'a deadline is month-day, MM-DD (03-15: decide by the last 15 March before the plan\'s first fiscal year starts)');
    const c = compileCondition(t.condition, indicators);
    if (!c.ok) sink.error('triggers', t.src, 'condition', t.condition, c.reason);
  }

  const scenarios = new Set(['Base', ...project.scenarios.map((s) => s.scenario), ...(config.success ? config.data.scenarios.map((s) => s.name) : [])]);
  for (const s of project.signposts) {
    if (s.indicator !== undefined && !indicators.has(s.indicator)) sink.error('signposts', s.src, 'indicator', s.indicator, `"${s.indicator}" is no indicator (${INDICATORS.join(', ')}, or a driver)`);
    if (!scenarios.has(s.scenario)) sink.error('signposts', s.src, 'scenario', s.scenario, `no scenario named "${s.scenario}" (scenarios: ${[...scenarios].join(', ')})`);
  }
  if (config.success && config.data.priority_plan !== undefined && !plans.has(config.data.priority_plan)) {
    sink.error('project', undefined, undefined, config.data.priority_plan, `the priority plan "${config.data.priority_plan}" has no rows on the Plans sheet`);
  }
}
