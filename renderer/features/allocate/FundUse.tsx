import { TableScroll } from '../../ui/TableScroll';
import type { AllocationResult } from '../../../models/allocate/allocate';
import { money } from '../../format';

const RISK: Record<string, string> = { none: '', low: 'low', medium: 'medium', high: 'high', expired: 'expired' };

/** Each fund: available, allocated, left over, and the risk of losing what is left at its end date. */
export function FundUse({ result }: { result: AllocationResult }) {
  return (
    <div className="panel">
      <h2>Fund use</h2>
      <TableScroll label="Fund use">
        <table className="table table-compact" data-testid="allocate-fund-table">
          <thead><tr><th>Fund</th><th className="num">Available</th><th className="num">Allocated</th><th className="num">Left over</th><th>Lapse risk</th></tr></thead>
          <tbody>
            {result.funds.map((f) => (
              <tr key={f.fund_code}>
                <td><span className="code">{f.fund_code}</span>{f.restricted && <span className="tag tag-restricted">restricted</span>}</td>
                <td className="num">{money(f.available_cents)}</td>
                <td className="num">{money(f.allocated_cents)}</td>
                <td className="num">{money(f.leftover_cents)}</td>
                <td className={f.lapse_risk === 'high' || f.lapse_risk === 'expired' ? 'text-warn' : ''}>{RISK[f.lapse_risk]}{f.end_date ? <span className="muted small nowrap"> ends {f.end_date}</span> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
