import { useState } from 'react';
import { fte } from '../../format';
import { useRun } from '../../store';
import { Loading } from '../../ui/Loading';
import { TableScroll } from '../../ui/TableScroll';
import { roleName } from './rule-text';

const signed = (n: number) => (n > 0 ? `+${fte(n)}` : fte(n));

/** Each scenario's staff year by year, from the forecast engine (as `steward forecast --all --staffing`): FTE by role, positions added and cut. */
export function ScenariosTab() {
  const run = useRun('staffing-scenarios', {});
  const [name, setName] = useState('');
  if (!run || run.status === 'running') return <Loading text="Forecasting every scenario…" />;
  if (run.status === 'failed' || !run.result) return <div className="banner banner-error" role="alert">{run.error}</div>;
  const scenarios = run.result.scenarios;
  const s = scenarios.find((x) => x.name === name) ?? scenarios[0];
  if (!s) return <p className="muted">The project has no scenarios.</p>;
  const roles = [...new Set(s.years.flatMap((y) => Object.keys(y.fte_by_role)))];
  return (
    <div className="staffing-stack">
      <div className="panel" data-testid="scenario-summary">
        <h2>Staff in every scenario <span className="muted">in the forecast’s last year, against the base year</span></h2>
        <TableScroll label="Staff in every scenario">
          <table className="table table-compact">
            <caption className="sr-only">Staff in every scenario</caption>
            <thead><tr><th>Scenario</th><th className="num">FTE {s.years.at(-1)?.year}</th><th className="num">Positions added</th><th className="num">Positions cut</th><th className="num">From staffing rules</th></tr></thead>
            <tbody>
              {scenarios.map((x) => (
                <tr key={x.name} data-scenario={x.name}>
                  <td>{x.name}{x.error && <span className="tag tag-error">{x.error}</span>}</td>
                  <td className="num">{fte(x.years.at(-1)?.fte ?? 0)}</td>
                  <td className="num">{fte(x.years.at(-1)?.positions_added_fte ?? 0)}</td>
                  <td className="num">{fte(x.years.at(-1)?.positions_cut_fte ?? 0)}</td>
                  <td className="num">{signed(x.years.at(-1)?.staffing_change_fte ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </div>
      <div className="panel" data-testid="scenario-years">
        <div className="panel-head">
          <h2>{s.name} by year <span className="muted">FTE by role; positions added and cut in effect each year</span></h2>
          <label>Scenario{' '}
            <select value={s.name} onChange={(e) => setName(e.target.value)} data-testid="scenario-select">
              {scenarios.map((x) => <option key={x.name} value={x.name}>{x.name}</option>)}
            </select>
          </label>
        </div>
        <TableScroll label={`${s.name}: staff by year`} className="table-tall">
            <table className="table table-compact">
              <caption className="sr-only">{s.name}: FTE by role and positions added and cut, by year</caption>
              <thead><tr><th>FTE</th>{s.years.map((y) => <th key={y.year} className="num">{y.year}</th>)}</tr></thead>
              <tbody>
                <tr><th scope="row">Total</th>{s.years.map((y) => <td key={y.year} className="num">{fte(y.fte)}</td>)}</tr>
                <tr><th scope="row">Positions added (in effect)</th>{s.years.map((y) => <td key={y.year} className="num">{fte(y.positions_added_fte)}</td>)}</tr>
                <tr><th scope="row">Positions cut (in effect)</th>{s.years.map((y) => <td key={y.year} className="num">{fte(y.positions_cut_fte)}</td>)}</tr>
                <tr><th scope="row">Staffing rules’ change</th>{s.years.map((y) => <td key={y.year} className="num">{signed(y.staffing_change_fte)}</td>)}</tr>
                {roles.map((r) => (
                  <tr key={r}><th scope="row">{roleName(r)}</th>{s.years.map((y) => <td key={y.year} className="num">{fte(y.fte_by_role[r] ?? 0)}</td>)}</tr>
                ))}
              </tbody>
            </table>
        </TableScroll>
      </div>
    </div>
  );
}
