import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureCliOutput } from './capture-output';
import { InputError, UsageError } from '../../cli/args';
import { saveProject } from '../../host/project-io';
import { fitDistribution, sample } from '../../models/forecast/distributions';
import { mulberry32, subSeed } from '../../models/forecast/prng';
import { failingProject } from '../models/forecast/failing-project';

// `forecast --trials` on a district whose revenue formula fails on about half the draws
// (test/models/forecast/failing-project.ts), saved as a real .steward file and loaded as a user's.
const dir = mkdtempSync(join(tmpdir(), 'steward-mc-'));
const file = join(dir, 'failing.steward');
beforeAll(() => saveProject(file, failingProject()));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = captureCliOutput();

// Which of 400 trials fail, from the draws alone: cpi uniform, 90% in [1%, 5%]; a draw below 3% fails.
const TRIALS = 400;
const SEED = 9;
const dist = fitDistribution('uniform', 0.03, 0.01, 0.05);
if (typeof dist === 'string') throw new Error(dist);
const draws = Array.from({ length: TRIALS }, (_, i) => sample(dist, mulberry32(subSeed(SEED, i))));
const failed = draws.flatMap((x, i) => (0.03 + (x - 0.03) - 0.03 < 0 ? [i] : []));
const args = ['--trials', String(TRIALS), '--seed', String(SEED), '--workers', '0'];

describe('steward forecast --trials with failing trials', () => {
  it('fails by default with the count and the first failing draw', async () => {
    const { run } = await import('../../cli/commands/forecast');
    const err = await run([file, ...args]).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const msg = (err as Error).message;
    expect(msg).toContain(`${failed.length} of 400 trials (${(failed.length / 4).toFixed(1)}%) failed`);
    expect(msg).toContain(`First failure: trial ${failed[0]} (year 2027; cpi drew ${Number(draws[failed[0]!]!.toPrecision(6))}): revenue source STATE: `);
    expect(msg).toContain('--allow-failed-trials');
    expect(cli.text).toBe('');
  });

  it('with --allow-failed-trials reports the failures in the JSON, with no NaN anywhere', async () => {
    const { run } = await import('../../cli/commands/forecast');
    expect(await run([file, ...args, '--allow-failed-trials', '--json'])).toBe(0);
    expect(cli.text).not.toMatch(/NaN/);
    const j = JSON.parse(cli.text);
    // NaN would have become null (the deterministic forecast has legitimate nulls, e.g. plan: null).
    expect(JSON.stringify([j.monte_carlo, j.bands, j.breach_probability])).not.toContain('null');
    expect(j.monte_carlo).toMatchObject({
      scenario: 'Base', trials: 400, successful_trials: 400 - failed.length, failed_trials: failed.length, failed_share: failed.length / 400,
      first_failure: { trial_index: failed[0], year: 2027, drivers: [{ driver: 'cpi', value: draws[failed[0]!] }], error: expect.stringContaining('revenue source STATE') },
    });
    expect(j.bands).toHaveLength(3);
    expect(j.breach_probability[0]).toEqual({ year: 2026, p: 1 });
  });

  it('says so in the text table and the workbook', async () => {
    const { run } = await import('../../cli/commands/forecast');
    const xlsx = join(dir, 'report.xlsx');
    expect(await run([file, ...args, '--allow-failed-trials', '--out', xlsx])).toBe(0);
    expect(cli.text).not.toMatch(/NaN/);
    expect(cli.text).toContain(`  ${failed.length} trials (${(failed.length / 4).toFixed(1)}%) FAILED and are left out: the figures below are over the ${400 - failed.length} successful trials.`);
    expect(cli.text).toMatch(new RegExp(`First failure: trial ${failed[0]} \\(year 2027; cpi drew [\\d.]+\\): revenue source STATE`));
    const wb = XLSX.read(readFileSync(xlsx));
    const mc = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Monte Carlo']!, { header: 1 });
    for (const row of mc.slice(1)) { expect(row).toHaveLength(10); for (const v of row) expect(Number.isFinite(v)).toBe(true); }
    const trials = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Monte Carlo trials']!, { header: 1 });
    expect(trials).toContainEqual(['failed_trials', failed.length]);
    expect(trials).toContainEqual(['first_failure_trial_index', failed[0]]);
    expect(trials).toContainEqual(['first_failure_draw', draws[failed[0]!], 'cpi']);
  });

  it('--allow-failed-trials goes with --trials', async () => {
    const { run } = await import('../../cli/commands/forecast');
    await expect(run([file, '--allow-failed-trials'])).rejects.toBeInstanceOf(UsageError);
  });

  it('exits 1 with the reason on stderr (the real CLI)', async () => {
    const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn('npx', ['tsx', 'cli/main.ts', 'forecast', file, ...args], { cwd: new URL('../..', import.meta.url).pathname, env: { ...process.env, NO_COLOR: '1' } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
      child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^steward forecast: Monte Carlo: ${failed.length} of 400 trials .*failed.*First failure: trial ${failed[0]} `));
  }, 60_000);
});
