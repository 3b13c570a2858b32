import { useMemo, useRef, useState } from 'react';
import { compileCondition } from '../../../models/forecast/condition';
import { DEFAULT_DRIVERS } from '../../../models/forecast/config';
import { INDICATORS } from '../../../models/forecast/indicators';
import type { Trigger } from '../../../models/forecast/tables';
import type { Project } from '../../../models/project/project';
import { appStore } from '../../store';

const DEADLINE = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The names a condition may read: the indicators and every driver (as the forecast's own check). */
export function knownNames(project: Project): Set<string> {
  return new Set([...INDICATORS, ...Object.keys(DEFAULT_DRIVERS), ...Object.keys(project.forecast?.drivers ?? {}), ...project.drivers.map((d) => d.driver)]);
}

/** null, or why the condition cannot be read — the same compiler the forecast uses (models/expr). */
export function conditionProblem(text: string, known: ReadonlySet<string>): string | null {
  if (text.trim() === '') return 'Write a condition, e.g. reserve_pct < 0.08';
  const c = compileCondition(text, known);
  return c.ok ? null : c.reason;
}

/**
 * The triggers: which backup plan starts when its condition holds on a projected year, how many
 * years later it takes effect, and the decision deadline. The condition is checked as it is typed
 * (indicator names offered to insert); only a condition that reads is saved.
 */
export function TriggersEditor({ project }: { project: Project }) {
  const known = useMemo(() => knownNames(project), [project.drivers, project.forecast]);
  const plans = [...new Set(project.plans.map((a) => a.plan))];
  const [message, setMessage] = useState<string | null>(null);
  const edit = (e: Parameters<ReturnType<typeof appStore.getState>['edit']>[0], label: string) => { const r = appStore.getState().edit(e, label); setMessage(r.ok ? null : r.reason); return r.ok; };
  return (
    <div className="panel" data-testid="triggers-editor">
      <h2>Triggers <span className="muted">when a backup plan replaces the running one</span></h2>
      {project.triggers.length === 0 && <p className="muted">No triggers yet.</p>}
      <ul className="triggers">
        {project.triggers.map((t, i) => (
          <li key={i} data-testid="trigger" data-plan={t.plan}>
            <TriggerForm project={project} known={known} plans={plans} initial={t} submitLabel="Save trigger" onSubmit={(row) => edit({ op: 'set-row', table: 'triggers', index: i, row }, `edit the trigger of ${t.plan}`)}
              onRemove={() => edit({ op: 'delete-rows', table: 'triggers', indexes: [i] }, `remove the trigger of ${t.plan}`)} />
          </li>
        ))}
      </ul>
      {plans.length > 0 && (
        <details className="new-trigger" data-testid="new-trigger">
          <summary>Add a trigger</summary>
          <TriggerForm project={project} known={known} plans={plans} initial={{ plan: plans.at(-1)!, condition: 'reserve_pct < 0.08', lag: 1, deadline: '03-15' }} submitLabel="Add trigger"
            onSubmit={(row) => edit({ op: 'insert-rows', table: 'triggers', index: project.triggers.length, rows: [row] }, `add a trigger for ${row.plan}`)} />
        </details>
      )}
      {message && <p className="banner banner-error small" role="alert">{message}</p>}
    </div>
  );
}

function TriggerForm({ known, plans, initial, submitLabel, onSubmit, onRemove }: {
  project: Project; known: ReadonlySet<string>; plans: string[]; initial: Trigger; submitLabel: string; onSubmit: (t: Trigger) => boolean; onRemove?: () => void;
}) {
  const [plan, setPlan] = useState(initial.plan);
  const [condition, setCondition] = useState(initial.condition);
  const [lag, setLag] = useState(String(initial.lag));
  const [deadline, setDeadline] = useState(initial.deadline ?? '');
  const input = useRef<HTMLInputElement>(null);
  const problem = conditionProblem(condition, known);
  const lagBad = !/^[0-5]$/.test(lag.trim());
  const deadlineBad = deadline.trim() !== '' && !DEADLINE.test(deadline.trim());
  const changed = plan !== initial.plan || condition !== initial.condition || lag !== String(initial.lag) || deadline !== (initial.deadline ?? '');
  const insert = (name: string) => {
    const el = input.current;
    const at = el?.selectionStart ?? condition.length;
    const end = el?.selectionEnd ?? at;
    setCondition(`${condition.slice(0, at)}${name}${condition.slice(end)}`);
    requestAnimationFrame(() => { el?.focus(); el?.setSelectionRange(at + name.length, at + name.length); });
  };
  const id = `cond-${plan}-${initial.condition}`.replace(/[^A-Za-z0-9_-]/g, '_');
  return (
    <form className="trigger-form" onSubmit={(e) => {
      e.preventDefault();
      if (problem || lagBad || deadlineBad) return;
      onSubmit({ plan, condition: condition.trim(), lag: Number(lag), ...(deadline.trim() ? { deadline: deadline.trim() } : {}) });
    }}>
      <label>Plan{' '}
        <select value={plan} onChange={(e) => setPlan(e.target.value)} data-testid="trigger-plan">
          {[...new Set([...plans, initial.plan])].map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
      </label>
      <label className="condition">When{' '}
        <input ref={input} value={condition} onChange={(e) => setCondition(e.target.value)} aria-invalid={problem !== null} aria-describedby={`${id}-check`} data-testid="trigger-condition" spellCheck={false} size={32} />
      </label>
      <label>Takes effect{' '}
        <select value={lag} onChange={(e) => setLag(e.target.value)} data-testid="trigger-lag">
          {[0, 1, 2, 3, 4, 5].map((n) => <option key={n} value={String(n)}>{n === 0 ? 'the same year' : `${n} year${n > 1 ? 's' : ''} later`}</option>)}
        </select>
      </label>
      <label>Decide by (MM-DD){' '}
        <input value={deadline} onChange={(e) => setDeadline(e.target.value)} aria-invalid={deadlineBad} size={6} placeholder="03-15" data-testid="trigger-deadline" />
      </label>
      <button type="submit" className="button" disabled={problem !== null || lagBad || deadlineBad || (!changed && submitLabel === 'Save trigger')} data-testid="trigger-submit">{submitLabel}</button>
      {onRemove && <button type="button" className="button button-quiet" onClick={onRemove}>Remove</button>}
      <p id={`${id}-check`} className={`small condition-check${problem ? ' text-warn' : ''}`} role="status" data-testid="condition-check">
        {problem ?? 'The condition reads.'}{deadlineBad ? ' The deadline is a month and day, as 03-15.' : ''}
      </p>
      <details className="indicator-names small"><summary>Insert an indicator name</summary>
        {[...known].filter((n) => (INDICATORS as readonly string[]).includes(n) || !n.startsWith('ratio_')).slice(0, 40).map((n) => (
          <button key={n} type="button" className="chip" onClick={() => insert(n)}>{n}</button>
        ))}
      </details>
    </form>
  );
}
