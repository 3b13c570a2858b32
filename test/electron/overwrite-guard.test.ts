import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stewardHeaderProblem, whyNotOverwrite } from '../../electron/overwrite-guard';
import { demoProject } from '../../models/demo/district';
import { SCHEMA_VERSION } from '../../models/project/project';
import { serialiseProject } from '../../models/project/steward-file';

// Steward writes over an existing file only when it is a Steward project this version reads.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'steward-overwrite-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('whyNotOverwrite', () => {
  it('allows a new file and a project this version wrote (or an older one, which it migrates)', async () => {
    expect(await whyNotOverwrite(join(dir, 'new.steward'))).toBeNull();
    const p = join(dir, 'ours.steward');
    await writeFile(p, serialiseProject(demoProject()));
    expect(await whyNotOverwrite(p)).toBeNull();
    expect(stewardHeaderProblem('v0.steward', '{\n  "format": "steward",\n  "schemaVersion": 0,')).toBeNull();
    expect(stewardHeaderProblem('empty.steward', '')).toBeNull();
  });

  it('refuses a file from a newer Steward, someone else\'s file, a damaged header, a folder, and anything not .steward', async () => {
    const v99 = join(dir, 'v99.steward');
    await writeFile(v99, serialiseProject(demoProject()).replace(`"schemaVersion": ${SCHEMA_VERSION}`, '"schemaVersion": 99'));
    expect(await whyNotOverwrite(v99)).toMatch(/^v99\.steward was saved by a newer Steward \(file version 99; this one reads up to \d+\), so Steward will not write over it/);
    const foreign = join(dir, 'notes.steward');
    await writeFile(foreign, 'Dear diary');
    expect(await whyNotOverwrite(foreign)).toMatch(/notes\.steward is not a Steward project, so Steward will not write over it/);
    expect(stewardHeaderProblem('x.steward', '{"format":"steward","schemaVersion":"1"}')).toMatch(/not a readable Steward project/);
    expect(stewardHeaderProblem('x.steward', '{"format":"excalidraw","schemaVersion":1}')).toMatch(/not a Steward project/);
    await mkdir(join(dir, 'folder.steward'));
    expect(await whyNotOverwrite(join(dir, 'folder.steward'))).toMatch(/is a folder/);
    expect(await whyNotOverwrite(join(dir, 'district.xlsx'))).toMatch(/not a Steward project file \(\.steward\)/);
  });
});
