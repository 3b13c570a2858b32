import type { AllocationResult } from '../../../models/allocate/allocate';

/** Compliance and indicator flags (supplement-not-supplant, comparability, maintenance of effort, lapse risk…). */
export function AllocationFlags({ result }: { result: AllocationResult }) {
  if (result.flags.length === 0) return <div className="panel"><h2>Flags</h2><p className="muted">No flags.</p></div>;
  return (
    <div className="panel">
      <h2>Flags <span className="muted">{result.flags.length}</span></h2>
      <ul className="problems" data-testid="allocate-flags">
        {result.flags.map((f, i) => (
          <li key={i} className={`problem problem-${f.severity === 'info' ? 'note' : f.severity}`}>
            <span className="problem-severity">{f.severity}</span>
            <span className="problem-where">{f.code}{f.site_id ? ` · ${f.site_id}` : ''}{f.fund_code ? ` · ${f.fund_code}` : ''}</span>
            <span>{f.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
