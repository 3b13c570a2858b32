import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { captureCliOutput } from './capture-output';
import { tinyProject } from '../models/forecast/fixtures';
import { UsageError } from '../../cli/args';

// The loader (host/project-io.ts) is replaced so the commands are tested on their own:
// "tiny.steward" is a small district with a backup plan that its trigger starts in 2028.
const tiny = tinyProject({
  settings: { district_name: 'Tiny', base_year: 2026, horizon_years: 3, beginning_fund_balance: 2_000_000, reserve_policy_pct: 0.08, seed: 5 },
  funds: [{ fund_code: 'GEN', name: 'General', source: 'local', restricted: false, available: 10_000_000 }],
  budget: [{ fiscal_year: 2026, fund_code: 'GEN', object: 'supplies', amount: 9_000_000 }],
  drivers: [{ driver: 'cpi', value: 0.1, low: 0.05, high: 0.15 }, { driver: 'cola', value: 0 }],
  scenarios: [{ scenario: 'Low CPI', driver: 'cpi', value: 0 }],
  plans: [{ plan: 'Cuts', action: 'budget_amount', start_year: 2027, amount: -2_000_000, object: 'supplies' }],
  triggers: [{ plan: 'Cuts', condition: 'surplus < 0', deadline: '03-15' }],
});
vi.mock('../../host/project-io', () => ({
  loadProject: async (path: string) => ({
    project: path === 'tiny.steward' ? tiny : null, reports: [], source: 'steward', missing: [],
    problems: path === 'tiny.steward' ? [] : [{ severity: 'error', table: 'project', message: `cannot open ${path}` }],
  }),
}));

const cli = captureCliOutput();
const dir = mkdtempSync(join(tmpdir(), 'steward-forecast-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('steward forecast', () => {
  it('prints the JSON contract with plan switches and Monte Carlo bands', async () => {
    const { run } = await import('../../cli/commands/forecast');
    expect(await run(['tiny.steward', '--all', '--trials', '400', '--seed', '9', '--workers', '0', '--json'])).toBe(0);
    const j = JSON.parse(cli.text);
    expect(j.scenarios.map((s: { name: string }) => s.name)).toEqual(['Base', 'Low CPI']);
    const base = j.scenarios[0];
    for (const key of ['year', 'revenue_cents', 'expenditure_cents', 'ending_balance_cents', 'reserve_pct', 'fte']) expect(base.years[0]).toHaveProperty(key);
    expect(base.plan_switches).toEqual([expect.objectContaining({ year: 2028, plan: 'Cuts', condition: 'surplus < 0' })]);
    expect(j.scenarios[1].plan_switches).toEqual([]);
    expect(j.bands).toHaveLength(4);
    for (const key of ['year', 'p5', 'p25', 'p50', 'p75', 'p95']) expect(j.bands[1]).toHaveProperty(key);
    expect(j.breach_probability[0]).toEqual({ year: 2026, p: 0 });
    expect(j.monte_carlo.backup_probability[0].plan).toBe('Cuts');
  });

  it('writes a report workbook and a readable table', async () => {
    const { run } = await import('../../cli/commands/forecast');
    const file = join(dir, 'report.xlsx');
    expect(await run(['tiny.steward', '--years', '2', '--out', file])).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(cli.text).toMatch(/Scenario: Base/);
    // Lag 0: the plan starts FY 2028, so the decision (by 15 March 2027) cannot wait for FY 2028's figure.
    expect(cli.text).toMatch(/→ Cuts from 2028: "surplus < 0" fired in 2028 \(surplus -8900\)\n {4}decide by 2027-03-15: TOO LATE to wait for FY2028's figure \(known 2028-01-31\); decide on the projection made in FY2027/);
  });

  it('refuses bad usage and unknown scenarios', async () => {
    const { run } = await import('../../cli/commands/forecast');
    await expect(run(['tiny.steward', '--all', '--scenario', 'X'])).rejects.toBeInstanceOf(UsageError);
    await expect(run(['tiny.steward', '--years', '11'])).rejects.toBeInstanceOf(UsageError);
    await expect(run(['tiny.steward', '--scenario', 'Nope'])).rejects.toThrow(/no scenario named "Nope"/);
    // A project that cannot be loaded: its problems on stderr, exit 1 (ReportedError), nothing on stdout.
    let err = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => { err += String(s); return true; });
    await expect(run(['missing.xlsx'])).rejects.toThrow(/cannot load missing.xlsx: 1 error/);
    expect(err).toMatch(/^error +project: cannot open missing.xlsx$/m);
  });
});

describe('steward compare and sensitivity', () => {
  it('compares scenarios on chosen metrics', async () => {
    const { run } = await import('../../cli/commands/compare');
    expect(await run(['tiny.steward', '--metrics', 'expenditure_cents,reserve_pct', '--json'])).toBe(0);
    const j = JSON.parse(cli.text);
    expect(j.metrics).toEqual(['expenditure_cents', 'reserve_pct']);
    expect(j.areas.map((a: { scenario: string }) => a.scenario)).toEqual(['Base', 'Low CPI']);
    // 2027: Base 90,000 × 1.1 = 99,000; Low CPI 90,000 → difference −9,000.
    const row = j.rows.find((r: { metric: string; year: number }) => r.metric === 'expenditure_cents' && r.year === 2027);
    expect(row.values).toEqual({ Base: 9_900_000, 'Low CPI': 9_000_000 });
    expect(row.diff_from_reference['Low CPI']).toBe(-900_000);
    // --json adds each scenario's plan areas: the one supplies line (no program) carries through.
    const low2027 = j.areas.find((a: { scenario: string }) => a.scenario === 'Low CPI').years[1];
    expect(low2027.programs).toEqual({ '(none)': 9_000_000 });
    expect(low2027.budgets.by_object.supplies).toBe(9_000_000);
    await expect(run(['tiny.steward', '--metrics', 'bogus'])).rejects.toBeInstanceOf(UsageError);
  });
  it('shows budget, staffing and schedule metrics together by default, money in dollars', async () => {
    const { run } = await import('../../cli/commands/compare');
    expect(await run(['tiny.steward', '--years', '2', '--json'])).toBe(0);
    const j = JSON.parse(cli.text);
    for (const m of ['expenditure_cents', 'personnel_cents', 'staffing_change_fte', 'positions_added_fte', 'positions_cut_fte', 'class_size', 'collaboration_minutes', 'teacher_load', 'instructional_minutes']) expect(j.metrics).toContain(m);
    cli.clear();
    expect(await run(['tiny.steward', '--years', '2', '--metrics', 'expenditure_cents,fte_teacher'])).toBe(0);
    expect(cli.text).toMatch(/^expenditure \(\$\)\s+2027\s+99,000\s+90,000$/m);
    expect(cli.text).not.toMatch(/_cents/);
  });
  it('prints a tornado and break-even values', async () => {
    const { run } = await import('../../cli/commands/sensitivity');
    expect(await run(['tiny.steward', '--json'])).toBe(0);
    const j = JSON.parse(cli.text);
    expect(j.tornado.bars[0].driver).toBe('cpi');
    expect(j.break_even[0].driver).toBe('cpi');
  });
});
