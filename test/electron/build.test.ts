import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TrialJob, TrialReply } from '../../host/monte-carlo-protocol';
import { runTrials } from '../../models/forecast/monte-carlo';
import { prepareTrials } from '../../models/forecast/trials';
import { CHANNELS } from '../../electron/ipc-contract';
import { demoProject } from '../../models/demo/district';

// Runs electron/build.mjs (esbuild, ~1 s) and checks the bundles electron-builder packs.
const root = join(__dirname, '..', '..');
const out = join(root, 'build', 'electron');

function requires(code: string): string[] {
  return [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!))].sort();
}

describe('electron/build.mjs', () => {
  execFileSync(process.execPath, [join(root, 'electron', 'build.mjs')], { cwd: root, stdio: 'pipe' });

  it('writes the entry point package.json names, and the preload', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(existsSync(join(root, pkg.main))).toBe(true);
    expect(existsSync(join(out, 'preload.cjs'))).toBe(true);
  });

  it('builds the parse and Monte Carlo workers next to main.cjs', () => {
    expect(existsSync(join(out, 'parse-worker.cjs'))).toBe(true);
    expect(existsSync(join(out, 'monte-carlo-worker.cjs'))).toBe(true);
  });

  it('the bundled Monte Carlo worker runs trials and matches the in-process run bit for bit', async () => {
    const project = demoProject();
    const worker = new Worker(join(out, 'monte-carlo-worker.cjs'));
    try {
      const reply = await new Promise<TrialReply>((resolve, reject) => {
        worker.on('message', (m: TrialReply) => { if (m.type !== 'progress') resolve(m); });
        worker.on('error', reject);
        worker.postMessage({ id: 1, project, projectKey: 'demo', scenario: 'Base', years: 3, seed: 7, start: 0, count: 50 } satisfies TrialJob);
      });
      if (reply.type !== 'done') throw new Error(reply.type === 'error' ? reply.message : 'no reply');
      const prep = prepareTrials(project, 'Base', 3);
      if (!prep.ok) throw new Error(prep.reason);
      const local = runTrials(prep.value.prepared, prep.value.paths, 7, 0, 50, prep.value.priorityPlan, undefined, prep.value.staffing);
      expect([...reply.chunk.balance]).toEqual([...local.balance]);
      expect([...reply.chunk.succeeded]).toEqual([...local.succeeded]);
    } finally {
      await worker.terminate();
    }
  }, 60_000);

  it('keeps electron external and bundles everything else into main.cjs', () => {
    const code = readFileSync(join(out, 'main.cjs'), 'utf8');
    const external = requires(code).filter((m) => !m.startsWith('node:') && !NODE_BUILTINS.has(m));
    expect(external).toEqual(['electron']);
  });

  it('gives the sandboxed preload nothing to require but electron, and keeps it small', () => {
    const code = readFileSync(join(out, 'preload.cjs'), 'utf8');
    expect(requires(code)).toEqual(['electron']);
    expect(statSync(join(out, 'preload.cjs')).size).toBeLessThan(8 * 1024);
    expect(code).toContain('exposeInMainWorld');
  });

  it('runs: the bundled main answers the contract under Node with a fake electron module', () => {
    const demoWorkbook = join(root, 'fixtures', 'demo', 'demo-district.xlsx');
    const userData = mkdtempSync(join(tmpdir(), 'steward-smoke-'));
    const stdout = execFileSync(process.execPath, [join(__dirname, 'bundle-smoke-runner.cjs'), root, demoWorkbook, userData], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    type Files = { name: string; token: string; files: { name: string; size: number; isBytes: boolean }[] };
    const out = JSON.parse(stdout) as {
      channels: string[]; privileged: { scheme: string; privileges: Record<string, boolean> }[]; loaded: string; page: { status: number; type: string };
      escape: number; menu: string[]; version: { app: string }; launch: Files; file: Files; recent: { id: string; name: string }[]; refused: string;
    };
    expect(out.channels).toEqual([...CHANNELS].sort());
    expect(out.version.app).toBe('0.0.0-smoke');
    // The renderer comes from app://steward, served from build/web only.
    expect(out.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(out.loaded).toBe('app://steward/index.html');
    expect(out.page.status).toBe(existsSync(join(root, 'build', 'web', 'index.html')) ? 200 : 404);
    expect(out.escape).toBe(404);
    expect(out.menu.map((l) => l.replace('&', ''))).toContain('File');
    // The workbook on the command line is what the app was launched with.
    expect(out.launch.name).toBe('demo-district.xlsx');
    // The main process hands over the file's bytes, and a token instead of its path.
    expect(out.file.name).toBe('demo-district.xlsx');
    expect(out.file.token).toBe(out.launch.token);
    expect(out.file.files).toEqual([{ name: 'demo-district.xlsx', size: statSync(demoWorkbook).size, isBytes: true }]);
    expect(out.recent).toEqual([{ id: out.file.token, name: 'demo-district.xlsx', folder: 'demo', kind: 'file' }]);
    expect(out.refused).toMatch(/untrusted/);
    rmSync(userData, { recursive: true, force: true });
  }, 60_000);
});

const NODE_BUILTINS = new Set(['fs', 'fs/promises', 'path', 'url', 'os', 'worker_threads', 'crypto', 'stream', 'util', 'events', 'buffer', 'zlib', 'child_process', 'module', 'assert']);
