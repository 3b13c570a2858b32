import { useId, useState } from 'react';
import type { ForecastReport } from '../../../models/forecast/forecast';
import { appStore, useApp, useAppShallow } from '../../store';
import { FanChart } from '../../charts/FanChart';
import { compactDollars, dollars } from '../../format';
import { TableScroll } from '../../ui/TableScroll';
import { pct } from '../../ui/forecast/figures';
import { Sensitivity } from './Sensitivity';

/**
 * How sure we are: Monte Carlo over the uncertain drivers (as `forecast --trials N --seed S`), run in
 * workers with progress and Cancel — the fan of ending balances, the policy line and the chance of
 * breaching it each year — then the tornado and break-even values of the same scenario.
 */
export function RiskPanel({ scenarios, baseline, years, forecast }: { scenarios: string[]; baseline: string; years?: number; forecast: ForecastReport }) {
  const projectSeed = useApp((s) => s.project?.settings.seed ?? 1);
  const [scenario, setScenario] = useState(baseline);
  const [trials, setTrials] = useState(1000);
  const [seed, setSeed] = useState<number | undefined>(undefined);
  const shownSeed = seed ?? projectSeed;
  const which = scenarios.includes(scenario) ? scenario : baseline;
  const valid = Number.isInteger(trials) && trials >= 1 && trials <= 100_000 && Number.isInteger(shownSeed);
  return (
    <section className="panel risk" aria-labelledby="risk-title" data-testid="risk-panel">
      <h2 id="risk-title">Risk <span className="muted">how likely the reserve is to be breached, and which drivers matter</span></h2>
      <form className="risk-controls" onSubmit={(e) => { e.preventDefault(); if (valid) appStore.getState().startMonteCarlo({ scenario: which, trials, seed: shownSeed, ...(years !== undefined ? { years } : {}) }); }}>
        <label>Scenario{' '}
          <select data-testid="risk-scenario" value={which} onChange={(e) => setScenario(e.target.value)}>
            {scenarios.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        <label>Trials{' '}
          <input data-testid="mc-trials" type="number" min={1} max={100000} step={1} value={Number.isNaN(trials) ? '' : trials} onChange={(e) => setTrials(e.target.valueAsNumber)} />
        </label>
        <label>Seed{' '}
          <input data-testid="mc-seed" type="number" step={1} value={shownSeed} onChange={(e) => setSeed(e.target.valueAsNumber)} />
        </label>
        <button className="button button-primary" type="submit" disabled={!valid} data-testid="mc-run">Run Monte Carlo</button>
      </form>
      <MonteCarloResult scenario={which} years={years} forecast={forecast} />
      <Sensitivity scenario={which} years={years} />
    </section>
  );
}

function MonteCarloResult({ scenario, years, forecast }: { scenario: string; years?: number; forecast: ForecastReport }) {
  const id = useId();
  const { mc, version } = useAppShallow((s) => ({ mc: s.monteCarlo, version: s.version }));
  if (!mc) return <p className="muted">Run Monte Carlo to see the range of ending balances and the chance of breaching the reserve policy.</p>;
  if (mc.status === 'running') {
    return (
      <div className="mc-progress" data-testid="mc-progress">
        <label>Running {mc.trials.toLocaleString('en-US')} trials of {mc.scenario}, seed {mc.seed}…{' '}
          <progress max={mc.trials} value={mc.done} />
        </label>{' '}
        <span className="muted">{mc.done.toLocaleString('en-US')} done</span>{' '}
        <button className="button" type="button" onClick={() => appStore.getState().cancelMonteCarlo()} data-testid="mc-cancel">Cancel</button>
      </div>
    );
  }
  if (mc.status === 'cancelled') return <p className="muted" role="status" data-testid="mc-cancelled">The Monte Carlo run was cancelled.</p>;
  if (mc.status === 'failed' || !mc.result) return <div className="banner banner-error" role="alert">{mc.error}</div>;
  if (mc.version !== version || mc.scenario !== scenario || mc.years !== years) return <p className="muted" data-testid="mc-stale">The last run was of {mc.version !== version ? 'an earlier version of the project' : `${mc.scenario}${mc.years !== years ? ` over ${mc.years ?? 'the project\'s'} years` : ''}`}: run it again for this one.</p>;
  const r = mc.result;
  const plain = forecast.scenarios.find((s) => s.name === mc.scenario);
  const policy = r.bands.map((b) => { const y = plain?.years.find((x) => x.year === b.year); return y ? Math.round(y.expenditure_cents * forecast.reserve_policy_pct) : null; });
  const name = `Monte Carlo ending balance, ${mc.scenario}`;
  const worst = r.breach_probability.reduce((a, b) => (b.p > a.p ? b : a), r.breach_probability[0]!);
  return (
    <div data-testid="mc-result" data-trials={r.trials} data-seed={r.seed}>
      <p className="small">{r.trials.toLocaleString('en-US')} trials of {mc.scenario}, seed <span data-testid="mc-shown-seed">{r.seed}</span> — {r.successful_trials.toLocaleString('en-US')} succeeded{mc.ms !== undefined ? `, in ${(mc.ms / 1000).toFixed(1)} s` : ''}.</p>
      <FanChart bands={r.bands} policy={policy} name={name} tableId={id} tableName={name}
        summary={`Median ending balance in ${r.bands.at(-1)?.year}: ${compactDollars(r.bands.at(-1)?.p50 ?? 0)}, 90% of trials between ${compactDollars(r.bands.at(-1)?.p5 ?? 0)} and ${compactDollars(r.bands.at(-1)?.p95 ?? 0)}; the chance of breaching the reserve policy is highest in ${worst.year} at ${pct(worst.p)}.`} />
      <TableScroll label={name}>
        <table className="table table-compact" id={id} data-testid="mc-table">
          <caption className="sr-only">{name}: percentiles and the chance of breaching the reserve policy</caption>
          <thead><tr><th scope="col">Year</th>{['P5', 'P25', 'P50', 'P75', 'P95'].map((h) => <th key={h} scope="col" className="num">{h}</th>)}<th scope="col" className="num">P(breach)</th></tr></thead>
          <tbody>
            {r.bands.map((b, i) => (
              <tr key={b.year} data-year={b.year}>
                <th scope="row">{b.year}</th>
                {[b.p5, b.p25, b.p50, b.p75, b.p95].map((v, j) => <td key={j} className="num" data-testid="mc-band">{dollars(v)}</td>)}
                <td className="num" data-testid="mc-breach">{pct(r.breach_probability[i]!.p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {r.backup_probability.length > 0 && (
        <ul className="plain-list small">
          {r.backup_probability.map((b) => <li key={b.plan}>Chance {b.plan} is running: {b.by_year.filter((y) => y.p > 0).map((y) => `${y.year} ${pct(y.p)}`).join(', ')}</li>)}
        </ul>
      )}
    </div>
  );
}
