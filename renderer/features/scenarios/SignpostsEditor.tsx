import { useId, useMemo, useState } from 'react';
import type { Signpost } from '../../../models/forecast/tables';
import type { Project } from '../../../models/project/project';
import { appStore } from '../../store';
import { scenarioNames } from './scenario-drivers';
import { readNumber, signpostProblem } from './signpost-check';
import { knownNames } from './TriggersEditor';

/**
 * The signposts: what the district watches (the October count, the governor's budget), the
 * indicator it is compared with, the threshold and which scenario it points to when passed — the
 * Signposts sheet, checked as typed like the triggers; Compare shows which scenario is unfolding.
 */
export function SignpostsEditor({ project }: { project: Project }) {
  const known = useMemo(() => knownNames(project), [project.drivers, project.forecast]);
  const scenarios = scenarioNames(project);
  const [message, setMessage] = useState<string | null>(null);
  const edit = (e: Parameters<ReturnType<typeof appStore.getState>['edit']>[0], label: string) => { const r = appStore.getState().edit(e, label); setMessage(r.ok ? null : r.reason); return r.ok; };
  const listId = useId();
  return (
    <div className="panel" data-testid="signposts-editor">
      <h2>Signposts <span className="muted">what to watch, and which scenario it points to</span></h2>
      <datalist id={listId}>{[...known].map((n) => <option key={n} value={n} />)}</datalist>
      {project.signposts.length === 0 && <p className="muted">No signposts yet.</p>}
      <ul className="triggers">
        {project.signposts.map((s, i) => (
          <li key={i} data-testid="signpost" data-signpost={s.signpost}>
            <SignpostForm known={known} listId={listId} scenarios={scenarios} initial={s} submitLabel="Save signpost"
              onSubmit={(row) => edit({ op: 'set-row', table: 'signposts', index: i, row }, `edit the signpost ${s.signpost}`)}
              onRemove={() => edit({ op: 'delete-rows', table: 'signposts', indexes: [i] }, `remove the signpost ${s.signpost}`)} />
          </li>
        ))}
      </ul>
      <details className="new-trigger" data-testid="new-signpost">
        <summary>Add a signpost</summary>
        <SignpostForm known={known} listId={listId} scenarios={scenarios} submitLabel="Add signpost"
          initial={{ signpost: '', indicator: 'enrollment_change', scenario: scenarios.find((n) => n !== 'Base') ?? 'Base', direction: 'below', threshold: -0.02 }}
          onSubmit={(row) => edit({ op: 'insert-rows', table: 'signposts', index: project.signposts.length, rows: [row] }, `add the signpost ${row.signpost}`)} />
      </details>
      {message && <p className="banner banner-error small" role="alert">{message}</p>}
    </div>
  );
}

function SignpostForm({ known, listId, scenarios, initial, submitLabel, onSubmit, onRemove }: {
  known: ReadonlySet<string>; listId: string; scenarios: string[]; initial: Signpost; submitLabel: string; onSubmit: (s: Signpost) => boolean; onRemove?: () => void;
}) {
  const start = { signpost: initial.signpost, indicator: initial.indicator ?? '', scenario: initial.scenario, direction: initial.direction, threshold: String(initial.threshold), observed: initial.observed === undefined ? '' : String(initial.observed) };
  const [f, setF] = useState(start);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  const problem = signpostProblem(f, known);
  const changed = JSON.stringify(f) !== JSON.stringify(start);
  const checkId = useId();
  return (
    <form className="trigger-form signpost-form" aria-describedby={checkId} onSubmit={(e) => {
      e.preventDefault();
      if (problem) return;
      const observed = readNumber(f.observed);
      const ok = onSubmit({
        signpost: f.signpost.trim(), scenario: f.scenario, direction: f.direction as Signpost['direction'], threshold: readNumber(f.threshold)!,
        ...(f.indicator.trim() ? { indicator: f.indicator.trim() } : {}), ...(observed !== undefined ? { observed } : {}),
      });
      if (ok && submitLabel === 'Add signpost') setF(start);
    }}>
      <label>Watch{' '}<input value={f.signpost} onChange={set('signpost')} aria-invalid={f.signpost.trim() === '' && f.signpost !== start.signpost} placeholder="October count" size={18} data-testid="signpost-name" /></label>
      <label>Indicator{' '}<input value={f.indicator} onChange={set('indicator')} list={listId} spellCheck={false} size={18} aria-invalid={f.indicator.trim() !== '' && !known.has(f.indicator.trim())} data-testid="signpost-indicator" /></label>
      <label>Passed when{' '}
        <select value={f.direction} onChange={set('direction')} data-testid="signpost-direction"><option value="below">below</option><option value="above">above</option></select>
      </label>
      <label>Threshold{' '}<input value={f.threshold} onChange={set('threshold')} size={8} aria-invalid={Number.isNaN(readNumber(f.threshold) ?? NaN)} data-testid="signpost-threshold" /></label>
      <label>Points to{' '}
        <select value={f.scenario} onChange={set('scenario')} data-testid="signpost-scenario">
          {[...new Set([...scenarios, initial.scenario])].map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
      </label>
      <label>Observed{' '}<input value={f.observed} onChange={set('observed')} size={8} placeholder="not yet" aria-invalid={Number.isNaN(readNumber(f.observed))} data-testid="signpost-observed" /></label>
      <button type="submit" className="button" disabled={problem !== null || (!changed && onRemove !== undefined)} data-testid="signpost-submit">{submitLabel}</button>
      {onRemove && <button type="button" className="button button-quiet" onClick={onRemove}>Remove</button>}
      <p id={checkId} className={`small condition-check${problem ? ' text-warn' : ''}`} role="status" data-testid="signpost-check">{problem ?? 'The signpost reads.'}</p>
    </form>
  );
}
