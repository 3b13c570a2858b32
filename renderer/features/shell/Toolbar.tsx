import { projectStore } from '../../store';

export function Toolbar({ busy }: { busy: boolean }) {
  const { openDemo, openFile } = projectStore.getState();
  return (
    <header className="toolbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">S</span>
        <span className="brand-name">Steward</span>
      </div>
      <nav className="toolbar-actions" aria-label="Project">
        <button type="button" className="button" onClick={() => void openDemo()} disabled={busy}>Demo district</button>
        <button type="button" className="button" onClick={() => void openFile({ folder: true })} disabled={busy}>Open CSV folder…</button>
        <button type="button" className="button button-primary" onClick={() => void openFile()} disabled={busy}>Open file…</button>
      </nav>
    </header>
  );
}
