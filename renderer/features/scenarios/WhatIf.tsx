import { useEffect, useMemo, useRef, useState } from 'react';
import type { ForecastReport } from '../../../models/forecast/forecast';
import type { Project } from '../../../models/project/project';
import { appStore, useApp, useRun } from '../../store';
import { dollars } from '../../format';
import { Loading } from '../../ui/Loading';
import { BalanceChart, ObjectChart, RevenueExpenditureChart, RoleChart } from '../../ui/forecast/ForecastCharts';
import { pct } from '../../ui/forecast/figures';
import { BASE, cellOf, createEdit, nameProblem } from './scenario-drivers';

/** The key drivers a superintendent moves, with the range each slider covers. */
export const SLIDERS = [
  { driver: 'enrollment_growth', label: 'Enrollment growth', min: -0.06, max: 0.04 },
  { driver: 'state_aid_per_pupil_growth', label: 'State aid per pupil growth', min: -0.06, max: 0.08 },
  { driver: 'cola', label: 'Cost-of-living raise (COLA)', min: 0, max: 0.08 },
  { driver: 'health_inflation', label: 'Health insurance inflation', min: 0, max: 0.16 },
  { driver: 'pension_rate', label: 'Pension contribution rate', min: 0.1, max: 0.3 },
  { driver: 'local_revenue_growth', label: 'Local revenue growth', min: -0.15, max: 0.08 },
] as const;
const STEP = 0.0025;
const NONE: Record<string, number> = {};

/**
 * What-if sliders on the key drivers: each move forecasts the scenario again with the moved values
 * held every projected year (the engine's whatIf, as a scenario row with a blank year) and redraws
 * every chart. Moves are coalesced: while one forecast runs, only the latest position waits.
 * A move is an undoable step on the app's history (store moveWhatIf; a drag is one step); "Save as
 * scenario" keeps the moves as a new scenario based on this one (an undoable edit).
 */
export function WhatIf({ project, scenario, onSaved }: { project: Project; scenario: string; onSaved: (name: string) => void }) {
  const ok = useApp((s) => s.checked?.version === s.version && s.checked.ok);
  const checking = useApp((s) => s.checked?.version !== s.version);
  const whatIf = useApp((s) => s.whatIf);
  const moved = useMemo(() => (whatIf?.scenario === scenario ? whatIf.moved : NONE), [whatIf, scenario]);
  const setMoved = (next: Record<string, number>, label: string, driver?: string) => appStore.getState().moveWhatIf(Object.keys(next).length > 0 ? { scenario, moved: next } : null, label, driver);
  const [sent, setSent] = useState<Record<string, number>>({});
  const first = project.settings.base_year + 1;
  const start = (d: string) => cellOf(project, scenario, d, first).value ?? 0;
  const plain = useRun('forecast', { scenarios: [scenario] });
  const moves = Object.keys(sent).length > 0;
  const run = useRun('forecast', moves ? { scenarios: [scenario], whatIf: sent } : { scenarios: [scenario] });
  const last = useRef<ForecastReport | null>(null);
  if (run?.status === 'done' && run.result) last.current = run.result;
  const busy = run?.status === 'running';
  useEffect(() => {
    if (!busy && JSON.stringify(sent) !== JSON.stringify(moved)) setSent(moved);
  }, [busy, moved, sent]);
  useEffect(() => { setSent({}); last.current = null; }, [scenario]);
  const touched = Object.keys(moved).length > 0;
  return (
    <div className="panel what-if" data-testid="what-if">
      <h2>What if <span className="muted">move a driver: {scenario} is forecast again with it held every year</span></h2>
      <div className="sliders">
        {SLIDERS.map((s) => {
          const v = moved[s.driver] ?? start(s.driver);
          return (
            <label key={s.driver} className={`slider${moved[s.driver] !== undefined ? ' slider-moved' : ''}`}>
              <span className="slider-label">{s.label} <strong data-testid="slider-value">{pct(v)}</strong></span>
              <input type="range" min={s.min} max={s.max} step={STEP} value={v} data-testid={`slider-${s.driver}`} aria-valuetext={pct(v)}
                onChange={(e) => { const value = Math.round(e.target.valueAsNumber * 1e6) / 1e6; setMoved({ ...moved, [s.driver]: value }, `move ${s.label.toLowerCase()} to ${pct(value)}`, s.driver); }} />
            </label>
          );
        })}
      </div>
      <div className="panel-actions">
        <button type="button" className="button" disabled={!touched} onClick={() => setMoved({}, 'reset the what-if sliders')} data-testid="what-if-reset">Reset</button>
        <SaveAs project={project} scenario={scenario} moved={moved} onSaved={onSaved} />
      </div>
      {checking ? <Loading text="Checking the project…" />
        : !ok ? <p className="banner banner-error" role="alert">No forecast is computed while the project has errors — fix them here or on the <a href="#data">Data</a> screen.</p>
        : <WhatIfCharts scenario={scenario} plain={plain?.status === 'done' ? plain.result ?? null : null} shown={last.current} error={run?.status === 'failed' ? run.error : plain?.status === 'failed' ? plain.error : undefined} touched={moves} />}
    </div>
  );
}

function WhatIfCharts({ scenario, plain, shown, error, touched }: { scenario: string; plain: ForecastReport | null; shown: ForecastReport | null; error?: string; touched: boolean }) {
  if (error) return <div className="banner banner-error" role="alert">{error}</div>;
  if (!plain || !shown) return <Loading text={`Forecasting ${scenario}…`} />;
  const base = plain.scenarios[0]!;
  const what = shown.scenarios[0]!;
  if (what.error) return <div className="banner banner-error" role="alert">{what.error}</div>;
  const lastYear = what.years.at(-1)!;
  const lowest = Math.min(...what.years.slice(1).map((y) => y.reserve_pct));
  const series = touched ? [base, { ...what, name: `${scenario} with these values` }] : [base];
  return (
    <div className="what-if-figures">
      <p className="what-if-summary" role="status">
        {touched ? 'With these values' : scenario}: ending balance in {lastYear.year} <strong data-testid="whatif-ending">{dollars(lastYear.ending_balance_cents)}</strong>
        {touched && <> ({dollars(lastYear.ending_balance_cents - base.years.at(-1)!.ending_balance_cents)} against {scenario})</>}; lowest reserve <strong data-testid="whatif-reserve">{pct(lowest)}</strong> (policy {pct(plain.reserve_policy_pct)}).
      </p>
      <div className="compare-charts">
        <BalanceChart scenarios={series} baseline={scenario} policyPct={plain.reserve_policy_pct} testId="whatif-balance-chart" />
        <RevenueExpenditureChart scenario={what} />
        <ObjectChart scenario={what} />
        <RoleChart scenario={what} />
      </div>
    </div>
  );
}

function SaveAs({ project, scenario, moved, onSaved }: { project: Project; scenario: string; moved: Record<string, number>; onSaved: (name: string) => void }) {
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const problem = nameProblem(project, name);
  const empty = Object.keys(moved).length === 0;
  return (
    <form className="save-as" onSubmit={(e) => {
      e.preventDefault();
      if (problem || empty) return;
      const r = appStore.getState().edit(createEdit(project, name.trim(), scenario, moved), `save what-if as ${name.trim()}`);
      if (!r.ok) { setMessage(r.reason); return; }
      // The sliders go back with the save, in the same step: undoing it brings back both.
      appStore.setState({ whatIf: null });
      setName('');
      setMessage(null);
      onSaved(name.trim());
    }}>
      <label>Save as scenario <input data-testid="save-as-name" value={name} onChange={(e) => setName(e.target.value)} placeholder={scenario === BASE ? 'Name' : `${scenario}, adjusted`} /></label>
      <button type="submit" className="button" disabled={empty || problem !== null} data-testid="save-as">Save as scenario</button>
      {message && <span className="text-warn small" role="alert">{message}</span>}
    </form>
  );
}
