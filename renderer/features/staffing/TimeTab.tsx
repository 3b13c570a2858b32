import { useState } from 'react';
import { useRun } from '../../store';
import { Loading } from '../../ui/Loading';
import { RoleTime } from './RoleTime';
import { TimeMatrix } from './TimeMatrix';

/** The roles/time matrix with protected time, and one role's time against its priorities, costed to its pay. */
export function TimeTab() {
  const run = useRun('timestudy', {});
  const [role, setRole] = useState<string>('');
  if (!run || run.status === 'running') return <Loading text="Reading the time study…" />;
  if (run.status === 'failed' || !run.result) return <div className="banner banner-error" role="alert">{run.error}</div>;
  const report = run.result;
  const roles = report.roles.map((r) => r.role);
  const shown = roles.includes(role) ? role : roles.includes('principal') ? 'principal' : roles[0] ?? '';
  return (
    <div className="staffing-stack">
      {report.defaulted_sheets.length > 0 && <p className="banner banner-warn">Illustrative: the project has no Responsibilities or TimeStudy sheet, so a typical pattern is shown.</p>}
      <TimeMatrix report={report} />
      {shown !== '' && <RoleTime report={report} role={shown} roles={roles} onRole={setRole} />}
      {report.problems.length > 0 && (
        <div className="panel"><h2>Time-study rows not used</h2><ul>{report.problems.map((p, i) => <li key={i}>TimeStudy{p.row !== undefined ? ` row ${p.row}` : ''}: {p.message}</li>)}</ul></div>
      )}
    </div>
  );
}
