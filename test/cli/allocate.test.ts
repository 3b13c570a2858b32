import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The CLI contract: `allocate PROJECT … --json` keys, exit codes, and `review … --json`.
function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'cli/main.ts', ...args], { cwd: new URL('../..', import.meta.url).pathname, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.concurrent('steward allocate / review', () => {
  it('allocate demo --json prints the contract keys', async () => {
    const r = await cli(['allocate', 'demo', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    const sites = out.sites as Record<string, unknown>[];
    const funds = out.funds as Record<string, unknown>[];
    const needs = out.needs as Record<string, unknown>[];
    expect(sites.length).toBeGreaterThan(0);
    for (const k of ['site_id', 'allocation_cents', 'per_pupil_cents', 'cost_balance_ratio']) expect(sites[0]).toHaveProperty(k);
    for (const k of ['fund_code', 'allocated_cents', 'leftover_cents']) expect(funds[0]).toHaveProperty(k);
    if (needs.length > 0) for (const k of ['need_id', 'funded_cents', 'status']) expect(needs[0]).toHaveProperty(k);
    expect(Object.keys(out.equity as object)).toEqual(expect.arrayContaining(['range', 'restricted_range', 'federal_range_ratio', 'cv', 'mcloone', 'verstegen', 'gini', 'theil']));
    expect(Array.isArray(out.flags)).toBe(true);
    // Every fund adds up to the cent.
    for (const f of funds) expect((f.allocated_cents as number) + (f.leftover_cents as number)).toBe(f.available_cents);
    // What each principal controls: the formula's part less the positions staffing rules fix.
    const disc = (out.discretionary as { sites: Record<string, number>[] }).sites;
    expect(disc.length).toBeGreaterThan(0);
    for (const d of disc) expect(d.discretionary_cents).toBe(Math.max(0, d.formula_cents! - d.fixed_positions_cents!));
  }, 180_000);

  it('refuses an unknown preset with exit 2', async () => {
    const r = await cli(['allocate', 'demo', '--preset', 'chicago']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--preset must be boston, houston or nyc/);
  }, 180_000);

  it('review demo --as-of --json certifies the general fund and records the review', async () => {
    const r = await cli(['review', 'demo', '--as-of', '2026-03-31', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { certification: { status: string }; record: { kind: string }[]; lines: unknown[] };
    expect(['positive', 'qualified', 'negative']).toContain(out.certification.status);
    expect(out.record[0]!.kind).toBe('certification');
    expect(out.lines.length).toBeGreaterThan(0);
  }, 180_000);
});
