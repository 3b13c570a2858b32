import { fmtNumber, money, textTable } from '../../models/staffing/format';
import { timeStudyJson } from '../../models/staffing/reports';
import { EXIT, parseArgs } from '../args';
import { PROJECT_FLAGS } from '../project';
import { loadStaffingProject } from './staffing';

/**
 * `timestudy PROJECT [--json]`: the responsibilities matrix (function → owner role → protected
 * hours a week) against the time study, with gaps and the time's cost by function: each activity
 * costs its share of the role's costed week × the role's pay, so a role's activities and its
 * unrecorded time add up to its pay (models/staffing/time.ts).
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { json: 'bool', ...PROJECT_FLAGS });
  const { project, target, defaulted, warnings } = await loadStaffingProject('timestudy', args);
  const report = timeStudyJson(project, defaulted);
  if (args.flags.has('json')) {
    process.stdout.write(JSON.stringify({ project: target, ...report, warnings }, null, 2) + '\n');
    return EXIT.ok;
  }
  const w = (t: string) => process.stdout.write(t + '\n');
  w(`Time study ${project.settings.district_name}${defaulted.includes('timeStudy') ? ' (illustrative: the project has no Responsibilities or TimeStudy sheet)' : ''}`);
  const { annual_work_hours: hours, work_weeks_per_year: weeks } = report.settings;
  w(`Each role's pay (loaded cost per FTE × FTE) is spread over its costed week — the longer of the hours studied and its standard week`);
  w(`(${fmtNumber(hours)} h ÷ ${fmtNumber(weeks)} weeks = ${fmtNumber(hours / weeks)} h unless set per role) — for its work weeks; per hour = loaded cost per FTE ÷ (costed week × work weeks).`);
  w(`A role's activities and its unrecorded time add up to its pay.`);
  w('');
  w(textTable(['role', 'activity', 'protected h/wk', 'actual h/wk', 'gap', 'status', 'share', 'staff FTE', 'per hour', 'cost/yr'],
    report.lines.map((l) => [l.role, l.activity, l.target_hours_per_week ?? '', l.actual_hours_per_week, l.gap_hours_per_week ?? '', l.status,
      `${Math.round(l.share_of_time * 100)}%`, l.staff_fte, money(l.loaded_hourly_cents), money(l.annual_cost_cents)])));
  w('');
  w(textTable(['role', 'staff FTE', 'work weeks', 'standard h/wk', 'studied h/wk', 'costed h/wk', 'activities', 'unrecorded', 'pay'],
    report.roles.map((r) => [r.role, r.staff_fte, r.work_weeks, r.standard_hours_per_week, r.studied_hours_per_week, r.costed_hours_per_week, money(r.activity_cost_cents), money(r.unrecorded_cost_cents), money(r.pay_cents)])));
  w('');
  w(textTable(['function', 'protected person-h/wk', 'actual person-h/wk', 'cost/yr', 'at target', 'difference'],
    report.byFunction.map((f) => [f.activity, f.target_hours_per_week, f.actual_hours_per_week, money(f.annual_cost_cents), money(f.target_cost_cents), money(f.gap_cost_cents)])));
  for (const p of report.problems) w(`warning: TimeStudy${p.row !== undefined ? ` row ${p.row}` : ''}: ${p.message}`);
  return EXIT.ok;
}
