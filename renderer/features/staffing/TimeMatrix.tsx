import type { TimeStudyJson } from '../../../models/staffing/reports';
import { fte } from '../../format';
import { TableScroll } from '../../ui/TableScroll';
import { roleName } from './rule-text';

/**
 * Roles × the functions the Responsibilities sheet protects: hours a week per person as studied
 * against the hours protected for it. Short cells are marked in words as well as colour.
 */
export function TimeMatrix({ report }: { report: TimeStudyJson }) {
  const functions = [...new Set(report.lines.filter((l) => l.target_hours_per_week !== null).map((l) => l.activity))].sort();
  const roles = report.roles.map((r) => r.role);
  const cell = (role: string, act: string) => report.lines.find((l) => l.role === role && l.activity === act);
  return (
    <div className="panel" data-testid="time-matrix">
      <h2>Roles and protected time <span className="muted">hours a week per person: studied / protected</span></h2>
      <TableScroll label="Roles and protected time">
        <table className="table table-compact">
          <caption className="sr-only">Hours a week per person on each protected function, studied against protected</caption>
          <thead><tr><th>Role</th>{functions.map((f) => <th key={f} className="num">{roleName(f)}</th>)}<th className="num">Other work</th></tr></thead>
          <tbody>
            {roles.map((role) => {
              const other = report.lines.filter((l) => l.role === role && l.target_hours_per_week === null).reduce((a, l) => a + l.actual_hours_per_week, 0);
              return (
                <tr key={role} data-role={role}>
                  <th scope="row">{roleName(role)}</th>
                  {functions.map((f) => {
                    const l = cell(role, f);
                    if (!l || l.target_hours_per_week === null) return <td key={f} className="num muted">{l ? fte(l.actual_hours_per_week) : '—'}</td>;
                    const short = l.status === 'short';
                    return (
                      <td key={f} className={`num${short ? ' text-warn' : ''}`}>
                        {fte(l.actual_hours_per_week)} / {fte(l.target_hours_per_week)}{short && <span className="visually-hidden"> short</span>}{short ? ' ▼' : ''}
                      </td>
                    );
                  })}
                  <td className="num">{fte(Math.round(other * 100) / 100)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <p className="muted small">▼ fewer hours than protected. Teachers’ planning and collaboration minutes come from the schedules (Schedules tab).</p>
    </div>
  );
}
