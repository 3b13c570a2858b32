import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { nodeInflateRaw } from '../../host/inflate-node';
import { closeParseWorkers, importFileInWorker, PROGRESS_TIME_FACTOR, readFileGrids, readFileGridsInProcess, timeLeftAfterProgress } from '../../host/read-file';
import { importBytes } from '../../models/import/import-bytes';
import { readBytes } from '../../models/import/read/index';
import { ReadError } from '../../models/import/types';
import { makeXlsx } from '../models/import/read/make-xlsx';

const SHEETJS = fileURLToPath(new URL('../../../shared/data/sheetjs_test_files', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'steward-read-'));
afterAll(async () => {
  await closeParseWorkers();
  rmSync(dir, { recursive: true, force: true });
});

const put = (name: string, bytes: Uint8Array | string): string => {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
};

async function rejection(p: Promise<unknown>): Promise<ReadError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ReadError);
    return e as ReadError;
  }
  throw new Error('expected a rejection');
}

describe('Node zlib as the xlsx inflater', () => {
  it.skipIf(!existsSync(SHEETJS))('gives the same grids as fflate on every real .xlsx', () => {
    const files = readdirSync(SHEETJS).filter((f) => /\.xls[xm]$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const bytes = new Uint8Array(readFileSync(join(SHEETJS, f)));
      expect(readBytes(bytes, f, { inflateRaw: nodeInflateRaw }), f).toEqual(readBytes(bytes, f));
    }
  });

  it('stops a zip bomb whose header lies about its size', () => {
    const real = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': new Uint8Array(2 ** 20) });
    // Declare 100 bytes for an entry that inflates to 1 MB (local header at offset 0x16, central directory at +24).
    const lying = real.slice();
    const view = new DataView(lying.buffer);
    for (let i = 0; i + 4 < lying.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50 && view.getUint32(i + 22, true) === 2 ** 20) view.setUint32(i + 22, 100, true);
      if (sig === 0x02014b50 && view.getUint32(i + 24, true) === 2 ** 20) view.setUint32(i + 24, 100, true);
    }
    expect(() => readBytes(lying, 'liar.xlsx', { inflateRaw: nodeInflateRaw })).toThrowError(expect.objectContaining({ code: 'zip-bomb' }));
    expect(() => nodeInflateRaw(new Uint8Array([1, 2, 3]), 10)).toThrow();
  });
});

describe('importFileInWorker', () => {
  it('imports in the worker: the report (and rows when asked) equal importBytes in-process', async () => {
    const lines = ['fiscal_year,fund_code,object,amount,description'];
    for (let i = 0; i < 700; i++) lines.push(`2026,GEN,supplies,"$${i}.25",Line ${i}`);
    lines.push('Total,,,"$999.00",');
    const text = lines.join('\r\n') + '\r\n';
    const p = put('big-budget.csv', text);
    const inProcess = importBytes(new TextEncoder().encode(text), 'big-budget.csv', { kind: 'budget' });
    const reportOnly = await importFileInWorker(p, { kind: 'budget' });
    expect(reportOnly.rows).toBeUndefined();
    expect(reportOnly.report).toEqual(inProcess.imported.report);
    expect(reportOnly.report).toMatchObject({ rows: 701, accepted: 700, rejected: 1, excluded: 1 });
    expect(reportOnly.sheets).toEqual(['big-budget']);
    const withRows = await importFileInWorker(p, { kind: 'budget' }, { rows: true });
    expect(withRows.rows).toEqual(inProcess.imported.rows);
  });

  it('gives an import that reports progress the time limit again from each report, up to 4× in all', () => {
    expect(PROGRESS_TIME_FACTOR).toBe(4);
    // 30 s limit, started at t=0: a report at 25 s earns 30 s more; at 100 s only 20 s remain; at 130 s none.
    expect(timeLeftAfterProgress(0, 25_000, 30_000)).toBe(30_000);
    expect(timeLeftAfterProgress(0, 100_000, 30_000)).toBe(20_000);
    expect(timeLeftAfterProgress(0, 130_000, 30_000)).toBe(0);
  });

  it('reports progress on a long import', async () => {
    // 20,000 lines of .xlsx (the grid path: progress every 8,192 rows).
    let data = '<row r="1"><c r="A1" t="str"><v>fiscal_year</v></c><c r="B1" t="str"><v>fund_code</v></c><c r="C1" t="str"><v>object</v></c><c r="D1" t="str"><v>amount</v></c></row>';
    for (let i = 2; i <= 20_001; i++) data += `<row r="${i}"><c r="A${i}"><v>2026</v></c><c r="B${i}" t="str"><v>GEN</v></c><c r="C${i}" t="str"><v>supplies</v></c><c r="D${i}"><v>${i}.5</v></c></row>`;
    const p = put('progress.xlsx', makeXlsx({ sheets: [{ name: 'Budget', data }] }));
    const seen: [number, number][] = [];
    const r = await importFileInWorker(p, { kind: 'budget' }, { onProgress: (done, total) => seen.push([done, total]) });
    expect(r.report.accepted).toBe(20_000);
    expect(seen).toEqual([[8192, 20_000], [16_384, 20_000], [20_000, 20_000]]);
  });

  it('a broken file ends as a ReadError, like readFileGrids', async () => {
    const e = await rejection(importFileInWorker(put('junk.csv', new Uint8Array([0, 1, 2, 3, 0, 0, 7])), { kind: 'budget' }));
    expect(e.code).toBe('unsupported');
  });
});

describe('readFileGrids (worker)', () => {
  it('reads a CSV in the worker and gives the same result as in-process', async () => {
    const p = put('budget.csv', 'fund;amount\n110;"1.234,56"\n');
    const viaWorker = await readFileGrids(p);
    expect(viaWorker.grids[0]!.rows).toEqual([
      ['fund', 'amount'],
      ['110', '1.234,56'],
    ]);
    expect(viaWorker).toEqual(await readFileGridsInProcess(p));
  });

  it('reads an xlsx and passes the sheet choice through', async () => {
    const p = put(
      'book.xlsx',
      makeXlsx({ sheets: [{ name: 'A', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }, { name: 'B', data: '<row r="1"><c r="A1"><v>2</v></c></row>' }] }),
    );
    const r = await readFileGrids(p, { sheets: ['B'] });
    expect(r.grids.map((g) => [g.sheet, g.rows])).toEqual([['B', [[2]]]]);
  });

  it('reads several files at once (one worker each, reused afterwards)', async () => {
    const paths = Array.from({ length: 4 }, (_v, i) => put(`f${i}.csv`, `a,b\n${i},x\n`));
    const results = await Promise.all(paths.map((p) => readFileGrids(p)));
    expect(results.map((r) => r.grids[0]!.rows[1]![0])).toEqual(['0', '1', '2', '3']);
  });

  it('too large → refused by size before reading', async () => {
    const p = put('big.csv', 'x'.repeat(2048));
    const e = await rejection(readFileGrids(p, { maxBytes: 1024 }));
    expect(e.code).toBe('too-large');
    expect(e.message).toContain('big.csv');
  });

  it('a ReadError from the reader comes back with its code', async () => {
    const e = await rejection(readFileGrids(put('empty.csv', '')));
    expect(e.code).toBe('empty');
    expect(e.file).toBe('empty.csv');
  });

  it('a missing file is a ReadError, not an fs exception', async () => {
    expect((await rejection(readFileGrids(join(dir, 'nope.csv')))).message).toMatch(/no such file/);
  });

  it('a file that takes too long is stopped → timeout', async () => {
    // ~12 MB of CSV takes well over 30 ms to parse, even on a warm worker.
    const slow = put('slow.csv', 'fund,object,amount\n' + '110,5100,"$1,234.56"\n'.repeat(500_000));
    const e = await rejection(readFileGrids(slow, { timeoutMs: 30 }));
    expect(e.code).toBe('timeout');
    expect(e.message).toContain('slow.csv');
    // And the pool recovers for the next file.
    expect((await readFileGrids(put('quick.csv', 'a,b\n1,2\n'))).grids[0]!.rows).toHaveLength(2);
  });

  it('a worker that runs out of its heap → too-large, and the app carries on', async () => {
    // 40 MB of one-character cells ("1,1,1,…") is ~20M strings — far over a 16 MB heap.
    const line = '1,'.repeat(999) + '1\n';
    const p = put('huge.csv', line.repeat(20_000));
    const e = await rejection(readFileGrids(p, { maxHeapMb: 16 }));
    expect(['too-large', 'corrupt']).toContain(e.code);
    expect((await readFileGrids(put('after.csv', 'a\n1\n'))).grids[0]!.rows).toEqual([['a'], ['1']]);
  });

  it('works when bundled by esbuild: the sibling parse-worker.cjs is found and used', () => {
    const out = join(dir, 'bundle');
    const esbuild = join(process.cwd(), 'node_modules', '.bin', 'esbuild');
    if (!existsSync(esbuild)) return;
    const common = ['--bundle', '--platform=node', '--format=cjs', '--log-level=error'];
    execFileSync(esbuild, ['host/parse-worker.ts', ...common, `--outfile=${join(out, 'parse-worker.cjs')}`]);
    const entry = join(dir, 'entry.ts');
    writeFileSync(
      entry,
      `import { readFileGrids, closeParseWorkers } from ${JSON.stringify(join(process.cwd(), 'host', 'read-file'))};\n` +
        `readFileGrids(process.argv[2]).then(async (r) => { console.log(JSON.stringify(r.grids[0].rows)); await closeParseWorkers(); });\n`,
    );
    execFileSync(esbuild, [entry, ...common, `--outfile=${join(out, 'main.cjs')}`]);
    const csv = put('bundled.csv', 'a,b\n1,2\n');
    const stdout = execFileSync(process.execPath, [join(out, 'main.cjs'), csv], { encoding: 'utf8' });
    expect(JSON.parse(stdout)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});
