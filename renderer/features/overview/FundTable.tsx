import type { ProjectSummary } from '../../../models/project/summary';
import { money, percent } from '../../format';

/** The funds' budgets and shares; `id` lets the chart beside it name this table as its text alternative. */
export function FundTable({ summary, id, labelledBy }: { summary: ProjectSummary; id: string; labelledBy: string }) {
  const total = summary.totals.budgetCents;
  return (
    <table className="table" data-testid="fund-table" id={id} aria-labelledby={labelledBy}>
      <thead>
        <tr><th scope="col">Fund</th><th scope="col">Type</th><th scope="col" className="num">Budget</th><th scope="col" className="num">Share</th></tr>
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
        <tr><th scope="row" colSpan={2}>Total</th><th className="num" data-testid="fund-total">{money(total)}</th><th className="num muted">100.0%</th></tr>
      </tfoot>
    </table>
  );
}
