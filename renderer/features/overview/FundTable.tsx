import type { ProjectSummary } from '../../../models/project/summary';
import { money, percent } from '../../format';

export function FundTable({ summary }: { summary: ProjectSummary }) {
  const total = summary.totals.budgetCents;
  return (
    <table className="table" data-testid="fund-table">
      <thead>
        <tr><th>Fund</th><th>Type</th><th className="num">Budget</th><th className="num">Share</th></tr>
      </thead>
      <tbody>
        {summary.byFund.map((f) => (
          <tr key={f.fundCode}>
            <td><span className="code">{f.fundCode}</span> {f.name}</td>
            <td>
              {f.restricted === null ? <span className="tag tag-warn">not in Funds</span>
                : f.restricted ? <span className="tag tag-restricted">restricted</span>
                : <span className="tag">general</span>}
            </td>
            <td className="num">{money(f.budgetCents)}</td>
            <td className="num muted">{percent(f.budgetCents, total)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr><th>Total</th><th /><th className="num" data-testid="fund-total">{money(total)}</th><th className="num muted">100.0%</th></tr>
      </tfoot>
    </table>
  );
}
