import type { ForecastReport } from '../../../models/forecast/forecast';
import { NO_DENOMINATOR, type MeasureName, type MeasureReading } from '../../../models/network/measures';
import { useAppShallow } from '../../store';
import { TableScroll } from '../../ui/TableScroll';
import { pct } from '../../ui/forecast/figures';
import { NetworkSchools } from './NetworkSchools';
import './network-measures.css';

/**
 * A charter network's board view (docs/network.md): days cash on hand and the debt service coverage
 * ratio per scenario and year against NACSA's standard and each lender covenant, as `steward
 * forecast --all --json` reports them (measures.<key>); and, once the Risk panel has run Monte
 * Carlo, the chance each year of missing them beside the chance of breaching the reserve policy;
 * then each school's and the network office's own figures (NetworkSchools).
 * Renders nothing for a district.
 */
const SHOWN: readonly { key: MeasureName; label: string; text: (v: number) => string }[] = [
  { key: 'days_cash_on_hand', label: 'Days cash on hand', text: (v) => v.toFixed(0) },
  { key: 'dscr', label: 'Debt service coverage', text: (v) => v.toFixed(2) },
];

const valueText = (m: (typeof SHOWN)[number], v: number) => (Math.abs(v) >= NO_DENOMINATOR ? 'n/a' : m.text(v));

function standard(m: (typeof SHOWN)[number], r: MeasureReading | undefined): string {
  const parts = [`NACSA ≥ ${m.text(r?.threshold ?? 0)}`];
  for (const c of r?.covenants ?? []) parts.push(`${c.lender} ≥ ${m.text(c.threshold)}`);
  return parts.join('; ');
}

export function NetworkMeasures({ forecast }: { forecast: ForecastReport }) {
  const first = forecast.scenarios[0]?.years[0]?.measures;
  if (!first) return null;
  const years = forecast.scenarios[0]!.years.map((y) => y.year);
  return (
    <section className="panel network-measures" aria-labelledby="network-measures-title" data-testid="network-measures">
      <h2 id="network-measures-title">Authorizer and lender measures <span className="muted">meets / does not meet, per scenario and year</span></h2>
      <p className="small muted">
        {SHOWN.map((m) => `${m.label}: ${standard(m, first[m.key])}`).join('. ')}. The National Association of Charter School Authorizers' framework; lender covenants from the Covenants sheet.
      </p>
      <TableScroll label="Authorizer and lender measures">
        <table className="table table-compact" data-testid="network-measures-table">
          <caption className="sr-only">Days cash on hand and debt service coverage per scenario and year, each against NACSA's standard and the lender's covenant</caption>
          <thead><tr><th scope="col">Scenario</th><th scope="col">Measure</th>{years.map((y) => <th key={y} scope="col" className="num">{y}</th>)}</tr></thead>
          <tbody>
            {forecast.scenarios.flatMap((s) => SHOWN.map((m, i) => (
              <tr key={`${s.name}-${m.key}`} data-scenario={s.name} data-measure={m.key}>
                {i === 0 ? <th scope="rowgroup" rowSpan={SHOWN.length}>{s.name}</th> : null}
                <th scope="row">{m.label}</th>
                {s.years.map((y) => <MeasureCell key={y.year} scenario={s.name} year={y.year} m={m} r={y.measures?.[m.key]} />)}
              </tr>
            )))}
          </tbody>
        </table>
      </TableScroll>
      <BreachChances />
      <NetworkSchools forecast={forecast} />
    </section>
  );
}

function MeasureCell({ scenario, year, m, r }: { scenario: string; year: number; m: (typeof SHOWN)[number]; r: MeasureReading | undefined }) {
  if (!r) return <td className="num">—</td>;
  const broken = r.covenants?.filter((c) => !c.meets) ?? [];
  return (
    <td className="num" data-testid="network-measure" data-scenario={scenario} data-year={year} data-measure={m.key} data-value={r.value} data-meets={String(r.meets)} data-covenants-met={String(broken.length === 0)}>
      <span data-testid="network-measure-value">{valueText(m, r.value)}</span>{' '}
      <span className={`tag ${r.meets ? 'tag-ok' : 'tag-error'}`} data-testid="network-measure-meets">{r.meets ? 'meets' : 'does not meet'}</span>
      {broken.length > 0 && <><span className="tag tag-warn covenant-broken" title={broken.map((c) => `${c.lender} covenant ${m.text(c.threshold)}`).join('; ')}>covenant broken</span></>}
    </td>
  );
}

/** The Risk panel's last Monte Carlo run of this version, if the project is a network's: the chances beside the reserve's. */
function BreachChances() {
  const { mc, version } = useAppShallow((s) => ({ mc: s.monteCarlo, version: s.version }));
  const r = mc?.status === 'done' && mc.version === version ? mc.result : undefined;
  const b = r?.measure_breach_probability;
  if (!r || !b) return <p className="small muted" data-testid="network-breach-hint">Run Monte Carlo under Risk below to see the chance each year that DSCR falls below 1.1 or days cash below 60, beside the chance of breaching the reserve policy.</p>;
  const rows: [string, string, { year: number; p: number }[]][] = [
    ['reserve', 'Reserve below policy', r.breach_probability],
    ['dscr', 'DSCR below 1.1', b.dscr],
    ['days_cash_on_hand', 'Days cash below 60', b.days_cash_on_hand],
    ...(r.covenant_breach_probability ? [['covenant', 'Any lender covenant broken', r.covenant_breach_probability] as [string, string, { year: number; p: number }[]]] : []),
  ];
  const name = `Chance of a breach, ${mc!.scenario} (${r.trials.toLocaleString('en-US')} trials, seed ${r.seed})`;
  return (
    <TableScroll label={name}>
      <table className="table table-compact" data-testid="network-breach-table" data-scenario={mc!.scenario} data-trials={r.trials} data-seed={r.seed}>
        <caption>{name}</caption>
        <thead><tr><th scope="col">Breach</th>{r.breach_probability.map((y) => <th key={y.year} scope="col" className="num">{y.year}</th>)}</tr></thead>
        <tbody>
          {rows.map(([key, label, by]) => (
            <tr key={key} data-breach={key}>
              <th scope="row">{label}</th>
              {by.map((y) => <td key={y.year} className="num" data-testid="network-breach">{pct(y.p)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
