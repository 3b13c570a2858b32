import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { importBytes } from '../../models/import/import-bytes';
import { createAppStore } from '../../renderer/store/create-store';
import type { ImportProgress } from '../../renderer/engine/protocol';
import { fakeServices, settle } from './fake-services';

// The import wizard in the store (renderer/store/import-slice.ts) with the engine's own handlers:
// a file read once in a worker of its own, every choice planned again there, the rows added as
// one undoable edit, the mapping saved in the project and offered again.

const fixtures = join(__dirname, '..', '..', 'fixtures');
const expected = JSON.parse(readFileSync(join(fixtures, 'messy', 'EXPECTED.json'), 'utf8')) as Record<string, { rows: number; accepted: number; amountCents: number }>;
const budgetXlsx = () => ({ name: 'budget-export.xlsx', files: [{ name: 'budget-export.xlsx', bytes: new Uint8Array(readFileSync(join(fixtures, 'messy', 'budget-export.xlsx'))) }] });

/** Waits until the store has no import under way (the fakes answer after a turn of the event loop). */
async function idle(store: ReturnType<typeof createAppStore>) {
  for (let i = 0; i < 200 && store.getState().importBusy !== null; i++) await new Promise((r) => setTimeout(r, 5));
  await settle();
}

async function demoWith(files: () => ReturnType<typeof budgetXlsx>) {
  const f = fakeServices({ files });
  const store = createAppStore(f.services);
  await store.getState().openDemo();
  await settle();
  return { store, ...f };
}

describe('the import wizard (store)', () => {
  it('a single export starts the wizard with the guesses planned; the project on screen stays', async () => {
    const { store, calls } = await demoWith(budgetXlsx);
    const project = store.getState().project;
    await store.getState().importFile();
    await idle(store);
    const s = store.getState();
    expect(s.project).toBe(project);
    expect(s.screen).toBe('Import');
    expect(s.wizard?.step).toBe('sheets');
    expect(s.wizard?.plan.kind).toBe('budget');
    expect(s.wizard?.plan.report).toMatchObject({ rows: expected['budget-export.xlsx']!.rows, accepted: expected['budget-export.xlsx']!.accepted });
    expect(s.importAnnouncement).toMatchObject({ target: 'wizard', text: expect.stringContaining('budget-export.xlsx: 2,334 rows read, 2,319 accepted, 15 rejected') });
    expect(calls).toContain('import-start');
  });

  it('choices plan again in the import worker: a column, a value for every row, the table, the header row', async () => {
    const { store } = await demoWith(budgetXlsx);
    await store.getState().importFile();
    await idle(store);
    await store.getState().mapField('description', 'Program');
    let w = store.getState().wizard!;
    expect(w.choices.map).toEqual({ description: 'Program' });
    expect(w.plan.preview[0]!.values[0]).toMatchObject({ description: 'regular' });
    await store.getState().setFieldValue('fund_code', 'GEN');
    w = store.getState().wizard!;
    expect(w.plan.mapping.find((m) => m.field === 'fund_code')).toMatchObject({ via: 'set', value: 'GEN' });
    expect(w.plan.command).toBe("steward import budget-export.xlsx --as budget --sheet 'Adopted Budget' --map description=Program --set fund_code=GEN");
    await store.getState().mapField('description', null); // back to the suggestion
    expect(store.getState().wizard!.plan.mapping.find((m) => m.field === 'description')?.column).toBe('Description');
    await store.getState().chooseWizard({ headerRow: 3 });
    expect(store.getState().wizard!.plan.headerRow).toBe(3);
    await store.getState().chooseWizard({ headerRow: undefined });
    await store.getState().reimportAs('actuals');
    expect(store.getState().wizard!.plan.kind).toBe('actuals');
    await store.getState().setImportChoices({ strict: true });
    expect(store.getState().wizard!.choices.strict).toBe(true);
  });

  it('adds the rows to Budget as one step: the budget total grows by exactly the imported amount; undo and redo', async () => {
    const { store } = await demoWith(budgetXlsx);
    const before = store.getState().checked!.summary!.totals.budgetCents;
    const lines = store.getState().project!.budget.length;
    await store.getState().importFile();
    await idle(store);
    // The title block says fund 110, which the demo has not: the user gives GEN for every row.
    await store.getState().setFieldValue('fund_code', 'GEN');
    await store.getState().addImport();
    await settle();
    const s = store.getState();
    const cli = importBytes(budgetXlsx().files[0]!.bytes, 'budget-export.xlsx', { kind: 'budget', set: { fund_code: 'GEN' } }).imported.report;
    expect(s.wizard!.added).toMatchObject({ table: 'budget', rows: cli.accepted, amountCents: cli.totals.amountCents, mode: 'append' });
    expect(s.project!.budget.length).toBe(lines + cli.accepted);
    expect(s.checked?.ok).toBe(true);
    // Base year 2026 = the file's fiscal year (its title block): every imported line counts.
    expect(s.checked!.summary!.totals.budgetCents).toBe(before + cli.totals.amountCents);
    expect(s.past.at(-1)?.label).toBe('import 2,319 rows from budget-export.xlsx into Budget');
    expect(s.importAnnouncement).toMatchObject({ target: 'result', text: 'Added 2,319 rows to Budget, $74,006,953.48. Undo puts the project back as it was.' });
    s.undo();
    await settle();
    expect(store.getState().project!.budget.length).toBe(lines);
    expect(store.getState().checked!.summary!.totals.budgetCents).toBe(before);
    store.getState().redo();
    await settle();
    expect(store.getState().checked!.summary!.totals.budgetCents).toBe(before + cli.totals.amountCents);
  });

  it('replace: the table holds just the imported rows', async () => {
    const { store } = await demoWith(budgetXlsx);
    await store.getState().importFile();
    await idle(store);
    await store.getState().setFieldValue('fund_code', 'GEN');
    store.getState().setAddMode('replace');
    await store.getState().addImport();
    await settle();
    expect(store.getState().project!.budget).toHaveLength(expected['budget-export.xlsx']!.accepted);
    expect(store.getState().checked!.summary!.totals.budgetCents).toBe(expected['budget-export.xlsx']!.amountCents);
  });

  it('saves the mapping as a template (the --save-template shape) and offers it when the same header is seen again', async () => {
    const { store } = await demoWith(budgetXlsx);
    await store.getState().importFile();
    await idle(store);
    await store.getState().mapField('description', 'Program');
    await store.getState().setFieldValue('fund_code', 'GEN');
    expect(store.getState().saveTemplate('Riverbend adopted')).toEqual({ ok: true });
    const t = store.getState().project!.mappingTemplates;
    expect(t).toEqual([{ name: 'Riverbend adopted', kind: 'budget', columns: { object: 'Obj', amount: 'FY26 Adopted', function: 'Function', site_id: 'Location', description: 'Program', fte: 'FTE' }, set: { fund_code: 'GEN' } }]);
    store.getState().closeWizard();
    await store.getState().importFile();
    await idle(store);
    expect(store.getState().wizard!.plan.matchingTemplates).toEqual(['Riverbend adopted']);
    await store.getState().applyTemplate('Riverbend adopted');
    const w = store.getState().wizard!;
    expect(w.plan.mapping.find((m) => m.field === 'description')).toMatchObject({ column: 'Program', via: 'template' });
    expect(w.plan.mapping.find((m) => m.field === 'fund_code')).toMatchObject({ value: 'GEN' });
    // Undo takes the template away again, like any edit.
    store.getState().undo();
    expect(store.getState().project!.mappingTemplates).toEqual([]);
  });

  it('downloads the left-out rows as CSV through the host', async () => {
    const { store, saved } = await demoWith(budgetXlsx);
    await store.getState().importFile();
    await idle(store);
    await store.getState().downloadLeftOut();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.suggestedName).toBe('budget-export-left-out-rows.csv');
    const rows = Papa.parse<string[]>(new TextDecoder().decode(saved[0]!.bytes), { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(1 + 15); // the header + 15 excluded subtotal/total/footer rows (EXPECTED.json)
    expect(rows.slice(1).every((r) => r[0] === 'excluded')).toBe(true);
  });

  it('Cancel stops a long import: the worker is closed and nothing changes', async () => {
    const { store, sessions } = await demoWith(budgetXlsx);
    const project = store.getState().project;
    const open = store.getState().importFile();
    await new Promise((r) => setTimeout(r, 0)); // the host has answered; the worker is reading
    expect(store.getState().importBusy?.label).toBe('Reading budget-export.xlsx…');
    store.getState().cancelImport();
    await open;
    expect(sessions.at(-1)!.closed()).toBe(true);
    expect(store.getState().importBusy).toBeNull();
    expect(store.getState().wizard).toBeNull();
    expect(store.getState().project).toBe(project);
    expect(store.getState().importAnnouncement?.text).toBe('Reading budget-export.xlsx cancelled.');
  });

  it('a long CSV reports its progress as rows are imported', async () => {
    // 40,000 budget lines: progress every 8,192 rows, then the end.
    const lines = ['Fiscal Year,Fund,Object,Location,Amount'];
    for (let i = 0; i < 40_000; i++) lines.push(`2026,GEN,supplies,101,${(i % 500) + 1}.25`);
    const bytes = new TextEncoder().encode(lines.join('\n'));
    const { store } = await demoWith(() => ({ name: 'long.csv', files: [{ name: 'long.csv', bytes }] }));
    const seen: ImportProgress[] = [];
    const stop = store.subscribe((s) => {
      const p = s.importBusy?.progress;
      if (p && seen.at(-1) !== p) seen.push(p);
    });
    await store.getState().importFile();
    await idle(store);
    stop();
    expect(seen[0]).toMatchObject({ phase: 'reading', done: 0 });
    const importing = seen.filter((p) => p.phase === 'importing');
    expect(importing.map((p) => p.done)).toEqual([8192, 16384, 24576, 32768, 40000]);
    expect(importing.every((p) => p.total === 40_000)).toBe(true);
    expect(store.getState().wizard!.plan.report.accepted).toBe(40_000);
  });

  it('a district workbook still replaces the project, with its report', async () => {
    const bytes = new Uint8Array(readFileSync(join(fixtures, 'demo', 'demo-district.xlsx')));
    const { store } = await demoWith(() => ({ name: 'demo-district.xlsx', files: [{ name: 'demo-district.xlsx', bytes }] }));
    await store.getState().importFile();
    await idle(store);
    const s = store.getState();
    expect(s.wizard).toBeNull();
    expect(s.name).toBe('demo-district.xlsx');
    expect(s.lastOpened?.kind).toBe('project');
    expect(s.importAnnouncement).toMatchObject({ target: 'report', text: expect.stringMatching(/^demo-district\.xlsx opened as the project\./) });
  });
});
