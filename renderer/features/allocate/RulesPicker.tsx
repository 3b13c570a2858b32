import type { AllocationResult } from '../../../models/allocate/allocate';
import type { RuleSetChoice } from '../../../models/allocate/choices';
import { money } from '../../format';

/** Which rule set the formula uses: the project's own or a published preset, with its source. */
export function RulesPicker({ choices, value, onChange, result }: { choices: RuleSetChoice[]; value: string | undefined; onChange: (v: string | undefined) => void; result: AllocationResult }) {
  const r = result.rules;
  return (
    <div className="panel rules-picker">
      <label>
        Rule set{' '}
        <select data-testid="rules-select" value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
          <option value="">Project default ({r.name})</option>
          {choices.map((c) => <option key={c.name} value={c.name}>{c.kind === 'preset' ? `Preset: ${c.name}` : c.name}</option>)}
        </select>
      </label>
      <p className="muted small">
        <span data-testid="rules-name">{r.name}</span> · base {r.base_mode === 'solve' ? 'solved to spend the pool' : 'fixed'} at <span data-testid="rules-base">{money(Math.round(r.base_per_pupil_cents))}</span> per weighted pupil · pool <span data-testid="rules-pool">{money(r.pool_cents)}</span>
      </p>
      {r.source && <p className="muted small" data-testid="rules-source">Source: {r.source}</p>}
    </div>
  );
}
