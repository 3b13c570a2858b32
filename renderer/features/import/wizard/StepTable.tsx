import { WIZARD_KINDS, type WizardPlan } from '../../../../models/import/wizard';
import type { TableKind } from '../../../../models/schema/tables';
import { appStore } from '../../../store';
import { tableLabel } from '../table-label';

/** Step 3: which table the rows are (guessed from the header and the values; changeable). */
export function StepTable({ plan, busy }: { plan: WizardPlan; busy: boolean }) {
  const best = plan.scores[0]?.score ?? 1;
  const required = plan.fields.filter((f) => f.required).map((f) => f.name);
  return (
    <>
      <p>
        <label>
          Read the rows as{' '}
          <select value={plan.kind} disabled={busy} data-testid="read-as" onChange={(e) => void appStore.getState().reimportAs(e.target.value as TableKind)}>
            {WIZARD_KINDS.map((k) => <option key={k} value={k}>{tableLabel(k)}{k === plan.guessed ? ' (guessed)' : ''}</option>)}
          </select>
        </label>
        {plan.guessed === null && <span className="text-warn"> — no table’s columns matched this header: choose the one these rows belong to.</span>}
        {plan.guessed !== null && plan.guessed !== plan.kind && <span className="muted"> — the header looked like {tableLabel(plan.guessed)}.</span>}
      </p>
      <p className="muted">{tableLabel(plan.kind)} needs {required.length > 0 ? required.join(', ') : 'no particular column'}; the next step shows which column gives each.</p>
      {plan.scores.length > 0 && (
        <>
          <h4 className="muted small">How well each table fits this header</h4>
          <ul className="fit-list" data-testid="table-fits">
            {plan.scores.map((s) => (
              <li key={s.kind}>
                <span>{tableLabel(s.kind)}</span>
                <span className="fit-bar" aria-hidden="true"><span style={{ width: `${Math.round((s.score / best) * 100)}%` }} /></span>
                <span className="muted">{s.score.toFixed(1)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
