import { useState } from 'react';
import type { Project } from '../../../models/project/project';
import { appStore } from '../../store';
import { BASE, cellOf, createEdit, deleteEdit, duplicateEdit, nameProblem, parentOf, renameEdit, scenarioNames } from './scenario-drivers';

type Mode = { kind: 'new' } | { kind: 'rename' } | { kind: 'duplicate' } | null;

/** The scenarios: pick one; create, duplicate, rename or delete — each one undoable edit of the Scenarios table. */
export function ScenarioList({ project, selected, onSelect }: { project: Project; selected: string; onSelect: (s: string) => void }) {
  const names = scenarioNames(project);
  const [mode, setMode] = useState<Mode>(null);
  const [message, setMessage] = useState<string | null>(null);
  const apply = (edit: Parameters<ReturnType<typeof appStore.getState>['edit']>[0], label: string, select?: string) => {
    const r = appStore.getState().edit(edit, label);
    if (!r.ok) { setMessage(r.reason); return false; }
    setMessage(null);
    setMode(null);
    if (select) onSelect(select);
    return true;
  };
  const remove = () => {
    const e = deleteEdit(project, selected);
    if (typeof e === 'string') { setMessage(e); return; }
    if (apply(e, `delete scenario ${selected}`)) onSelect(BASE);
  };
  return (
    <div className="panel scenario-list">
      <h2>Scenarios</h2>
      <ul className="scenario-names" aria-label="Scenarios">
        {names.map((n) => (
          <li key={n}>
            <button type="button" className={`scenario-pick${n === selected ? ' scenario-picked' : ''}`} aria-pressed={n === selected} onClick={() => { onSelect(n); setMode(null); }} data-testid="scenario-pick" data-scenario={n}>
              {n}{parentOf(project, n) ? <span className="muted small-inline"> from {parentOf(project, n)}</span> : n === BASE ? <span className="muted small-inline"> the Drivers table</span> : null}
            </button>
          </li>
        ))}
      </ul>
      <div className="panel-actions">
        <button type="button" className="button" onClick={() => setMode({ kind: 'new' })} data-testid="scenario-new">New…</button>
        <button type="button" className="button" disabled={selected === BASE} onClick={() => setMode({ kind: 'duplicate' })} data-testid="scenario-duplicate">Duplicate…</button>
        <button type="button" className="button" disabled={selected === BASE} onClick={() => setMode({ kind: 'rename' })} data-testid="scenario-rename">Rename…</button>
        <button type="button" className="button" disabled={selected === BASE} onClick={remove} data-testid="scenario-delete">Delete</button>
      </div>
      {mode && <NameForm key={mode.kind} project={project} mode={mode.kind} selected={selected} onCancel={() => setMode(null)} onDone={(name, parent, values) => {
        if (mode.kind === 'new') apply(createEdit(project, name, parent, values), `create scenario ${name}`, name);
        else if (mode.kind === 'duplicate') apply(duplicateEdit(project, selected, name), `duplicate ${selected} as ${name}`, name);
        else apply(renameEdit(project, selected, name), `rename ${selected} to ${name}`, name);
      }} />}
      {message && <p className="banner banner-error small" role="alert">{message}</p>}
    </div>
  );
}

function NameForm({ project, mode, selected, onCancel, onDone }: { project: Project; mode: 'new' | 'rename' | 'duplicate'; selected: string; onCancel: () => void; onDone: (name: string, parent: string, values: Record<string, number>) => void }) {
  const drivers = project.drivers.map((d) => d.driver);
  const [name, setName] = useState(mode === 'rename' ? selected : mode === 'duplicate' ? `${selected} (copy)` : '');
  const [parent, setParent] = useState(selected);
  const [driver, setDriver] = useState(drivers.includes('enrollment_growth') ? 'enrollment_growth' : drivers[0] ?? '');
  const [value, setValue] = useState(() => String(cellOf(project, selected, driver).value ?? 0));
  const problem = mode === 'rename' && name.trim() === selected ? null : nameProblem(project, name);
  const number = Number(value);
  const bad = mode === 'new' && (value.trim() === '' || !Number.isFinite(number));
  const title = mode === 'new' ? 'New scenario' : mode === 'rename' ? `Rename ${selected}` : `Duplicate ${selected}`;
  return (
    <form className="name-form" aria-label={title} onSubmit={(e) => { e.preventDefault(); if (!problem && !bad) onDone(name.trim(), parent, mode === 'new' ? { [driver]: number } : {}); }}>
      <label>Name <input data-testid="scenario-name" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={problem !== null} autoFocus /></label>
      {mode === 'new' && (
        <>
          <label>Based on{' '}
            <select data-testid="scenario-parent" value={parent} onChange={(e) => setParent(e.target.value)}>
              {scenarioNames(project).map((n) => <option key={n} value={n}>{n}</option>)}
            </select>
          </label>
          <label>It changes{' '}
            <select data-testid="scenario-first-driver" value={driver} onChange={(e) => { setDriver(e.target.value); setValue(String(cellOf(project, parent, e.target.value).value ?? 0)); }}>
              {drivers.map((d) => <option key={d} value={d}>{d}</option>)}
            </select>
          </label>
          <label>to <input data-testid="scenario-first-value" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={bad} size={8} /></label>
        </>
      )}
      <button type="submit" className="button button-primary" disabled={problem !== null || bad} data-testid="scenario-save">{mode === 'rename' ? 'Rename' : 'Create'}</button>
      <button type="button" className="button" onClick={onCancel}>Cancel</button>
      {problem && name !== '' && <p className="muted small" role="status">{problem}</p>}
    </form>
  );
}
