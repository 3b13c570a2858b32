import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { readBytes } from '../../../../models/import/read/index';
import { isDateFormat } from '../../../../models/import/read/xlsx/styles';
import { excelSerialToIso } from '../../../../models/parse/values';
import { ReadError, type Cell } from '../../../../models/import/types';

/**
 * Every real file under /work/shared/data: readable ones give grids, broken ones a clear
 * ReadError. The .xlsx files are read twice — by our reader and by SheetJS — and must agree
 * cell by cell: SheetJS is the independent check on our hand-written scanner.
 */

// ../shared/data next to the repository (as the issue names it), where the real files live.
const DATA = fileURLToPath(new URL('../../../../../shared/data', import.meta.url)).replace(/\/$/, '');
const HAVE_DATA = existsSync(DATA);
const SHEETJS = join(DATA, 'sheetjs_test_files');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
const ALL = HAVE_DATA ? walk(DATA) : [];
const bytesOf = (p: string): Uint8Array => new Uint8Array(readFileSync(p));
const name = (p: string): string => p.slice(DATA.length + 1);

// From sheetjs_test_files/PROVENANCE.md: files that cannot be read and must be refused clearly.
const REFUSED: Record<string, ReadError['code']> = {
  'password_2002_40_xor.xls': 'encrypted',
};

describe.skipIf(!HAVE_DATA)('real files in shared/data', () => {
  const spreadsheets = ALL.filter((p) => /\.(csv|xlsx|xlsm|xls|et|ods|fods|slk|dif)$/i.test(p));

  it.each(spreadsheets.map((p) => [name(p), p]))('%s', (_n, p) => {
    const base = p.slice(p.lastIndexOf('/') + 1);
    const refused = REFUSED[base];
    if (refused) {
      let err: unknown;
      try {
        readBytes(bytesOf(p), base);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ReadError);
      expect((err as ReadError).code).toBe(refused);
      expect((err as ReadError).message).toContain(base);
      return;
    }
    const r = readBytes(bytesOf(p), base);
    expect(r.grids.length).toBeGreaterThan(0);
    // Every readable file here has at least one non-empty sheet.
    expect(r.grids.some((g) => g.rows.some((row) => row.some((c) => c !== null && c !== '')))).toBe(true);
    if (/\.csv$/i.test(p)) {
      expect(r.format).toBe('csv');
      // A wrong encoding guess shows up as mojibake or replacement characters.
      const text = r.grids[0]!.rows.flat().join('');
      expect(text).not.toMatch(/\uFFFD|Ã©|â€/);
    }
  });

  it('hidden and very hidden sheets in the Strict OOXML workbook', () => {
    const r = readBytes(bytesOf(join(SHEETJS, 'sheet_visibility_strict.xlsx')), 'sheet_visibility_strict.xlsx');
    expect(r.grids.map((g) => [g.sheet, g.hidden])).toEqual([
      ['Visible', false],
      ['Hidden', true],
      ['VeryHidden', true],
    ]);
    expect(r.grids.every((g) => g.rows.length === 2)).toBe(true);
  });

  it('LibreOffice 7.3 flat ODS (SheetJS 0.18.5 failed on it): our ODS reader gives its numbers, texts and dates', () => {
    const r = readBytes(bytesOf(join(SHEETJS, 'LO7322.fods')), 'LO7322.fods');
    expect(r.format).toBe('ods');
    const rows = r.grids[0]!.rows;
    expect(rows[0]!.slice(0, 3)).toEqual([1.2345, 'Number', 1]);
    expect(rows[0]![8]).toBe('1933-10-18');
  });

  it('1904 workbook: the dated cell reads 1904-01-12 (serial 11 in the 1904 system)', () => {
    const r = readBytes(bytesOf(join(SHEETJS, '1904_1904.xlsx')), '1904_1904.xlsx');
    const g = r.grids[0]!;
    expect(g.date1904).toBe(true);
    // Row 2: 11 as a number, the same 11 formatted yyyy-mm-dd, then TEXT(B2,"YYYY-MM-DD") cached by Excel.
    expect(g.rows[1]!.slice(0, 3)).toEqual([11, '1904-01-12', '1904-01-12']);
  });

  it('merged cells in the Hebrew-named workbook', () => {
    const f = 'hebrew_name_חישוב_נקודות_זיכוי.xlsx';
    const r = readBytes(bytesOf(join(SHEETJS, f)), f);
    expect(r.grids.map((g) => g.sheet)).toEqual(['חישוב', 'מס הכנסה ', 'גיליון3']);
    expect(r.grids[0]!.merges).toHaveLength(2);
  });

  it('wtf_path.xlsx: parts outside xl/ found through relationships', () => {
    const r = readBytes(bytesOf(join(SHEETJS, 'wtf_path.xlsx')), 'wtf_path.xlsx');
    expect(r.format).toBe('xlsx');
    expect(r.grids.map((g) => g.sheet)).toEqual(['SheetJS', 'Hidden']);
  });

  it('merge_cells.xls (OLE, with an embedded zip that fools zip sniffers) is read as xls with 5 merges', () => {
    const r = readBytes(bytesOf(join(SHEETJS, 'merge_cells.xls')), 'merge_cells.xls');
    expect(r.format).toBe('xls');
    expect(r.grids[0]!.merges).toHaveLength(5);
  });

  it('sheet choice works for SheetJS-read formats too', () => {
    const r = readBytes(bytesOf(join(SHEETJS, 'AutoFilter.xlsx')), 'AutoFilter.xlsx', { sheets: ['top10', 'Missing'] });
    expect(r.grids.map((g) => g.sheet)).toEqual(['Top10']);
    expect(r.notes.join(' ')).toMatch(/Missing/);
    const x = readBytes(bytesOf(join(SHEETJS, 'merge_cells.xls')), 'merge_cells.xls', { sheets: ['merge'] });
    expect(x.grids.map((g) => g.sheet)).toEqual(['Merge']);
  });

  it('Attendance.csv: header cells with embedded newlines stay in one cell', () => {
    const r = readBytes(bytesOf(join(SHEETJS, 'Attendance.csv')), 'Attendance.csv');
    expect(r.grids[0]!.rows[0]![1]).toBe('Ben \nAshley');
  });
});

/** SheetJS's view of a cell, in our terms; undefined = skip (representations that legitimately differ). */
function sheetJsCell(cell: { t?: string; v?: unknown; z?: unknown } | null | undefined, date1904: boolean): Cell | undefined {
  if (!cell) return null;
  switch (cell.t) {
    case 's':
      return cell.v === '' ? null : (cell.v as string);
    case 'b':
      return cell.v as boolean;
    case 'n':
      // SheetJS counts time-only formats (h, [h]:mm) as dates; we keep them as numbers (a duration is not a date).
      if (typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z) && isDateFormat(cell.z)) {
        const iso = excelSerialToIso(cell.v as number, date1904);
        return iso.ok ? undefined : (cell.v as number); // dates: checked below by serial
      }
      return cell.v as number;
    case 'z':
      return null;
    default:
      return undefined; // errors ('e'), ISO dates ('d')
  }
}

describe.skipIf(!HAVE_DATA)('cross-check: our xlsx reader agrees with SheetJS on every .xlsx in shared/data', () => {
  const books = ALL.filter((p) => /\.xls[xm]$/i.test(p));
  it.each(books.map((p) => [name(p), p]))('%s', (_n, p) => {
    const bytes = bytesOf(p);
    const ours = readBytes(bytes, 'x.xlsx');
    expect(ours.format).toBe('xlsx');
    const wb = XLSX.read(bytes, { type: 'array', dense: true, cellNF: true, cellDates: false });
    const date1904 = (wb.Workbook as { WBProps?: { date1904?: boolean } } | undefined)?.WBProps?.date1904 === true;
    expect(ours.grids.map((g) => g.sheet)).toEqual(wb.SheetNames);
    let compared = 0;
    for (const g of ours.grids) {
      const ws = wb.Sheets[g.sheet] as unknown as ({ t?: string; v?: unknown; z?: unknown } | null)[][];
      const rows = Math.max(g.rows.length, ws.length);
      for (let r = 0; r < rows; r++) {
        const width = Math.max(g.rows[r]?.length ?? 0, ws[r]?.length ?? 0);
        for (let c = 0; c < width; c++) {
          const theirsCell = ws[r]?.[c];
          const mine = g.rows[r]?.[c] ?? null;
          const theirs = sheetJsCell(theirsCell, date1904);
          const where = `${g.sheet}!R${r + 1}C${c + 1}`;
          if (theirs === undefined) {
            if (theirsCell?.t === 'n') expect(`${where} ${mine}`).toBe(`${where} ${(excelSerialToIso(theirsCell.v as number, date1904) as { value: string }).value}`);
            continue;
          }
          if (typeof theirs === 'number' && typeof mine === 'number') {
            expect(Math.abs(mine - theirs), where).toBeLessThanOrEqual(Math.abs(theirs) * 1e-12);
          } else {
            expect(`${where} ${JSON.stringify(mine)}`).toBe(`${where} ${JSON.stringify(theirs)}`);
          }
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(0);
  });
});
