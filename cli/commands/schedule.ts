import { fmtNumber, money, textTable } from '../../models/staffing/format';
import { defaultStaffingYear, staffingPlan } from '../../models/staffing/plan';
import { scheduleChangeCoster, type ScheduleChange } from '../../models/staffing/schedule-change';
import { isPeriodSchedule } from '../../models/staffing/schedule';
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
  const year = flagInt(args, 'year', 1900, 2200) ?? defaultStaffingYear(project);
  const site = flagString(args, 'site');
  if (site !== undefined && !project.sites.some((s) => s.site_id === site)) {
    throw new InputError(`no site "${site}" in ${target} (sites: ${project.sites.map((s) => s.site_id).join(', ')})`);
  }
  const plan = staffingPlan({ project, year });
  const rows = plan.schedules.filter((s) => site === undefined || s.site_id === site);
  if (site !== undefined && rows.length === 0) throw new InputError(`site "${site}" has no enrollment in ${year}`);
  const siteById = new Map(project.sites.map((s) => [s.site_id, s]));
  const priceChange = scheduleChangeCoster(project, { year });

  const sites = rows.map(({ site_id, schedule, metrics }) => {
    const changes: ScheduleChange[] = [{ kind: 'collaboration_block', minutes_per_week: 90 }];
    if (isPeriodSchedule(schedule)) changes.push({ kind: 'periods', periods_per_day: schedule.periods_per_day + 1 });
    changes.push({ kind: 'class_size_cap', class_size_cap: Math.max(1, schedule.class_size_cap - 2) });
    const costs = changes.map((c) => priceChange(site_id, c)!).map((c) => ({
      change: c.change, assumption: c.assumption, delta_fte: c.delta_fte,
      delta_cost_cents_schedule: c.delta_cost_cents_schedule, delta_cost_cents_actual: c.delta_cost_cents_actual,
      funding: c.funding, instructional_minutes_per_year_change: c.instructional_minutes_per_year_change,
    }));
    const s = siteById.get(site_id);
    const { subjects, fromSheet, ...values } = schedule;
    return { site_id, name: s?.name ?? site_id, level: s?.level ?? '', from_sheet: fromSheet && !defaulted.includes('schedules'), schedule: { ...values, subjects }, metrics, changes: costs };
  });

  if (args.flags.has('json')) {
    process.stdout.write(JSON.stringify({ project: target, year, site: site ?? null, defaulted_sheets: defaulted, sites, warnings }, null, 2) + '\n');
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
