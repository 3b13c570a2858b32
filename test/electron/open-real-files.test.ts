import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHandlers, openPath } from '../../electron/handlers';
import type { TableKind } from '../../models/schema/tables';
import { IPC_CONTRACT } from '../../electron/ipc-contract';
import { summariseProject } from '../../electron/project-summary';
import { demoProject } from '../../models/demo/district';
import { loadProject } from '../../host/project-io';
import { readFileGrids } from '../../host/read-file';

// The open-file path with the real loaders (worker thread and all), on the committed fixtures.
const root = join(__dirname, '..', '..');
const demoWorkbook = join(root, 'fixtures', 'demo', 'demo-district.xlsx');
const messy = join(root, 'fixtures', 'messy');
const deps = { loadProject, readGrids: (p: string) => readFileGrids(p) };

describe.skipIf(!existsSync(demoWorkbook))('opening the committed demo workbook', () => {
  it('shows the same totals as the built-in demo district', async () => {
    const reply = await openPath(demoWorkbook, deps);
    expect(IPC_CONTRACT['project:open-file'].reply.safeParse(reply).success).toBe(true);
    expect(reply.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(reply.summary).toEqual(summariseProject(demoProject()));
  }, 60_000);
});

const expected = existsSync(join(messy, 'EXPECTED.json'))
  ? (JSON.parse(readFileSync(join(messy, 'EXPECTED.json'), 'utf8')) as Record<string, { kind: string; rows: number; accepted: number }>)
  : {};

describe('opening a single messy export', () => {
  it.each(Object.keys(expected))('%s is read as one table with the recorded row counts', async (name) => {
    const want = expected[name]!;
    const reply = await openPath(join(messy, name), deps);
    expect(reply.summary).toBeNull();
    expect(reply.reports.map((r) => r.kind)).toEqual([want.kind]);
    const r = reply.reports[0]!;
    expect({ rows: r.rows, accepted: r.accepted, rejected: r.rejected }).toEqual({ rows: want.rows, accepted: want.accepted, rejected: want.rows - want.accepted });
  }, 60_000);
});

describe('"Read as" on a single messy export', () => {
  it.each(Object.keys(expected))('%s read as its recorded table gives the recorded row counts', async (name) => {
    const want = expected[name]!;
    const handlers = createHandlers({
      ...deps, versions: { app: '0', electron: null, chrome: null, node: null }, demoProject, chooseFile: async () => join(messy, name),
    });
    await handlers['project:open-file'](undefined);
    const reply = await handlers['project:reimport-as']({ kind: want.kind as TableKind });
    const r = reply?.reports[0];
    expect(reply?.reports).toHaveLength(1);
    expect({ rows: r?.rows, accepted: r?.accepted, rejected: r?.rejected }).toEqual({ rows: want.rows, accepted: want.accepted, rejected: want.rows - want.accepted });
  }, 60_000);
});
