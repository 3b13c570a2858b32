import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers, openPath, type HandlerDeps, type LoadedProject } from '../../electron/handlers';
import { IPC_CONTRACT } from '../../electron/ipc-contract';
import { demoProject } from '../../models/demo/district';
import { tinyProject } from './project-fixture';

const versions = { app: '0.1.0', electron: '45.4.1', chrome: null, node: '22.0.0' };

function deps(over: Partial<HandlerDeps> = {}): HandlerDeps {
  return {
    versions,
    demoProject: () => tinyProject(),
    loadProject: vi.fn(async (): Promise<LoadedProject> => ({ project: tinyProject(), reports: [], missing: [], problems: [], source: 'workbook' })),
    chooseFile: vi.fn(async () => '/home/user/district/budget.xlsx'),
    ...over,
  };
}

describe('handlers', () => {
  it('app:version returns the versions it was given', async () => {
    const reply = await createHandlers(deps())['app:version'](undefined);
    expect(IPC_CONTRACT['app:version'].reply.parse(reply)).toEqual(versions);
  });

  it('project:open-demo summarises the demo district (contract-valid reply)', async () => {
    const demo = demoProject();
    const reply = await createHandlers(deps({ demoProject: () => demo }))['project:open-demo'](undefined);
    expect(IPC_CONTRACT['project:open-demo'].reply.safeParse(reply).success).toBe(true);
    expect(reply.districtName).toBe(demo.settings.district_name);
    expect(reply.totals.sites).toBe(demo.sites.length);
  });

  it('project:open-file returns null when the dialog is cancelled, without loading anything', async () => {
    const d = deps({ chooseFile: vi.fn(async () => null) });
    expect(await createHandlers(d)['project:open-file'](undefined)).toBeNull();
    expect(d.loadProject).not.toHaveBeenCalled();
  });

  it('project:open-file asks the dialog for a folder when told, and never hands back the full path', async () => {
    const d = deps();
    const reply = await createHandlers(d)['project:open-file']({ folder: true });
    expect(d.chooseFile).toHaveBeenCalledWith({ folder: true });
    expect(d.loadProject).toHaveBeenCalledWith('/home/user/district/budget.xlsx');
    expect(reply?.name).toBe('budget.xlsx');
    expect(JSON.stringify(reply)).not.toContain('/home/user');
    expect(reply?.summary?.districtName).toBe('Tiny USD');
    expect(IPC_CONTRACT['project:open-file'].reply.safeParse(reply).success).toBe(true);
  });
});

describe('project:reimport-as', () => {
  const budgetCsv = { format: 'csv' as const, notes: [], grids: [{ file: 'x.csv', sheet: 'x', rows: [
    ['fiscal_year', 'fund_code', 'object', 'amount'],
    [2026, 'GEN', 'supplies', '1,000.50'],
    [2026, 'GEN', 'supplies', 'oops'],
  ] }] };

  it('replies null before any file was opened', async () => {
    const d = deps({ readGrids: vi.fn(async () => budgetCsv) });
    expect(await createHandlers(d)['project:reimport-as']({ kind: 'budget' })).toBeNull();
    expect(d.readGrids).not.toHaveBeenCalled();
  });

  it('re-reads the file chosen last as the table asked for', async () => {
    const readGrids = vi.fn(async () => budgetCsv);
    const handlers = createHandlers(deps({ readGrids, chooseFile: vi.fn(async () => '/home/user/x.csv') }));
    await handlers['project:open-file'](undefined);
    const reply = await handlers['project:reimport-as']({ kind: 'budget' });
    expect(readGrids).toHaveBeenLastCalledWith('/home/user/x.csv');
    expect(IPC_CONTRACT['project:reimport-as'].reply.safeParse(reply).success).toBe(true);
    // Two data rows: 1,000.50 accepted; "oops" rejected → 1 + 1 = 2.
    expect(reply?.reports.map((r) => [r.kind, r.rows, r.accepted, r.rejected, r.totals.amountCents])).toEqual([['budget', 2, 1, 1, 100_050]]);
  });

  it('turns a read failure into a problem', async () => {
    const handlers = createHandlers(deps({ readGrids: vi.fn(async () => { throw new Error('x.csv vanished'); }) }));
    await handlers['project:open-file'](undefined);
    const reply = await handlers['project:reimport-as']({ kind: 'budget' });
    expect(reply?.problems.map((p) => p.message)).toEqual(['x.csv vanished']);
  });
});

describe('import options (fill-down, strict)', () => {
  const ledger = { format: 'csv' as const, notes: [], grids: [{ file: 'x.csv', sheet: 'x', rows: [
    ['fiscal_year', 'fund_code', 'object', 'amount'],
    [2026, 'GEN', 'supplies', '1,000.50'],
    [2026, 'GEN', null, '20.00'],
  ] }] };

  it('open-file and reopen pass them to the project loader', async () => {
    const d = deps();
    const handlers = createHandlers(d);
    await handlers['project:open-file']({ strict: true });
    expect(d.loadProject).toHaveBeenLastCalledWith('/home/user/district/budget.xlsx', { strict: true });
    await handlers['project:reopen']({ fillDown: false });
    expect(d.loadProject).toHaveBeenLastCalledWith('/home/user/district/budget.xlsx', { fillDown: false });
    await handlers['project:reopen']({});
    expect(d.loadProject).toHaveBeenLastCalledWith('/home/user/district/budget.xlsx');
  });

  it('reopen replies null before any file was opened', async () => {
    expect(await createHandlers(deps())['project:reopen']({ strict: true })).toBeNull();
  });

  it('reimport-as and a single export opened again honour strict', async () => {
    const readGrids = vi.fn(async () => ledger);
    // openPath looks at the file itself (a file, not a folder): a real one, whose grids readGrids gives.
    const file = join(mkdtempSync(join(tmpdir(), 'steward-handlers-')), 'x.csv');
    writeFileSync(file, 'x\n');
    const handlers = createHandlers(deps({ readGrids, chooseFile: vi.fn(async () => file), loadProject: async () => ({ project: null, reports: [], missing: [], problems: [], source: 'workbook' }) }));
    const loose = await handlers['project:open-file'](undefined);
    // 1,000.50 + 20.00 (blank object kept as unclassified) = 1,020.50, and it ties.
    expect(loose?.reports.map((r) => [r.accepted, r.unclassified, r.totals.amountCents, r.totals.ties])).toEqual([[2, 1, 102_050, true]]);
    const strict = await handlers['project:reopen']({ strict: true });
    expect(strict?.reports.map((r) => [r.accepted, r.rejected, r.totals.amountCents, r.totals.ties])).toEqual([[1, 1, 100_050, false]]);
    const as = await handlers['project:reimport-as']({ kind: 'budget', strict: true });
    expect(as?.reports.map((r) => r.accepted)).toEqual([1]);
    expect(IPC_CONTRACT['project:reopen'].reply.safeParse(strict).success).toBe(true);
  });
});

describe('openPath', () => {
  it('turns a loader exception (corrupt file, too large, timeout) into a problem, not a throw', async () => {
    const loadProject = vi.fn(async () => {
      throw new Error('budget.xlsx is not a valid workbook (truncated zip)');
    });
    const reply = await openPath('/x/budget.xlsx', { loadProject });
    expect(reply).toEqual({
      name: 'budget.xlsx', summary: null, reports: [],
      problems: [{ severity: 'error', table: 'project', file: 'budget.xlsx', message: 'budget.xlsx is not a valid workbook (truncated zip)' }],
    });
  });

  it('passes a refused project through with its reports and problems', async () => {
    const problems = [{ severity: 'error' as const, table: 'sites', sheet: 'Sites', message: 'missing sheet Sites' }];
    const reply = await openPath('/x/district.steward', {
      loadProject: async () => ({ project: null, reports: [], missing: [], problems, source: 'steward' }),
      readGrids: vi.fn(),
    });
    expect(reply.summary).toBeNull();
    expect(reply.problems).toEqual(problems);
  });

  it('does not re-read a folder that failed to load as a project', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steward-handlers-'));
    mkdirSync(join(dir, 'csv.d'));
    const readGrids = vi.fn();
    const reply = await openPath(join(dir, 'csv.d'), {
      loadProject: async () => ({ project: null, reports: [], missing: [], problems: [], source: 'csv-folder' }),
      readGrids,
    });
    expect(readGrids).not.toHaveBeenCalled();
    expect(reply.name).toBe('csv.d');
  });

  it('re-reads a single file that is not a workbook and reports the sheet it could not place', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steward-handlers-'));
    const file = join(dir, 'notes.csv');
    writeFileSync(file, 'hello\nworld\n');
    const reply = await openPath(file, {
      loadProject: async () => ({ project: null, reports: [], missing: [], problems: [], source: 'workbook' }),
      readGrids: async () => ({ format: 'csv', notes: [], grids: [{ file: 'notes.csv', sheet: 'notes', rows: [['hello'], ['world']] }] }),
    });
    expect(reply.summary).toBeNull();
    expect(reply.problems).toHaveLength(1);
    expect(reply.problems[0]?.message).toMatch(/Could not tell which table/);
  });
});
