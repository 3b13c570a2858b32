import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBytes } from '../../../../models/import/read/index';
import { MAX_ROWS, readOdsXml } from '../../../../models/import/read/ods';
import { ReadError } from '../../../../models/import/types';
import { contentXml, f, makeOds, ODS_NS, row, t, table } from './make-ods';

/** Our own OpenDocument reader (models/import/read/ods.ts): what LibreOffice writes, and what hostile files try. */

function readError(fn: () => unknown): ReadError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ReadError) return e;
    throw e;
  }
  throw new Error('expected a ReadError');
}

const read = (body: string, opts: Parameters<typeof makeOds>[1] = {}) => readBytes(makeOds(body, opts), 'book.ods');

describe('ODS reader', () => {
  it('reads texts, numbers, percentages, currency, dates, times and booleans', () => {
    const cells =
      t('Lincoln &amp; Co') +
      f(1234.5) +
      '<table:table-cell office:value-type="percentage" office:value="0.05"><text:p>5%</text:p></table:table-cell>' +
      '<table:table-cell office:value-type="currency" office:currency="USD" office:value="-12.5"><text:p>($12.50)</text:p></table:table-cell>' +
      '<table:table-cell office:value-type="date" office:date-value="2026-03-15T00:00:00"><text:p>03/15/26</text:p></table:table-cell>' +
      '<table:table-cell office:value-type="time" office:time-value="PT12H00M00S"><text:p>12:00</text:p></table:table-cell>' +
      '<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>';
    const r = read(table('Budget', row(cells)));
    expect(r.format).toBe('ods');
    expect(r.grids[0]!.rows).toEqual([['Lincoln & Co', 1234.5, 0.05, -12.5, '2026-03-15', 0.5, true]]);
  });

  it('text: spaces (text:s), tabs, line breaks, several paragraphs, spans; comments are not the text', () => {
    const cell =
      '<table:table-cell office:value-type="string"><office:annotation><text:p>a note</text:p></office:annotation>' +
      '<text:p>A<text:s text:c="2"/>B<text:tab/>C<text:line-break/>D <text:span>E</text:span></text:p><text:p>second</text:p></table:table-cell>';
    expect(read(table('S', row(cell))).grids[0]!.rows).toEqual([['A  B\tC\nD E\nsecond']]);
  });

  it('repeats: content copied, empty cells and rows only move the position, trailing ones are dropped', () => {
    const body = table(
      'S',
      row(t('h') + '<table:table-cell table:number-columns-repeated="2"/>' + f(7, ' table:number-columns-repeated="2"') + '<table:table-cell table:number-columns-repeated="1020"/>') +
        row('<table:table-cell table:number-columns-repeated="1024"/>', ' table:number-rows-repeated="2"') +
        row(t('x') + f(1), ' table:number-rows-repeated="3"') +
        // What LibreOffice writes after the data: a million empty rows.
        row('<table:table-cell table:number-columns-repeated="1024"/>', ' table:number-rows-repeated="1048570"'),
    );
    expect(read(body).grids[0]!.rows).toEqual([['h', null, null, 7, 7], [], [], ['x', 1], ['x', 1], ['x', 1]]);
  });

  it('merged cells (spans) become 0-based ranges; covered cells take their place', () => {
    const body = table('S', row(t('Fund', ' table:number-columns-spanned="2" table:number-rows-spanned="1"') + '<table:covered-table-cell/>' + t('x')) + row(t('a', ' table:number-rows-spanned="2"') + t('b')) + row('<table:covered-table-cell/>' + t('c')));
    const g = read(body).grids[0]!;
    expect(g.rows).toEqual([['Fund', null, 'x'], ['a', 'b'], [null, 'c']]);
    expect(g.merges).toEqual([{ s: { r: 0, c: 0 }, e: { r: 0, c: 1 } }, { s: { r: 1, c: 0 }, e: { r: 2, c: 0 } }]);
  });

  it('hidden sheets (table:display="false" in their style) are flagged', () => {
    const styles = '<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style><style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>';
    const r = read(table('Shown', row(t('a')), ' table:style-name="ta1"') + table('Lookup', row(t('b')), ' table:style-name="ta2"'), { styles });
    expect(r.grids.map((g) => [g.sheet, g.hidden])).toEqual([['Shown', false], ['Lookup', true]]);
  });

  it('any namespace prefix (the local names decide), and a flat .fods', () => {
    const xml = contentXml('<t:table t:name="P" xmlns:t="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><t:table-row><t:table-cell office:value-type="float" office:value="3"/></t:table-row></t:table>');
    expect(readOdsXml(xml, 'x.ods', { maxCells: 100 }).grids[0]!.rows).toEqual([[3]]);
    const fods = `<?xml version="1.0"?><office:document ${ODS_NS} office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body><office:spreadsheet>${table('Flat', row(t('ok')))}</office:spreadsheet></office:body></office:document>`;
    expect(readBytes(strToU8(fods), 'flat.fods').grids[0]).toMatchObject({ sheet: 'Flat', rows: [['ok']] });
  });

  it('issue 16 item 5: a table without a name gets one (it came back undefined and broke project loading)', () => {
    const r = read(table(null, row(t('site_id') + t('name'))) + table('', row(t('x'))));
    expect(r.grids.map((g) => g.sheet)).toEqual(['Sheet1', 'Sheet2']);
  });

  it('issue 16 item 2: number-rows-repeated="2147483647" on a content row is refused at once, not expanded into gigabytes', () => {
    // A 3 KB file that took 3.4 GB and the full 30 s: SheetJS expanded the repeat.
    const bytes = makeOds(table('Sites', row(t('site_id') + t('name') + t('level')) + row(t('101') + t('Lincoln') + t('ES'), ' table:number-rows-repeated="2147483647"')));
    expect(bytes.length).toBeLessThan(4096);
    const e = readError(() => readBytes(bytes, 'sites.ods'));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/^sites\.ods: sheet "Sites" repeats row 2 .*LibreOffice/);
  });

  it('issue 16 item 2: a content row repeated a million times (1,048,588 site rows from 4 KB) is refused too', () => {
    const e = readError(() => read(table('Sites', row(t('101') + t('Lincoln') + t('ES'), ' table:number-rows-repeated="1048576"'))));
    expect(e.code).toBe('too-large');
  });

  it('repeated content within reason is read: 1,000 identical rows', () => {
    expect(read(table('S', row(f(0) + f(0), ' table:number-rows-repeated="1000"'))).grids[0]!.rows.length).toBe(1000);
  });

  it('columns past 16,384 and rows past 1,048,576 do not exist', () => {
    const wide = read(table('S', row('<table:table-cell table:number-columns-repeated="16383"/>' + f(1) + f(2) + f(3))));
    expect(wide.grids[0]!.rows[0]!.length).toBe(16_384);
    const tall = read(table('S', row('<table:table-cell/>', ` table:number-rows-repeated="${MAX_ROWS - 1}"`) + row(f(1)) + row(f(2))));
    expect(tall.grids[0]!.rows.length).toBe(MAX_ROWS);
    expect(tall.notes.join(' ')).toMatch(/rows past 1,048,576/);
  });

  it('hostile counts: negative, NaN, hex, fractions and huge spans are harmless', () => {
    const body = table('S', row(t('a', ' table:number-columns-repeated="-5"') + t('b', ' table:number-columns-repeated="NaN"') + t('c', ' table:number-columns-repeated="0x10"') + t('d', ' table:number-columns-spanned="99999999999" table:number-rows-spanned="1e300"'), ' table:number-rows-repeated="2.5"'));
    const g = read(body).grids[0]!;
    // Only digits count (ODS's positiveInteger): "-5", "NaN", "0x10", "2.5" and "1e300" are 1.
    expect(g.rows).toEqual([['a', 'b', 'c', 'd']]);
    expect(g.merges).toEqual([{ s: { r: 0, c: 3 }, e: { r: 0, c: 16_383 } }]);
  });

  it('damaged XML ends in what was read or a ReadError, never a crash: cut short, stray "<", a DTD', () => {
    const xml = contentXml(table('S', row(t('a') + f(1)) + row(t('b') + f(2))));
    for (let cut = 0; cut < xml.length; cut += 7) readOdsXml(xml.slice(0, cut), 'x.ods', { maxCells: 1000 });
    expect(readOdsXml(xml.replace('<text:p>b', '<text:p <b'), 'x.ods', { maxCells: 1000 }).grids[0]!.rows[0]).toEqual(['a', 1]);
    const dtd = strToU8(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><office:document ${ODS_NS}><office:body/></office:document>`);
    expect(readError(() => readBytes(dtd, 'x.fods')).code).toBe('corrupt');
  });

  it('a password-protected .ods is named as such; a text document is not a spreadsheet', () => {
    const manifest = '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>';
    expect(readError(() => read(table('S', row(t('a'))), { manifest })).code).toBe('encrypted');
    expect(readError(() => read(table('S', row(t('a'))), { mimetype: 'application/vnd.oasis.opendocument.text' })).message).toMatch(/text document, not a spreadsheet/);
    // No mimetype entry (some writers leave it out): still read as a spreadsheet.
    expect(read(table('S', row(t('a'))), { mimetype: null }).grids[0]!.rows).toEqual([['a']]);
  });
});
