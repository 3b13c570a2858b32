import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The CLI contract of `import`: --json keys, --set/--map/--sheet, exit codes 0 / 1 / 2.
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

const dir = mkdtempSync(join(tmpdir(), 'steward-import-'));
const noFund = join(dir, 'no-fund.csv');
writeFileSync(noFund, 'Obj,Description,FY26 Adopted\n51100,Teachers,"$1,234.56"\n52100,Benefits,(34.56)\nGrand Total,,"1,200.00"\n');

describe.concurrent('steward import', () => {
  it('--json prints the report with the contract keys; --set supplies a missing column', async () => {
    const r = await cli(['import', noFund, '--as', 'budget', '--set', 'fund_code=GEN,fiscal_year=FY26', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    for (const k of ['kind', 'sheet', 'mapping', 'rows', 'accepted', 'rejected', 'errors', 'totals']) expect(out).toHaveProperty(k);
    // 2 lines + the Grand Total row; $1,234.56 − $34.56 = $1,200.00
    expect(out).toMatchObject({ kind: 'budget', rows: 3, accepted: 2, rejected: 1, excluded: 1, totals: { amountCents: 120000, fte: 0 } });
    expect((out.errors as Record<string, unknown>[])[0]).toEqual({ file: 'no-fund.csv', sheet: 'no-fund', row: 4, column: 'Obj', value: 'Grand Total', reason: 'excluded: totals row' });
  }, 180_000);

  it('--save-template writes the mapping; --template reuses it on the next export', async () => {
    // A district's own column names that no synonym covers: mapped once with --map and saved.
    const first = join(dir, 'ledger-may.csv');
    const next = join(dir, 'ledger-june.csv');
    writeFileSync(first, 'Acct Class,Bucket,Line Dollars,Yr\nsupplies,GEN,100.00,2026\nbooks,T1A,50.25,2026\n');
    writeFileSync(next, 'Acct Class,Bucket,Line Dollars,Yr\nsupplies,GEN,200.00,2026\n');
    const tpl = join(dir, 'ledger.json');
    const saved = await cli(['import', first, '--as', 'budget', '--map', 'object=Acct Class,fund_code=Bucket,amount=Line Dollars,fiscal_year=Yr', '--save-template', tpl, '--json']);
    expect(saved.code, saved.stderr).toBe(0);
    const template = JSON.parse(readFileSync(tpl, 'utf8')) as Record<string, unknown>;
    expect(template).toMatchObject({ name: 'ledger', kind: 'budget', columns: { object: 'Acct Class', fund_code: 'Bucket', amount: 'Line Dollars', fiscal_year: 'Yr' } });
    const r = await cli(['import', next, '--template', tpl, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { kind: string; accepted: number; totals: { amountCents: number }; mapping: { field: string; via: string }[] };
    expect(out).toMatchObject({ kind: 'budget', accepted: 1, totals: { amountCents: 20000 } });
    expect(out.mapping.find((m) => m.field === 'amount')?.via).toBe('template');
    const bad = join(dir, 'bad-template.json');
    writeFileSync(bad, '{"name":"x","kind":"nope","columns":{}}');
    const refused = await cli(['import', next, '--template', bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/kind "nope" is not one of/);
  }, 180_000);

  it('exits 1 and says how to supply a required column that is missing everywhere', async () => {
    const r = await cli(['import', noFund, '--as', 'budget']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/required fields fiscal_year, fund_code: give them for every row with --set fiscal_year=…,fund_code=…/);
    expect(r.stdout).toMatch(/fund_code\s+—\s+missing/);
  }, 180_000);

  it('--map overrides a column; the readable summary shows totals in dollars', async () => {
    const r = await cli(['import', noFund, '--as', 'budget', '--set', 'fund_code=GEN,fiscal_year=2026', '--map', 'description=Obj,object=Description']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/object\s+Description\s+1\.00\s+user/);
    expect(r.stdout).toMatch(/total amount \$1,200\.00/);
  }, 180_000);

  it('--strict rejects blank objects (kept as "unclassified" by default); --no-fill-down leaves grouped keys blank', async () => {
    // A report: Location printed once per group, a "- Total" row after each group; one blank object.
    const report = join(dir, 'by-location.csv');
    writeFileSync(report, [
      'Location,Obj,Description,Amount',
      '101,salaries,Teachers,100.00', ',,Aides,50.00', '101 - Total,,,150.00',
      '102,salaries,Teachers,200.00', ',supplies,Paper,25.00', '102 - Total,,,225.00',
      'Grand Total,,,375.00',
    ].join('\n'));
    const set = ['--as', 'budget', '--set', 'fund_code=GEN,fiscal_year=2026'];
    const [loose, strict, flat, text] = await Promise.all([
      cli(['import', report, ...set, '--json']),
      cli(['import', report, ...set, '--strict', '--json']),
      cli(['import', report, ...set, '--no-fill-down', '--json']),
      cli(['import', report, ...set]),
    ]);
    type Out = { accepted: number; rejected: number; unclassified: number; rowWarnings: { row: number; column: string }[]; filledDown: { column: string; count: number; rows: number[][] }[]; totals: { amountCents: number; fileAmountCents: number; ties: boolean } };
    const json = (r: typeof loose): Out => {
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as Out;
    };
    const [l, s, f] = [json(loose), json(strict), json(flat)];
    // Rows 3 (Aides) and 6 (Paper) take their Location from the group; row 3's blank object is kept.
    expect(l).toMatchObject({ accepted: 4, unclassified: 1, rowWarnings: [{ row: 3, column: 'Obj' }], filledDown: [{ column: 'Location', count: 2, rows: [[3, 3], [6, 6]] }] });
    // 100 + 50 + 200 + 25 = 375.00, the file's own total: ties.
    expect(l.totals).toEqual({ amountCents: 37500, fte: 0, fileAmountCents: 37500, ties: true });
    expect(s).toMatchObject({ accepted: 3, unclassified: 0, totals: { amountCents: 32500, fileAmountCents: 37500, ties: false } });
    expect(f.filledDown).toEqual([]);
    expect(text.stdout).toMatch(/filled down: Location \(site_id\): 2 blanks filled from the key above on rows 3, 6/);
    expect(text.stdout).toMatch(/total amount ties to the file/);
    expect(text.stdout).toMatch(/1 row with a blank object kept as "unclassified"/);
  }, 180_000);

  it('exits 1 for a file it cannot read and 2 for usage errors', async () => {
    const [missing, badKind, noFile] = await Promise.all([
      cli(['import', join(dir, 'nope.csv')]),
      cli(['import', noFund, '--as', 'ledger']),
      cli(['import']),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no such file/);
    expect(badKind.code).toBe(2);
    expect(noFile.code).toBe(2);
  }, 180_000);
});
