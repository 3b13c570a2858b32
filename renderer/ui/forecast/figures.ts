import { dollars } from '../../format';

// How the forecast's figures read on the Scenarios and Compare screens (and in their e2e test,
// which writes the CLI's JSON the same way): money in whole dollars, the reserve as a percent to
// one decimal, counts and FTE to at most two decimals.

const TWO = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** "$84,120,456", "7.9%", "1,234.5". */
export function metricText(metric: string, v: number | undefined): string {
  if (v === undefined) return '—';
  if (metric.endsWith('_cents')) return dollars(v);
  if (metric === 'reserve_pct') return pct(v);
  return TWO.format(v);
}

/** A difference, signed: "+$1,200", "−" never (a hyphen-minus, as the CLI's JSON reads). */
export function diffText(metric: string, d: number | undefined): string {
  if (d === undefined) return '—';
  const t = metricText(metric, d);
  return d > 0 ? `+${t}` : t;
}

export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const LABELS: Record<string, string> = {
  revenue_cents: 'Revenue', expenditure_cents: 'Expenditure', personnel_cents: 'Salaries and benefits', ending_balance_cents: 'Ending fund balance',
  reserve_balance_cents: 'Reserve balance', surplus_cents: 'Surplus (deficit)', reserve_pct: 'Reserve (% of expenditure)', fte: 'FTE',
  staffing_change_fte: 'FTE added by staffing parameters', positions_added_fte: 'Positions added (FTE)', positions_cut_fte: 'Positions cut (FTE)',
  class_size: 'Average class size', collaboration_minutes: 'Collaboration minutes a week', teacher_load: 'Teacher load (students)',
  instructional_minutes: 'Instructional minutes a year', enrollment: 'Enrollment', per_pupil_cents: 'Per pupil', avg_class_size: 'Average class size',
  required_fte: 'Required FTE', staffing_gap_fte: 'Staffing gap (FTE)', sections: 'Sections',
};

/** "Ending fund balance", "Caseload: counselor". */
export function metricLabel(metric: string): string {
  if (LABELS[metric]) return LABELS[metric];
  for (const [prefix, word] of [['caseload_', 'Caseload'], ['required_fte_', 'Required FTE'], ['fte_', 'FTE']] as const) {
    if (metric.startsWith(prefix)) return `${word}: ${metric.slice(prefix.length).replace(/_/g, ' ')}`;
  }
  return metric.replace(/_/g, ' ');
}

/** "Budget", "Staffing" or "Schedule": the groups the board table shows. */
export function metricGroup(metric: string): 'Budget' | 'Staffing' | 'Schedule' {
  if (['collaboration_minutes', 'instructional_minutes', 'teacher_load', 'class_size', 'sections'].includes(metric)) return 'Schedule';
  if (metric.includes('fte') || metric.startsWith('caseload_')) return 'Staffing';
  return 'Budget';
}
