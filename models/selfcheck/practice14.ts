import type { Project } from '../project/project';
import type { PlanActionKind } from '../forecast/tables';
import { list, plural } from './evidence';
import type { Criterion } from './types';

/** The four kinds of plan practice 14 asks for, by the plan actions that make each. */
const AREAS: [string, PlanActionKind[]][] = [
  ['budget', ['budget_pct', 'budget_amount', 'draw_reserves']],
  ['staffing', ['add_positions', 'cut_positions', 'class_size', 'staffing_ratio']],
  ['programs', ['schedule']],
  ['infrastructure', ['close_site', 'merge_site', 'delay_purchase']],
];

/** Practice 14: priority and backup plans, scenarios on outside factors, signposts watched. */
export function practice14(project: Project): Criterion[] {
  const plans = [...new Set(project.plans.map((p) => p.plan))];
  const triggered = project.triggers.filter((t) => plans.includes(t.plan));
  const priority = project.forecast?.priority_plan;
  const scenarios = [...new Set(project.scenarios.map((s) => s.scenario))].filter((s) => s !== 'Base');
  const withDeadline = triggered.filter((t) => t.deadline);
  const observed = project.signposts.filter((s) => s.observed !== undefined);
  const actions = new Set(project.plans.map((p) => p.action));
  const covered = AREAS.map(([area, kinds]) => [area, kinds.filter((k) => actions.has(k))] as const);
  const missing = covered.filter(([, k]) => k.length === 0).map(([a]) => a);
  return [
    {
      id: '14-backup-plans', level: 'getting started', text: 'Priority and backup plans, with the conditions that would bring in the backup', screen: 'Scenarios',
      status: triggered.length > 0 ? 'met' : 'not met',
      evidence: plans.length === 0 ? 'the Plans table is empty'
        : triggered.length === 0 ? `${plural(plans.length, 'plan')} (${list(plans)}) but no trigger condition starts one (Triggers table)`
          : `${plural(plans.length, 'plan')}${priority ? `, priority plan "${priority}"` : ''}; backup ${list(triggered.map((t) => `"${t.plan}" when ${t.condition}`), 2)}`,
    },
    {
      id: '14-scenarios', level: 'getting better', text: 'Several scenarios on factors outside the district (state aid, enrollment, policy)', screen: 'Scenarios',
      status: scenarios.length >= 2 ? 'met' : 'not met',
      evidence: scenarios.length === 0 ? 'no scenario besides Base (Scenarios table)' : `${plural(scenarios.length, 'scenario')} besides Base: ${list(scenarios)}`,
    },
    {
      id: '14-decided-in-advance', level: 'getting better', text: 'Decisions made in advance: when a plan starts and by what date it must be decided', screen: 'Scenarios',
      status: withDeadline.length > 0 ? 'met' : 'not met',
      evidence: withDeadline.length > 0 ? `${plural(withDeadline.length, 'trigger')} with a decision deadline (${list(withDeadline.map((t) => `${t.plan} by ${t.deadline}`), 2)})` : 'no trigger has a decision deadline',
    },
    {
      id: '14-signposts', level: 'keep improving', text: 'The factors that say which scenario is unfolding are monitored (signposts)', screen: 'Scenarios',
      status: observed.length > 0 ? 'met' : 'not met',
      evidence: project.signposts.length === 0 ? 'the Signposts table is empty' : `${plural(project.signposts.length, 'signpost')}, ${observed.length === 0 ? 'none with an observed value yet' : `${observed.length} with an observed value`}`,
    },
    {
      id: '14-plan-areas', level: 'keep improving', text: 'Plans cover budget, staffing, programs and infrastructure', screen: 'Scenarios',
      status: plans.length > 0 && missing.length === 0 ? 'met' : 'not met',
      evidence: plans.length === 0 ? 'no plans' : missing.length === 0 ? covered.map(([a, k]) => `${a} (${k.join(', ')})`).join('; ') : `no plan action for ${list(missing)}`,
    },
  ];
}
