import { useState } from 'react';
import type { Edit } from '../../../models/project/edit';
import type { Project } from '../../../models/project/project';
import { PLAN_ACTIONS, type PlanAction } from '../../../models/forecast/tables';
import { appStore } from '../../store';
import { TableScroll } from '../../ui/TableScroll';

/** The action's fields that matter, in the order the table shows them. */
const FIELDS: { key: keyof PlanAction; label: string; kind: 'number' | 'text' | 'money' }[] = [
  { key: 'start_year', label: 'From', kind: 'number' }, { key: 'end_year', label: 'Until', kind: 'number' },
  { key: 'role', label: 'Role', kind: 'text' }, { key: 'site_id', label: 'Site', kind: 'text' }, { key: 'fte', label: 'FTE', kind: 'number' },
  { key: 'pct', label: 'Change (−0.1 = −10%)', kind: 'number' }, { key: 'amount', label: 'Dollars', kind: 'money' }, { key: 'value', label: 'Value', kind: 'number' },
  { key: 'parameter', label: 'Parameter', kind: 'text' }, { key: 'object', label: 'Object', kind: 'text' }, { key: 'description', label: 'What it is', kind: 'text' },
];

function shown(a: PlanAction, f: (typeof FIELDS)[number]): string {
  const v = a[f.key];
  if (v === undefined) return '';
  return f.kind === 'money' ? String(Number(v) / 100) : String(v);
}

function Field({ action, f, onChange }: { action: PlanAction; f: (typeof FIELDS)[number]; onChange: (v: string | number | undefined) => void }) {
  const value = shown(action, f);
  const [text, setText] = useState(value);
  const [was, setWas] = useState(value);
  if (was !== value) { setWas(value); setText(value); }
  const bad = f.kind !== 'text' && text.trim() !== '' && !Number.isFinite(Number(text));
  const commit = () => {
    if (bad || text === value) return;
    const t = text.trim();
    onChange(t === '' ? undefined : f.kind === 'text' ? t : f.kind === 'money' ? Math.round(Number(t) * 100) : Number(t));
  };
  return <input className="cell-input" aria-label={`${action.plan}: ${action.action} ${f.label}`} aria-invalid={bad} value={text} size={f.kind === 'text' ? 12 : 7}
    onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => { if (e.key === 'Enter') commit(); }} />;
}

/**
 * The priority plan and the backup plans: each plan's actions (add or cut positions, class size,
 * budget % cuts, delays, site merges and closures, a step freeze…), editable one field at a time —
 * every change one undoable edit of the Plans table, checked against its schema.
 */
export function PlansEditor({ project }: { project: Project }) {
  const [message, setMessage] = useState<string | null>(null);
  const [newPlan, setNewPlan] = useState('');
  const plans = [...new Set(project.plans.map((a) => a.plan))];
  const edit = (e: Edit | Edit[], label: string) => { const r = appStore.getState().edit(e, label); setMessage(r.ok ? null : r.reason); return r.ok; };
  const firstYear = project.settings.base_year + 1;
  const set = (i: number, key: keyof PlanAction, v: unknown) => {
    const row = { ...project.plans[i]!, [key]: v } as Record<string, unknown>;
    if (v === undefined) delete row[key];
    edit({ op: 'set-row', table: 'plans', index: i, row }, `edit ${project.plans[i]!.plan}`);
  };
  const add = (plan: string) => edit({ op: 'insert-rows', table: 'plans', index: project.plans.length, rows: [{ plan, action: 'budget_pct', start_year: firstYear, pct: -0.05, object: 'supplies', description: 'Cut supplies 5%' }] }, `add an action to ${plan}`);
  const removePlan = (plan: string) => edit([
    { op: 'delete-rows', table: 'plans', indexes: project.plans.flatMap((a, i) => (a.plan === plan ? [i] : [])) },
    { op: 'delete-rows', table: 'triggers', indexes: project.triggers.flatMap((t, i) => (t.plan === plan ? [i] : [])) },
  ], `delete plan ${plan}`);
  const priority = project.forecast?.priority_plan;
  return (
    <div className="panel" data-testid="plans-editor">
      <h2>Plans <span className="muted">{priority ? `priority plan: ${priority}; ` : ''}a backup plan runs when its trigger fires</span></h2>
      {plans.length === 0 && <p className="muted">No plans yet.</p>}
      {plans.map((plan) => (
        <section key={plan} className="plan" aria-label={plan} data-plan={plan}>
          <div className="panel-head">
            <h3>{plan} <span className="muted">{project.triggers.some((t) => t.plan === plan) ? 'backup plan' : plan === priority ? 'priority plan' : 'no trigger yet'}</span></h3>
            <div className="panel-actions">
              <button type="button" className="button" onClick={() => add(plan)} data-testid="plan-add-action">Add action</button>
              <button type="button" className="button button-quiet" onClick={() => removePlan(plan)}>Delete plan</button>
            </div>
          </div>
          <TableScroll label={`${plan} actions`}>
            <table className="table table-compact plan-table">
              <caption className="sr-only">{plan}: its actions</caption>
              <thead><tr><th scope="col">Action</th>{FIELDS.map((f) => <th key={f.key} scope="col">{f.label}</th>)}<th scope="col"><span className="sr-only">Remove</span></th></tr></thead>
              <tbody>
                {project.plans.map((a, i) => (a.plan !== plan ? null : (
                  <tr key={i} data-testid="plan-action">
                    <td>
                      <select aria-label={`${plan}: action`} value={a.action} onChange={(e) => set(i, 'action', e.target.value)} data-testid="plan-action-kind">
                        {PLAN_ACTIONS.map((k) => <option key={k} value={k}>{k.replace(/_/g, ' ')}</option>)}
                      </select>
                    </td>
                    {FIELDS.map((f) => <td key={f.key}><Field action={a} f={f} onChange={(v) => set(i, f.key, v)} /></td>)}
                    <td><button type="button" className="button button-quiet" aria-label={`Remove ${a.action} from ${plan}`} onClick={() => edit({ op: 'delete-rows', table: 'plans', indexes: [i] }, `remove an action from ${plan}`)}>×</button></td>
                  </tr>
                )))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ))}
      <form className="panel-actions" onSubmit={(e) => { e.preventDefault(); const n = newPlan.trim(); if (n && !plans.includes(n) && add(n)) setNewPlan(''); }}>
        <label>New plan <input data-testid="plan-new-name" value={newPlan} onChange={(e) => setNewPlan(e.target.value)} /></label>
        <button type="submit" className="button" disabled={newPlan.trim() === '' || plans.includes(newPlan.trim())} data-testid="plan-new">Add plan</button>
      </form>
      {message && <p className="banner banner-error small" role="alert">{message}</p>}
    </div>
  );
}
