import type { PlanAction, Signpost, Trigger } from '../forecast/tables';

// The demo district's contingency planning (practice 14): backup plans the board has agreed in
// advance, each sized to the shortfall that calls for it, the condition that switches to it and its
// decision deadline, and the signposts the business office watches to tell which scenario is
// unfolding. The story they tell on the demo's scenarios is asserted in
// test/models/demo/story.test.ts and told in docs/demo.md.

export function demoPlans(): PlanAction[] {
  const enrollment = 'Enrollment plan';
  const revenue = 'Revenue shortfall plan';
  const levy = 'Levy plan';
  const cost = 'Cost pressure plan';
  return [
    // A lasting revenue gap (~5% of the general fund): positions by attrition, services, a step freeze.
    { plan: revenue, action: 'cut_positions', start_year: 2027, role: 'teacher', fte: 30, description: 'Do not refill 30 teacher vacancies; class sizes rise by about one student' },
    { plan: revenue, action: 'budget_pct', start_year: 2027, pct: -0.1, object: 'purchased_services', description: 'Cut purchased services 10%' },
    { plan: revenue, action: 'budget_pct', start_year: 2027, pct: -0.1, object: 'supplies', description: 'Cut supplies 10%' },
    { plan: revenue, action: 'delay_purchase', start_year: 2027, object: 'capital', pct: 0.5, years: 2, description: 'Delay half of the capital purchases two years' },
    { plan: revenue, action: 'schedule', start_year: 2027, end_year: 2027, parameter: 'step_freeze', value: 1, description: 'One-year step freeze (needs bargaining)' },
    // Costs outgrow steady revenue (a settlement above plan, staff added by choice): about half the
    // Revenue shortfall plan, so a cost-side breach is not answered with a revenue-sized cut.
    { plan: cost, action: 'cut_positions', start_year: 2027, role: 'teacher', fte: 22, description: 'Do not refill 22 teacher vacancies' },
    { plan: cost, action: 'budget_pct', start_year: 2027, pct: -0.05, object: 'purchased_services', description: 'Cut purchased services 5%' },
    { plan: cost, action: 'budget_pct', start_year: 2027, pct: -0.05, object: 'supplies', description: 'Cut supplies 5%' },
    { plan: cost, action: 'schedule', start_year: 2027, end_year: 2027, parameter: 'step_freeze', value: 1, description: 'One-year step freeze (needs bargaining)' },
    // Fewer students: staff classrooms to the students there are, about one more per class.
    { plan: enrollment, action: 'class_size', start_year: 2027, role: 'teacher', value: 25, description: 'Staff classroom teachers at 25 students each as enrollment falls' },
    { plan: enrollment, action: 'budget_pct', start_year: 2027, pct: -0.05, object: 'supplies', description: 'Cut supplies 5% with the students' },
    // A failed levy (~10% of local revenue at once): merge an under-filled elementary school as well.
    { plan: levy, action: 'merge_site', start_year: 2027, site_id: '106', target_site: '107', description: 'Merge Foxglove Elementary into Granite Ridge Elementary' },
    { plan: levy, action: 'cut_positions', start_year: 2027, role: 'teacher', fte: 25, description: 'Do not refill 25 teacher vacancies' },
    { plan: levy, action: 'schedule', start_year: 2027, end_year: 2027, parameter: 'step_freeze', value: 1, description: 'One-year step freeze (needs bargaining)' },
    { plan: levy, action: 'budget_pct', start_year: 2027, pct: -0.1, object: 'purchased_services', description: 'Cut purchased services 10%' },
    { plan: levy, action: 'budget_pct', start_year: 2027, pct: -0.1, object: 'supplies', description: 'Cut supplies 10%' },
    { plan: levy, action: 'delay_purchase', start_year: 2027, object: 'capital', pct: 0.5, years: 2, description: 'Delay half of the capital purchases two years' },
  ] as PlanAction[];
}

export function demoTriggers(): Trigger[] {
  return [
    // The reserve falls below policy as the October count falls: decide by the 15 March layoff-notice date.
    { plan: 'Enrollment plan', condition: 'reserve_pct < policy and enrollment_change < -0.025', lag: 1, deadline: '03-15' },
    // A school merge needs its public hearings: the board must vote by 1 December, before the
    // mid-year projection (31 January) shows the levy's loss — a decision that comes too late.
    { plan: 'Levy plan', condition: 'local_revenue_growth < -0.05', lag: 1, deadline: '12-01' },
    // State aid stops growing (below 1% a year) while local revenue and enrollment hold.
    { plan: 'Revenue shortfall plan', condition: 'reserve_pct < policy and state_aid_growth < 0.01 and local_revenue_growth >= 0 and enrollment_change >= -0.025', lag: 1, deadline: '03-15' },
    // Revenue grows as planned but costs grow faster: the smaller Cost pressure plan.
    { plan: 'Cost pressure plan', condition: 'reserve_pct < policy and state_aid_growth >= 0.01 and local_revenue_growth >= 0 and enrollment_change >= -0.025', lag: 1, deadline: '03-15' },
  ] as Trigger[];
}

export function demoSignposts(): Signpost[] {
  return [
    { signpost: 'October count', indicator: 'enrollment', scenario: 'Enrollment decline', direction: 'below', threshold: 7850 },
    { signpost: "Governor's budget: per-pupil aid growth", indicator: 'state_aid_growth', scenario: 'State aid freeze', direction: 'below', threshold: 0.005 },
  ] as Signpost[];
}
