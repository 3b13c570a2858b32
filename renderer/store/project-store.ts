import { createStore } from 'zustand/vanilla';
import type { OpenFileReply, ProjectSummary, StewardApi } from '../../electron/ipc-contract';
import type { TableKind } from '../../models/schema/tables';

export interface ProjectState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The project on screen. */
  summary: ProjectSummary | null;
  /** Where it came from: "Built-in demo district" or a file name. */
  source: string | null;
  /** The last file opened, with its import reports and problems (kept even when it was not a project). */
  lastImport: OpenFileReply | null;
  error: string | null;
  openDemo(): Promise<void>;
  openFile(opts?: { folder?: boolean }): Promise<void>;
  /** Read the last file again as the table the user picked. */
  reimportAs(kind: TableKind): Promise<void>;
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
        const reply = await api.openFile(opts?.folder ? { folder: true } : undefined);
        if (reply === null) {
          set({ status: previous === 'loading' ? 'idle' : previous });
          return;
        }
        // A complete project replaces the one on screen; a single export only adds its report.
        set(reply.summary
          ? { status: 'ready', summary: reply.summary, source: reply.name, lastImport: reply }
          : { status: get().summary ? 'ready' : 'idle', lastImport: reply });
      } catch (err) {
        set({ status: 'error', error: `Could not open the file: ${message(err)}` });
      }
    },
    async reimportAs(kind) {
      const previous = get().status;
      set({ status: 'loading', error: null });
      try {
        const reply = await api.reimportAs({ kind });
        set({ status: previous === 'loading' ? 'idle' : previous, ...(reply ? { lastImport: reply } : {}) });
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
