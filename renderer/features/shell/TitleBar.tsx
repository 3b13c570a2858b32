import { isDirty, useApp, useAppShallow } from '../../store';

/** The project's name with an unsaved marker, and the file and edit commands. */
export function TitleBar() {
  const s = useAppShallow((st) => ({ name: st.name, dirty: isDirty(st), hasProject: st.project !== null, canUndo: st.past.length > 0, canRedo: st.future.length > 0, busy: st.status === 'loading' }));
  const app = useApp((st) => st);
  return (
    <header className="titlebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">S</span>
        <span className="brand-name">Steward</span>
        {s.hasProject && (
          <span className="doc-name" data-testid="doc-name">
            {s.name}
            {s.dirty && <span className="unsaved" data-testid="unsaved" title="Unsaved changes"> • unsaved</span>}
          </span>
        )}
      </div>
      <div className="titlebar-actions" role="toolbar" aria-label="File and edit">
        <button type="button" className="button" onClick={() => app.newProject()} disabled={s.busy}>New</button>
        <button type="button" className="button" onClick={() => void app.openDemo()} disabled={s.busy}>Demo district</button>
        <button type="button" className="button" onClick={() => void app.openFile({ folder: true })} disabled={s.busy}>Open CSV folder…</button>
        <button type="button" className="button" onClick={() => void app.openFile()} disabled={s.busy}>Open file…</button>
        <button type="button" className="button button-primary" onClick={() => void app.save()} disabled={s.busy || !s.hasProject}>Save</button>
        <button type="button" className="button" onClick={() => void app.save({ saveAs: true })} disabled={s.busy || !s.hasProject}>Save as…</button>
        <span className="separator" aria-hidden="true" />
        <button type="button" className="button" onClick={() => app.undo()} disabled={!s.canUndo} aria-keyshortcuts="Control+Z">Undo</button>
        <button type="button" className="button" onClick={() => app.redo()} disabled={!s.canRedo} aria-keyshortcuts="Control+Shift+Z">Redo</button>
      </div>
    </header>
  );
}
