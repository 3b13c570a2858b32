import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { closeParseWorkers, readFileGrids } from '../../host/read-file';
import { readBytes } from '../../models/import/read/index';
import { ReadError, type ReadResult } from '../../models/import/types';
import { makeXlsx } from '../models/import/read/make-xlsx';

/**
 * Invariant: whatever bytes arrive — a real export with flipped bits, cut short, overwritten
 * with noise, or crafted to explode — reading ends in a ReadResult or a ReadError, within the
 * time limit, and never in any other exception, a hang or a dead app.
 */

// Real small files from ../shared/data (when present next to the repository), plus our own.
const SHEETJS = fileURLToPath(new URL('../../../shared/data/sheetjs_test_files', import.meta.url));
const real = ['crlf_crlf.csv', 'Attendance.csv', 'Attendance.xlsx', 'mixed_sheets.xlsx'].filter((n) => existsSync(join(SHEETJS, n)));
const seeds: { name: string; bytes: Uint8Array }[] = [
  ...real.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(SHEETJS, name))) })),
  { name: 'budget.csv', bytes: strToU8('Fund: 110 General\r\n\r\nsite_id,"description",amount\r\n101,"Café, ""new""\nline",(12.00)\r\n') },
  // A stored (uncompressed) package, so bit flips land in the XML itself rather than in deflate data.
  {
    name: 'stored.xlsx',
    bytes: storedCopy(
      makeXlsx({
        sheets: [{ name: 'Budget', data: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45292</v></c><c r="C1" t="inlineStr"><is><t>R&amp;D</t></is></c></row>', after: '<mergeCells><mergeCell ref="A1:B1"/></mergeCells>' }],
        sharedStrings: ['Fund'],
        cellXfs: [0, 14],
      }),
    ),
  },
];

/** Re-zips a package with no compression. */
function storedCopy(zip: Uint8Array): Uint8Array {
  // fflate's unzipSync is fine here: the input is our own, trusted test package.
  const files = unzipSync(zip);
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { level: 0 }] as [Uint8Array, { level: 0 }]])));
}

type Mutation =
  | { kind: 'flip'; at: number[]; bit: number }
  | { kind: 'truncate'; keep: number }
  | { kind: 'overwrite'; at: number; noise: Uint8Array }
  | { kind: 'splice'; at: number; drop: number; insert: Uint8Array };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('truncate' as const), keep: fc.nat() }),
  fc.record({ kind: fc.constant('overwrite' as const), at: fc.nat(), noise: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), drop: fc.nat({ max: 32 }), insert: fc.uint8Array({ maxLength: 32 }) }),
);

function mutate(src: Uint8Array, m: Mutation): Uint8Array {
  const n = src.length;
  switch (m.kind) {
    case 'flip': {
      const out = src.slice();
      for (const a of m.at) out[a % n] = out[a % n]! ^ (1 << m.bit);
      return out;
    }
    case 'truncate':
      return src.slice(0, m.keep % n);
    case 'overwrite': {
      const out = src.slice();
      out.set(m.noise.subarray(0, Math.max(0, n - (m.at % n))), m.at % n);
      return out;
    }
    case 'splice': {
      const at = m.at % n;
      const out = new Uint8Array(n - Math.min(m.drop, n - at) + m.insert.length);
      out.set(src.subarray(0, at));
      out.set(m.insert, at);
      out.set(src.subarray(at + m.drop), at + m.insert.length);
      return out;
    }
  }
}

function isReadResult(r: ReadResult): boolean {
  return ['csv', 'xlsx', 'xls', 'ods', 'other'].includes(r.format) && Array.isArray(r.grids) && r.grids.every((g) => Array.isArray(g.rows));
}

const dir = mkdtempSync(join(tmpdir(), 'steward-fuzz-'));
afterAll(async () => {
  await closeParseWorkers();
  rmSync(dir, { recursive: true, force: true });
});

describe('reader fuzzing', () => {
  it('in-process: mutated real files give a ReadResult or a ReadError, never another exception', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: seeds.length - 1 }), mutation, (i, m) => {
        const seed = seeds[i]!;
        const bytes = mutate(seed.bytes, m);
        try {
          expect(isReadResult(readBytes(bytes, seed.name))).toBe(true);
        } catch (e) {
          if (!(e instanceof ReadError)) throw e;
          expect(e.message.length).toBeGreaterThan(10);
          expect(e.file).toBe(seed.name);
        }
      }),
      { numRuns: 400, seed: 20260101 },
    );
  });

  it('in-process: random bytes under any spreadsheet or text extension', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom('x.csv', 'x.xlsx', 'x.xls', 'x.ods', 'x.tsv', 'x'), (bytes, name) => {
        try {
          expect(isReadResult(readBytes(bytes, name))).toBe(true);
        } catch (e) {
          if (!(e instanceof ReadError)) throw e;
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('through the worker: mutated files end in a result or a ReadError within the time limit', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: seeds.length - 1 }), mutation, async (i, m) => {
        const seed = seeds[i]!;
        const p = join(dir, `${n++}-${seed.name}`);
        writeFileSync(p, mutate(seed.bytes, m));
        const t0 = performance.now();
        try {
          expect(isReadResult(await readFileGrids(p, { timeoutMs: 10_000 }))).toBe(true);
        } catch (e) {
          if (!(e instanceof ReadError)) throw e;
          expect(e.code).not.toBe('timeout');
        }
        // 10 s limit + a margin for starting a worker on a loaded machine.
        expect(performance.now() - t0).toBeLessThan(15_000);
        rmSync(p);
      }),
      { numRuns: 250, seed: 42 },
    );
  }, 90_000);

  it('a crafted zip bomb (an entry of zeros that inflates past the cap) is refused', async () => {
    // 80 MB of zeros deflates to ~80 KB; the cap for an 80 KB file is 64 MB.
    const bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(80 * 2 ** 20) }, { level: 6 });
    const p = join(dir, 'bomb.xlsx');
    writeFileSync(p, bomb);
    await expect(readFileGrids(p)).rejects.toMatchObject({ code: 'zip-bomb' });
  }, 30_000);

  it('a 1 GB CSV is refused by its size without being read', async () => {
    const p = join(dir, 'huge.csv');
    const fd = openSync(p, 'w');
    ftruncateSync(fd, 2 ** 30); // sparse: takes no disk space
    closeSync(fd);
    const t0 = performance.now();
    await expect(readFileGrids(p)).rejects.toMatchObject({ code: 'too-large' });
    // Reading 1 GB would take seconds; a stat takes microseconds.
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
