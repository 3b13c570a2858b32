import { useEffect, useRef, useState } from 'react';
import { appHost, isDirty, useApp, useAppShallow } from '../../store';
import { FileDialogs } from './FileDialogs';
import { useFileCommands } from './useFileCommands';
import { whenText } from './when';
import './shell.css';

/** Desktop: File → Open Recent in the window too (the browser cannot open a file again by name). */
function RecentMenu() {
  const recent = useApp((s) => s.recent);
  const app = useApp((s) => s);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);
  return (
    <div className="recent" ref={root} onKeyDown={(e) => { if (e.key === 'Escape') setOpen(false); }}>
      <button type="button" className="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>Recent ▾</button>
      {open && (
        <ul className="recent-menu" role="menu" aria-label="Recent files">
          {recent.length === 0 && <li role="none" className="recent-empty">No recent files</li>}
          {recent.map((r) => (
            <li role="none" key={r.id}>
              <button type="button" role="menuitem" onClick={() => { setOpen(false); void app.openRecent(r.id); }}>
                {r.name}<span className="recent-folder">{r.kind === 'folder' ? 'folder in ' : ''}{r.folder}</span>
              </button>
            </li>
          ))}
          {recent.length > 0 && (
            <li role="none"><button type="button" role="menuitem" className="recent-clear" onClick={() => { setOpen(false); void app.clearRecent(); }}>Clear recent files</button></li>
          )}
        </ul>
      )}
    </div>
  );
}

/** The project's name with an unsaved marker (and whether the changes are kept for recovery), and the file and edit commands. */
export function TitleBar() {
  const s = useAppShallow((st) => ({ name: st.name, dirty: isDirty(st), hasProject: st.project !== null, canUndo: st.past.length > 0, canRedo: st.future.length > 0, busy: st.status === 'loading', recovery: st.recoveryStatus }));
  const app = useApp((st) => st);
  useFileCommands();
  const kept = s.recovery && 'savedAt' in s.recovery ? s.recovery.savedAt : null;
  const problem = s.recovery && 'problem' in s.recovery ? s.recovery.problem : null;
  const unsavedTitle = problem ? `Unsaved changes — ${problem}` : kept ? `Unsaved changes — kept for recovery ${whenText(kept)}` : 'Unsaved changes';
  return (
    <header className="titlebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">S</span>
        <span className="brand-name">Steward</span>
        {s.hasProject && (
          <span className="doc-name" data-testid="doc-name">
            {s.name}
            {s.dirty && (
              <span className={`unsaved${problem ? ' unsaved-unkept' : ''}`} data-testid="unsaved" title={unsavedTitle} data-recovery-kept={kept ?? undefined}>
                {' '}• unsaved{problem ? ' (not kept)' : ''}
              </span>
            )}
          </span>
        )}
      </div>
      <div className="titlebar-actions" role="toolbar" aria-label="File and edit">
        <button type="button" className="button" onClick={() => void app.newProject()} disabled={s.busy}>New</button>
        <button type="button" className="button" onClick={() => void app.openDemo()} disabled={s.busy}>Demo district</button>
        <button type="button" className="button" onClick={() => void app.openDemo('network')} disabled={s.busy}>Network demo</button>
        <button type="button" className="button" onClick={() => void app.openFile({ folder: true })} disabled={s.busy}>Open CSV folder…</button>
        <button type="button" className="button" onClick={() => void app.openFile()} disabled={s.busy}>Open file…</button>
        {appHost.recent && <RecentMenu />}
        <button type="button" className="button button-primary" onClick={() => void app.save()} disabled={s.busy || !s.hasProject} aria-keyshortcuts="Control+S">Save</button>
        <button type="button" className="button" onClick={() => void app.save({ saveAs: true })} disabled={s.busy || !s.hasProject} aria-keyshortcuts="Control+Shift+S">Save as…</button>
        <button type="button" className="button" onClick={() => app.setSettingsOpen(true)} disabled={s.busy || !s.hasProject}>Settings…</button>
        <span className="separator" aria-hidden="true" />
        <button type="button" className="button" onClick={() => app.undo()} disabled={!s.canUndo} aria-keyshortcuts="Control+Z">Undo</button>
        <button type="button" className="button" onClick={() => app.redo()} disabled={!s.canRedo} aria-keyshortcuts="Control+Shift+Z">Redo</button>
      </div>
      <FileDialogs />
    </header>
  );
}
