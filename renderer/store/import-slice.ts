import type { StateCreator } from 'zustand/vanilla';
import type { TableKind } from '../../models/schema/tables';
import type { ChosenFiles } from '../platform/types';
import type { Services } from './services';
import type { AppState } from './state';

/** How files are read (the CLI's --no-fill-down and --strict): the import screen's options. */
export interface ImportChoices {
  fillDown: boolean;
  strict: boolean;
}

export interface ImportSlice {
  importChoices: ImportChoices;
  /** The files opened last, kept so they can be read again with other options or as another table. */
  lastChosen: ChosenFiles | null;
  /** Reads what the user chose: a project replaces the one on screen; a single export only shows its report. */
  openChosen(chosen: ChosenFiles, kind?: TableKind): Promise<void>;
  /** Changes the options and reads the last files again. */
  setImportChoices(change: Partial<ImportChoices>): Promise<void>;
  /** Reads the last files again as the table the user picked (when the guess was wrong). */
  reimportAs(kind: TableKind): Promise<void>;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export const createImportSlice = (services: Services): StateCreator<AppState, [], [], ImportSlice> => (set, get) => ({
  importChoices: { fillDown: true, strict: false },
  lastChosen: null,

  async openChosen(chosen, kind) {
    const { fillDown, strict } = get().importChoices;
    set({ status: 'loading', loading: `Reading ${chosen.name}…`, error: null, lastChosen: chosen });
    try {
      // A copy of the bytes goes to the parse worker (transferred there), so they can be read again.
      const files = chosen.files.map((f) => ({ name: f.name, bytes: f.bytes.slice() }));
      const opened = await services.engine.open({ name: chosen.name, files, flags: { ...(fillDown ? {} : { fillDown: false }), ...(strict ? { strict: true } : {}) }, ...(kind ? { kind } : {}) });
      // The report of what was read comes first (rows read, accepted, rejected — do the totals tie?).
      set({ screen: 'Import' });
      if (opened.project) {
        const steward = chosen.files.length === 1 && /\.steward$/i.test(chosen.files[0]!.name);
        get().loadProject(opened.project, { name: chosen.name, token: chosen.token, saveable: steward, importProblems: opened.importProblems, lastOpened: opened });
      } else {
        set({ status: get().project ? 'ready' : 'idle', loading: null, lastOpened: opened });
      }
    } catch (err) {
      set({ status: get().project ? 'ready' : 'idle', loading: null, error: `Could not open ${chosen.name}: ${message(err)}` });
    }
  },

  async setImportChoices(change) {
    set({ importChoices: { ...get().importChoices, ...change } });
    const last = get().lastChosen;
    if (last) await get().openChosen(last);
  },

  async reimportAs(kind) {
    const last = get().lastChosen;
    if (last) await get().openChosen(last, kind);
  },
});
