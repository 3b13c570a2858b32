import { fmtNumber, money, textTable } from '../../models/staffing/format';
import { scheduleReport } from '../../models/staffing/reports';
import type { ScheduleChange } from '../../models/staffing/schedule-change';
import { EXIT, InputError, flagInt, flagString, parseArgs } from '../args';
import { PROJECT_FLAGS } from '../project';
import { loadStaffingProject } from './staffing';

/**
 * `schedule PROJECT [--site ID] [--year YYYY] [--json]`: each school's schedule (its Schedules row
 * over the level default), the sections and teacher FTE it needs, students per teacher per day,
 * planning, collaboration and instructional minutes, and what three changes would cost: a weekly
 * 90-minute collaboration block, one more period a day (period schedules), and a class-size cap
 * two lower.
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { json: 'bool', site: 'value', year: 'value', ...PROJECT_FLAGS });
  const { project, target, defaulted, warnings } = await loadStaffingProject('schedule', args);
  const site = flagString(args, 'site');
  const built = scheduleReport(project, defaulted, { site, year: flagInt(args, 'year', 1900, 2200), target });
  if (!built.ok) throw new InputError(built.reason);
  const { year, sites } = built.value;

  if (args.flags.has('json')) {
    process.stdout.write(JSON.stringify({ project: target, ...built.value, warnings }, null, 2) + '\n');
    return EXIT.ok;
  }
  const w = (t: string) => process.stdout.write(t + '\n');
  w(`Schedules ${project.settings.district_name}, ${year}${defaulted.includes('schedules') ? ' (illustrative level defaults: the project has no Schedules sheet)' : ''}`);
  w('');
  w(textTable(['site', 'level', 'students', 'periods', 'teach', 'cap', 'sections', 'teacher FTE', 'avg class', 'students/teacher/day', 'planning min/wk', 'collab min/wk', 'instr. min/yr'],
    sites.map((s) => [`${s.site_id} ${s.name}`, s.level, s.metrics.students, s.schedule.periods_per_day, s.schedule.teaching_periods, s.schedule.class_size_cap, s.metrics.sections,
      s.metrics.teacher_fte_needed, s.metrics.avg_class_size, s.metrics.students_per_teacher_per_day, s.metrics.planning_minutes_per_week, s.metrics.collaboration_minutes_per_week, s.metrics.instructional_minutes_per_year])));
  w('');
  w('Cost of schedule changes (teacher FTE at the schedule average; actual salaries in brackets):');
  w(textTable(['site', 'change', 'FTE', 'cost', '(actual)', 'instr. min/yr'],
    sites.flatMap((s) => s.changes.map((c) => [s.site_id, describe(c.change), c.delta_fte, money(c.delta_cost_cents_schedule), money(c.delta_cost_cents_actual), c.instructional_minutes_per_year_change]))));
  if (site !== undefined) for (const c of sites[0]?.changes ?? []) w(`  ${describe(c.change)}: ${c.assumption}`);
  const total = sites.reduce((a, s) => a + (s.changes[0]?.delta_cost_cents_schedule ?? 0), 0);
  w('');
  w(`A weekly 90-minute collaboration block at every school listed: ${money(total)} a year (${fmtNumber(sites.reduce((a, s) => a + (s.changes[0]?.delta_fte ?? 0), 0))} FTE).`);
  return EXIT.ok;
}

function describe(c: ScheduleChange): string {
  switch (c.kind) {
    case 'collaboration_block': return `+${c.minutes_per_week ?? 90} min collaboration/week`;
    case 'periods': return `${c.periods_per_day} periods a day`;
    case 'class_size_cap': return `class-size cap ${c.class_size_cap}`;
    case 'params': return 'scenario params';
  }
}
