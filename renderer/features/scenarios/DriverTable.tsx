import { useState } from 'react';
import type { Edit } from '../../../models/project/edit';
import type { Project } from '../../../models/project/project';
import type { Driver } from '../../../models/schema/tables';
import { appStore } from '../../store';
import { TableScroll } from '../../ui/TableScroll';
import { BASE, cellOf, setValueEdit } from './scenario-drivers';

const DISTRIBUTIONS = ['normal', 'lognormal', 'triangular', 'uniform'] as const;

/** A number typed into a cell, committed on Enter or leaving it; empty clears it (back to inherited). */
function NumberCell({ value, placeholder, label, onCommit, inherited, testId }: { value: number | undefined; placeholder?: string; label: string; onCommit: (v: number | undefined) => void; inherited?: string; testId?: string }) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) { setShown(value); setText(value === undefined ? '' : String(value)); }
  const bad = text.trim() !== '' && !Number.isFinite(Number(text));
  const commit = () => {
    if (bad) return;
    const v = text.trim() === '' ? undefined : Number(text);
    if (v !== value) onCommit(v);
  };
  return (
    <input className={`cell-input${value === undefined ? ' cell-inherited' : ''}`} inputMode="decimal" aria-label={label} aria-invalid={bad} value={text} placeholder={placeholder}
      title={inherited} data-testid={testId} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => { if (e.key === 'Enter') commit(); if (e.key === 'Escape') setText(value === undefined ? '' : String(value)); }} />
  );
}

/**
 * A scenario's drivers: its own values (every year, and year by year) editable; a value it inherits
 * from its parent scenario or the Drivers table shown greyed with where it comes from. Base edits
 * the Drivers table itself, with each driver's low, high and distribution (what Monte Carlo draws).
 */
export function DriverTable({ project, scenario }: { project: Project; scenario: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const base = project.settings.base_year;
  const years = Array.from({ length: project.settings.horizon_years }, (_, i) => base + 1 + i);
  const edit = (e: Edit | null, label: string) => {
    if (!e) return;
    const r = appStore.getState().edit(e, label);
    setMessage(r.ok ? null : r.reason);
  };
  const setDriver = (i: number, row: Driver, label: string) => edit({ op: 'set-row', table: 'drivers', index: i, row }, label);
  const isBase = scenario === BASE;
  return (
    <div className="panel" data-testid="driver-table">
      <h2>Drivers of {scenario} <span className="muted">{isBase ? 'the Drivers table' : 'greyed: inherited — type a value to override it, clear it to inherit again'}</span></h2>
      <TableScroll label={`Drivers of ${scenario}`}>
        <table className="table table-compact driver-table">
          <caption className="sr-only">Drivers of {scenario}, every year and year by year</caption>
          <thead>
            <tr>
              <th scope="col">Driver</th><th scope="col">Every year</th>
              {years.map((y) => <th key={y} scope="col">{y}</th>)}
              <th scope="col">Low</th><th scope="col">High</th><th scope="col">Distribution</th>
            </tr>
          </thead>
          <tbody>
            {project.drivers.map((d, i) => {
              const all = cellOf(project, scenario, d.driver);
              return (
                <tr key={d.driver} data-driver={d.driver}>
                  <th scope="row">{d.driver.replace(/_/g, ' ')}</th>
                  <td>
                    <NumberCell value={all.own ? all.value : undefined} placeholder={all.own ? '' : String(all.value ?? '')} inherited={all.own ? undefined : `inherited from ${all.from}`}
                      label={`${d.driver}, every year`} testId="driver-all" onCommit={(v) => edit(setValueEdit(project, scenario, d.driver, undefined, v), `set ${d.driver} in ${scenario}`)} />
                  </td>
                  {years.map((y) => {
                    const c = cellOf(project, scenario, d.driver, y);
                    const own = isBase ? d.by_year[String(y)] !== undefined : c.own && project.scenarios[c.row!]?.year === y;
                    return (
                      <td key={y}>
                        <NumberCell value={own ? c.value : undefined} placeholder={String(c.value ?? '')} inherited={own ? undefined : `${c.value ?? '—'} from ${isBase ? 'the value for every year' : c.from}`}
                          label={`${d.driver}, ${y}`} onCommit={(v) => edit(setValueEdit(project, scenario, d.driver, y, v), `set ${d.driver} ${y} in ${scenario}`)} />
                      </td>
                    );
                  })}
                  {isBase ? (
                    <>
                      <td><NumberCell value={d.low} label={`${d.driver}, low`} onCommit={(v) => setDriver(i, withOptional(d, 'low', v), `set ${d.driver} low`)} /></td>
                      <td><NumberCell value={d.high} label={`${d.driver}, high`} onCommit={(v) => setDriver(i, withOptional(d, 'high', v), `set ${d.driver} high`)} /></td>
                      <td>
                        <select aria-label={`${d.driver}, distribution`} value={d.distribution ?? ''} onChange={(e) => setDriver(i, withOptional(d, 'distribution', (e.target.value || undefined) as Driver['distribution']), `set ${d.driver} distribution`)}>
                          <option value="">none</option>
                          {DISTRIBUTIONS.map((x) => <option key={x} value={x}>{x}</option>)}
                        </select>
                      </td>
                    </>
                  ) : (
                    <>
                      <td className="inherited">{d.low ?? '—'}</td><td className="inherited">{d.high ?? '—'}</td><td className="inherited">{d.distribution ?? '—'}</td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {!isBase && <p className="muted small">Low, high and distribution belong to each driver (Base); a scenario moves the value they are centred on.</p>}
      {message && <p className="banner banner-error small" role="alert">{message}</p>}
    </div>
  );
}

function withOptional<K extends 'low' | 'high' | 'distribution'>(d: Driver, key: K, v: Driver[K] | undefined): Driver {
  const row = { ...d, [key]: v };
  if (v === undefined) delete row[key];
  return row;
}
