import { useState } from 'react';
import { fiscalYear } from '../../format';
import { useApp, useRun } from '../../store';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { BalanceChart, ObjectChart, RevenueExpenditureChart, RoleChart } from '../../ui/forecast/ForecastCharts';
import { CompareTable } from './CompareTable';
import { PlanAreas } from './PlanAreas';
import { PlanTimeline } from './PlanTimeline';
import { Signposts } from './Signposts';
import { RiskPanel } from './RiskPanel';
import { NetworkMeasures } from './NetworkMeasures';
import './compare.css';

/** The board view: every scenario side by side against a chosen baseline, their plans, and the risk. */
export function CompareScreen() {
  const hasProject = useApp((s) => s.project !== null);
  const ok = useApp((s) => s.checked?.version === s.version && s.checked.ok);
  const checking = useApp((s) => s.checked?.version !== s.version);
  if (!hasProject) return <EmptyState title="Compare"><p>Open a project to compare its scenarios.</p></EmptyState>;
  if (checking) return <Loading text="Checking the project…" />;
  if (!ok) {
    return (
      <EmptyState title="Compare" testId="compare-withheld">
        <p className="banner banner-error" role="alert">No forecast is computed while the project has errors — the same check as <code>steward validate</code>. Fix them on the <a href="#data">Data</a> screen.</p>
      </EmptyState>
    );
  }
  return <Board />;
}

function Board() {
  const [baseline, setBaseline] = useState('Base');
  const [years, setYears] = useState<number | undefined>(undefined);
  const [focus, setFocus] = useState<string | undefined>(undefined);
  const run = useRun('compare', { ...(years !== undefined ? { years } : {}), ...(baseline !== 'Base' ? { baseline } : {}) });
  if (!run || run.status === 'running') return <Loading text="Forecasting every scenario…" />;
  if (run.status === 'failed' || !run.result) return <div className="banner banner-error" role="alert">{run.error}</div>;
  const { comparison, forecast, areas } = run.result;
  const names = forecast.scenarios.map((s) => s.name);
  const shown = focus && names.includes(focus) ? focus : names.find((n) => n !== baseline) ?? baseline;
  const focused = forecast.scenarios.find((s) => s.name === shown)!;
  const horizon = forecast.scenarios[0]!.years.length - 1;
  return (
    <section className="compare" aria-labelledby="compare-title">
      <div className="page-title">
        <h1 id="compare-title">Compare <span className="muted">{fiscalYear(forecast.base_year)} and {horizon} years on</span></h1>
        <p className="muted">Every scenario side by side, with its difference from the baseline — as <code>steward compare</code>; reserve policy {(forecast.reserve_policy_pct * 100).toFixed(1)}% of expenditure ({forecast.reserve_policy_basis} fund balance).</p>
      </div>
      <div className="panel compare-controls">
        <label>Baseline{' '}
          <select data-testid="baseline-select" value={baseline} onChange={(e) => setBaseline(e.target.value)}>
            {names.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        <label>Years{' '}
          <select data-testid="years-select" value={years ?? ''} onChange={(e) => setYears(e.target.value === '' ? undefined : Number(e.target.value))}>
            <option value="">Project ({horizon})</option>
            {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        <label>Scenario in the charts{' '}
          <select data-testid="focus-select" value={shown} onChange={(e) => setFocus(e.target.value)}>
            {names.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
      </div>
      <CompareTable comparison={comparison} />
      <PlanAreas areas={areas} />
      <NetworkMeasures forecast={forecast} />
      <p data-testid="staffing-link">Staff in every scenario, year by year — FTE by role, positions added and cut: <a href="#staffing/scenarios">Staffing across scenarios</a>.</p>
      <div className="compare-charts">
        <BalanceChart scenarios={forecast.scenarios} baseline={comparison.reference} policyPct={forecast.reserve_policy_pct} />
        <RevenueExpenditureChart scenario={focused} />
        <ObjectChart scenario={focused} />
        <RoleChart scenario={focused} />
      </div>
      <PlanTimeline forecast={forecast} />
      <Signposts reading={forecast.signposts} />
      <RiskPanel scenarios={names} baseline={comparison.reference} years={years} forecast={forecast} />
    </section>
  );
}
