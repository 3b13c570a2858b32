import { describe, expect, it } from 'vitest';
import { decodeText, decodeWindows1252 } from '../../../../models/import/read/decode';
import { readBytes } from '../../../../models/import/read/index';

/** One test per quirk that real exports carry; each builds its bytes exactly. */

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
function utf16le(s: string, bom: boolean): Uint8Array {
  const units: number[] = bom ? [0xff, 0xfe] : [];
  for (let i = 0; i < s.length; i++) units.push(s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8);
  return new Uint8Array(units);
}
function utf16be(s: string, bom: boolean): Uint8Array {
  const units: number[] = bom ? [0xfe, 0xff] : [];
  for (let i = 0; i < s.length; i++) units.push(s.charCodeAt(i) >> 8, s.charCodeAt(i) & 0xff);
  return new Uint8Array(units);
}

const TABLE = 'site_id,description,amount\r\n101,Café – Title I,"$1,234.56"\r\n';
const EXPECTED = [
  ['site_id', 'description', 'amount'],
  ['101', 'Café – Title I', '$1,234.56'],
];

const rowsOf = (bytes: Uint8Array, name = 'budget.csv') => readBytes(bytes, name).grids[0]!.rows;

describe('CSV encodings', () => {
  it('UTF-16LE with BOM (Excel "Unicode Text")', () => {
    const r = readBytes(utf16le(TABLE, true), 'budget.csv');
    expect(r.grids[0]!.rows).toEqual(EXPECTED);
    expect(r.notes).toContain('decoded as UTF-16 little-endian');
  });

  it('UTF-16LE without BOM, found by its NUL pattern', () => {
    expect(rowsOf(utf16le(TABLE, false))).toEqual(EXPECTED);
  });

  it('UTF-16BE with and without BOM', () => {
    expect(rowsOf(utf16be(TABLE, true))).toEqual(EXPECTED);
    const r = readBytes(utf16be(TABLE, false), 'budget.csv');
    expect(r.grids[0]!.rows).toEqual(EXPECTED);
    expect(r.notes).toContain('decoded as UTF-16 big-endian');
  });

  it('UTF-8 BOM is stripped (the first header is not "\\uFEFFsite_id")', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TABLE)]);
    const r = readBytes(bytes, 'budget.csv');
    expect(r.grids[0]!.rows).toEqual(EXPECTED);
    expect(r.notes[0]).toMatch(/byte order mark/);
  });

  it('plain UTF-8 gives no encoding note', () => {
    const r = readBytes(utf8(TABLE), 'budget.csv');
    expect(r.grids[0]!.rows).toEqual(EXPECTED);
    expect(r.notes).toEqual([]);
  });

  it('Windows-1252 "Café – €" (invalid UTF-8) decodes by our own table', () => {
    // C a f 0xE9(é) space 0x96(en dash) space 0x80(euro)
    const bytes = new Uint8Array([...utf8('name\r\nCaf'), 0xe9, 0x20, 0x96, 0x20, 0x80, 0x0d, 0x0a]);
    const r = readBytes(bytes, 'vendors.csv');
    expect(r.grids[0]!.rows).toEqual([['name'], ['Café – €']]);
    expect(r.notes[0]).toMatch(/Windows-1252/);
  });

  it('the Windows-1252 table matches the host TextDecoder where it has one', () => {
    const all = new Uint8Array(256).map((_v, i) => i);
    let host: string | null = null;
    try {
      host = new TextDecoder('windows-1252').decode(all);
    } catch {
      host = null;
    }
    // Node's TextDecoder('windows-1252') decodes as Latin-1 (0x80 → U+0080, not €) — the reason
    // for our own table. Compare only against a host that gets the euro sign right (Chromium).
    if (host !== null && host.charCodeAt(0x80) === 0x20ac) expect(decodeWindows1252(all)).toBe(host);
    expect(decodeWindows1252(all.subarray(0xa0)).length).toBe(96);
    expect(decodeWindows1252(new Uint8Array([0x80, 0x99, 0x9c]))).toBe('€™œ');
  });

  it('decodeText names the encoding it chose', () => {
    expect(decodeText(utf8('a,b')).encoding).toBe('utf-8');
    expect(decodeText(new Uint8Array([0x61, 0xe9])).encoding).toBe('windows-1252');
  });
});

describe('CSV structure', () => {
  it('semicolon delimiter (European exports) is sniffed and noted', () => {
    const r = readBytes(utf8('fund;amount\n110;"1.234,56"\n211;12\n'), 'eu.csv');
    expect(r.grids[0]!.rows).toEqual([
      ['fund', 'amount'],
      ['110', '1.234,56'],
      ['211', '12'],
    ]);
    expect(r.notes).toContain("delimiter ';'");
  });

  it('Excel\'s "sep=;" first line sets the delimiter and is dropped', () => {
    expect(rowsOf(utf8('sep=;\r\na;b,c\r\n1;2,5\r\n'))).toEqual([
      ['a', 'b,c'],
      ['1', '2,5'],
    ]);
  });

  it('tab delimiter', () => {
    const r = readBytes(utf8('fund\tamount\n110\t5\n'), 'export.txt');
    expect(r.grids[0]!.rows).toEqual([
      ['fund', 'amount'],
      ['110', '5'],
    ]);
    expect(r.notes).toContain('delimiter tab');
  });

  it('pipe delimiter', () => {
    expect(rowsOf(utf8('a|b\n1|2\n'), 'x.csv')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('.tsv files are read as tab-separated even when commas dominate', () => {
    expect(rowsOf(utf8('a,b\tc\n1,2\t3\n'), 'x.tsv')).toEqual([
      ['a,b', 'c'],
      ['1,2', '3'],
    ]);
  });

  it('quoted newline stays inside its cell', () => {
    expect(rowsOf(utf8('position,notes\n"T-1","half year\nthen full"\nT-2,ok\n'))).toEqual([
      ['position', 'notes'],
      ['T-1', 'half year\nthen full'],
      ['T-2', 'ok'],
    ]);
  });

  it('CRLF/LF mix: every line break ends a row', () => {
    expect(rowsOf(utf8('a,b\r\n1,2\n3,4\r\n5,6'))).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('CR-only (classic Mac) line endings', () => {
    expect(rowsOf(utf8('a,b\r1,2\r'))).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('ragged rows are kept as they are (the importer decides)', () => {
    expect(rowsOf(utf8('a,b,c\n1,2\n1,2,3,4\n'))).toEqual([
      ['a', 'b', 'c'],
      ['1', '2'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('blank lines in the middle stay as empty rows so row numbers match the file', () => {
    expect(rowsOf(utf8('Fund: 110\n\na,b\n1,2\n\n\n'))).toEqual([['Fund: 110'], [], ['a', 'b'], ['1', '2']]);
  });

  it('an unterminated quote is read and noted, not thrown', () => {
    const r = readBytes(utf8('a,b\n1,"oops\n2,3\n'), 'q.csv');
    expect(r.grids[0]!.rows[0]).toEqual(['a', 'b']);
    expect(r.notes.join(' ')).toMatch(/quoting problem/);
  });

  it('sheet name is the file name without extension', () => {
    expect(readBytes(utf8('a\n'), 'C:\\exports\\FY26 budget.v2.csv').grids[0]!.sheet).toBe('FY26 budget.v2');
  });
});
