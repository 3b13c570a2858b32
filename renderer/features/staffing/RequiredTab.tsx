import { useRun } from '../../store';
import { Loading } from '../../ui/Loading';
import { GapTable } from './GapTable';
import { PositionsList } from './PositionsList';
import { RoleTotals } from './RoleTotals';
import { RulesEditor } from './RulesEditor';
import { SitePicker } from './SitePicker';

/** Required against actual FTE by site and role with the rule behind each, the rules (editable) and the positions. */
export function RequiredTab({ site, onSite }: { site: string; onSite: (site: string) => void }) {
  const run = useRun('staffing', {});
  if (!run || run.status === 'running') return <Loading text="Staffing the schools…" />;
  if (run.status === 'failed' || !run.result) return <div className="banner banner-error" role="alert">{run.error}</div>;
  const view = run.result;
  return (
    <div className="staffing-stack">
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
