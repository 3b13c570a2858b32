import { TableScroll } from '../../ui/TableScroll';
import type { AllocationResult } from '../../../models/allocate/allocate';
import { count, money } from '../../format';
import { CostBalanceChart } from '../../charts/CostBalanceChart';

const ratio = (x: number | null) => (x === null ? '—' : x.toFixed(2));

/** Per site: pupils, the allocation and its parts, per pupil and per weighted pupil, the cost-balance ratio. */
export function AllocationSites({ result }: { result: AllocationResult }) {
  const low = 0.9;
  const high = 1.1;
  const sites = result.sites;
  return (
    <div className="panel">
      <h2>By site</h2>
      <CostBalanceChart sites={sites.filter((s) => s.cost_balance_ratio !== null).map((s) => ({ label: s.site_id, name: s.name, ratio: s.cost_balance_ratio! }))} low={low} high={high} />
      <TableScroll label="Allocation by site">
        <table className="table table-compact" data-testid="allocate-site-table">
          <caption className="sr-only">Allocation by site</caption>
          <thead>
            <tr>
              <th>Site</th><th className="num">Pupils</th><th className="num">Formula</th><th className="num">Needs</th>
              <th className="num">Allocation</th><th className="num">Per pupil</th><th className="num">Per weighted pupil</th><th className="num">Cost-balance</th>
            </tr>
          </thead>
          <tbody>
            {sites.map((s) => {
              const off = s.cost_balance_ratio !== null && (s.cost_balance_ratio < low || s.cost_balance_ratio > high);
              return (
                <tr key={s.site_id} data-site={s.site_id}>
                  <td><span className="code">{s.site_id}</span>{s.name}</td>
                  <td className="num">{count(s.enrollment)}</td>
                  <td className="num">{money(s.formula_cents)}</td>
                  <td className="num">{money(s.needs_cents)}</td>
                  <td className="num" data-testid="site-allocation">{money(s.allocation_cents)}</td>
                  <td className="num">{s.per_pupil_cents === null ? '—' : money(Math.round(s.per_pupil_cents))}</td>
                  <td className="num">{s.per_weighted_pupil_cents === null ? '—' : money(Math.round(s.per_weighted_pupil_cents))}</td>
                  <td className={`num${off ? ' text-warn' : ''}`} title={off ? `Outside ${low}–${high}` : undefined}>{ratio(s.cost_balance_ratio)}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th>Total</th><th className="num">{count(sites.reduce((a, s) => a + s.enrollment, 0))}</th>
              <th className="num">{money(sites.reduce((a, s) => a + s.formula_cents, 0))}</th>
              <th className="num">{money(sites.reduce((a, s) => a + s.needs_cents, 0))}</th>
              <th className="num" data-testid="sites-total">{money(sites.reduce((a, s) => a + s.allocation_cents, 0))}</th>
              <th /><th /><th />
            </tr>
          </tfoot>
        </table>
      </TableScroll>
    </div>
  );
}
