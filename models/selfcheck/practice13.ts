import type { AllocationResult } from '../allocate/allocate';
import type { Project } from '../project/project';
import { fixed, list, plural, usd } from './evidence';
import { outcomesReview } from './outcomes-review';
import type { Criterion } from './types';

/** Pearson correlation; null with fewer than three points or no spread. */
function correlation(xs: number[], ys: number[]): number | null {
  const n = xs.length;
  if (n < 3) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0; let sxx = 0; let syy = 0;
  for (let i = 0; i < n; i++) { sxy += (xs[i]! - mx) * (ys[i]! - my); sxx += (xs[i]! - mx) ** 2; syy += (ys[i]! - my) ** 2; }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/** Practice 13: a budget that starts from needs, restricted money first, reviewed, cost-balanced. */
export function practice13(project: Project, alloc: { result: AllocationResult } | { error: string }): Criterion[] {
  const a = 'result' in alloc ? alloc.result : null;
  const noAlloc = 'error' in alloc ? `the allocation could not be computed: ${alloc.error}` : '';
  const needs = project.needs;
  const restrictedFunds = project.funds.filter((f) => f.restricted);
  const toNeeds = a ? a.needs.reduce((s, n) => s + n.restricted_cents, 0) : 0;
  const generalToNeeds = a ? a.needs.reduce((s, n) => s + n.general_cents, 0) : 0;
  const reviews = [...new Map(project.allocationReviews.map((r) => [r.review_id, r.as_of])).entries()];
  const withStudents = a ? a.sites.filter((s) => s.enrollment > 0 && s.per_pupil_cents !== null) : [];
  const r = correlation(withStudents.map((s) => s.needs_index), withStudents.map((s) => s.per_pupil_cents!));
  const ratios = withStudents.map((s) => s.cost_balance_ratio).filter((x): x is number => x !== null);
  const years = project.settings.horizon_years;
  return [
    {
      id: '13-needs-register', level: 'getting started', text: 'The budget starts from an assessment of needs (a needs register)', screen: 'Data',
      status: needs.length > 0 ? 'met' : 'not met',
      evidence: needs.length > 0 ? `${plural(needs.length, 'need')} in the register, costing ${usd(needs.reduce((s, n) => s + n.cost, 0))}` : 'the Needs table is empty',
    },
    {
      id: '13-restricted-first', level: 'getting started', text: 'Special-purpose (restricted) funds go to eligible needs before general funds', screen: 'Allocate',
      status: !a ? (needs.length === 0 ? 'not met' : 'not shown by the data') : toNeeds > 0 ? 'met' : 'not met',
      evidence: !a ? noAlloc
        : restrictedFunds.length === 0 ? 'no restricted fund in Funds'
          : toNeeds > 0 ? `${usd(toNeeds)} of restricted funds (${list(restrictedFunds.map((f) => f.fund_code))}) went to eligible needs first, then ${usd(generalToNeeds)} of general funds`
            : `none of the restricted funds (${list(restrictedFunds.map((f) => f.fund_code))}) went to a need: no need is eligible for them`,
    },
    outcomesReview(project),
    {
      id: '13-greatest-need', level: 'getting better', text: 'Allocations prioritise the areas of greatest need', screen: 'Allocate',
      status: !a ? 'not shown by the data' : r === null ? 'not shown by the data' : r > 0 ? 'met' : 'not met',
      evidence: !a ? noAlloc : r === null ? 'too few schools with students to compare' : `per-pupil dollars ${r > 0 ? 'rise' : 'do not rise'} with the needs index (correlation ${fixed(r)} over ${plural(withStudents.length, 'school')})`,
    },
    {
      id: '13-cost-balance', level: 'keep improving', text: 'Cost-balance ratios guide allocation to need', screen: 'Allocate',
      status: !a ? 'not shown by the data' : ratios.length > 0 ? 'met' : 'not met',
      evidence: !a ? noAlloc : ratios.length > 0 ? `cost-balance ratios for ${plural(ratios.length, 'school')}, ${fixed(Math.min(...ratios))}–${fixed(Math.max(...ratios))}` : 'no school has a cost-balance ratio',
    },
    {
      id: '13-in-year-reviews', level: 'keep improving', text: 'Several reviews during the school year adjust funding, personnel or schedules', screen: 'Allocate',
      status: reviews.length >= 2 ? 'met' : 'not met',
      evidence: reviews.length === 0 ? 'no in-year review recorded (Reviews table)' : `${plural(reviews.length, 'in-year review')} recorded (${list(reviews.map(([id, d]) => `${id} ${d}`))}); at least two are needed`,
    },
    {
      id: '13-long-term', level: 'keep improving', text: 'Strategic planning keeps long-term goals and sustainability in the annual budget', screen: 'Scenarios',
      status: project.budget.length > 0 && years >= 3 ? 'met' : 'not met',
      evidence: project.budget.length === 0 ? 'no budget lines to forecast from' : `the budget is forecast ${plural(years, 'year')} ahead${years >= 3 ? '' : '; three or more are needed'}`,
    },
  ];
}
