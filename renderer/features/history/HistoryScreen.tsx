import { useState } from 'react';
import { useApp } from '../../store';
import { EmptyState } from '../../ui/EmptyState';
import { DiffView } from './DiffView';
import { SelfCheckPanel } from './SelfCheckPanel';
import { SnapshotList } from './SnapshotList';
import { TakeSnapshot } from './TakeSnapshot';
import './history.css';

/** Named snapshots that never change once presented, what changed since one, and the self-check on practices 13–15. */
export function HistoryScreen() {
  const hasProject = useApp((s) => s.project !== null);
  const names = useApp((s) => (s.project?.snapshots ?? []).map((x) => x.name).join('\n'));
  const [diff, setDiff] = useState<{ from: string; to: string } | null>(null);
  const [selfcheck, setSelfcheck] = useState(false);
  if (!hasProject) return <EmptyState title="History"><p>Open a project to keep snapshots of it.</p></EmptyState>;
  // A diff whose snapshot was deleted (or undone) closes.
  const known = names.split('\n');
  const shown = diff && known.includes(diff.from) && (diff.to === 'now' || known.includes(diff.to)) ? diff : null;
  return (
    <section className="history" aria-labelledby="history-title">
      <div className="page-title">
        <h1 id="history-title">History</h1>
        <p className="muted">Snapshots keep what the board saw; the diff shows what changed since, as <code>steward diff</code>.</p>
      </div>
      <TakeSnapshot />
      <SnapshotList onDiff={(from) => setDiff({ from, to: 'now' })} />
      {shown && <DiffView from={shown.from} to={shown.to} onChange={(from, to) => setDiff({ from, to: from === to ? 'now' : to })} />}
      <section className="panel" aria-labelledby="selfcheck-title">
        <div className="panel-head">
          <h2 id="selfcheck-title">Self-check <span className="muted">practices 13, 14, 15a, 15b</span></h2>
          <button type="button" className="button" aria-expanded={selfcheck} aria-controls="selfcheck-body" onClick={() => setSelfcheck(!selfcheck)}>{selfcheck ? 'Close the self-check' : 'Open the self-check'}</button>
        </div>
        <div id="selfcheck-body">{selfcheck && <SelfCheckPanel />}</div>
      </section>
    </section>
  );
}
