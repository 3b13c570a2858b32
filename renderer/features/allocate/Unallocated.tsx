import type { AllocationResult } from '../../../models/allocate/allocate';
import { money } from '../../format';

/** General money the allocation did not place: shown prominently, with where it goes. */
export function Unallocated({ result }: { result: AllocationResult }) {
  const general = result.funds.filter((f) => !f.restricted);
  const left = result.unallocated_general.cents;
  const available = general.reduce((a, f) => a + f.available_cents, 0);
  return (
    <div className={`panel unallocated${left > 0 ? ' unallocated-some' : ''}`} data-testid="allocate-unallocated-panel">
      <div>
        <div className="card-label">General money not allocated</div>
        <div className="card-value" data-testid="allocate-unallocated">{money(left)}</div>
        <div className="card-note">of {money(available)} in general funds; allocated <span data-testid="allocate-total-allocated">{money(result.totals.allocated_cents)}</span> in all funds</div>
      </div>
      {left > 0 && <p className="small">{result.unallocated_general.where}</p>}
    </div>
  );
}
