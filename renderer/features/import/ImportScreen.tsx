import { useApp } from '../../store';
import { EmptyState } from '../../ui/EmptyState';
import { ImportPanel } from './ImportPanel';

/** Bring in an export: what was read from the last file, and why rows were left out. */
export function ImportScreen() {
  const lastOpened = useApp((s) => s.lastOpened);
  const openFile = useApp((s) => s.openFile);
  const closeReport = useApp((s) => s.closeReport);
  const busy = useApp((s) => s.status === 'loading');
  return (
    <>
      <section className="panel" aria-labelledby="import-screen-title">
        <h1 id="import-screen-title">Import</h1>
        <p>Open an export from a finance or HR system — a budget or ledger, positions, enrollment — or a whole district workbook. Every row is counted: read = accepted + rejected.</p>
        <p>
          <button type="button" className="button button-primary" onClick={() => void openFile()} disabled={busy}>Choose a file…</button>{' '}
          <button type="button" className="button" onClick={() => void openFile({ folder: true })} disabled={busy}>Choose a folder of CSVs…</button>
        </p>
      </section>
      {lastOpened ? <ImportPanel result={lastOpened} onClose={closeReport} /> : <EmptyState title="Nothing imported yet"><p>The report of the file you open appears here.</p></EmptyState>}
    </>
  );
}
