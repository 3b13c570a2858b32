import { useEffect, useState } from 'react';
import type { ImportBusy as Busy } from '../../store/import-slice';
import { appStore } from '../../store';
import { count } from '../../format';

/** A long import: what it is doing, rows done (or a live indicator while the file is read), and Cancel. */
export function ImportBusy({ busy }: { busy: Busy }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, []);
  const seconds = Math.max(0, Math.floor((now - busy.startedAt) / 1000));
  const p = busy.progress;
  const rows = p?.phase === 'importing' && p.total > 0;
  return (
    <div className="panel import-busy" data-testid="import-busy">
      <span className="busy-text">
        <span className="spinner" aria-hidden="true" />
        <span>
          {busy.label}
          {rows ? ` ${count(p.done)} of ${count(p.total)} rows` : p?.phase === 'reading' && p.total > 0 ? ` (${(p.total / 2 ** 20).toFixed(1)} MB)` : ''}
          {seconds >= 1 && <span className="muted"> · {seconds} s</span>}
        </span>
      </span>
      {rows
        ? <progress max={p.total} value={p.done} aria-label="Rows imported" data-testid="import-progress" />
        : <progress aria-label="Reading the file" data-testid="import-progress" />}
      <button type="button" className="button" data-testid="import-cancel" onClick={() => appStore.getState().cancelImport()}>Cancel</button>
    </div>
  );
}
