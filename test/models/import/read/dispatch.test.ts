import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBytes } from '../../../../models/import/read/index';
import { ReadError } from '../../../../models/import/types';
import { makeXlsx } from './make-xlsx';

function readError(fn: () => unknown): ReadError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ReadError);
    return e as ReadError;
  }
  throw new Error('expected a ReadError');
}

const BOOK = makeXlsx({ sheets: [{ name: 'S', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });

describe('readBytes dispatch and refusals', () => {
  it('empty file → empty', () => {
    const e = readError(() => readBytes(new Uint8Array(0), '/tmp/x/empty.csv'));
    expect(e.code).toBe('empty');
    expect(e.file).toBe('empty.csv');
    expect(e.message).toContain('empty.csv');
  });

  it('whitespace-only file → empty', () => {
    expect(readError(() => readBytes(strToU8('  \r\n \n'), 'blank.csv')).code).toBe('empty');
  });

  it('magic bytes beat the extension: an xlsx named .csv is read as xlsx', () => {
    expect(readBytes(BOOK, 'mislabelled.csv').format).toBe('xlsx');
  });

  it('a tab-separated text file named .xls is read as text, with a note', () => {
    const r = readBytes(strToU8('fund\tamount\n110\t5\n'), 'export.xls');
    expect(r.format).toBe('csv');
    expect(r.grids[0]!.rows[1]).toEqual(['110', '5']);
    expect(r.notes.join(' ')).toMatch(/text file saved with a \.xls extension/);
  });

  it('an HTML table saved as .xls is read through SheetJS', () => {
    const r = readBytes(strToU8('<html><body><table><tr><td>fund</td><td>amount</td></tr><tr><td>110</td><td>5</td></tr></table></body></html>'), 'report.xls');
    expect(r.grids[0]!.rows[0]).toEqual(['fund', 'amount']);
  });

  it('a CSV padded with NULs to a block size reads as the CSV', () => {
    const bytes = new Uint8Array(512);
    bytes.set(strToU8('a,b\n1,2\n'));
    expect(readBytes(bytes, 'padded.csv').grids[0]!.rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('binary junk → unsupported, naming the file', () => {
    const junk = new Uint8Array(4096).map((_v, i) => (i * 7919 + 13) % 256);
    const e = readError(() => readBytes(junk, 'photo.jpg'));
    expect(e.code).toBe('unsupported');
    expect(e.message).toContain('photo.jpg');
  });

  it('truncated xlsx → corrupt', () => {
    const e = readError(() => readBytes(BOOK.subarray(0, Math.floor(BOOK.length / 2)), 'cut.xlsx'));
    expect(e.code).toBe('corrupt');
    expect(e.message).toContain('cut.xlsx');
  });

  it('a zip that is not a spreadsheet → unsupported', () => {
    expect(readError(() => readBytes(zipSync({ 'readme.txt': strToU8('hi') }), 'a.zip')).code).toBe('unsupported');
  });

  it('an Apple Numbers package → unsupported, saying how to export', () => {
    const numbers = zipSync({ 'Index/Document.iwa': new Uint8Array(10), 'Metadata/Properties.plist': new Uint8Array(4) });
    const e = readError(() => readBytes(numbers, 'Attendance.numbers'));
    expect(e.code).toBe('unsupported');
    expect(e.message).toMatch(/Numbers/);
  });

  it('a zip bomb (declared size over the cap) is refused before inflating', () => {
    // 600 MB of zeros would deflate to ~600 KB; build the central directory claim directly instead:
    // one real 70 MB zero entry (cap for a ~70 KB file is 64 MB).
    const bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(70 * 2 ** 20) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    const e = readError(() => readBytes(bomb, 'bomb.xlsx'));
    expect(e.code).toBe('zip-bomb');
    expect(e.message).toMatch(/zip bomb/);
  });

  it('a zip bomb whose header lies about its size is stopped while inflating', () => {
    const real = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': new Uint8Array(2 ** 20) }, { level: 9 });
    const lying = patchDeclaredSize(real, 'xl/workbook.xml', 100);
    const e = readError(() => readBytes(lying, 'liar.xlsx'));
    expect(e.code).toBe('zip-bomb');
  });

  it('an encrypted OOXML workbook (OLE with EncryptedPackage) → encrypted', () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = [...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]);
    ole.set(name, 1024);
    const e = readError(() => readBytes(ole, 'payroll.xlsx'));
    expect(e.code).toBe('encrypted');
    expect(e.message).toMatch(/password/);
  });

  it('a damaged OLE file → a ReadError, not a crash', () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(readError(() => readBytes(ole, 'old.xls')).code).toBe('corrupt');
  });
});

/** Rewrites the uncompressed size of one entry in both the local header and the central directory. */
function patchDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const target = strToU8(name);
  for (let i = 0; i + 4 < out.length; i++) {
    const sig = view.getUint32(i, true);
    const nameAt = sig === 0x04034b50 ? i + 30 : sig === 0x02014b50 ? i + 46 : -1;
    if (nameAt < 0) continue;
    const nameLen = view.getUint16(i + (sig === 0x04034b50 ? 26 : 28), true);
    if (nameLen !== target.length || !target.every((b, k) => out[nameAt + k] === b)) continue;
    view.setUint32(i + (sig === 0x04034b50 ? 22 : 24), size, true);
  }
  return out;
}
