import { createStore } from 'zustand/vanilla';
import type { ImportFlags, OpenFileReply, ProjectSummary, StewardApi } from '../../electron/ipc-contract';
import type { TableKind } from '../../models/schema/tables';

/** The import panel's checkboxes: fill down keys shown once per group; reject blank objects. */
export interface ImportChoices {
  fillDown: boolean;
  strict: boolean;
}

export const DEFAULT_IMPORT_CHOICES: ImportChoices = { fillDown: true, strict: false };

/** The choices as request flags: only those that differ from the defaults. */
export function importFlags(c: ImportChoices): ImportFlags {
  const out: ImportFlags = {};
  if (c.fillDown !== DEFAULT_IMPORT_CHOICES.fillDown) out.fillDown = c.fillDown;
  if (c.strict !== DEFAULT_IMPORT_CHOICES.strict) out.strict = c.strict;
  return out;
}

export interface ProjectState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The project on screen. */
  summary: ProjectSummary | null;
  /** Where it came from: "Built-in demo district" or a file name. */
  source: string | null;
  /** The last file opened, with its import reports and problems (kept even when it was not a project). */
  lastImport: OpenFileReply | null;
  /** How files are imported (kept across files), and the table the user chose under "Read as" for the last one. */
  importChoices: ImportChoices;
  readAs: TableKind | null;
  error: string | null;
  openDemo(): Promise<void>;
  openFile(opts?: { folder?: boolean }): Promise<void>;
  /** Read the last file again as the table the user picked. */
  reimportAs(kind: TableKind): Promise<void>;
  /** Change the import options and read the last file again with them. */
  setImportChoices(change: Partial<ImportChoices>): Promise<void>;
  closeImport(): void;
}

export const DEMO_SOURCE = 'Built-in demo district';

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** One store for the app, built around whichever StewardApi is in use (Electron or browser). */
export function createProjectStore(api: StewardApi) {
  return createStore<ProjectState>()((set, get) => ({
    status: 'idle',
    summary: null,
    source: null,
    lastImport: null,
    importChoices: DEFAULT_IMPORT_CHOICES,
    readAs: null,
    error: null,
    async openDemo() {
      set({ status: 'loading', error: null });
      try {
        const summary = await api.openDemo();
        set({ status: 'ready', summary, source: DEMO_SOURCE, lastImport: null });
      } catch (err) {
        set({ status: 'error', error: `Could not open the demo district: ${message(err)}` });
      }
    },
    async openFile(opts) {
      const previous = get().status;
      set({ status: 'loading', error: null });
      try {
        const flags = importFlags(get().importChoices);
        const request = opts?.folder || Object.keys(flags).length > 0 ? { ...(opts?.folder ? { folder: true } : {}), ...flags } : undefined;
        const reply = await api.openFile(request);
        if (reply === null) {
          set({ status: previous === 'loading' ? 'idle' : previous });
          return;
        }
        // A complete project replaces the one on screen; a single export only adds its report.
        set(reply.summary
          ? { status: 'ready', summary: reply.summary, source: reply.name, lastImport: reply, readAs: null }
          : { status: get().summary ? 'ready' : 'idle', lastImport: reply, readAs: null });
      } catch (err) {
        set({ status: 'error', error: `Could not open the file: ${message(err)}` });
      }
    },
    async reimportAs(kind) {
      const previous = get().status;
      set({ status: 'loading', error: null });
      try {
        const reply = await api.reimportAs({ kind, ...importFlags(get().importChoices) });
        set({ status: previous === 'loading' ? 'idle' : previous, ...(reply ? { lastImport: reply, readAs: kind } : {}) });
      } catch (err) {
        set({ status: 'error', error: `Could not read the file again: ${message(err)}` });
      }
    },
    async setImportChoices(change) {
      const importChoices = { ...get().importChoices, ...change };
      set({ importChoices });
      const last = get().lastImport;
      if (last === null) return;
      const previous = get().status;
      set({ status: 'loading', error: null });
      try {
        const flags = importFlags(importChoices);
        const kind = get().readAs;
        const reply = kind !== null ? await api.reimportAs({ kind, ...flags }) : await api.reopen(flags);
        const after = previous === 'loading' ? 'idle' : previous;
        if (reply === null) set({ status: after });
        // Read again as a project: the project on screen is the one these options give.
        else if (reply.summary) set({ status: 'ready', summary: reply.summary, source: reply.name, lastImport: reply });
        else set({ status: after, lastImport: reply });
      } catch (err) {
        set({ status: 'error', error: `Could not read the file again: ${message(err)}` });
      }
    },
    closeImport() {
      set({ lastImport: null });
    },
  }));
}

export type ProjectStore = ReturnType<typeof createProjectStore>;
