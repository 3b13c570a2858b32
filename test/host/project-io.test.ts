import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_WORKBOOK_PATH, loadProject, saveProject } from '../../host/project-io';
import { workbookBytes } from '../../host/write-workbook';
import { demoProject } from '../../models/demo/district';
import { projectToSheets } from '../../models/project/to-sheets';
import { serialiseProject } from '../../models/project/steward-file';
import { expectSameProject } from '../models/project/same-project';

const demo = demoProject();
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'steward-project-io-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadProject', () => {
  it('opens the demo district workbook for "demo" and for no path', async () => {
    for (const arg of ['demo', undefined]) {
      const loaded = await loadProject(arg);
      expect(loaded.source).toBe('workbook');
      expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expectSameProject(loaded.project, demo);
      expect(loaded.reports.length).toBeGreaterThanOrEqual(8);
    }
  });

  it('the committed demo workbook is what the generator writes today (run `npm run fixtures` if not)', () => {
    expect(Buffer.from(readFileSync(DEMO_WORKBOOK_PATH)).equals(Buffer.from(workbookBytes(projectToSheets(demo))))).toBe(true);
  });

  it('opens a folder of CSVs named after the sheets, case-insensitively', async () => {
    const folder = join(dir, 'csv');
    await mkdir(folder);
    const csv = (rows: unknown[][]) => rows.map((r) => r.map((c) => (c === null ? '' : /[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',')).join('\n') + '\n';
    for (const s of projectToSheets(demo)) await writeFile(join(folder, `${s.name.toUpperCase()}.csv`), csv(s.rows));
    const loaded = await loadProject(folder);
    expect(loaded.source).toBe('csv-folder');
    expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expectSameProject(loaded.project, demo);
  });

  it('opens a .steward file and appends validation problems', async () => {
    const broken = structuredClone(demo);
    broken.positions[0]!.site_id = 'NOWHERE';
    const path = join(dir, 'broken.steward');
    await writeFile(path, serialiseProject(broken));
    const loaded = await loadProject(path);
    expect(loaded.source).toBe('steward');
    expect(loaded.project?.positions[0]!.site_id).toBe('NOWHERE');
    expect(loaded.problems).toContainEqual(expect.objectContaining({ severity: 'error', table: 'positions', file: 'broken.steward', column: 'site_id', value: 'NOWHERE' }));
  });

  it('refuses a newer .steward, a missing path and an unknown file type as problems, not throws', async () => {
    const newer = join(dir, 'newer.steward');
    await writeFile(newer, JSON.stringify({ format: 'steward', schemaVersion: 99, savedAt: '', project: {} }));
    const a = await loadProject(newer);
    expect(a.project).toBeNull();
    expect(a.problems[0]!.message).toMatch(/newer Steward \(file version 99\)/);
    const b = await loadProject(join(dir, 'nope.xlsx'));
    expect(b.project).toBeNull();
    expect(b.problems[0]!.message).toMatch(/no such file/);
    const txt = join(dir, 'notes.pdf');
    await writeFile(txt, 'hello');
    const c = await loadProject(txt);
    expect(c.project).toBeNull();
    expect(c.problems[0]!.message).toMatch(/not a project/);
  });

  it('reports a broken workbook as a problem', async () => {
    const bad = join(dir, 'truncated.xlsx');
    await writeFile(bad, Buffer.from('PK\u0003\u0004 this is not a zip'));
    const loaded = await loadProject(bad);
    expect(loaded.project).toBeNull();
    expect(loaded.problems[0]).toMatchObject({ severity: 'error', table: 'project' });
  });
});

describe('saveProject', () => {
  it('saves .steward and .xlsx atomically (no temporary files left) and they load back', async () => {
    const out = join(dir, 'save');
    await mkdir(out);
    await saveProject(join(out, 'district.steward'), demo);
    await saveProject(join(out, 'district.xlsx'), demo);
    expect((await readdir(out)).sort()).toEqual(['district.steward', 'district.xlsx']);
    expect(JSON.parse(await readFile(join(out, 'district.steward'), 'utf8')).format).toBe('steward');
    const back = await loadProject(join(out, 'district.steward'));
    expect(back.project).toEqual(demo);
    const wb = await loadProject(join(out, 'district.xlsx'));
    expectSameProject(wb.project, demo);
  });

  it('refuses other extensions', async () => {
    await expect(saveProject(join(dir, 'x.docx'), demo)).rejects.toThrow(/\.steward or \.xlsx/);
  });
});
