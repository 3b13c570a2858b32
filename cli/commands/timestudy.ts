import { fmtNumber, money, textTable } from '../../models/staffing/format';
import { timeStudyReport } from '../../models/staffing/time';
import { EXIT, parseArgs } from '../args';
import { PROJECT_FLAGS } from '../project';
import { loadStaffingProject } from './staffing';

/**
 * `timestudy PROJECT [--json]`: the responsibilities matrix (function → owner role → protected
 * hours a week) against the time study, with gaps and the time's cost by function (hours × loaded
 * hourly cost × the role's FTE × work weeks).
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { json: 'bool', ...PROJECT_FLAGS });
  const { project, target, defaulted, warnings } = await loadStaffingProject('timestudy', args);
  const report = timeStudyReport(project);
  if (args.flags.has('json')) {
    process.stdout.write(JSON.stringify({ project: target, defaulted_sheets: defaulted.filter((d) => d === 'responsibilities' || d === 'timeStudy'), ...report, warnings }, null, 2) + '\n');
    return EXIT.ok;
  }
  const w = (t: string) => process.stdout.write(t + '\n');
  w(`Time study ${project.settings.district_name}${defaulted.includes('timeStudy') ? ' (illustrative: the project has no Responsibilities or TimeStudy sheet)' : ''}`);
  w(`Loaded hourly cost = salary + benefits ÷ ${fmtNumber(report.settings.annual_work_hours)} h; ${report.settings.work_weeks_per_year} work weeks a year.`);
  w('');
  w(textTable(['role', 'activity', 'protected h/wk', 'actual h/wk', 'gap', 'status', 'share', 'staff FTE', 'per hour', 'cost/yr'],
    report.lines.map((l) => [l.role, l.activity, l.target_hours_per_week ?? '', l.actual_hours_per_week, l.gap_hours_per_week ?? '', l.status,
      `${Math.round(l.share_of_time * 100)}%`, l.staff_fte, money(l.loaded_hourly_cents), money(l.annual_cost_cents)])));
  w('');
  w(textTable(['function', 'protected person-h/wk', 'actual person-h/wk', 'cost/yr', 'at target', 'difference'],
    report.byFunction.map((f) => [f.activity, f.target_hours_per_week, f.actual_hours_per_week, money(f.annual_cost_cents), money(f.target_cost_cents), money(f.gap_cost_cents)])));
  for (const p of report.problems) w(`warning: TimeStudy${p.row !== undefined ? ` row ${p.row}` : ''}: ${p.message}`);
  return EXIT.ok;
}
