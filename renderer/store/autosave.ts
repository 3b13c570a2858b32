import type { RecoveryStore } from '../platform/types';

// Autosave to the recovery store: while the project has unsaved changes, a copy goes to the host's
// recovery store (desktop: a file in the app's data folder; browser: IndexedDB) a moment after the
// last edit, and at least every `maxWaitMs` while edits keep coming. When the project is clean again
// — saved, undone back to what was saved, or its changes discarded — the copy goes. While the start
// offer ("Restore unsaved work from …?") is open nothing is written, so the copy being offered can
// never be overwritten by the project behind the offer. No DOM, no store: tested under Node.

export interface AutosaveView {
  dirty: boolean;
  version: number;
  name: string;
  token: string | undefined;
  saveable: boolean;
  /** The restore offer is open: hold every write. */
  held: boolean;
}

export type AutosaveStatus = { savedAt: string } | { problem: string } | null;

export interface AutosaveDeps {
  view(): AutosaveView;
  /** The version as .steward bytes (the engine worker). */
  serialise(version: number): Promise<Uint8Array>;
  recovery: RecoveryStore;
  /** When the copy was kept, why it could not be, or null when there is none. */
  report(status: AutosaveStatus): void;
  idleMs?: number;
  maxWaitMs?: number;
  timers?: { set(fn: () => void, ms: number): unknown; clear(id: unknown): void };
}

export interface Autosave {
  /** Call on every store change. */
  changed(): void;
  /** Writes now if there is anything unwritten (before a close prompt, when the page is hidden). */
  flush(): Promise<void>;
  /** The work now on screen was restored from the copy in the store: that copy is its own. */
  adopt(): void;
  /** Removes the copy (the user discarded the work). */
  discard(): Promise<void>;
}

/** A moment after the last keystroke, and at least this often while edits keep coming. */
export const AUTOSAVE_IDLE_MS = 1000;
export const AUTOSAVE_MAX_WAIT_MS = 5000;

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function createAutosave(deps: AutosaveDeps): Autosave {
  const idleMs = deps.idleMs ?? AUTOSAVE_IDLE_MS;
  const maxWaitMs = deps.maxWaitMs ?? AUTOSAVE_MAX_WAIT_MS;
  const timers = deps.timers ?? { set: (fn, ms) => setTimeout(fn, ms), clear: (id) => clearTimeout(id as ReturnType<typeof setTimeout>) };
  let kept = false; // a copy of the work on screen is in the store
  let written = -1; // the version that copy is
  let idle: unknown = null;
  let max: unknown = null;
  let running: Promise<void> | null = null;
  let again = false;

  const cancel = () => {
    if (idle !== null) timers.clear(idle);
    if (max !== null) timers.clear(max);
    idle = max = null;
  };

  const clear = async (): Promise<void> => {
    cancel();
    if (running) await running;
    const had = kept;
    kept = false;
    written = -1;
    if (had) {
      try {
        await deps.recovery.clear();
      } catch {
        // A copy left behind is offered at the next start: the user can discard it then.
      }
    }
    deps.report(null);
  };

  const writeOnce = async () => {
    const v = deps.view();
    if (v.held || !v.dirty || v.version === written) return;
    try {
      const bytes = await deps.serialise(v.version);
      const { savedAt } = await deps.recovery.write({ name: v.name, saveable: v.saveable, bytes, ...(v.token !== undefined ? { token: v.token } : {}) });
      written = v.version;
      kept = true;
      deps.report({ savedAt });
    } catch (err) {
      deps.report({ problem: `unsaved changes could not be kept for recovery: ${message(err)}` });
    }
  };

  const write = (): Promise<void> => {
    cancel();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await writeOnce();
      } while (again);
      running = null;
      // Saved (or undone back to what was saved) while the copy was being written: it goes.
      const v = deps.view();
      if (!v.held && !v.dirty && kept) await clear();
    })();
    return running;
  };

  return {
    changed() {
      const v = deps.view();
      if (v.held) return;
      if (!v.dirty) {
        if (kept) void clear();
        else cancel();
        return;
      }
      if (v.version === written) return;
      if (idle !== null) timers.clear(idle);
      idle = timers.set(() => void write(), idleMs);
      if (max === null) max = timers.set(() => void write(), maxWaitMs);
    },
    flush: () => write(),
    adopt() {
      kept = true;
    },
    discard: () => {
      kept = true; // whatever is in the store goes
      return clear();
    },
  };
}
