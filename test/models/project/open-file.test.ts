import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoProject } from '../../../models/demo/district';
import { openFiles } from '../../../models/project/open-file';
import { summariseProject } from '../../../models/project/summary';
import type { TableKind } from '../../../models/schema/tables';

// Opening what the user chose, as the app's engine worker does (bytes in, an OpenedFile out), on
// the committed fixtures.
const root = join(__dirname, '..', '..', '..');
const demoWorkbook = join(root, 'fixtures', 'demo', 'demo-district.xlsx');
const messy = join(root, 'fixtures', 'messy');
const bytesOf = (path: string, name = path.split('/').pop()!) => [{ name, bytes: new Uint8Array(readFileSync(path)) }];

describe.skipIf(!existsSync(demoWorkbook))('opening the committed demo workbook', () => {
  it('shows the same totals as the built-in demo district, with no problems', () => {
    const opened = openFiles(bytesOf(demoWorkbook), 'demo-district.xlsx');
    expect(opened.kind).toBe('project');
    expect(opened.problems).toEqual([]);
    expect(opened.summary).toEqual(summariseProject(demoProject()));
  }, 60_000);
});

const expected = existsSync(join(messy, 'EXPECTED.json'))
  ? (JSON.parse(readFileSync(join(messy, 'EXPECTED.json'), 'utf8')) as Record<string, { kind: string; rows: number; accepted: number }>)
  : {};

describe('opening a single messy export', () => {
  it.each(Object.keys(expected))('%s is read as one table with the recorded row counts, guessed and as chosen', (name) => {
    const want = expected[name]!;
    for (const kind of [undefined, want.kind as TableKind]) {
      const opened = openFiles(bytesOf(join(messy, name)), name, {}, kind);
      expect(opened.kind).toBe('tables');
      expect(opened.project).toBeNull();
      expect(opened.reports.map((r) => r.kind)).toEqual([want.kind]);
      const r = opened.reports[0]!;
      expect({ rows: r.rows, accepted: r.accepted, rejected: r.rejected }).toEqual({ rows: want.rows, accepted: want.accepted, rejected: want.rows - want.accepted });
      // A spread (salary matrix, grade columns) makes several rows of one source row.
      expect(opened.tables[0]!.rows.length).toBeGreaterThanOrEqual(want.accepted);
    }
  }, 60_000);
});

describe('files that are not what they say', () => {
  it('a damaged .steward file is refused with its reason', () => {
    const opened = openFiles([{ name: 'x.steward', bytes: new TextEncoder().encode('{"format":"steward","schemaVersion":99') }], 'x.steward');
    expect(opened.kind).toBe('failed');
    expect(opened.problems[0]?.message).toMatch(/^x\.steward: /);
  });

  it('junk bytes named .xlsx end in a clear message', () => {
    const opened = openFiles([{ name: 'junk.xlsx', bytes: Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256) }], 'junk.xlsx');
    expect(opened.kind).toBe('failed');
    expect(opened.problems).toHaveLength(1);
  });
});
