import type { StateCreator } from 'zustand/vanilla';
import { applyEdit, describeEdit, type Edit } from '../../models/project/edit';
import { newProject, nextFiscalYear } from '../../models/project/new-project';
import type { OpenedFile } from '../../models/project/open-file';
import type { Problem } from '../../models/project/problems';
import type { Project } from '../../models/project/project';
import { withRowSources } from '../../models/project/row-sources';
import type { ProjectSummary } from '../../models/project/summary';
import type { TableKind } from '../../models/schema/tables';
import type { Services } from './services';
import type { AppState } from './state';

/** One project version: immutable; a new edit makes a new one, undo returns to an old one. */
export interface Version { project: Project; version: number; label: string }

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
  openDemo(): Promise<void>;
  newProject(): void;
  /** A project replaces the one on screen (open, new, demo): history starts again. */
  loadProject(project: Project, fields: Partial<ProjectSlice>): void;
  openFile(opts?: { folder?: boolean }): Promise<void>;
  save(opts?: { saveAs?: boolean }): Promise<void>;
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

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Every problem of the version on screen: the reading's, then the checks' (the same list as `steward validate`). */
export function problemsOf(s: Pick<ProjectSlice, 'importProblems' | 'checked' | 'version'>): Problem[] {
  const checks = s.checked && s.checked.version === s.version ? s.checked.problems : [];
  return [...s.importProblems, ...checks];
}

export function isDirty(s: Pick<ProjectSlice, 'version' | 'savedVersion' | 'project'>): boolean {
  return s.project !== null && s.version !== s.savedVersion;
}

export const createProjectSlice = (services: Services): StateCreator<AppState, [], [], ProjectSlice> => (set, get) => {
  const { engine, host } = services;
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

  const load = (project: Project, fields: Partial<ProjectSlice>) => {
    const version = nextVersion++;
    // Every row gets a source (the demo's rows have none), so every problem names a row to go to.
    set({ status: 'ready', loading: null, error: null, project: withRowSources(project), version, savedVersion: version, past: [], future: [], checked: null, importProblems: [], token: undefined, saveable: false, ...fields });
    void syncAndCheck();
  };

  const moveTo = (target: Version, from: 'past' | 'future') => {
    const s = get();
    if (!s.project) return;
    const current: Version = { project: s.project, version: s.version, label: target.label };
    const rest = s[from].slice(0, -1);
    set(from === 'past'
      ? { project: target.project, version: target.version, past: rest, future: [...s.future, current], checked: null }
      : { project: target.project, version: target.version, future: rest, past: [...s.past, current], checked: null });
    void syncAndCheck();
  };

  return {
    status: 'idle', loading: null, error: null, project: null, version: 0, name: 'Untitled', token: undefined, saveable: false,
    savedVersion: 0, importProblems: [], checked: null, lastOpened: null, past: [], future: [],

    async openDemo() {
      set({ status: 'loading', loading: 'Building the demo district…', error: null });
      try {
        load(await engine.call('demo', {}), { name: DEMO_NAME, lastOpened: null });
      } catch (err) {
        set({ status: 'error', loading: null, error: `Could not open the demo district: ${message(err)}` });
      }
    },

    newProject() {
      load(newProject({ district_name: 'New district', base_year: nextFiscalYear(new Date()) }), { name: 'Untitled', lastOpened: null });
    },

    loadProject: load,

    async openFile(opts) {
      let chosen;
      try {
        chosen = await host.openFile({ folder: opts?.folder === true });
      } catch (err) {
        set({ error: `Could not open the file: ${message(err)}` });
        return;
      }
      if (chosen) await get().openChosen(chosen);
    },

    async save(opts) {
      const s = get();
      if (!s.project) return;
      const saveAs = opts?.saveAs === true || !s.saveable || s.token === undefined;
      const suggestedName = /\.steward$/i.test(s.name) ? s.name : `${s.name.replace(/\.[^.]+$/, '')}.steward`;
      try {
        await engine.call('sync', { version: s.version, project: s.project });
        const bytes = await engine.call('serialise', { version: s.version });
        const saved = await host.saveFile({ ...(saveAs ? {} : { token: s.token }), suggestedName, bytes, saveAs });
        if (!saved) return;
        set({ name: saved.name, token: saved.token, saveable: true, savedVersion: s.version });
      } catch (err) {
        set({ error: `Could not save ${suggestedName}: ${message(err)}` });
      }
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
      const past = [...s.past, { project: s.project, version: s.version, label: label ?? describeEdit(list[0]!) }].slice(-HISTORY_LIMIT);
      set({ project, version, past, future: [], checked: null });
      void syncAndCheck({ base, edits: list });
      return { ok: true };
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
