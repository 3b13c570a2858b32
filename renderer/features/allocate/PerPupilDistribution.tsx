import { TableScroll } from '../../ui/TableScroll';
import type { AllocationResult } from '../../../models/allocate/allocate';
import { count, money } from '../../format';
import { PerPupilChart } from '../../charts/PerPupilChart';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * What the Gini says, drawn: each school's dollars per pupil, sorted, and the Lorenz curve's points
 * (the poorest-funded share of pupils against their share of the dollars) — the schools the equity
 * measures count (pupils, not the central office).
 */
export function PerPupilDistribution({ result }: { result: AllocationResult }) {
  const schools = result.sites
    .filter((s) => s.enrollment > 0 && s.level !== 'Central')
    .map((s) => ({ label: s.site_id, name: s.name, perPupil: s.allocation_cents / 100 / s.enrollment, pupils: s.enrollment, cents: s.allocation_cents }))
    .sort((a, b) => a.perPupil - b.perPupil || (a.label < b.label ? -1 : 1));
  const pupils = schools.reduce((a, s) => a + s.pupils, 0);
  const dollars = schools.reduce((a, s) => a + s.cents, 0);
  const mean = pupils > 0 ? dollars / 100 / pupils : 0;
  let cumP = 0;
  let cumD = 0;
  const rows = schools.map((s) => {
    cumP += s.pupils;
    cumD += s.cents;
    return { ...s, cumPupils: pupils > 0 ? cumP / pupils : 0, cumDollars: dollars > 0 ? cumD / dollars : 0 };
  });
  const tableId = 'per-pupil-table';
  const tableName = 'Dollars per pupil, lowest to highest';
  return (
    <div className="panel" data-testid="per-pupil-panel">
      <h2>Who gets what per pupil <span className="muted">Gini {result.equity.gini.toFixed(3)}</span></h2>
      <p className="small muted">Flat bars mean every school gets about the same per pupil; a steep climb means some get much more. In the table, a fair split gives each share of pupils the same share of dollars (the Lorenz curve on the diagonal).</p>
      <PerPupilChart schools={schools} mean={mean} gini={result.equity.gini} tableId={tableId} tableName={tableName} />
      <TableScroll label="Dollars per pupil">
        <table className="table table-compact" id={tableId} data-testid="per-pupil-table">
          <caption className="sr-only">{tableName}</caption>
          <thead><tr><th>School</th><th className="num">Pupils</th><th className="num">Per pupil</th><th className="num">Pupils so far</th><th className="num">Dollars so far</th></tr></thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.label} data-site={s.label}>
                <td><span className="code">{s.label}</span>{s.name}</td>
                <td className="num">{count(s.pupils)}</td>
                <td className="num" data-testid="per-pupil">{money(Math.round(s.perPupil * 100))}</td>
                <td className="num">{pct(s.cumPupils)}</td>
                <td className="num">{pct(s.cumDollars)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
