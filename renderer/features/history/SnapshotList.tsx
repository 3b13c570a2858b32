import { useState } from 'react';
import { useApp } from '../../store';
import { TableScroll } from '../../ui/TableScroll';
import { takenAt } from './format';

const NONE: readonly never[] = [];

/** The snapshots with dates and notes; "What changed since" opens the diff against now. */
export function SnapshotList({ onDiff }: { onDiff: (from: string) => void }) {
  const snapshots = useApp((s) => s.project?.snapshots ?? NONE);
  const edit = useApp((s) => s.edit);
  const [refusal, setRefusal] = useState<string | null>(null);
  const apply = (r: { ok: true } | { ok: false; reason: string }) => setRefusal(r.ok ? null : r.reason);
  return (
    <section className="panel" aria-labelledby="snapshots-title">
      <h2 id="snapshots-title">Snapshots <span className="muted">{snapshots.length}</span></h2>
      {snapshots.length === 0 ? <p className="muted">No snapshots yet. Take one when a budget is adopted or taken to the board.</p> : (
        <TableScroll label="Snapshots">
          <table className="table table-compact" data-testid="snapshot-list">
            <caption className="visually-hidden">Snapshots of the project</caption>
            <thead><tr><th>Name</th><th>Taken</th><th>Note</th><th>Status</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {snapshots.map((s) => (
                <tr key={s.name} data-snapshot={s.name}>
                  <th scope="row">{s.name}</th>
                  <td>{takenAt(s.taken_at)}</td>
                  <td>{s.note || <span className="muted">—</span>}</td>
                  <td>{s.presented ? <span className="tag tag-ok">Presented</span> : <span className="tag">Draft</span>}</td>
                  <td><div className="history-actions">
                    <button type="button" className="button" onClick={() => onDiff(s.name)} aria-label={`What changed since ${s.name}`}>What changed since</button>
                    {!s.presented && <button type="button" className="button button-quiet" onClick={() => apply(edit({ op: 'edit-snapshot', name: s.name, changes: { presented: true } }))} aria-label={`Mark ${s.name} presented`}>Mark presented</button>}
                    {!s.presented && <button type="button" className="button button-quiet" onClick={() => apply(edit({ op: 'delete-snapshot', name: s.name }))} aria-label={`Delete ${s.name}`}>Delete</button>}
                  </div></td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {refusal && <p className="banner banner-error" role="alert">{refusal}</p>}
    </section>
  );
}
