import type { StateCreator } from 'zustand/vanilla';
import { applyEdit, describeEdit, type Edit } from '../../models/project/edit';
import { newProject, nextFiscalYear } from '../../models/project/new-project';
import type { OpenedFile } from '../../models/project/open-file';
import type { Problem } from '../../models/project/problems';
import type { Project } from '../../models/project/project';
import { withRowSources } from '../../models/project/row-sources';
import type { ProjectSummary } from '../../models/project/summary';
import type { Settings, TableKind } from '../../models/schema/tables';
import type { ChosenFiles, Command, RecentEntry, RecoveryEntry } from '../platform/types';
import { createAutosave, type Autosave } from './autosave';
import type { Services } from './services';
import type { AppState } from './state';
import { COALESCE_MS, moveKey, type WhatIf } from './what-if';

/** One project version: immutable; a new edit makes a new one, undo returns to an old one. */
export interface Version { project: Project; version: number; label: string; /** The what-if sliders then (what-if.ts). */ whatIf?: WhatIf | null }

/** The checks of the version on screen: `validate`'s problems, and figures only when there are no errors. */
export interface Checked { version: number; problems: Problem[]; ok: boolean; summary: ProjectSummary | null }

export interface ProjectSlice {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** What is being loaded, for the loading indicator. */
  loading: string | null;
  error: string | null;
  project: Project | null;
  /** Increases with every change; results are computed for a version and kept with it. */
  version: number;
  /** The file name shown in the title ("demo-district.xlsx", "Untitled"). */
  name: string;
  /** Where Save writes (the host's token for the file), when it was opened from or saved to one. */
  token: string | undefined;
  /** True when the file behind `token` is a .steward file Save can write back to. */
  saveable: boolean;
  /** The version last saved or opened: the project is unsaved when it differs. */
  savedVersion: number;
  /** Problems of the reading itself (rows left out, import notices), kept with the project. */
  importProblems: Problem[];
  checked: Checked | null;
  /** The last file opened, with its import reports (the import report panel). */
  lastOpened: OpenedFile | null;
  past: Version[];
  future: Version[];
  /** The what-if sliders' positions (Scenarios screen), null when none is moved. */
  whatIf: WhatIf | null;
  /**
   * Moves the what-if sliders as one undoable step (the project stays as it is). Moves of the same
   * slider (`driver`) in quick succession are one step, so a drag undoes in one go.
   */
  moveWhatIf(next: WhatIf | null, label: string, driver?: string): void;
  /** Unsaved work from last time, offered at the start ("Restore unsaved work from …?"); nothing is autosaved while it is open. */
  recoveryOffer: { name: string; savedAt: string } | null;
  /** When the unsaved changes on screen were last kept for recovery, or why they could not be. */
  recoveryStatus: { savedAt: string } | { problem: string } | null;
  /** Desktop: recently opened files (empty in the browser). */
  recent: RecentEntry[];
  /** Asking before unsaved changes are replaced by another project: Save, Don't save or Cancel. */
  replacePrompt: { name: string } | null;
  /** The project settings dialog (File → Project settings…) is open. */
  settingsOpen: boolean;
  /** Once, when the window opens: the recovery offer, the file the app was started with, else the demo; autosave starts. */
  startup(): Promise<void>;
  restoreRecovery(): Promise<void>;
  discardRecovery(): Promise<void>;
  /** Answers the replace prompt. */
  answerReplace(choice: 'save' | 'discard' | 'cancel'): void;
  /** The demo district, or with 'network' the demo charter network. */
  openDemo(kind?: 'district' | 'network'): Promise<void>;
  newProject(): Promise<void>;
  /** A project replaces the one on screen (open, new, demo): history starts again. */
  loadProject(project: Project, fields: Partial<ProjectSlice>): void;
  openFile(opts?: { folder?: boolean }): Promise<void>;
  /**
   * The Import screen's chooser: an export goes to the wizard and is added to the project on screen,
   * so nothing is asked first; a file that turns out to be a project asks before it replaces this one.
   */
  /** Choose a file to import; `kind` reads it as that table (the Allocate review's "Choose an actuals file…"). */
  importFile(opts?: { folder?: boolean; kind?: TableKind }): Promise<void>;
  /** Before a project replaces one with unsaved changes: true to go on (saved, or changes given up). */
  confirmReplace(): Promise<boolean>;
  /** A file that came from outside the page (a double-click, a second launch, Open Recent): asks first if there are unsaved changes. */
  openFromOutside(chosen: ChosenFiles): Promise<void>;
  openRecent(id: string): Promise<void>;
  refreshRecent(): Promise<void>;
  clearRecent(): Promise<void>;
  /** Saves; true when the project is saved afterwards (false when cancelled or refused). */
  save(opts?: { saveAs?: boolean }): Promise<boolean>;
  /** A command from the native menu or the window's own File menu. Undo and redo are the shell's (a text field may own them). */
  runCommand(command: Command): Promise<void>;
  setSettingsOpen(open: boolean): void;
  /** Keeps unsaved changes for recovery now (the page is being hidden or closed). */
  keepForRecovery(): Promise<void>;
  /** File → Project settings…: district name, first budget year, years forecast — one undoable edit. */
  editSettings(change: Partial<Pick<Settings, 'district_name' | 'base_year' | 'horizon_years'>>): { ok: true } | { ok: false; reason: string };
  /** Applies edits as one undoable step; a refused edit leaves the project as it was and says why. */
  edit(edits: Edit | Edit[], label?: string): { ok: true } | { ok: false; reason: string };
  undo(): void;
  redo(): void;
  closeReport(): void;
  /** Resolves once the engine worker holds `version` (engine runs for a version wait on it). */
  syncedVersion(version: number): Promise<void>;
}

const HISTORY_LIMIT = 200;
export const DEMO_NAME = 'Riverbend demo district';
export const DEMO_NETWORK_NAME = 'Harbor Prep demo network';

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Every problem of the version on screen: the reading's, then the checks' (the same list as `steward validate`). */
export function problemsOf(s: Pick<ProjectSlice, 'importProblems' | 'checked' | 'version'>): Problem[] {
  const checks = s.checked && s.checked.version === s.version ? s.checked.problems : [];
  return [...s.importProblems, ...checks];
}

export function isDirty(s: Pick<ProjectSlice, 'version' | 'savedVersion' | 'project'>): boolean {
  return s.project !== null && s.version !== s.savedVersion;
}

export const createProjectSlice = (services: Services): StateCreator<AppState, [], [], ProjectSlice> => (set, get, api) => {
  const { engine, host } = services;
  let started = false;
  let offered: RecoveryEntry | null = null;
  let answer: ((choice: 'save' | 'discard' | 'cancel') => void) | null = null;

  /** The version on screen as .steward bytes: from the worker, which holds it (sent in full if it does not). */
  const serialise = async (version: number): Promise<Uint8Array> => {
    try {
      return await engine.call('serialise', { version });
    } catch {
      const s = get();
      if (s.version !== version || !s.project) throw new Error('the project changed while it was being written');
      await engine.call('sync', { version, project: s.project });
      return engine.call('serialise', { version });
    }
  };

  const autosave: Autosave = createAutosave({
    view: () => {
      const s = get();
      return { dirty: isDirty(s), version: s.version, name: s.name, token: s.token, saveable: s.saveable, held: s.recoveryOffer !== null };
    },
    serialise,
    recovery: host.recovery,
    report: (recoveryStatus) => set({ recoveryStatus }),
  });

  /**
   * Before a project replaces one with unsaved changes: Save (and go on only if it was saved),
   * Don't save (the changes and their recovery copy go), or Cancel.
   */
  const mayReplace = async (): Promise<boolean> => {
    const s = get();
    if (!isDirty(s)) return true;
    answer?.('cancel');
    const choice = await new Promise<'save' | 'discard' | 'cancel'>((resolve) => {
      answer = resolve;
      set({ replacePrompt: { name: s.name } });
    });
    answer = null;
    set({ replacePrompt: null });
    if (choice === 'cancel') return false;
    if (choice === 'save') return get().save();
    await autosave.discard();
    return true;
  };
  /** The host's file chooser: the files picked, or null when cancelled or it failed (the error shown). */
  const choose = async (folder: boolean): Promise<ChosenFiles | null> => {
    try {
      return await host.openFile({ folder });
    } catch (err) {
      set({ error: `Could not open the file: ${message(err)}` });
      return null;
    }
  };
  // The version the engine worker holds last, so an edit can be sent as an edit.
  let workerVersion = -1;
  let nextVersion = 1;
  // Who waits for which version to reach the worker (engine runs of the version on screen).
  const waiting = new Map<number, (() => void)[]>();
  const synced = (version: number) => {
    workerVersion = version;
    for (const [v, fns] of waiting) if (v <= version) { waiting.delete(v); for (const f of fns) f(); }
  };

  /** Sends the version on screen to the worker (as edits when it holds the one before) and checks it. */
  const syncAndCheck = async (edits?: { base: number; edits: Edit[] }) => {
    const { project, version, name } = get();
    if (!project) return;
    try {
      if (edits && workerVersion === edits.base) await engine.call('sync', { version, base: edits.base, edits: edits.edits });
      else await engine.call('sync', { version, project });
      synced(version);
      const result = await engine.call('check', { version, name });
      if (get().version === version) set({ checked: { version, ...result } });
    } catch (err) {
      if (get().version === version) set({ status: 'error', error: `Could not check the project: ${message(err)}` });
    }
  };

  // Every load counts; a slow demo build that finishes after the user restored or opened something
  // else is dropped instead of replacing it.
  let loads = 0;
  const load = (project: Project, fields: Partial<ProjectSlice>) => {
    loads++;
    const version = nextVersion++;
    // Every row gets a source (the demo's rows have none), so every problem names a row to go to.
    set({ status: 'ready', loading: null, error: null, project: withRowSources(project), version, savedVersion: version, past: [], future: [], whatIf: null, checked: null, importProblems: [], token: undefined, saveable: false, ...fields });
    void syncAndCheck();
  };

  const moveTo = (target: Version, from: 'past' | 'future') => {
    const s = get();
    if (!s.project) return;
    lastMove = null;
    const current: Version = { project: s.project, version: s.version, label: target.label, whatIf: s.whatIf };
    const rest = s[from].slice(0, -1);
    const whatIf = target.whatIf ?? null;
    // A what-if step leaves the project version as it is: nothing to check or send again.
    if (target.version === s.version) {
      set(from === 'past' ? { whatIf, past: rest, future: [...s.future, current] } : { whatIf, future: rest, past: [...s.past, current] });
      return;
    }
    set(from === 'past'
      ? { project: target.project, version: target.version, whatIf, past: rest, future: [...s.future, current], checked: null }
      : { project: target.project, version: target.version, whatIf, future: rest, past: [...s.past, current], checked: null });
    void syncAndCheck();
  };
  /** The last what-if move (its slider and when), for coalescing a drag into one step. */
  let lastMove: { key: string; at: number } | null = null;

  return {
    status: 'idle', loading: null, error: null, project: null, version: 0, name: 'Untitled', token: undefined, saveable: false,
    savedVersion: 0, importProblems: [], checked: null, lastOpened: null, past: [], future: [], whatIf: null,

    recoveryOffer: null, recoveryStatus: null, recent: [], replacePrompt: null, settingsOpen: false,

    async startup() {
      if (started) return;
      started = true;
      api.subscribe((st, prev) => {
        if (st.name !== prev.name || st.token !== prev.token || st.version !== prev.version || st.savedVersion !== prev.savedVersion || st.project !== prev.project) {
          host.setDocumentState({ name: st.name, dirty: isDirty(st), ...(st.token !== undefined ? { token: st.token } : {}) });
        }
        if (st.version !== prev.version || st.savedVersion !== prev.savedVersion || st.project !== prev.project || st.recoveryOffer !== prev.recoveryOffer) autosave.changed();
      });
      try {
        offered = await host.recovery.read();
      } catch {
        offered = null;
      }
      if (offered) set({ recoveryOffer: { name: offered.name, savedAt: offered.savedAt } });
      void get().refreshRecent();
      let launched: ChosenFiles | null = null;
      try {
        launched = await host.launchFile();
      } catch (err) {
        set({ error: `Could not open the file Steward was started with: ${message(err)}` });
      }
      if (launched) await get().openChosen(launched);
      if (!get().project) await get().openDemo();
    },

    async restoreRecovery() {
      const entry = offered;
      if (!entry) return;
      set({ status: 'loading', loading: 'Restoring unsaved work…', error: null });
      try {
        const file = /\.steward$/i.test(entry.name) ? entry.name : `${entry.name.replace(/\.[^.]+$/, '')}.steward`;
        const opened = await engine.open({ name: entry.name, files: [{ name: file, bytes: entry.bytes.slice() }], flags: {} });
        if (!opened.project) {
          const why = opened.problems.find((p) => p.severity === 'error')?.message ?? 'it is not a project';
          // Closed, not deleted: the copy stays in the store until new unsaved work replaces it.
          offered = null;
          set({ status: get().project ? 'ready' : 'idle', loading: null, recoveryOffer: null, error: `The unsaved work could not be read back: ${why}` });
          return;
        }
        offered = null;
        autosave.adopt();
        // Unsaved (savedVersion 0 is no version): the restored work is not what is on disk.
        load(opened.project, { name: entry.name, token: entry.token, saveable: entry.saveable && entry.token !== undefined, importProblems: opened.importProblems, lastOpened: null, savedVersion: 0, recoveryOffer: null });
      } catch (err) {
        offered = null;
        set({ status: get().project ? 'ready' : 'idle', loading: null, recoveryOffer: null, error: `The unsaved work could not be read back: ${message(err)}` });
      }
    },

    async discardRecovery() {
      offered = null;
      set({ recoveryOffer: null });
      await autosave.discard();
    },

    answerReplace(choice) {
      answer?.(choice);
    },

    async openDemo(kind = 'district') {
      if (!(await mayReplace())) return;
      const what = kind === 'network' ? 'the demo network' : 'the demo district';
      set({ status: 'loading', loading: `Building ${what}…`, error: null });
      const before = loads;
      try {
        const demo = await engine.call('demo', kind === 'network' ? { network: true } : {});
        if (loads !== before) return;
        load(demo, { name: kind === 'network' ? DEMO_NETWORK_NAME : DEMO_NAME, lastOpened: null });
      } catch (err) {
        set({ status: 'error', loading: null, error: `Could not open ${what}: ${message(err)}` });
      }
    },

    async newProject() {
      if (!(await mayReplace())) return;
      load(newProject({ district_name: 'New district', base_year: nextFiscalYear(new Date()) }), { name: 'Untitled', lastOpened: null });
    },

    loadProject: load,

    async openFile(opts) {
      if (!(await mayReplace())) return;
      const chosen = await choose(opts?.folder === true);
      if (chosen) await get().openChosen(chosen);
    },

    async importFile(opts) {
      const chosen = await choose(opts?.folder === true);
      if (chosen) await get().openChosen(chosen, opts?.kind, { askBeforeReplacing: true });
    },

    confirmReplace: () => mayReplace(),

    async openFromOutside(chosen) {
      if (!(await mayReplace())) return;
      await get().openChosen(chosen);
    },

    async openRecent(id) {
      if (!host.recent || !(await mayReplace())) return;
      let chosen;
      try {
        chosen = await host.recent.open(id);
      } catch (err) {
        set({ error: `Could not open the file: ${message(err)}` });
        void get().refreshRecent();
        return;
      }
      if (chosen) await get().openChosen(chosen);
    },

    async refreshRecent() {
      if (!host.recent) return;
      try {
        set({ recent: await host.recent.list() });
      } catch {
        // The list is a convenience: without it, File → Open still works.
      }
    },

    async clearRecent() {
      if (!host.recent) return;
      await host.recent.clear().catch(() => undefined);
      await get().refreshRecent();
    },

    async save(opts) {
      const s = get();
      if (!s.project) return false;
      // Save writes back only to a .steward file opened or saved as one; a workbook, a CSV folder,
      // the demo or a new project asks where (Save As), so nothing but a Steward project is overwritten.
      const saveAs = opts?.saveAs === true || !s.saveable || s.token === undefined;
      const suggestedName = /\.steward$/i.test(s.name) ? s.name : `${s.name.replace(/\.[^.]+$/, '')}.steward`;
      try {
        const bytes = await serialise(s.version);
        const saved = await host.saveFile({ ...(saveAs ? {} : { token: s.token }), suggestedName, bytes, saveAs });
        if (!saved) return false;
        set({ name: saved.name, token: saved.token, saveable: true, savedVersion: s.version, error: null });
        void get().refreshRecent();
        return get().version === s.version;
      } catch (err) {
        set({ error: `Could not save ${suggestedName}: ${message(err)}` });
        return false;
      }
    },

    async runCommand(command) {
      switch (command.command) {
        case 'new': return get().newProject();
        case 'open': return get().openFile();
        case 'open-folder': return get().openFile({ folder: true });
        case 'save': await get().save(); return;
        case 'save-as': await get().save({ saveAs: true }); return;
        case 'undo': get().undo(); return;
        case 'redo': get().redo(); return;
        case 'settings': if (get().project) set({ settingsOpen: true }); return;
        case 'save-and-close':
          await autosave.flush();
          if (await get().save()) await host.closeWindow();
          return;
        case 'open-chosen': return get().openFromOutside(command.chosen);
        case 'recent-changed': return get().refreshRecent();
      }
    },

    setSettingsOpen(open) {
      set({ settingsOpen: open });
    },

    keepForRecovery: () => autosave.flush(),

    editSettings(change) {
      const project = get().project;
      if (!project) return { ok: false, reason: 'no project is open' };
      const settings = { ...project.settings, ...change };
      if (JSON.stringify(settings) === JSON.stringify(project.settings)) return { ok: true };
      return get().edit({ op: 'set-settings', settings }, 'edit the project settings');
    },

    edit(edits, label) {
      const s = get();
      if (!s.project) return { ok: false, reason: 'no project is open' };
      const list = Array.isArray(edits) ? edits : [edits];
      let project = s.project;
      for (const e of list) {
        const next = applyEdit(project, e);
        if (!next.ok) return { ok: false, reason: next.reason };
        project = next.value;
      }
      const base = s.version;
      const version = nextVersion++;
      const past = [...s.past, { project: s.project, version: s.version, label: label ?? describeEdit(list[0]!), whatIf: s.whatIf }].slice(-HISTORY_LIMIT);
      lastMove = null;
      set({ project, version, past, future: [], checked: null });
      void syncAndCheck({ base, edits: list });
      return { ok: true };
    },

    moveWhatIf(next, label, driver) {
      const s = get();
      if (!s.project) return;
      const key = moveKey(next, driver ?? null);
      const now = Date.now();
      const same = key !== null && lastMove?.key === key && now - lastMove.at < COALESCE_MS && s.future.length === 0 && s.past.at(-1)?.version === s.version;
      lastMove = key ? { key, at: now } : null;
      if (same) { set({ whatIf: next }); return; }
      const past = [...s.past, { project: s.project, version: s.version, label, whatIf: s.whatIf }].slice(-HISTORY_LIMIT);
      set({ whatIf: next, past, future: [] });
    },

    undo() {
      const target = get().past.at(-1);
      if (target) moveTo(target, 'past');
    },

    redo() {
      const target = get().future.at(-1);
      if (target) moveTo(target, 'future');
    },

    closeReport() {
      set({ lastOpened: null });
    },

    syncedVersion(version) {
      if (workerVersion === version) return Promise.resolve();
      return new Promise<void>((resolve) => waiting.set(version, [...(waiting.get(version) ?? []), resolve]));
    },
  };
};

export type { TableKind };
