import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeParseWorkers, readFileGrids } from '../../host/read-file';
import { BiffDamage, guardBiffStream } from '../../models/import/read/biff-guard';
import { readBytes } from '../../models/import/read/index';
import { checkCellTags, MarkupDamage, withoutUnclosedTables } from '../../models/import/read/markup-guard';
import { ReadError } from '../../models/import/types';
import { mutantAt } from './harness/mutators';
import { seeds } from './harness/seeds';
import { makeOds, row, t, table } from '../models/import/read/make-ods';

/**
 * Inputs the fuzz campaign found running forever (or for many seconds) inside SheetJS, each made
 * again from its seed and index (test/fuzz/regressions/). They run through the parse worker, so a
 * regression ends as a 'timeout' ReadError — a failed test — instead of a test run that never
 * ends. What is asserted is the outcome and the message; no duration.
 */

const dir = mkdtempSync(join(tmpdir(), 'steward-hangs-'));
const all = seeds();
const LIMIT = { timeoutMs: 30_000 };

afterAll(async () => {
  await closeParseWorkers();
  rmSync(dir, { recursive: true, force: true });
});

async function outcome(seed: number, index: number): Promise<{ recipe: string; error: ReadError | null; sheets: number }> {
  const m = mutantAt(all, seed, index);
  const path = join(dir, `s${seed}-i${index}-${m.name}`);
  writeFileSync(path, m.bytes);
  try {
    const r = await readFileGrids(path, LIMIT);
    return { recipe: m.recipe, error: null, sheets: r.grids.length };
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    return { recipe: m.recipe, error: e, sheets: 0 };
  }
}

const DAMAGED_XLS = /^\S+\.xls is an Excel 97–2003 workbook \(\.xls\) that Steward cannot read: it looks damaged\. Open it in Excel and save it again as an Excel Workbook \(\.xlsx\)/;

describe('damaged BIFF records no longer loop inside SheetJS', () => {
  // [seed, index, recipe, what the guard says]
  const cases: [number, number, string, RegExp][] = [
    [99, 90, 'budget.xls: duplicate → magic', /ExternSheet record .* too short for its count/],
    [16, 4494, 'district.xls: biff:lieLength → flip', /formula record .* too short/],
    [16, 8154, 'district.xls: biff:sstHuge → flip → magic', /formula record .* too short/],
    [16, 9962, 'budget.xls: biff:lieLength → noise', /formula record .* too short/],
    [16, 10626, 'sites-biff5.xls: biff:hugeRow → flip', /formula record .* too short/],
  ];
  for (const [seed, index, recipe, detail] of cases) {
    it(`seed ${seed} input ${index} (${recipe}) is refused as damaged, not stopped by the time limit`, async () => {
      const r = await outcome(seed, index);
      expect(r.recipe).toBe(recipe);
      expect(r.error?.code).toBe('corrupt');
      expect(r.error?.message).toMatch(DAMAGED_XLS);
      expect(r.error?.detail).toMatch(detail);
    }, 60_000);
  }
});

describe('deep nesting reads in linear time', () => {
  it('seed 16 input 1231 (budget.fods: 200,000 nested <div>s) imports its budget', async () => {
    const r = await outcome(16, 1231);
    expect(r.recipe).toBe('budget.fods: deepNesting@text → noise');
    expect(r.error).toBeNull();
    expect(r.sheets).toBe(1);
  }, 60_000);

  it('an .ods with 400,000 unprefixed tags in a cell (each name searched back to the previous ":", quadratic) imports', async () => {
    const body = table('Sites', row(t('site_id') + t('name') + t('level')) + row(t('101') + t(`Lincoln${'<r>'.repeat(400_000)}`) + t('ES')));
    const path = join(dir, 'nested.ods');
    writeFileSync(path, makeOds(body));
    const r = await readFileGrids(path, LIMIT);
    expect(r.grids[0]!.rows[1]).toEqual(['101', 'Lincoln', 'ES']);
  }, 60_000);

  it('seed 16 input 7926 (budget-html.xls: a cut-short table of nested tags) is refused as damaged, not after 16.8 s', async () => {
    const r = await outcome(16, 7926);
    expect(r.recipe).toBe('budget-html.xls: deepNesting@text → remove → truncate');
    expect(r.error?.code).toBe('corrupt');
    expect(r.error?.message).toMatch(/^\S+budget-html\.xls is a web page or Excel 2003 XML file with a spreadsheet extension that Steward cannot read: it looks damaged\. Open it in Excel and save it again/);
  }, 60_000);

  it('an HTML ".xls" whose last table is never closed: the tables before it are read, the unclosed one is cut off', async () => {
    const page = `<html><body><table><tr><td>site_id</td><td>name</td></tr><tr><td>101</td><td>Lincoln</td></tr></table><table><tr>${'<td>x'.repeat(300_000)}`;
    expect(withoutUnclosedTables(page)).toBe(page.slice(0, page.indexOf('<table><tr><td>x')));
    const path = join(dir, 'cut.xls');
    writeFileSync(path, page);
    const r = await readFileGrids(path, LIMIT);
    expect(r.grids.map((g) => g.rows)).toEqual([[['site_id', 'name'], [101, 'Lincoln']]]);
  }, 60_000);

  it('seed 7 input 962 (budget-html.xls: a million &quot; after a damaged cell tag) is refused as damaged, not stopped by the time limit', async () => {
    const r = await outcome(7, 962);
    expect(r.recipe).toBe('budget-html.xls: millionQuotes@text → flip');
    expect(r.error?.code).toBe('corrupt');
    expect(r.error?.detail).toMatch(/a cell's start tag at character 2770 runs for 6000041 characters/);
  }, 60_000);

  it('cell tags: ordinary ones pass, one longer than SheetJS can scan is refused', () => {
    const ok = `<html><body><table><tr><td data-v="1">1</td><td>${'x'.repeat(200_000)}</td></tr></table></body></html>`;
    expect(() => checkCellTags(ok)).not.toThrow();
    expect(() => checkCellTags(`<html><body><table><tr><td>1</td>${'&quot;'.repeat(20_000)}</td></tr></table>`)).toThrow(MarkupDamage);
  });

  it('SpreadsheetML 2003 (an XML <Table>) is left alone', () => {
    const xml = '<?xml version="1.0"?><Workbook><Worksheet><Table><Row>';
    expect(withoutUnclosedTables(xml)).toBe(xml);
  });
});

describe('a sheet listed many times is read once', () => {
  it('seed 16 input 2081 (salary.xlsx: workbook.xml listing its one sheet 20,001 times) gives one grid, not 20,001 (3 s of CPU)', () => {
    const m = mutantAt(all, 16, 2081);
    expect(m.recipe).toBe('salary.xlsx: dupTag@xl/workbook.xml');
    const r = readBytes(m.bytes, m.name);
    expect(r.grids.map((g) => g.sheet)).toEqual(['Teachers 2025-26']);
    expect(r.notes).toContain('the workbook lists 20,000 sheet(s) more than once; each was read once');
  });
});

describe('guardBiffStream', () => {
  const rec = (type: number, data: number[]): number[] => [type & 0xff, type >> 8, data.length & 0xff, data.length >> 8, ...data];
  const bof8 = rec(0x0809, [0x00, 0x06, 0x05, 0x00, 0, 0, 0, 0]);

  it('zeroes every formula token length (cached values only), in one pass over the records', () => {
    const formula = rec(0x0006, [...Array(20).fill(1), 0x07, 0x00, 1, 2, 3, 4, 5, 6, 7]);
    const s = [...bof8, ...formula, ...rec(0x000a, [])];
    expect(guardBiffStream(s)).toBe(3);
    // cce of the formula sits 20 bytes into its data (4-byte header, after the 12-byte BOF).
    expect([s[12 + 4 + 20], s[12 + 4 + 21]]).toEqual([0, 0]);
  });

  it('refuses a record claiming more than the stream holds, or more than BIFF allows', () => {
    expect(() => guardBiffStream([...bof8, 0x06, 0x00, 0x40, 0x00, 1, 2])).toThrow(BiffDamage);
    expect(() => guardBiffStream([...bof8, ...rec(0x00fc, Array(9000).fill(0))])).toThrow(/claims 9000 bytes/);
  });

  it('clamps an ExternSheet count to the entries it holds', () => {
    const s = [...bof8, ...rec(0x0017, [0xff, 0xff, 0, 0, 0, 0, 0, 0]), ...rec(0x000a, [])];
    guardBiffStream(s);
    expect([s[16], s[17]]).toEqual([1, 0]);
  });
});
