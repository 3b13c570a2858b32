import { TableScroll } from '../../ui/TableScroll';
import type { PositionLine } from '../../engine/ops/staffing';
import { count, fte, money } from '../../format';
import { roleName } from './rule-text';

/** A site's positions: vacancies marked, each position's loaded cost split over the funds that pay it. */
export function PositionsList({ positions, site }: { positions: PositionLine[]; site: string }) {
  const vacant = positions.filter((p) => p.status === 'vacant');
  const split = positions.filter((p) => p.funding.length > 1);
  return (
    <div className="panel" data-testid="positions-panel">
      <h2>Positions at {site} <span className="muted">{count(positions.length)} positions, {fte(positions.reduce((a, p) => a + p.fte, 0))} FTE; {count(vacant.length)} vacant; {count(split.length)} split-funded</span></h2>
        <TableScroll label={`Positions at ${site}`} className="table-tall">
          <table className="table table-compact" data-testid="positions-table">
            <caption className="sr-only">Positions at site {site}</caption>
            <thead><tr><th>Position</th><th>Role</th><th className="num">FTE</th><th>Status</th><th className="num">Loaded cost</th><th>Paid from</th></tr></thead>
            <tbody>
              {positions.map((p) => (
                <tr key={p.position_id} data-position={p.position_id}>
                  <td className="code">{p.position_id}</td>
                  <td>{roleName(p.role)}</td>
                  <td className="num">{fte(p.fte)}</td>
                  <td>{p.status === 'vacant' ? <span className="tag tag-warn">vacant</span> : 'filled'}</td>
                  <td className="num">{p.cost_cents === null ? <span className="muted">no salary</span> : money(p.cost_cents)}</td>
                  <td className="nowrap">{p.funding.map((f) => <div key={f.fund_code}>{f.fund_code}{p.funding.length > 1 ? ` ${Math.round(f.share * 100)}%` : ''} {money(f.cents)}</div>)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
    </div>
  );
}
