import type { ScheduleView } from '../../engine/ops/staffing';
import { count, fte } from '../../format';
import { TableScroll } from '../../ui/TableScroll';
import { CapEditor } from './CapEditor';

type Site = ScheduleView['report']['sites'][number];

const sizesText = (sizes: { size: number; sections: number }[]) => sizes.map((x) => `${count(x.sections)} of ${count(x.size)}`).join(', ');

/** The school's schedule and what it needs: sections by course with the class sizes they imply, teacher FTE, minutes. */
export function ScheduleFacts({ site, classSizes }: { site: Site; classSizes: ScheduleView['classSizes'] }) {
  const { schedule: sc, metrics: m } = site;
  const sizes = classSizes.filter((c) => c.site_id === site.site_id);
  const facts: [string, string, string?][] = [
    ['Students', count(m.students), 'sched-students'],
    ['Schedule', m.period_schedule ? `${sc.periods_per_day} periods of ${sc.minutes_per_period} min; teachers teach ${fte(sc.teaching_periods)}` : `self-contained classrooms, ${count(sc.minutes_per_day)} min a day`],
    ['Sections', count(m.sections), 'sched-sections'],
    ['Teacher FTE needed', fte(m.teacher_fte_needed), 'sched-teacher-fte'],
    ['Average class', fte(m.avg_class_size), 'sched-avg-class'],
    ['Students per teacher a day', fte(m.students_per_teacher_per_day), 'sched-load'],
    ['Planning', `${count(m.planning_minutes_per_week)} min a week`],
    ['Collaboration', `${count(m.collaboration_minutes_per_week)} min a week`, 'sched-collab'],
    ['Instruction', `${count(m.instructional_minutes_per_year)} min a year (${count(sc.instructional_days)} days)`],
  ];
  return (
    <div className="panel" data-testid="schedule-facts">
      <h2>{site.site_id} {site.name} <span className="muted">{site.level}{site.from_sheet ? ', Schedules sheet' : ', level default'}</span></h2>
      <dl className="facts">
        {facts.map(([k, v, id]) => <div key={k}><dt>{k}</dt><dd data-testid={id}>{v}</dd></div>)}
      </dl>
      <CapEditor siteId={site.site_id} cap={sc.class_size_cap} />
      <h3>Sections from course requests</h3>
      <TableScroll label="Sections by course">
        <table className="table table-compact" data-testid="sections-table">
          <caption className="sr-only">Sections by course at {site.site_id}</caption>
          <thead><tr><th>Course</th><th className="num">Requests</th><th className="num">Class-size cap</th><th className="num">Sections</th><th>Class sizes (filled evenly)</th></tr></thead>
          <tbody>
            {m.subjects.length > 0
              ? m.subjects.map((x) => (
                  <tr key={x.subject}>
                    <td>{x.subject}</td><td className="num">{count(x.requests)}</td><td className="num">{count(x.class_size_cap)}</td><td className="num">{count(x.sections)}</td>
                    <td>{sizesText(sizes.find((c) => c.subject === x.subject)?.sizes ?? [])}</td>
                  </tr>
                ))
              : (
                  <tr>
                    <td>All courses{m.period_schedule ? ` (${fte(sc.course_requests_per_student)} a student)` : ' (homerooms by grade)'}</td>
                    <td className="num">{m.period_schedule ? count(m.students * sc.course_requests_per_student) : count(m.students)}</td>
                    <td className="num">{count(sc.class_size_cap)}</td><td className="num">{count(m.sections)}</td>
                    <td data-testid="class-sizes">{m.period_schedule ? sizesText(sizes[0]?.sizes ?? []) : `average ${fte(m.avg_class_size)} (classes do not span grades)`}</td>
                  </tr>
                )}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
