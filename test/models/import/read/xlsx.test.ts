import { describe, expect, it } from 'vitest';
import { readBytes } from '../../../../models/import/read/index';
import { isDateFormat } from '../../../../models/import/read/xlsx/styles';
import { makeXlsx } from './make-xlsx';

const one = (data: string, extra: Partial<Parameters<typeof makeXlsx>[0]> = {}) =>
  readBytes(makeXlsx({ sheets: [{ name: 'Budget', data }], ...extra }), 'book.xlsx');

describe('own xlsx reader', () => {
  it('shared strings, by index', () => {
    const r = one('<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>0</v></c></row>', { sharedStrings: ['Fund', 'Object'] });
    expect(r.format).toBe('xlsx');
    expect(r.grids[0]!.rows).toEqual([['Object', 'Fund']]);
    expect(r.grids[0]!.sheet).toBe('Budget');
    expect(r.grids[0]!.file).toBe('book.xlsx');
  });

  it('inline strings, including rich-text runs and phonetic guides left out', () => {
    const r = one(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Title I-A</t></is></c>' +
        '<c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>Gen</t></r><r><t xml:space="preserve">eral </t></r><rPh sb="0" eb="1"><t>ZZ</t></rPh></is></c></row>',
    );
    expect(r.grids[0]!.rows).toEqual([['Title I-A', 'General ']]);
  });

  it('booleans, errors and numbers', () => {
    const r = one('<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#N/A</v></c><c r="D1"><v>-1234.56</v></c><c r="E1" t="n"><v>1E-3</v></c></row>');
    expect(r.grids[0]!.rows).toEqual([[true, false, '#N/A', -1234.56, 0.001]]);
  });

  it('formula cells give their cached value (number and string), never the formula', () => {
    const r = one('<row r="1"><c r="A1"><f>SUM(B1:C1)</f><v>30</v></c><c r="B1" t="str"><f>A1&amp;"x"</f><v>30x</v></c><c r="C1"><f>NOW()</f></c></row>');
    // C1 has no cached value: blank, not the formula text.
    expect(r.grids[0]!.rows).toEqual([[30, '30x']]);
  });

  it('dates in the 1900 system, by built-in and custom formats; plain numbers untouched', () => {
    // 45292 = 2024-01-01 (days since 1899-12-30); style 1 = builtin 14 (m/d/yyyy), style 2 = custom "dd-mmm-yy", style 3 = "#,##0.00".
    const r = one(
      '<row r="1"><c r="A1" s="1"><v>45292</v></c><c r="B1" s="2"><v>45292.75</v></c><c r="C1" s="3"><v>45292</v></c><c r="D1"><v>45292</v></c><c r="E1" s="4"><v>0.5</v></c></row>',
      { numFmts: [{ id: 164, code: 'dd\\-mmm\\-yy' }, { id: 165, code: '#,##0.00' }, { id: 166, code: 'h:mm' }], cellXfs: [0, 14, 164, 165, 166] },
    );
    expect(r.grids[0]!.rows).toEqual([['2024-01-01', '2024-01-01', 45292, 45292, 0.5]]);
  });

  it('dates in the 1904 system are shifted by 1,462 days and the grid says so', () => {
    // 1904 serial 43830 = 1904-01-01 + 43830 days = 2024-01-01 (1900 serial 45292 − 1462).
    const r = one('<row r="1"><c r="A1" s="1"><v>43830</v></c></row>', { date1904: true, cellXfs: [0, 14] });
    expect(r.grids[0]!.rows).toEqual([['2024-01-01']]);
    expect(r.grids[0]!.date1904).toBe(true);
    expect(r.notes.join(' ')).toMatch(/1904/);
  });

  it('t="d" ISO date cells keep their date part', () => {
    expect(one('<row r="1"><c r="A1" t="d"><v>2025-07-01T00:00:00Z</v></c></row>').grids[0]!.rows).toEqual([['2025-07-01']]);
  });

  it('merged cells are reported as 0-based ranges', () => {
    const r = one('<row r="1"><c r="A1" t="inlineStr"><is><t>FY 2025-26</t></is></c></row>', {
      sheets: [{ name: 'S', data: '<row r="1"><c r="A1"><v>1</v></c></row>', after: '<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="B3:B5"/></mergeCells>' }],
    });
    expect(r.grids[0]!.merges).toEqual([
      { s: { r: 0, c: 0 }, e: { r: 0, c: 2 } },
      { s: { r: 2, c: 1 }, e: { r: 4, c: 1 } },
    ]);
  });

  it('hidden and very hidden sheets are read and flagged', () => {
    const r = readBytes(
      makeXlsx({
        sheets: [
          { name: 'Visible', data: '<row r="1"><c r="A1"><v>1</v></c></row>' },
          { name: 'Hidden', data: '<row r="1"><c r="A1"><v>2</v></c></row>', state: 'hidden' },
          { name: 'Secret', data: '<row r="1"><c r="A1"><v>3</v></c></row>', state: 'veryHidden' },
        ],
      }),
      'b.xlsx',
    );
    expect(r.grids.map((g) => [g.sheet, g.hidden])).toEqual([
      ['Visible', false],
      ['Hidden', true],
      ['Secret', true],
    ]);
  });

  it('sheet selection parses only the sheets asked for, and notes missing names', () => {
    const book = makeXlsx({
      sheets: [
        { name: 'Fund 110', data: '<row r="1"><c r="A1"><v>110</v></c></row>' },
        { name: 'Fund 211', data: '<row r="1"><c r="A1"><v>211</v></c></row>' },
      ],
    });
    const r = readBytes(book, 'b.xlsx', { sheets: ['Fund 211', 'Nope'] });
    expect(r.grids.map((g) => g.sheet)).toEqual(['Fund 211']);
    expect(r.grids[0]!.rows).toEqual([[211]]);
    expect(r.notes.join(' ')).toMatch(/Nope/);
    expect(readBytes(book, 'b.xlsx', { sheets: 'all' }).grids).toHaveLength(2);
    // A typed name matches ignoring case and surrounding spaces.
    expect(readBytes(book, 'b.xlsx', { sheets: [' fund 110'] }).grids.map((g) => g.sheet)).toEqual(['Fund 110']);
  });

  it('missing r attributes: rows and cells follow on from the previous one', () => {
    const r = one('<row><c><v>1</v></c><c><v>2</v></c></row><row r="4"><c r="B4"><v>3</v></c><c><v>4</v></c></row>');
    expect(r.grids[0]!.rows).toEqual([[1, 2], [], [], [null, 3, 4]]);
  });

  it("single-quoted attributes and spaces around '='", () => {
    const r = one(`<row r='1'><c r = 'B1' t = 's'><v>0</v></c><c r='C1' s='1'><v>45292</v></c></row>`, { sharedStrings: ['GEN'], cellXfs: [0, 14] });
    expect(r.grids[0]!.rows).toEqual([[null, 'GEN', '2024-01-01']]);
  });

  it('XML entities, numeric character references and _xHHHH_ escapes', () => {
    const r = one('<row r="1"><c r="A1" t="inlineStr"><is><t>R&amp;D &lt;K-5&gt; &#x1F363; &#169; line_x000D_</t></is></c></row>');
    expect(r.grids[0]!.rows).toEqual([['R&D <K-5> 🍣 © line\r']]);
  });

  it('a namespace prefix on every worksheet element (x:c, x:v)', () => {
    const r = readBytes(
      makeXlsx({ sheets: [{ name: 'P', prefix: 'x:', data: '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row>' }], sharedStrings: ['GEN'] }),
      'p.xlsx',
    );
    expect(r.grids[0]!.rows).toEqual([['GEN', 7]]);
  });

  it('parts found through relationships, not a hard-coded xl/ folder', () => {
    const r = readBytes(makeXlsx({ dir: 'custom', sheets: [{ name: 'S', data: '<row r="1"><c r="A1"><v>5</v></c></row>' }] }), 'w.xlsx');
    expect(r.grids[0]!.rows).toEqual([[5]]);
  });

  it('styled empty cells and trailing blank rows add nothing', () => {
    const r = one('<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="0"/></row><row r="2"><c r="A2" s="0"/></row>');
    expect(r.grids[0]!.rows).toEqual([[1]]);
  });

  it('a sheet that is too sparse to be real is refused, not padded into memory', () => {
    // One cell at XFC on each of 2,000 rows would pad 16,383 × 2,000 = 32.8M cells (cap 20M).
    const rows = Array.from({ length: 2000 }, (_v, i) => `<row r="${i + 1}"><c r="XFC${i + 1}"><v>1</v></c></row>`).join('');
    expect(() => one(rows)).toThrowError(expect.objectContaining({ code: 'too-large' }));
  });
});

describe('date number formats', () => {
  it.each([
    ['yyyy-mm-dd', true],
    ['m/d/yy h:mm', true],
    ['[$-409]mmmm d, yyyy;@', true],
    ['mmm', true],
    ['h:mm:ss', false],
    ['[h]:mm', false],
    ['#,##0.00;[Red](#,##0.00)', false],
    ['"Day "0', false],
    ['General', false],
    ['0.00%', false],
  ])('%s → %s', (code, expected) => {
    expect(isDateFormat(code)).toBe(expected);
  });
});
