import { useEffect, useId } from 'react';
import type { BreakEven, TornadoBar } from '../../../models/forecast/sensitivity';
import { appStore, useApp } from '../../store';
import { TornadoChart } from '../../charts/TornadoChart';
import { compactDollars, dollars } from '../../format';
import { TableScroll } from '../../ui/TableScroll';
import { pct } from '../../ui/forecast/figures';

const label = (s: string) => s.replace(/_/g, ' ');

/** "The reserve stays at policy until state aid per pupil growth falls below 6.36%." */
export function breakEvenSentence(b: BreakEven, bar: TornadoBar | undefined): string {
  if (b.value === null) return `${label(b.driver)}: ${b.reason ?? 'no break-even value'}.`;
  const helps = bar ? bar.ending_balance_at_high_cents >= bar.ending_balance_at_low_cents : true;
  return helps
    ? `The lowest reserve stays at policy while ${label(b.driver)} is above ${pct(b.value)} (base ${pct(b.base)}).`
    : `The lowest reserve stays at policy while ${label(b.driver)} is below ${pct(b.value)} (base ${pct(b.base)}).`;
}

/**
 * The tornado (each uncertain driver at its low and its high) and each one's break-even value, as
 * `steward sensitivity`: in a worker of its own (store sensitivity-slice), with progress and Cancel.
 */
export function Sensitivity({ scenario, years }: { scenario: string; years?: number }) {
  const id = useId();
  const version = useApp((s) => s.version);
  const stored = useApp((s) => s.sensitivity);
  const start = () => appStore.getState().startSensitivity({ scenario, ...(years !== undefined ? { years } : {}) });
  // Started for each scenario, years and version shown; a run left behind keeps going and is kept (the store checks it is the same).
  useEffect(() => { appStore.getState().startSensitivity({ scenario, ...(years !== undefined ? { years } : {}) }); }, [scenario, years, version]);
  const run = stored && stored.version === version && stored.scenario === scenario && stored.years === years ? stored : null;
  if (!run || run.status === 'running') {
    const p = run?.progress;
    return (
      <div className="mc-progress" data-testid="sensitivity-progress">
        <label>Moving each driver of {scenario} to its low and its high, then finding its break-even value…{' '}
          <progress max={p?.total ?? 1} value={p?.done ?? 0} />
        </label>{' '}
        {p && <span className="muted">{p.done} of {p.total} steps</span>}{' '}
        <button className="button" type="button" onClick={() => appStore.getState().cancelSensitivity()} data-testid="sensitivity-cancel">Cancel</button>
      </div>
    );
  }
  if (run.status === 'cancelled') {
    return <p className="muted" role="status" data-testid="sensitivity-cancelled">The tornado was cancelled. <button className="button" type="button" onClick={start}>Run it again</button></p>;
  }
  if (run.status === 'failed' || !run.result) return <div className="banner banner-error" role="alert">{run.error}</div>;
  const { tornado, break_even } = run.result;
  const name = `Tornado: ending balance by driver, ${scenario}`;
  const top = tornado.bars[0];
  return (
    <div className="sensitivity" data-testid="sensitivity" data-scenario={scenario}>
      <h3>Which drivers matter <span className="muted">ending balance {dollars(tornado.base_ending_balance_cents)} at base; lowest reserve {pct(tornado.base_min_reserve)}</span></h3>
      <TornadoChart bars={tornado.bars} base={tornado.base_ending_balance_cents} name={name} tableId={id} tableName={name}
        summary={top ? `${tornado.bars.length} drivers; ${label(top.driver)} moves the last year's ending balance most, by ${compactDollars(top.swing_cents)} between its low and its high.` : 'No uncertain drivers.'} />
      <TableScroll label={name}>
        <table className="table table-compact" id={id} data-testid="tornado-table">
          <caption className="sr-only">{name}, with each driver's break-even value</caption>
          <thead><tr><th scope="col">Driver</th><th scope="col" className="num">Low</th><th scope="col" className="num">High</th><th scope="col" className="num">Balance at low</th><th scope="col" className="num">Balance at high</th><th scope="col" className="num">Swing</th><th scope="col" className="num">Break-even</th></tr></thead>
          <tbody>
            {tornado.bars.map((b) => {
              const be = break_even.find((x) => x.driver === b.driver);
              return (
                <tr key={b.driver} data-driver={b.driver}>
                  <th scope="row">{label(b.driver)}</th>
                  <td className="num">{b.low}</td><td className="num">{b.high}</td>
                  <td className="num" data-testid="tornado-low">{dollars(b.ending_balance_at_low_cents)}</td>
                  <td className="num" data-testid="tornado-high">{dollars(b.ending_balance_at_high_cents)}</td>
                  <td className="num" data-testid="tornado-swing">{dollars(b.swing_cents)}</td>
                  <td className="num" data-testid="break-even">{be?.value === null || be?.value === undefined ? 'none' : be.value.toFixed(4)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <ul className="plain-list small" data-testid="break-even-sentences">
        {break_even.filter((b) => b.value !== null).map((b) => <li key={b.driver}>{breakEvenSentence(b, tornado.bars.find((x) => x.driver === b.driver))}</li>)}
      </ul>
    </div>
  );
}
