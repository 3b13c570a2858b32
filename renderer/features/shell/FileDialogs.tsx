import { useState, type FormEvent } from 'react';
import { appStore, useApp, useAppShallow } from '../../store';
import { Modal } from './Modal';
import { whenText } from './when';

/** At the start: unsaved work from last time, kept by autosave. Restore or discard — never lost by accident. */
function RecoveryPrompt({ name, savedAt }: { name: string; savedAt: string }) {
  const [busy, setBusy] = useState(false);
  const act = (run: () => Promise<void>) => () => {
    setBusy(true);
    void run().finally(() => setBusy(false));
  };
  const s = appStore.getState();
  return (
    <Modal role="alertdialog" labelledBy="recovery-title" describedBy="recovery-text" testId="recovery-prompt">
      <h2 id="recovery-title">Restore unsaved work from <span className="nowrap">{whenText(savedAt)}</span>?</h2>
      <p id="recovery-text">
        Steward kept a copy of <strong>{name}</strong> with changes that were not saved when it last closed.
        Restore it to carry on where you left off, or discard it.
      </p>
      <div className="modal-actions">
        <button type="button" className="button" onClick={act(() => s.discardRecovery())} disabled={busy}>Discard</button>
        <button type="button" className="button button-primary" onClick={act(() => s.restoreRecovery())} disabled={busy} data-autofocus>Restore</button>
      </div>
    </Modal>
  );
}

/** Before another project replaces one with unsaved changes. */
function ReplacePrompt({ name }: { name: string }) {
  const answer = appStore.getState().answerReplace;
  return (
    <Modal role="alertdialog" labelledBy="replace-title" describedBy="replace-text" onEscape={() => answer('cancel')} testId="replace-prompt">
      <h2 id="replace-title">Save the changes to {name}?</h2>
      <p id="replace-text">Opening another project replaces this one. Your changes will be lost if you don’t save them.</p>
      <div className="modal-actions">
        <button type="button" className="button" onClick={() => answer('cancel')}>Cancel</button>
        <button type="button" className="button" onClick={() => answer('discard')}>Don’t save</button>
        <button type="button" className="button button-primary" onClick={() => answer('save')} data-autofocus>Save</button>
      </div>
    </Modal>
  );
}

/** File → Project settings…: the district's name, its first budget year and how many years to forecast. */
function SettingsDialog() {
  const settings = useApp((s) => s.project?.settings);
  const [name, setName] = useState(settings?.district_name ?? '');
  const [year, setYear] = useState(String(settings?.base_year ?? ''));
  const [horizon, setHorizon] = useState(String(settings?.horizon_years ?? 5));
  const [problem, setProblem] = useState<string | null>(null);
  const close = () => appStore.getState().setSettingsOpen(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = appStore.getState().editSettings({ district_name: name.trim(), base_year: Number(year), horizon_years: Number(horizon) });
    if (r.ok) close();
    else setProblem(r.reason);
  };
  return (
    <Modal labelledBy="settings-title" onEscape={close} testId="settings-dialog">
      <form onSubmit={submit} className="settings-form">
        <h2 id="settings-title">Project settings</h2>
        <label>District name<input name="district_name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} /></label>
        <label>First budget year (FY ending in)<input name="base_year" type="number" inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} required /></label>
        <label>Years to forecast<input name="horizon_years" type="number" min={1} max={10} value={horizon} onChange={(e) => setHorizon(e.target.value)} required /></label>
        {problem && <p className="settings-problem" role="alert">{problem}</p>}
        <div className="modal-actions">
          <button type="button" className="button" onClick={close}>Cancel</button>
          <button type="submit" className="button button-primary">Apply</button>
        </div>
      </form>
    </Modal>
  );
}

/** The file dialogs of the window: the restore offer, the replace question, project settings. */
export function FileDialogs() {
  const d = useAppShallow((s) => ({ offer: s.recoveryOffer, replace: s.replacePrompt, settings: s.settingsOpen && s.project !== null }));
  return (
    <>
      {d.offer && <RecoveryPrompt name={d.offer.name} savedAt={d.offer.savedAt} />}
      {!d.offer && d.replace && <ReplacePrompt name={d.replace.name} />}
      {!d.offer && !d.replace && d.settings && <SettingsDialog />}
    </>
  );
}
