import type { PlanAction, Signpost, Trigger } from '../forecast/tables';

// The demo district's contingency planning (practice 14): a backup plan the board has agreed in
// advance, the condition that switches to it, the deadline for layoff notices, and the signposts
// the business office watches to tell which scenario is unfolding.

export function demoPlans(): PlanAction[] {
  const plan = 'Reduction plan';
  return [
    { plan, action: 'cut_positions', start_year: 2027, role: 'teacher', fte: 12, description: 'Do not refill 12 teacher vacancies; class sizes rise by about one student' },
    { plan, action: 'budget_pct', start_year: 2027, pct: -0.1, object: 'supplies', description: 'Cut supplies 10%' },
    { plan, action: 'delay_purchase', start_year: 2027, object: 'capital', pct: 0.5, years: 2, description: 'Delay half of the capital purchases two years' },
    { plan, action: 'schedule', start_year: 2027, end_year: 2027, parameter: 'step_freeze', value: 1, description: 'One-year step freeze (needs bargaining)' },
  ] as PlanAction[];
}

export function demoTriggers(): Trigger[] {
  return [{ plan: 'Reduction plan', condition: 'reserve_pct < 0.08', lag: 1, deadline: '03-15' }] as Trigger[];
}

export function demoSignposts(): Signpost[] {
  return [
    { signpost: 'October count', indicator: 'enrollment', scenario: 'Enrollment decline', direction: 'below', threshold: 7850 },
    { signpost: "Governor's budget: per-pupil aid growth", indicator: 'state_aid_growth', scenario: 'State aid freeze', direction: 'below', threshold: 0.005 },
  ] as Signpost[];
}
