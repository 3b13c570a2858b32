import type { StateCreator } from 'zustand/vanilla';
import { TABLES, type TableKind } from '../../models/schema/tables';
import type { Edit } from '../../models/project/edit';
import type { OpenedFile } from '../../models/project/open-file';
import type { MappingTemplate } from '../../models/import/types';
import { templateFromReport } from '../../models/import/mapping';
import { NO_CHOICES, type WizardChoices, type WizardFile, type WizardPlan } from '../../models/import/wizard';
import { ImportCancelled, type ImportSession } from '../engine/client';
import type { ImportProgress } from '../engine/protocol';
import type { ChosenFiles } from '../platform/types';
import { money, count, plural } from '../format';
import type { Services } from './services';
import type { AppState } from './state';

/** How files are read (the CLI's --no-fill-down and --strict): the import screen's options. */
export interface ImportChoices {
  fillDown: boolean;
  strict: boolean;
}

/** The wizard's steps, in order. */
export const WIZARD_STEPS = ['sheets', 'header', 'table', 'columns', 'preview', 'add'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** Rows added to the project by the wizard, as one undoable step. */
export interface AddedImport {
  table: TableKind;
  rows: number;
  amountCents: number;
  mode: 'append' | 'replace';
  /** The project version the rows are in (undo leaves it). */
  version: number;
}

/** One export going through the wizard: the file (held by its import worker), the choices, the plan. */
export interface WizardState {
  name: string;
  file: WizardFile;
  choices: WizardChoices;
  plan: WizardPlan;
  step: WizardStep;
  mode: 'append' | 'replace';
  added: AddedImport | null;
  savedTemplate: string | null;
  /** Why the last action failed (an edit refused, a download that could not be written). */
  problem: string | null;
}

/** A long import under way: what it is doing, how far it has got, and that it can be stopped. */
export interface ImportBusy {
  label: string;
  progress: ImportProgress | null;
  startedAt: number;
}

export interface ImportSlice {
  importChoices: ImportChoices;
  /** The files opened last, kept so a project can be read again with other options. */
  lastChosen: ChosenFiles | null;
  wizard: WizardState | null;
  importBusy: ImportBusy | null;
  /** What the import screen announces (aria-live) and moves focus to; `seq` changes each time. */
  importAnnouncement: { text: string; seq: number; target: 'wizard' | 'result' | 'report' | 'none' } | null;
  /** Reads what the user chose: a project replaces the one on screen (with its report); a single export starts the wizard. */
  openChosen(chosen: ChosenFiles, kind?: TableKind, opts?: { askBeforeReplacing?: boolean }): Promise<void>;
  /** Changes the read options: the wizard plans again; a project's files are read again. */
  setImportChoices(change: Partial<ImportChoices>): Promise<void>;
  /** Reads the current export as another table (the wizard's table step). */
  reimportAs(kind: TableKind): Promise<void>;
  /** Stops a long import: its worker is terminated. */
  cancelImport(): void;
  setWizardStep(step: WizardStep): void;
  /** Plans the import again with these choices (sheets, header row, table, map, set, template, options). */
  chooseWizard(change: Partial<WizardChoices>): Promise<void>;
  /** A column for a field: its header text, '' for none, null to go back to the suggestion. */
  mapField(field: string, column: string | null): Promise<void>;
  /** A value for every row of a field (--set), or null to take it from the file again. */
  setFieldValue(field: string, value: string | null): Promise<void>;
  applyTemplate(name: string | null): Promise<void>;
  setAddMode(mode: 'append' | 'replace'): void;
  /** Adds the accepted rows to the project as one undoable edit (appended, or replacing the table). */
  addImport(): Promise<void>;
  /** Saves the wizard's mapping as a named template in the project (replacing one of the same name). */
  saveTemplate(name: string): { ok: true } | { ok: false; reason: string };
  /** Downloads the rows the import left out (rejected, then excluded totals) as a CSV. */
  downloadLeftOut(): Promise<void>;
  closeWizard(): void;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** "budget-export.xlsx: 2,334 rows read, 2,319 accepted, 15 rejected". */
function countsText(name: string, r: { rows: number; accepted: number; rejected: number }): string {
  return `${name}: ${count(r.rows)} ${plural(r.rows, 'row')} read, ${count(r.accepted)} accepted, ${count(r.rejected)} rejected`;
}

function openedText(o: OpenedFile): string {
  const r = o.reports.reduce((a, x) => ({ rows: a.rows + x.rows, accepted: a.accepted + x.accepted, rejected: a.rejected + x.rejected }), { rows: 0, accepted: 0, rejected: 0 });
  if (o.kind === 'failed') return `${o.name} could not be opened: ${o.problems[0]?.message ?? 'nothing was read'}`;
  const errors = o.problems.filter((p) => p.severity === 'error').length;
  return `${o.name} opened as the project${o.ok ? '' : `, with ${count(errors)} ${plural(errors, 'error')} to fix`}. ${countsText(o.name, r).replace(`${o.name}: `, '')}.`;
}

export const createImportSlice = (services: Services): StateCreator<AppState, [], [], ImportSlice> => (set, get) => {
  /** The worker of the file in the wizard (or being read); one at a time. */
  let session: ImportSession | null = null;
  /** Plans are asked for in order; only the newest one's answer is shown. */
  let planSeq = 0;
  let seq = 0;
  const announce = (text: string, target: NonNullable<ImportSlice['importAnnouncement']>['target']) => set({ importAnnouncement: { text, seq: ++seq, target } });

  const closeSession = () => {
    session?.close();
    session = null;
  };
  const busy = (label: string) => set({ importBusy: { label, progress: null, startedAt: Date.now() } });
  const onProgress = (p: ImportProgress) => {
    const b = get().importBusy;
    if (b) set({ importBusy: { ...b, progress: p } });
  };
  const templates = (): MappingTemplate[] => get().project?.mappingTemplates ?? [];

  /** Plans the wizard's file with new choices; the newest request wins. */
  const replan = async (choices: WizardChoices, label: string) => {
    const w = get().wizard;
    const s = session;
    if (!w || !s) return;
    const mine = ++planSeq;
    set({ wizard: { ...w, choices, problem: null } });
    busy(label);
    try {
      const plan = await s.call('import-plan', { choices, templates: templates() }, onProgress);
      if (mine !== planSeq || session !== s) return;
      const now = get().wizard!;
      set({ wizard: { ...now, plan, added: null }, importBusy: null });
    } catch (err) {
      if (mine !== planSeq) return;
      if (err instanceof ImportCancelled) {
        set({ importBusy: null });
        return;
      }
      const now = get().wizard;
      set({ importBusy: null, ...(now ? { wizard: { ...now, problem: `Could not read ${now.name} with these choices: ${message(err)}` } } : {}) });
    }
  };

  return {
    importChoices: { fillDown: true, strict: false },
    lastChosen: null,
    wizard: null,
    importBusy: null,
    importAnnouncement: null,

    async openChosen(chosen, kind, opts) {
      closeSession();
      planSeq++;
      const s = services.engine.importSession();
      session = s;
      const { fillDown, strict } = get().importChoices;
      const choices: WizardChoices = { ...NO_CHOICES, fillDown, strict, ...(kind ? { kind } : {}) };
      // The file on screen gives way to the one being read (its worker is already closed).
      set({ error: null, lastChosen: chosen, screen: 'Import', wizard: null, lastOpened: null });
      busy(`Reading ${chosen.name}…`);
      try {
        // A copy of the bytes goes to the worker (transferred there), so a project can be read again.
        const files = chosen.files.map((f) => ({ name: f.name, bytes: f.bytes.slice() }));
        const start = await s.call('import-start', { name: chosen.name, files, choices, templates: templates() }, onProgress);
        if (session !== s) return;
        if (start.kind === 'wizard') {
          set({
            importBusy: null,
            lastOpened: null,
            wizard: { name: chosen.name, file: start.file, choices, plan: start.plan, step: 'sheets', mode: 'append', added: null, savedTemplate: null, problem: null },
          });
          announce(`${countsText(chosen.name, start.plan.report)}. Read as ${TABLES[start.plan.kind].sheet}; check each step, then add the rows to the project.`, 'wizard');
          return;
        }
        closeSession();
        set({ importBusy: null, wizard: null });
        const opened = start.opened;
        if (opened.project && opts?.askBeforeReplacing && !(await get().confirmReplace())) {
          set({ lastOpened: null });
          announce(`${chosen.name} is a whole project; the one on screen was kept.`, 'none');
          return;
        }
        if (opened.project) {
          const steward = chosen.files.length === 1 && /\.steward$/i.test(chosen.files[0]!.name);
          get().loadProject(opened.project, { name: chosen.name, token: chosen.token, saveable: steward, importProblems: opened.importProblems, lastOpened: opened });
        } else {
          set({ lastOpened: opened });
        }
        announce(openedText(opened), 'report');
      } catch (err) {
        if (session !== s) return;
        closeSession();
        if (err instanceof ImportCancelled) {
          set({ importBusy: null });
          return;
        }
        set({ importBusy: null, error: `Could not open ${chosen.name}: ${message(err)}` });
        announce(`Could not open ${chosen.name}: ${message(err)}`, 'none');
      }
    },

    async setImportChoices(change) {
      set({ importChoices: { ...get().importChoices, ...change } });
      const w = get().wizard;
      if (w) {
        await replan({ ...w.choices, ...change }, 'Reading the rows again…');
        return;
      }
      const last = get().lastChosen;
      if (last) await get().openChosen(last);
    },

    async reimportAs(kind) {
      if (get().wizard) {
        await get().chooseWizard({ kind, map: {}, set: {} });
        return;
      }
      const last = get().lastChosen;
      if (last) await get().openChosen(last, kind);
    },

    cancelImport() {
      const w = get().wizard;
      if (w && get().importBusy) {
        // A step of the wizard: the worker is stopped, and with it the file it held.
        closeSession();
        planSeq++;
        set({ importBusy: null, wizard: null });
        announce(`Import of ${w.name} cancelled.`, 'none');
        return;
      }
      const name = get().lastChosen?.name ?? 'the file';
      closeSession();
      planSeq++;
      set({ importBusy: null });
      announce(`Reading ${name} cancelled.`, 'none');
    },

    setWizardStep(step) {
      const w = get().wizard;
      if (w) set({ wizard: { ...w, step } });
    },

    async chooseWizard(change) {
      const w = get().wizard;
      if (!w) return;
      await replan({ ...w.choices, ...change }, 'Reading the rows again…');
    },

    async mapField(field, column) {
      const w = get().wizard;
      if (!w) return;
      const map = { ...w.choices.map };
      const values = { ...w.choices.set };
      if (column === null) delete map[field];
      else map[field] = column;
      // A column chosen replaces a value given for every row.
      if (column !== null && column !== '') delete values[field];
      await replan({ ...w.choices, map, set: values }, 'Reading the rows again…');
    },

    async setFieldValue(field, value) {
      const w = get().wizard;
      if (!w) return;
      const values = { ...w.choices.set };
      const map = { ...w.choices.map };
      if (value === null || value.trim() === '') delete values[field];
      else {
        values[field] = value.trim();
        delete map[field];
      }
      await replan({ ...w.choices, set: values, map }, 'Reading the rows again…');
    },

    async applyTemplate(name) {
      const w = get().wizard;
      if (!w) return;
      const t = name === null ? undefined : templates().find((x) => x.name === name);
      const { template: _old, ...rest } = w.choices;
      // A template brings its own table, columns and values: the user's own choices give way.
      await replan(t ? { ...rest, template: t, kind: t.kind as TableKind, map: {}, set: {} } : rest, t ? `Applying “${t.name}”…` : 'Reading the rows again…');
    },

    setAddMode(mode) {
      const w = get().wizard;
      if (w) set({ wizard: { ...w, mode } });
    },

    async addImport() {
      const w = get().wizard;
      const s = session;
      if (!w || !s) return;
      busy(`Adding the rows of ${w.name}…`);
      let rows: Record<string, unknown>[];
      let kind: TableKind;
      try {
        ({ rows, kind } = await s.call('import-rows', { choices: w.choices }, onProgress));
      } catch (err) {
        set({ importBusy: null, ...(err instanceof ImportCancelled ? {} : { wizard: { ...w, problem: `Could not read the rows: ${message(err)}` } }) });
        return;
      }
      set({ importBusy: null });
      if (!get().project) get().newProject();
      const project = get().project!;
      const existing = ((project as unknown as Record<string, unknown[]>)[kind] ?? []).length;
      const edit: Edit = w.mode === 'replace' ? { op: 'replace-table', table: kind, rows } : { op: 'insert-rows', table: kind, index: existing, rows };
      const label = `import ${count(rows.length)} ${plural(rows.length, 'row')} from ${w.name} into ${TABLES[kind].sheet}`;
      const done = get().edit(edit, label);
      if (!done.ok) {
        set({ wizard: { ...w, problem: `The rows could not be added: ${done.reason}` } });
        announce(`The rows could not be added: ${done.reason}`, 'none');
        return;
      }
      const amountCents = w.plan.report.totals.amountCents;
      const added: AddedImport = { table: kind, rows: rows.length, amountCents, mode: w.mode, version: get().version };
      set({ wizard: { ...get().wizard!, added, step: 'add', problem: null } });
      const what = `${w.mode === 'replace' ? 'Replaced' : 'Added'} ${count(rows.length)} ${plural(rows.length, 'row')} ${w.mode === 'replace' ? 'in' : 'to'} ${TABLES[kind].sheet}`;
      announce(`${what}${amountCents !== 0 ? `, ${money(amountCents)}` : ''}. Undo puts the project back as it was.`, 'result');
    },

    saveTemplate(name) {
      const w = get().wizard;
      const trimmed = name.trim();
      if (!w) return { ok: false, reason: 'nothing is being imported' };
      if (trimmed === '') return { ok: false, reason: 'give the template a name' };
      if (!get().project) get().newProject();
      const template = templateFromReport(trimmed, w.plan.report);
      const others = templates().filter((t) => t.name !== trimmed);
      const done = get().edit({ op: 'set-templates', templates: [...others, template] }, `save the mapping “${trimmed}”`);
      if (!done.ok) return done;
      set({ wizard: { ...get().wizard!, savedTemplate: trimmed } });
      announce(`Mapping saved as “${trimmed}”. It is offered when a file with the same columns is imported.`, 'none');
      return { ok: true };
    },

    async downloadLeftOut() {
      const w = get().wizard;
      const s = session;
      if (!w || !s) return;
      try {
        const bytes = await s.call('import-left-out', { choices: w.choices });
        const suggestedName = `${w.name.replace(/\.[^.]+$/, '')}-left-out-rows.csv`;
        await services.host.saveFile({ suggestedName, bytes, saveAs: true });
      } catch (err) {
        if (!(err instanceof ImportCancelled)) set({ wizard: { ...w, problem: `Could not save the left-out rows: ${message(err)}` } });
      }
    },

    closeWizard() {
      closeSession();
      planSeq++;
      set({ wizard: null, importBusy: null });
    },
  };
};
