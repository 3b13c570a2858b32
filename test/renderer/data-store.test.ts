import { describe, expect, it } from 'vitest';
import { demoProject } from '../../models/demo/district';
import { locateProblem } from '../../models/project/locate-problem';
import { problemsOf } from '../../renderer/store/project-slice';
import { settingsModel, tableModel } from '../../renderer/features/data/grid-model';
import { demoStore, settle } from './fake-services';

// The Data screen's edits through the app's store, checked by the engine's own handlers: a cell
// typed in is one undoable edit, checked again (problems and figures), and inserts and deletes
// undo and redo as one step each.

const model = (store: Awaited<ReturnType<typeof demoStore>>['store'], table: Parameters<typeof tableModel>[0]) => {
  const s = store.getState();
  return tableModel(table, s.project!, s.edit, problemsOf(s));
};
const col = (m: ReturnType<typeof tableModel>, key: string) => m.columns.find((c) => c.key === key)!;

describe('Data screen edits through the store', () => {
  it('gives every row of the opened demo a source, so every problem can name its row', async () => {
    const { store } = await demoStore();
    expect(store.getState().project!.needs.every((n, i) => n.src?.row === i + 2)).toBe(true);
    expect(store.getState().version).toBe(store.getState().savedVersion); // naming rows is not an unsaved change
  });

  it('a cell typed as "1,234" is one edit; the figures move by exactly the difference; undo and redo', async () => {
    const { store, calls } = await demoStore();
    const before = store.getState().checked!.summary!.totals.students;
    const m = model(store, 'enrollment');
    const i = m.rows.findIndex((r) => r.year === 2026);
    const old = m.rows[i]!.students as number;
    calls.length = 0;
    expect(m.commit(i, col(m, 'students'), '1,234')).toBeNull();
    await settle();
    expect(calls).toEqual(['sync', 'check']); // sent as the edit, checked once
    expect(store.getState().past).toHaveLength(1);
    expect(store.getState().checked!.summary!.totals.students).toBe(before - old + 1234);
    store.getState().undo();
    await settle();
    expect(store.getState().checked!.summary!.totals.students).toBe(before);
    store.getState().redo();
    await settle();
    expect(store.getState().checked!.summary!.totals.students).toBe(before - old + 1234);
  });

  it('an invalid value, or the value the cell already holds, makes no edit', async () => {
    const { store } = await demoStore();
    const v = store.getState().version;
    const m = model(store, 'enrollment');
    expect(m.check(0, col(m, 'students'), '-4')).toBe('-4 is below the minimum 0');
    expect(m.commit(0, col(m, 'students'), '-4')).toBe('-4 is below the minimum 0');
    expect(m.commit(0, col(m, 'students'), String(m.rows[0]!.students))).toBeNull();
    expect(store.getState().version).toBe(v);
  });

  it('a cross-table error made in a cell is listed with its row, and leads back to the cell', async () => {
    const { store } = await demoStore();
    const m = model(store, 'needs');
    expect(m.commit(40, col(m, 'site_id'), '999')).toBeNull();
    await settle();
    const s = store.getState();
    const problem = problemsOf(s).find((p) => p.severity === 'error')!;
    expect(problem).toMatchObject({ sheet: 'Needs', row: 42, column: 'site_id', message: 'unknown site_id "999" (not on the Sites sheet)' });
    expect(locateProblem(s.project!, problem)).toEqual({ table: 'needs', index: 40, column: 'site_id' });
    expect(model(store, 'needs').marks.get(40)?.get('site_id')).toEqual({ severity: 'error', message: problem.message });
  });

  it('an added row gets a source of its own, so a problem on it leads to it; undo removes it', async () => {
    const { store } = await demoStore();
    const n = store.getState().project!.needs.length;
    const added = model(store, 'needs').add({ need_id: 'N-NEW', category: 'english_learners', cost: '$1,500', priority: '2', site_id: '999' });
    expect(added).toEqual({ ok: true, index: n });
    await settle();
    const s = store.getState();
    expect(s.project!.needs[n]).toMatchObject({ need_id: 'N-NEW', cost: 150000, src: { sheet: 'Needs', row: n + 2 } });
    const problem = problemsOf(s).find((p) => p.value === '999')!;
    expect(locateProblem(s.project!, problem)?.index).toBe(n);
    s.undo();
    await settle();
    expect(store.getState().project!.needs).toHaveLength(n);
    expect(problemsOf(store.getState())).toEqual([]);
  });

  it('deleting several rows is one undo step, and redo deletes them again', async () => {
    const { store } = await demoStore();
    const before = store.getState().project!.needs;
    expect(model(store, 'needs').remove([3, 5, 7])).toBeNull();
    await settle();
    expect(store.getState().project!.needs).toHaveLength(before.length - 3);
    expect(store.getState().past.at(-1)?.label).toBe('delete 3 Needs rows');
    store.getState().undo();
    await settle();
    expect(store.getState().project!.needs).toBe(before);
    store.getState().redo();
    await settle();
    expect(store.getState().project!.needs.map((r) => r.need_id)).toEqual(before.filter((_, i) => ![3, 5, 7].includes(i)).map((r) => r.need_id));
  });

  it('settings are edited as key/value rows, read as the Settings sheet is', async () => {
    const { store } = await demoStore();
    const s = store.getState();
    const m = settingsModel(s.project!, s.edit);
    const value = m.columns.find((c) => c.key === 'value')!;
    expect(m.commit(1, value, 'FY2030')).toBeNull(); // base_year
    await settle();
    expect(store.getState().project!.settings.base_year).toBe(2030);
    // Nothing is enrolled in 2030: validate says so, and no figures are shown.
    expect(problemsOf(store.getState()).map((p) => p.message)).toContain('no enrollment for the base year 2030 (years present: 2022, 2023, 2024, 2025, 2026)');
    expect(store.getState().checked!.summary).toBeNull();
    expect(m.remove([1])).toBe('base_year is a built-in setting and cannot be deleted');
    expect(demoProject().settings.base_year).toBe(2026);
  });
});
