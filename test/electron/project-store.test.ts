import { describe, expect, it, vi } from 'vitest';
// The renderer's store is plain zustand (no DOM), so it is tested here under Node with a fake API.
import { createProjectStore, DEMO_SOURCE } from '../../renderer/store/project-store';
import type { OpenFileReply, StewardApi } from '../../electron/ipc-contract';
import { summariseProject } from '../../electron/project-summary';
import { tinyProject } from './project-fixture';

const summary = summariseProject(tinyProject());
const singleExport: OpenFileReply = { name: 'budget.csv', summary: null, reports: [], problems: [] };

function api(over: Partial<StewardApi> = {}): StewardApi {
  return {
    appVersion: vi.fn(async () => ({ app: '0.1.0', electron: null, chrome: null, node: null })),
    openDemo: vi.fn(async () => summary),
    openFile: vi.fn(async () => singleExport),
    reimportAs: vi.fn(async () => ({ ...singleExport, name: 'budget.csv (again)' })),
    reopen: vi.fn(async () => ({ ...singleExport, name: 'budget.csv (reopened)' })),
    ...over,
  };
}

describe('project store', () => {
  it('opens the demo district', async () => {
    const store = createProjectStore(api());
    await store.getState().openDemo();
    expect(store.getState()).toMatchObject({ status: 'ready', summary, source: DEMO_SOURCE, error: null });
  });

  it('keeps the project on screen when a single export is opened, and shows its report', async () => {
    const store = createProjectStore(api());
    await store.getState().openDemo();
    await store.getState().openFile();
    expect(store.getState()).toMatchObject({ status: 'ready', summary, source: DEMO_SOURCE, lastImport: singleExport });
  });

  it('replaces the project when the file is a complete project', async () => {
    const reply: OpenFileReply = { name: 'district.xlsx', summary: { ...summary, districtName: 'Other USD' }, reports: [], problems: [] };
    const store = createProjectStore(api({ openFile: vi.fn(async () => reply) }));
    await store.getState().openDemo();
    await store.getState().openFile();
    expect(store.getState().summary?.districtName).toBe('Other USD');
    expect(store.getState().source).toBe('district.xlsx');
  });

  it('closes the import report and keeps the project', async () => {
    const store = createProjectStore(api());
    await store.getState().openDemo();
    await store.getState().openFile();
    store.getState().closeImport();
    expect(store.getState()).toMatchObject({ status: 'ready', summary, lastImport: null });
  });

  it('re-reads the last file as the chosen table, keeping the project', async () => {
    const a = api();
    const store = createProjectStore(a);
    await store.getState().openDemo();
    await store.getState().openFile();
    await store.getState().reimportAs('budget');
    expect(a.reimportAs).toHaveBeenCalledWith({ kind: 'budget' });
    expect(store.getState()).toMatchObject({ status: 'ready', summary, lastImport: { name: 'budget.csv (again)' } });
  });

  it('changes nothing when the dialog is cancelled', async () => {
    const store = createProjectStore(api({ openFile: vi.fn(async () => null) }));
    await store.getState().openDemo();
    await store.getState().openFile({ folder: true });
    expect(store.getState()).toMatchObject({ status: 'ready', summary, lastImport: null });
  });

  it('asks for a folder only when told', async () => {
    const a = api();
    const store = createProjectStore(a);
    await store.getState().openFile({ folder: true });
    await store.getState().openFile();
    expect(a.openFile).toHaveBeenNthCalledWith(1, { folder: true });
    expect(a.openFile).toHaveBeenNthCalledWith(2, undefined);
  });

  it('import options: sent with the next file, and a change reads the last file again with them', async () => {
    const a = api();
    const store = createProjectStore(a);
    // Nothing open yet: the choice is only kept.
    await store.getState().setImportChoices({ strict: true });
    expect(a.reopen).not.toHaveBeenCalled();
    await store.getState().openFile();
    expect(a.openFile).toHaveBeenLastCalledWith({ strict: true });
    // Unticking fill-down re-reads the file as it was opened, with both options.
    await store.getState().setImportChoices({ fillDown: false });
    expect(a.reopen).toHaveBeenLastCalledWith({ fillDown: false, strict: true });
    expect(store.getState().lastImport?.name).toBe('budget.csv (reopened)');
    // After "Read as", a change re-reads as that table; back to the defaults sends no flags.
    await store.getState().reimportAs('budget');
    expect(a.reimportAs).toHaveBeenLastCalledWith({ kind: 'budget', fillDown: false, strict: true });
    await store.getState().setImportChoices({ fillDown: true, strict: false });
    expect(a.reimportAs).toHaveBeenLastCalledWith({ kind: 'budget' });
    expect(store.getState().importChoices).toEqual({ fillDown: true, strict: false });
  });

  it('a project read again with other options replaces the one on screen', async () => {
    const reply: OpenFileReply = { name: 'district.xlsx', summary: { ...summary, districtName: 'Strict USD' }, reports: [], problems: [] };
    const a = api({ reopen: vi.fn(async () => reply) });
    const store = createProjectStore(a);
    await store.getState().openDemo();
    await store.getState().openFile();
    await store.getState().setImportChoices({ strict: true });
    expect(store.getState()).toMatchObject({ status: 'ready', source: 'district.xlsx', summary: { districtName: 'Strict USD' } });
  });

  it('turns a failed call into an error message, not an exception', async () => {
    const store = createProjectStore(api({ openDemo: vi.fn(async () => { throw new Error('IPC refused'); }) }));
    await store.getState().openDemo();
    expect(store.getState()).toMatchObject({ status: 'error', error: 'Could not open the demo district: IPC refused' });
  });
});
