import { useState, type FormEvent } from 'react';
import { useApp, useRun } from '../../store';

/** Name, note, "presented": keeps the version on screen as a snapshot (one undoable edit). */
export function TakeSnapshot() {
  const edit = useApp((s) => s.edit);
  const run = useRun('history-results', {});
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [presented, setPresented] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const ready = run?.status === 'done' && run.result !== undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!ready || !run.result) return;
    const snapshot = { ...run.result, name: name.trim(), note: note.trim(), presented, taken_at: new Date().toISOString() };
    const r = edit({ op: 'take-snapshot', snapshot });
    if (r.ok) { setMessage({ ok: true, text: `Snapshot "${snapshot.name}" kept${presented ? ' as presented' : ''}. Save the project to keep it in the file.` }); setName(''); setNote(''); setPresented(false); }
    else setMessage({ ok: false, text: r.reason });
  };
  return (
    <form className="panel history-take" onSubmit={submit} aria-labelledby="take-title">
      <h2 id="take-title">Take a snapshot</h2>
      <p className="muted small">Keeps the inputs as they are now with their key figures (allocation by site, equity, each scenario&apos;s balances, FTE by role). A presented snapshot can never be edited.</p>
      <div className="history-fields">
        <label>Snapshot name<input data-testid="snapshot-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} required /></label>
        <label>Note<input data-testid="snapshot-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} /></label>
        <label className="history-check"><input type="checkbox" checked={presented} onChange={(e) => setPresented(e.target.checked)} />Presented to the board</label>
        <button type="submit" className="button button-primary" disabled={!ready || name.trim() === ''}>Take snapshot</button>
      </div>
      {run?.status === 'running' && <p className="muted small" role="status">Computing the figures to keep…</p>}
      {run?.status === 'failed' && <p className="banner banner-error" role="alert">{run.error}</p>}
      {message && <p className={message.ok ? 'small' : 'banner banner-error'} role={message.ok ? 'status' : 'alert'} data-testid="snapshot-message">{message.text}</p>}
    </form>
  );
}
