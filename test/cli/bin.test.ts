import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The `steward` bin (package.json "bin"): the esbuild bundle, built on demand when missing or
// stale, gives the same output as `npm run cli` (tsx), also when started through a symlink as
// `npm link` and npm's bin folders start it. Its start-up time is in `npm run bench`.

const root = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(root, 'bin', 'steward.mjs');
const dir = mkdtempSync(join(tmpdir(), 'steward-bin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (bin: string, args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8' });

describe('the steward bin', () => {
  it('prints the usage for --help (exit 0) and rejects an unknown command (exit 2)', () => {
    const help = run(BIN, ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: steward COMMAND/);
    expect(help.stdout).toContain('report PROJECT --out board.xlsx|board.pdf');
    const bad = run(BIN, ['nonsense']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown command "nonsense"');
  }, 60_000);

  it('runs a command on the demo district through a symlink, from another folder', () => {
    const link = join(dir, 'steward');
    symlinkSync(BIN, link);
    const r = run(link, ['validate', 'demo', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { ok: boolean; errors: number };
    expect(json.ok).toBe(true);
    expect(json.errors).toBe(0);
  }, 60_000);
});
