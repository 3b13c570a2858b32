import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoProject } from '../../models/demo/district';
import { parseStewardFile } from '../../models/project/steward-file';
import { summariseProject } from '../../models/project/summary';
import { isDirty, problemsOf } from '../../renderer/store/project-slice';
import { workbookBytes } from '../../host/write-workbook';
import { demoSheets, WRONG } from '../models/project/wrong-workbooks';
import { demoStore, settle } from './fake-services';

// The app's one store (renderer/store): a project held whole and immutable, a version per change,
// undo/redo through every edit, checks computed by the engine for the version on screen.

const fixtures = join(__dirname, '..', '..', 'fixtures');

describe('the app store', () => {
  it('opens the demo and shows the same figures as summariseProject, with no problems', async () => {
    const { store } = await demoStore();
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(s.checked?.version).toBe(s.version);
    expect(s.checked?.summary).toEqual(summariseProject(demoProject()));
    expect(problemsOf(s)).toEqual([]);
    expect(isDirty(s)).toBe(false);
  });

  it('an edit makes a new version, is checked again (sent to the engine as an edit), and can be undone and redone', async () => {
    const { store, calls } = await demoStore();
    const before = store.getState();
    const i = before.project!.enrollment.findIndex((e) => e.year === 2026);
    const row = before.project!.enrollment[i]!;
    calls.length = 0;
    expect(store.getState().edit({ op: 'set-row', table: 'enrollment', index: i, row: { ...row, students: row.students + 100 } })).toEqual({ ok: true });
    await settle();
    const after = store.getState();
    expect(after.version).toBeGreaterThan(before.version);
    expect(isDirty(after)).toBe(true);
    expect(after.checked?.summary?.totals.students).toBe(before.checked!.summary!.totals.students + 100);
    expect(before.project!.enrollment[i]!.students).toBe(row.students); // the old version is untouched
    expect(calls).toEqual(['sync', 'check']);
    after.undo();
    await settle();
    expect(store.getState().project).toBe(before.project);
    expect(store.getState().checked?.summary?.totals.students).toBe(before.checked!.summary!.totals.students);
    store.getState().redo();
    await settle();
    expect(store.getState().checked?.summary?.totals.students).toBe(before.checked!.summary!.totals.students + 100);
  });

  it('refuses an edit that breaks a table schema, and nothing changes', async () => {
    const { store } = await demoStore();
    const v = store.getState().version;
    const r = store.getState().edit({ op: 'set-row', table: 'enrollment', index: 0, row: { site_id: '101', year: 2026, grade: 'K', students: -4 } });
    expect(r.ok).toBe(false);
    expect(store.getState().version).toBe(v);
  });

  it('an edit that makes a cross-table error hides the figures and lists the problem; undo brings them back', async () => {
    const { store } = await demoStore();
    const needs = store.getState().project!.needs;
    store.getState().edit({ op: 'set-row', table: 'needs', index: 0, row: { ...needs[0]!, site_id: '999' } });
    await settle();
    const s = store.getState();
    expect(s.checked?.ok).toBe(false);
    expect(s.checked?.summary).toBeNull();
    expect(problemsOf(s)).toContainEqual(expect.objectContaining({ severity: 'error', sheet: 'Needs', column: 'site_id', value: '999' }));
    s.undo();
    await settle();
    expect(store.getState().checked?.ok).toBe(true);
  });

  it('saves a .steward file that reads back as the same project, and is then not dirty', async () => {
    const { store, saved } = await demoStore();
    store.getState().edit({ op: 'delete-rows', table: 'needs', indexes: [0] });
    await settle();
    await store.getState().save();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.saveAs).toBe(true); // never saved before: Save asks where
    expect(saved[0]!.suggestedName).toBe('Riverbend demo district.steward');
    const back = parseStewardFile(new TextDecoder().decode(saved[0]!.bytes));
    expect(back.ok && back.value.needs.length).toBe(demoProject().needs.length - 1);
    expect(isDirty(store.getState())).toBe(false);
    expect(store.getState().token).toBe('t1');
  });

  it('opens a workbook with errors: the project is there to fix, its problems listed, no figures', async () => {
    const s = demoSheets();
    WRONG['a Drivers value written in words']!.change(s);
    WRONG['a need at an unknown site']!.change(s);
    const { store } = await demoStore({ files: () => ({ name: 'wrong.xlsx', files: [{ name: 'wrong.xlsx', bytes: workbookBytes(s) }] }) });
    await store.getState().openFile();
    await settle();
    const st = store.getState();
    expect(st.name).toBe('wrong.xlsx');
    expect(st.lastOpened?.kind).toBe('project');
    expect(st.checked?.summary).toBeNull();
    const errors = problemsOf(st).filter((p) => p.severity === 'error').map((p) => p.message);
    expect(errors).toEqual(['not a rate or percent: "five percent"', 'unknown site_id "999" (not on the Sites sheet)']);
  });

  it('a single export starts the import wizard with its report and leaves the project on screen', async () => {
    const bytes = new Uint8Array(readFileSync(join(fixtures, 'messy', 'budget-export-1252.csv')));
    const { store } = await demoStore({ files: () => ({ name: 'budget-export-1252.csv', files: [{ name: 'budget-export-1252.csv', bytes }] }) });
    const project = store.getState().project;
    await store.getState().openFile();
    expect(store.getState().project).toBe(project);
    expect(store.getState().lastOpened).toBeNull();
    const expected = JSON.parse(readFileSync(join(fixtures, 'messy', 'EXPECTED.json'), 'utf8'))['budget-export-1252.csv'];
    expect(store.getState().wizard?.plan.report).toMatchObject({ rows: expected.rows, accepted: expected.accepted });
    await store.getState().setImportChoices({ strict: true });
    expect(store.getState().wizard?.choices.strict).toBe(true);
    expect(store.getState().wizard?.plan.report.accepted).toBe(expected.accepted);
  });

  it('opens a saved .steward file (the browser build once read it as a CSV)', async () => {
    const bytes = new Uint8Array(readFileSync(join(fixtures, 'steward', 'v1-preview.steward')));
    const { store } = await demoStore({ files: () => ({ name: 'v1-preview.steward', files: [{ name: 'v1-preview.steward', bytes }] }) });
    await store.getState().openFile();
    await settle();
    expect(store.getState().name).toBe('v1-preview.steward');
    expect(store.getState().saveable).toBe(true);
    expect(store.getState().checked?.ok).toBe(true);
  });
});
