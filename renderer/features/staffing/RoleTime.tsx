import type { TimeStudyJson } from '../../../models/staffing/reports';
import { TimeStackChart } from '../../charts/TimeStackChart';
import { fte, money } from '../../format';
import { TableScroll } from '../../ui/TableScroll';
import { roleName } from './rule-text';

const round = (x: number) => Math.round(x * 100) / 100;
const STATUS: Record<string, string> = { met: 'met', short: 'short', no_target: 'not protected', not_studied: 'not studied' };

/** One role: where its week goes against what its priorities protect, and each activity's cost, adding up to the role's pay. */
export function RoleTime({ report, role, roles, onRole }: { report: TimeStudyJson; role: string; roles: string[]; onRole: (r: string) => void }) {
  const lines = report.lines.filter((l) => l.role === role);
  const r = report.roles.find((x) => x.role === role)!;
  const targeted = lines.filter((l) => l.target_hours_per_week !== null);
  const otherActual = round(lines.filter((l) => l.target_hours_per_week === null).reduce((a, l) => a + l.actual_hours_per_week, 0));
  const protectedHours = targeted.reduce((a, l) => a + (l.target_hours_per_week ?? 0), 0);
  const series = [...targeted.map((l) => roleName(l.activity)), 'Other work'];
  const bars = [
    { label: 'Where time goes', hours: [...targeted.map((l) => l.actual_hours_per_week), otherActual] },
    { label: 'What priorities protect', hours: [...targeted.map((l) => l.target_hours_per_week ?? 0), round(Math.max(0, r.costed_hours_per_week - protectedHours))] },
  ];
  const short = targeted.filter((l) => l.status === 'short');
  const tableId = 'role-time-table';
  return (
    <div className="panel" data-testid="role-time">
      <div className="panel-head">
        <h2>{roleName(role)} <span className="muted">{fte(r.staff_fte)} FTE, {fte(r.studied_hours_per_week)} h a week studied, paid for {fte(r.costed_hours_per_week)} h × {fte(r.work_weeks)} weeks</span></h2>
        <label>Role{' '}
          <select value={role} onChange={(e) => onRole(e.target.value)} data-testid="time-role">
            {roles.map((x) => <option key={x} value={x}>{roleName(x)}</option>)}
          </select>
        </label>
      </div>
      <div className="chart chart-time">
        <TimeStackChart
          series={series} bars={bars} tableId={tableId} tableName={`Time and its cost: ${roleName(role)}`}
          name={`Where a ${roleName(role)}’s week goes against what the priorities protect`}
          summary={`${roleName(role)}: ${fte(otherActual)} of ${fte(r.studied_hours_per_week)} hours a week go to unprotected work; ${short.length} of ${targeted.length} protected functions get fewer hours than protected${short.length > 0 ? ` (${short.map((l) => `${roleName(l.activity)} ${fte(l.actual_hours_per_week)} of ${fte(l.target_hours_per_week ?? 0)} h`).join(', ')})` : ''}.`}
        />
      </div>
      <TableScroll label={`Time and its cost: ${roleName(role)}`}>
        <table className="table table-compact" id={tableId} data-testid="role-time-table">
          <caption className="sr-only">Time and its cost: {roleName(role)}</caption>
          <thead><tr><th>Activity</th><th className="num">Protected h/wk</th><th className="num">Studied h/wk</th><th className="num">Gap</th><th>Status</th><th className="num">Share</th><th className="num">Per hour</th><th className="num">Cost a year</th><th className="num">At protected hours</th></tr></thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.activity} data-activity={l.activity} className={l.status === 'short' ? 'gap-short' : undefined}>
                <td>{roleName(l.activity)}</td>
                <td className="num">{l.target_hours_per_week === null ? '—' : fte(l.target_hours_per_week)}</td>
                <td className="num" data-testid="time-actual">{fte(l.actual_hours_per_week)}</td>
                <td className="num">{l.gap_hours_per_week === null ? '—' : fte(l.gap_hours_per_week)}</td>
                <td>{l.status === 'short' ? <span className="tag tag-warn">short</span> : l.status === 'met' ? <span className="tag tag-ok">met</span> : <span className="muted">{STATUS[l.status]}</span>}</td>
                <td className="num">{Math.round(l.share_of_time * 100)}%</td>
                <td className="num">{money(l.loaded_hourly_cents)}</td>
                <td className="num" data-testid="time-cost">{money(l.annual_cost_cents)}</td>
                <td className="num">{l.target_hours_per_week === null ? '—' : money(l.target_cost_cents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr><th>Unrecorded time</th><td /><th className="num">{fte(round(Math.max(0, r.costed_hours_per_week - r.studied_hours_per_week)))}</th><td colSpan={4} /><th className="num" data-testid="time-unrecorded">{money(r.unrecorded_cost_cents)}</th><td /></tr>
            <tr><th>Pay ({fte(r.staff_fte)} FTE × {money(r.loaded_cost_per_fte_cents)})</th><td /><th className="num">{fte(r.costed_hours_per_week)}</th><td colSpan={4} /><th className="num" data-testid="time-pay">{money(r.pay_cents)}</th><td /></tr>
          </tfoot>
        </table>
      </TableScroll>
    </div>
  );
}
