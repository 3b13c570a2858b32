import { TableScroll } from '../../ui/TableScroll';
import type { OptimizeComparison } from '../../../models/allocate/optimize';
import type { AllocationResult } from '../../../models/allocate/allocate';
import { money } from '../../format';

const signed = (c: number) => (c > 0 ? `+${money(c)}` : money(c));

/** Priority order against the optimiser, site by site (`steward allocate --optimize` → comparison.sites). */
export function OptimiseCompare({ comparison, optimized }: { comparison: OptimizeComparison; optimized: AllocationResult }) {
  const names = new Map(optimized.sites.map((s) => [s.site_id, s.name]));
  return (
    <div className="panel" data-testid="optimise-compare">
      <h2>Priority order against the optimiser</h2>
      <TableScroll label="Priority order against the optimiser">
        <table className="table table-compact" data-testid="optimise-compare-table">
          <thead><tr><th>Site</th><th className="num">Priority order</th><th className="num">Optimised</th><th className="num">Difference</th></tr></thead>
          <tbody>
            {comparison.sites.map((s) => (
              <tr key={s.site_id} data-site={s.site_id}>
                <td><span className="code">{s.site_id}</span>{names.get(s.site_id)}</td>
                <td className="num">{money(s.priority_cents)}</td>
                <td className="num">{money(s.optimized_cents)}</td>
                <td className={`num${s.difference_cents < 0 ? ' text-warn' : ''}`} data-testid="optimise-difference">{signed(s.difference_cents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr><th>Coverage (priority-weighted)</th><th className="num">{(comparison.coverage_priority * 100).toFixed(1)}%</th><th className="num">{(comparison.coverage_optimized * 100).toFixed(1)}%</th><th className="num">{(comparison.coverage_gain * 100).toFixed(1)} pts</th></tr>
          </tfoot>
        </table>
      </TableScroll>
    </div>
  );
}
