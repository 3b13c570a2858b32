import { useState } from 'react';
import { useAppShallow, useRun } from '../../store';
import { Loading } from '../../ui/Loading';
import { GapTable } from './GapTable';
import { PositionsList } from './PositionsList';
import { RoleTotals } from './RoleTotals';
import { RulesEditor } from './RulesEditor';
import { SitePicker } from './SitePicker';

/** Required against actual FTE by site and role with the rule behind each, the rules (editable) and the positions. */
export function RequiredTab({ site, onSite }: { site: string; onSite: (site: string) => void }) {
  const [scenario, setScenario] = useState('');
  const scenarios = useAppShallow((s) => [...new Set((s.project?.scenarios ?? []).map((x) => x.scenario))]);
  const run = useRun('staffing', scenario === '' ? {} : { scenario });
  const picker = scenarios.length > 0 && (
    <div className="panel panel-head">
      <p className="muted">Staffed for this year’s enrollment{scenario === '' ? ' under the project’s own rules and schedules' : `, with the staffing drivers of “${scenario}”`}.</p>
      <label>Scenario{' '}
        <select value={scenario} onChange={(e) => setScenario(e.target.value)} data-testid="staffing-scenario">
          <option value="">None (as budgeted)</option>
          {scenarios.map((x) => <option key={x} value={x}>{x}</option>)}
        </select>
      </label>
    </div>
  );
  if (!run || run.status === 'running') return <div className="staffing-stack">{picker}<Loading text="Staffing the schools…" /></div>;
  if (run.status === 'failed' || !run.result) return <div className="staffing-stack">{picker}<div className="banner banner-error" role="alert">{run.error}</div></div>;
  const view = run.result;
  return (
    <div className="staffing-stack">
      {picker}
      <RoleTotals report={view.report} />
      <div className="panel">
        <div className="panel-head">
          <h2>Required vs actual {site === '' ? 'by site' : `at ${site}`}</h2>
          <SitePicker value={site} onChange={onSite} all testId="staffing-site" />
        </div>
        <GapTable view={view} site={site} />
      </div>
      <RulesEditor view={view} />
      {site !== '' && <PositionsList positions={view.positions.filter((p) => p.site_id === site)} site={site} />}
      {view.report.warnings.length > 0 && (
        <div className="panel"><h2>Warnings</h2><ul>{view.report.warnings.map((w) => <li key={w}>{w}</li>)}</ul></div>
      )}
    </div>
  );
}
