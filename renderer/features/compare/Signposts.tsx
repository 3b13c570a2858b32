import type { SignpostReading } from '../../../models/forecast/signposts';
import { TableScroll } from '../../ui/TableScroll';

const value = (x: number) => (Math.abs(x) < 1 ? `${(x * 100).toFixed(1)}%` : x.toLocaleString('en-US', { maximumFractionDigits: 0 }));

/** What the district watches, which scenario each signpost points to, and which scenario is unfolding. */
export function Signposts({ reading }: { reading: SignpostReading }) {
  if (reading.signposts.length === 0) return null;
  return (
    <div className="panel" data-testid="signposts">
      <h2>Signposts <span className="muted">{reading.unfolding ? <>pointing to <strong data-testid="unfolding">{reading.unfolding}</strong></> : 'no signpost met yet'}</span></h2>
      <TableScroll label="Signposts">
        <table className="table table-compact">
          <caption className="sr-only">Signposts: threshold, observed value and the scenario each points to</caption>
          <thead><tr><th scope="col">Signpost</th><th scope="col">Points to</th><th scope="col" className="num">When</th><th scope="col" className="num">Observed</th><th scope="col">Met</th></tr></thead>
          <tbody>
            {reading.signposts.map((s) => (
              <tr key={s.signpost}>
                <th scope="row">{s.signpost}</th>
                <td>{s.scenario}</td>
                <td className="num">{s.direction} {value(s.threshold)}</td>
                <td className="num">{s.observed === null ? 'not yet known' : value(s.observed)}</td>
                <td>{s.met === null ? '—' : s.met ? <span className="tag tag-warn">met</span> : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
