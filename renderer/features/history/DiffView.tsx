import type { HistoryDiff } from '../../../models/history/history';
import { useApp, useRun } from '../../store';
import { Loading } from '../../ui/Loading';
import { TableScroll } from '../../ui/TableScroll';
import { figure, inputValue, signed, takenAt } from './format';

const NOW = 'now';
const SHOWN = 200;

interface Props { from: string; to: string; onChange: (from: string, to: string) => void }

/** What changed between two snapshots or a snapshot and now — as `steward diff --json`. */
export function DiffView({ from, to, onChange }: Props) {
  // One string from the store (a new array on every call would re-render forever).
  const names = useApp((s) => (s.project?.snapshots ?? []).map((x) => x.name).join('\n')).split('\n');
  const run = useRun('history-diff', to === NOW ? { from } : { from, to });
  return (
    <section className="panel" aria-labelledby="diff-title" data-testid="diff-view">
      <div className="panel-head">
        <h2 id="diff-title">What changed</h2>
        <div className="history-fields">
          <label>From<select value={from} onChange={(e) => onChange(e.target.value, to)} data-testid="diff-from">
            {names.map((n) => <option key={n} value={n}>{n}</option>)}
          </select></label>
          <label>To<select value={to} onChange={(e) => onChange(from, e.target.value)} data-testid="diff-to">
            <option value={NOW}>Now (the project on screen)</option>
            {names.filter((n) => n !== from).map((n) => <option key={n} value={n}>{n}</option>)}
          </select></label>
        </div>
      </div>
      {!run || run.status === 'running' ? <Loading text="Recomputing both versions…" />
        : run.status === 'failed' || !run.result ? <p className="banner banner-error" role="alert">{run.error}</p>
          : <DiffBody diff={run.result} />}
    </section>
  );
}

function DiffBody({ diff }: { diff: HistoryDiff }) {
  const side = (s: HistoryDiff['from']) => (s.taken_at ? `${s.name} (${takenAt(s.taken_at)}${s.presented ? ', presented' : ''})` : 'now');
  return (
    <>
      <p className="muted small" data-testid="diff-summary">From {side(diff.from)} to {side(diff.to)}: {diff.inputs.length} input{diff.inputs.length === 1 ? '' : 's'} changed, {diff.results.length} figure{diff.results.length === 1 ? '' : 's'} moved.</p>
      <ul className="history-checks" data-testid="diff-engine-checks">
        {diff.engine_checks.map((c) => <li key={c.snapshot} className={c.same ? 'muted small' : 'banner banner-error'} role={c.same ? undefined : 'alert'}>{c.same ? '' : 'Engine change: '}{c.message}</li>)}
      </ul>
      <h3>Inputs changed</h3>
      {diff.inputs.length === 0 ? <p className="muted">No input changed.</p> : (
        <TableScroll label="Inputs changed">
          <table className="table table-compact" data-testid="diff-inputs">
            <caption className="visually-hidden">Inputs changed: table, row, column, old and new value</caption>
            <thead><tr><th>Table</th><th>Row</th><th>Column</th><th>Was</th><th>Now</th></tr></thead>
            <tbody>
              {diff.inputs.slice(0, SHOWN).map((c, i) => (
                <tr key={i} data-table={c.table} data-row={c.row ?? ''} data-column={c.column ?? ''}>
                  <td>{c.table}</td>
                  <td>{c.row ?? ''} <span className="muted">{c.row_label}</span></td>
                  <td>{c.change === 'changed' ? c.column : <span className="tag">{c.change === 'added' ? 'row added' : 'row removed'}</span>}</td>
                  <td className="value-cell" data-testid="diff-old">{inputValue(c.old)}</td>
                  <td className="value-cell" data-testid="diff-new">{inputValue(c.new)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {diff.inputs.length > SHOWN && <p className="muted small">… and {diff.inputs.length - SHOWN} more (<code>steward diff --json</code> lists all).</p>}
      <h3>Figures moved <span className="muted">largest effect first</span></h3>
      {diff.results.length === 0 ? <p className="muted">No figure moved.</p> : (
        <TableScroll label="Figures moved">
          <table className="table table-compact" data-testid="diff-results">
            <caption className="visually-hidden">Figures moved, largest effect first</caption>
            <thead><tr><th>Figure</th><th className="num">Was</th><th className="num">Now</th><th className="num">Change</th></tr></thead>
            <tbody>
              {diff.results.slice(0, SHOWN).map((m) => (
                <tr key={m.label} data-label={m.label}>
                  <td>{m.label}</td>
                  <td className="num" data-testid="move-old">{figure(m.unit, m.old)}</td>
                  <td className="num" data-testid="move-new">{figure(m.unit, m.new)}</td>
                  <td className="num" data-testid="move-delta">{signed(m.unit, m.delta)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
