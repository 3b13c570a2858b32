import { useEffect } from 'react';
import { projectStore, useProject } from './store';
import { Toolbar } from './features/shell/Toolbar';
import { Footer } from './features/shell/Footer';
import { Overview } from './features/overview/Overview';
import { ImportPanel } from './features/import/ImportPanel';

export function App() {
  const summary = useProject((s) => s.summary);
  const source = useProject((s) => s.source);
  const status = useProject((s) => s.status);
  const error = useProject((s) => s.error);
  const lastImport = useProject((s) => s.lastImport);

  // Steward opens on the demo district, so a first run shows real figures straight away.
  useEffect(() => {
    if (projectStore.getState().status === 'idle') void projectStore.getState().openDemo();
  }, []);

  return (
    <div className="app">
      <Toolbar busy={status === 'loading'} />
      <main className="content" aria-busy={status === 'loading'}>
        {error && <div className="banner banner-error" role="alert">{error}</div>}
        {lastImport && <ImportPanel result={lastImport} onClose={() => projectStore.getState().closeImport()} />}
        {summary ? <Overview summary={summary} source={source} /> : status === 'loading' && <p className="muted">Loading…</p>}
      </main>
      <Footer />
    </div>
  );
}
