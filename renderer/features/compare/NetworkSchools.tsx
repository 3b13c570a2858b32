import { useState } from 'react';
import type { ForecastReport } from '../../../models/forecast/forecast';
import { NO_DENOMINATOR } from '../../../models/network/measures';
import { useApp } from '../../store';
import { dollars } from '../../format';
import { TableScroll } from '../../ui/TableScroll';

/**
 * School by school, in one scenario: each school's net after the management fee (and the network
 * office's, funded by the fees), its days cash on hand and DSCR against NACSA's standard — as
 * `forecast --json` reports them (network.schools[], network.office; docs/network.md).
 */
export function NetworkSchools({ forecast }: { forecast: ForecastReport }) {
  const names = forecast.scenarios.map((s) => s.name);
  const [picked, setPicked] = useState(names[0]!);
  const sites = useApp((s) => s.project?.sites);
  const scenario = forecast.scenarios.find((s) => s.name === picked) ?? forecast.scenarios[0]!;
  const years = scenario.years.filter((y) => y.network?.schools && y.network.office);
  if (years.length === 0) return null;
  const ids = [...years[0]!.network!.schools!.map((x) => x.site_id), years[0]!.network!.office!.site_id];
  const label = (id: string) => sites?.find((s) => s.site_id === id)?.name ?? id;
  const slot = (y: (typeof years)[number], i: number) => (i < ids.length - 1 ? y.network!.schools![i]! : y.network!.office!);
  const num = (v: number, digits: number) => (Math.abs(v) >= NO_DENOMINATOR ? 'n/a' : v.toFixed(digits));
  return (
    <div className="network-schools">
      <h3>School by school{' '}
        <label className="small">in{' '}
          <select data-testid="network-schools-scenario" value={scenario.name} onChange={(e) => setPicked(e.target.value)}>
            {names.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
      </h3>
      <p className="small muted">Each school's net after the network fee, and the network office's budget funded by the fees; days cash and DSCR on each one's own books (a ✗ marks a miss of NACSA's standard).</p>
      <TableScroll label="School by school">
        <table className="table table-compact" data-testid="network-schools-table" data-scenario={scenario.name}>
          <caption className="sr-only">Each school's and the network office's net, days cash on hand and DSCR per year, {scenario.name}</caption>
          <thead><tr><th scope="col">Site</th><th scope="col">Figure</th>{years.map((y) => <th key={y.year} scope="col" className="num">{y.year}</th>)}</tr></thead>
          <tbody>
            {ids.flatMap((id, i) => ([
              ['net', 'Net after fee'], ['days_cash_on_hand', 'Days cash'], ['dscr', 'DSCR'],
            ] as const).map(([k, text], j) => (
              <tr key={`${id}-${k}`} data-site={id} data-figure={k}>
                {j === 0 ? <th scope="rowgroup" rowSpan={3}>{label(id)}</th> : null}
                <th scope="row">{text}</th>
                {years.map((y) => {
                  const x = slot(y, i);
                  if (k === 'net') return <td key={y.year} className="num" data-testid="school-figure" data-value={x.net_cents}>{dollars(x.net_cents)}</td>;
                  const m = x.measures[k];
                  return <td key={y.year} className="num" data-testid="school-figure" data-value={m.value} data-meets={String(m.meets)}>{num(m.value, k === 'dscr' ? 2 : 0)}{!m.meets && <><span aria-hidden="true"> ✗</span><span className="sr-only"> does not meet</span></>}</td>;
                })}
              </tr>
            )))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
