import type { AllocationResult } from '../../../models/allocate/allocate';
import { count, money } from '../../format';

const STATUS: Record<string, string> = { funded: 'funded', partly_funded: 'partly funded', unfunded: 'unfunded' };

/** The needs assessment, funded in priority order: which fund paid each need, and what is left unfunded. */
export function NeedsRegister({ result }: { result: AllocationResult }) {
  const n = { funded: 0, partly_funded: 0, unfunded: 0 };
  for (const x of result.needs) n[x.status]++;
  return (
    <div className="panel">
      <h2>Needs register <span className="muted" data-testid="needs-counts">{count(n.funded)} funded · {count(n.partly_funded)} partly funded · {count(n.unfunded)} unfunded · coverage {(result.coverage * 100).toFixed(1)}%</span></h2>
      <div className="table-scroll table-tall" tabIndex={0} role="region" aria-label="Needs register (scrolls)">
        <table className="table table-compact" data-testid="allocate-needs-table">
          <thead><tr><th>Need</th><th>Site</th><th>Category</th><th className="num">Priority</th><th className="num">Cost</th><th className="num">Funded</th><th>Status</th><th>Paid by</th></tr></thead>
          <tbody>
            {result.needs.map((x) => (
              <tr key={x.need_id}>
                <td className="code">{x.need_id}</td>
                <td>{x.site_id ?? <span className="muted">district-wide</span>}</td>
                <td>{x.category}</td>
                <td className="num">{x.priority}</td>
                <td className="num">{money(x.cost_cents)}</td>
                <td className="num">{money(x.funded_cents)}</td>
                <td className={x.status === 'unfunded' ? 'text-warn' : ''}>{STATUS[x.status]}</td>
                <td>{x.by_fund.map((b) => `${b.fund_code} ${money(b.cents)}`).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
