import { chmod, link, lstat, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupPath, removeStaleTemps, saveFile, SaveError, tempOwner } from '../../host/save-file';
import { saveProject } from '../../host/project-io';
import { writeWorkbook } from '../../host/write-workbook';
import { demoProject } from '../../models/demo/district';

// The shared save routine (host/save-file.ts): temporary file + fsync, previous version kept as
// `<name>.bak`, rename, folder fsync, stale temporary files removed on the next save. The kill test
// (save-file.kill.test.ts) checks the same routine against a process killed mid-save.

let dir: string;
let n = 0;
const fresh = async () => {
  const d = join(dir, `case-${++n}`);
  await mkdir(d);
  return d;
};
const text = (p: string) => readFile(p, 'utf8');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'steward-save-file-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('saveFile', () => {
  it('writes a new file with no backup and no temporary file beside it', async () => {
    const d = await fresh();
    await saveFile(join(d, 'a.steward'), 'one');
    expect(await readdir(d)).toEqual(['a.steward']);
    expect(await text(join(d, 'a.steward'))).toBe('one');
  });

  it('keeps the previous version as <name>.bak on every later save', async () => {
    const d = await fresh();
    const p = join(d, 'a.steward');
    await saveFile(p, 'one');
    await saveFile(p, new TextEncoder().encode('two'));
    expect((await readdir(d)).sort()).toEqual(['a.steward', 'a.steward.bak']);
    expect(await text(p)).toBe('two');
    expect(await text(backupPath(p))).toBe('one');
    await saveFile(p, 'three');
    expect(await text(p)).toBe('three');
    expect(await text(backupPath(p))).toBe('two');
    // The backup is its own file: writing the target never changes it.
    expect((await stat(p)).ino).not.toBe((await stat(backupPath(p))).ino);
  });

  it('backup: false writes no .bak (the app\'s own state files)', async () => {
    const d = await fresh();
    const p = join(d, 'window-state.json');
    await saveFile(p, '{}', { backup: false });
    await saveFile(p, '{"a":1}', { backup: false });
    expect(await readdir(d)).toEqual(['window-state.json']);
  });

  it('removes temporary files left by a killed save on the next save, and leaves a live save\'s alone', async () => {
    const d = await fresh();
    const p = join(d, 'a.steward');
    await saveFile(p, 'one');
    // A process that is gone (a child that has exited), this process (no save of ours is in flight),
    // the old routine's name, and a live process (this test runner's parent) younger than an hour.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const stale = [`a.steward.${dead}-0123456789ab.tmp`, `a.steward.${process.pid}-00ff00ff00ff.tmp`, 'a.steward.0123456789ab.tmp', `a.steward.bak.${dead}-aaaaaaaaaaaa.tmp`];
    const live = `a.steward.${process.ppid}-bbbbbbbbbbbb.tmp`;
    const unrelated = ['b.steward.99999-0123456789ab.tmp', 'a.steward.notes.tmp', 'a.steward.tmp'];
    for (const f of [...stale, live, ...unrelated]) await writeFile(join(d, f), 'half a fi');
    const old = new Date(Date.now() - 120_000);
    await utimes(join(d, 'a.steward.0123456789ab.tmp'), old, old);
    await saveFile(p, 'two');
    expect((await readdir(d)).sort()).toEqual(['a.steward', 'a.steward.bak', live, ...unrelated].sort());
    // An hour later even a live process id is debris (ids are reused).
    const hourAgo = new Date(Date.now() - 2 * 3600_000);
    await utimes(join(d, live), hourAgo, hourAgo);
    expect(await removeStaleTemps(p)).toEqual([live]);
  });

  it('a save killed between its two renames (backup and target one file) is finished cleanly by the next save', async () => {
    const d = await fresh();
    const p = join(d, 'a.steward');
    await saveFile(p, 'one');
    await link(p, backupPath(p)); // what the killed save left: <name>.bak linked to the old file
    await saveFile(p, 'two');
    expect((await readdir(d)).sort()).toEqual(['a.steward', 'a.steward.bak']);
    expect(await text(p)).toBe('two');
    expect(await text(backupPath(p))).toBe('one');
  });

  it('names temporary files so they can be told apart from anything else', () => {
    expect(tempOwner('a.steward', 'a.steward.1234-0123456789ab.tmp')).toBe(1234);
    expect(tempOwner('a.steward', 'a.steward.0123456789ab.tmp')).toBe(0);
    expect(tempOwner('a.steward', 'a.steward.bak.1234-0123456789ab.tmp')).toBeNull();
    expect(tempOwner('a.steward.bak', 'a.steward.bak.1234-0123456789ab.tmp')).toBe(1234);
    expect(tempOwner('a.steward', 'a.steward')).toBeNull();
    expect(tempOwner('a.steward', 'ab.steward.1234-0123456789ab.tmp')).toBeNull();
    expect(tempOwner('a.steward', 'a.steward.x-0123456789ab.tmp')).toBeNull();
  });

  it('refuses to write an empty file, and the target stays as it was', async () => {
    const d = await fresh();
    const p = join(d, 'a.steward');
    await saveFile(p, 'one');
    await expect(saveFile(p, '')).rejects.toBeInstanceOf(SaveError);
    await expect(saveFile(p, new Uint8Array())).rejects.toThrow(/nothing to write/);
    expect(await text(p)).toBe('one');
    expect(await readdir(d)).toEqual(['a.steward']);
  });

  it('a save that fails leaves the target and no debris, and says why', async () => {
    const d = await fresh();
    await mkdir(join(d, 'folder.steward'));
    await expect(saveFile(join(d, 'folder.steward'), 'x')).rejects.toThrow(/cannot save folder\.steward: a folder has that name/);
    await expect(saveFile(join(d, 'missing', 'a.steward'), 'x')).rejects.toThrow(/cannot save a\.steward: the folder no longer exists/);
    if (process.platform !== 'win32' && process.getuid?.() !== 0) {
      const ro = join(d, 'ro');
      await mkdir(ro);
      await saveFile(join(ro, 'a.steward'), 'one');
      await chmod(ro, 0o555);
      try {
        await expect(saveFile(join(ro, 'a.steward'), 'two')).rejects.toThrow(/permission denied/);
        expect(await text(join(ro, 'a.steward'))).toBe('one');
        expect(await readdir(ro)).toEqual(['a.steward']);
      } finally {
        await chmod(ro, 0o755);
      }
    }
  });

  it('keeps the file\'s permissions', async () => {
    if (process.platform === 'win32') return;
    const d = await fresh();
    const p = join(d, 'a.steward');
    await saveFile(p, 'one');
    await chmod(p, 0o600);
    await saveFile(p, 'two');
    expect((await stat(p)).mode & 0o777).toBe(0o600);
  });

  it('saving through a symbolic link writes the real file and keeps the link', async () => {
    if (process.platform === 'win32') return;
    const d = await fresh();
    await mkdir(join(d, 'real'));
    const real = join(d, 'real', 'a.steward');
    await saveFile(real, 'one');
    const linked = join(d, 'link.steward');
    await symlink(real, linked);
    await saveFile(linked, 'two');
    expect((await lstat(linked)).isSymbolicLink()).toBe(true);
    expect(await text(real)).toBe('two');
    expect(await text(join(d, 'real', 'a.steward.bak'))).toBe('one');
  });

  it('saves of one file in one process run one after another: the last one wins, nothing is left over', async () => {
    const d = await fresh();
    const p = join(d, 'a.steward');
    await Promise.all(Array.from({ length: 20 }, (_, i) => saveFile(p, `version ${i}`)));
    expect(await text(p)).toBe('version 19');
    expect(await text(backupPath(p))).toBe('version 18');
    expect((await readdir(d)).sort()).toEqual(['a.steward', 'a.steward.bak']);
  });
});

describe('every file Steward writes goes through it', () => {
  it('saveProject and the CLI\'s workbooks keep a backup of what they replace', async () => {
    const d = await fresh();
    const demo = demoProject();
    await saveProject(join(d, 'district.steward'), demo);
    await saveProject(join(d, 'district.steward'), { ...demo, settings: { ...demo.settings, district_name: 'Renamed' } });
    expect(JSON.parse(await text(join(d, 'district.steward.bak'))).project.settings.district_name).toBe(demo.settings.district_name);
    expect(JSON.parse(await text(join(d, 'district.steward'))).project.settings.district_name).toBe('Renamed');
    await writeWorkbook(join(d, 'out.xlsx'), [{ name: 'A', rows: [['one']] }]);
    await writeWorkbook(join(d, 'out.xlsx'), [{ name: 'A', rows: [['two']] }]);
    expect((await readdir(d)).sort()).toEqual(['district.steward', 'district.steward.bak', 'out.xlsx', 'out.xlsx.bak']);
  });
});
