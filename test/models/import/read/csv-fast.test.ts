import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCsvFast } from '../../../../models/import/read/csv-fast';
import { parseCsvText } from '../../../../models/import/read/csv';

/**
 * csv-fast must give exactly papaparse's rows on the LF-normalised text (what csv.ts parsed
 * before it existed), or null where papaparse would report a quoting problem.
 */

const toLf = (s: string): string => s.replace(/\r\n?/g, '\n');
const papa = (text: string, delimiter: string): string[][] =>
  Papa.parse<string[]>(toLf(text), { delimiter, newline: '\n', skipEmptyLines: false }).data;
const papaQuoteErrors = (text: string, delimiter: string): number =>
  Papa.parse(toLf(text), { delimiter, newline: '\n', skipEmptyLines: false }).errors.filter((e) => e.type === 'Quotes').length;

/**
 * The fast result equals papaparse's; null (csv.ts then asks papaparse) only for text with a
 * quote, and always when papaparse reports a quoting problem.
 */
function agrees(text: string, delimiter: string): void {
  const fast = parseCsvFast(text, delimiter);
  if (fast === null) expect(text).toContain('"');
  else {
    expect(fast).toEqual(papa(text, delimiter));
    expect(papaQuoteErrors(text, delimiter)).toBe(0);
  }
}

const DELIMS = [',', ';', '\t', '|'];
const NEWLINES = ['\n', '\r\n', '\r'];

/** A cell as a writer would quote it (quoting whenever needed, sometimes when not). */
const cellText = (d: string) =>
  fc.tuple(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '"', ',', ';', '\t', '|', '\n', '\r', 'é', '1', '$'), maxLength: 8 }), fc.boolean()).map(([s, force]) => {
    const needs = s.includes('"') || s.includes(d) || s.includes('\n') || s.includes('\r') || s.startsWith('"');
    return needs || force ? `"${s.replace(/"/g, '""')}"` : s;
  });

describe('parseCsvFast', () => {
  it('matches papaparse on well-formed files: any cells, delimiters, line endings, ragged rows', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DELIMS).chain((d) =>
          fc.tuple(
            fc.constant(d),
            fc.array(fc.array(cellText(d), { minLength: 0, maxLength: 5 }), { maxLength: 6 }),
            fc.array(fc.constantFrom(...NEWLINES), { minLength: 6, maxLength: 6 }),
            fc.boolean(),
          ),
        ),
        ([d, rows, nls, trailing]) => {
          let text = '';
          rows.forEach((r, i) => {
            text += r.join(d);
            if (i < rows.length - 1 || trailing) text += nls[i]!;
          });
          const fast = parseCsvFast(text, d);
          expect(fast).not.toBeNull();
          expect(fast).toEqual(papa(text, d));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('agrees with papaparse on arbitrary (often malformed) text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DELIMS), fc.string({ unit: fc.constantFrom('a', '"', ',', ';', '\t', '|', '\n', '\r', ' '), maxLength: 24 }), (d, text) => {
        agrees(text, d);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['empty text', '', ','],
    ['one empty quoted cell', '""', ','],
    ['trailing newline', 'a,b\n', ','],
    ['trailing CRLF', 'a,b\r\n', ','],
    ['lone CR line endings (classic Mac)', 'a,b\rc,d\r', ','],
    ['mixed CRLF and LF', 'a,b\r\nc,d\ne,f', ','],
    ['blank lines mid-file', 'a\n\n\nb', ','],
    ['trailing delimiter', 'a,b,', ','],
    ['doubled quotes', '"say ""hi""",x', ','],
    ['doubled quote at the very end', '"a"""', ','],
    ['quoted delimiter and newlines', '"a,b\r\nc",d\r\n"e\rf"', ','],
    ['quote inside an unquoted cell is data', 'ab"c,d', ','],
    ['quoted cell then delimiter at end', '"a",', ','],
    ['quoted cell then newline at end', '"a"\n', ','],
    ['ragged rows', 'a,b,c\nd\ne,f', ','],
    ['tab delimiter with quoted tab', '"a\tb"\tc', '\t'],
    ['semicolon delimiter with comma data', '"1,5";2,5', ';'],
  ])('%s', (_name, text, d) => {
    const fast = parseCsvFast(text, d);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(papa(text, d));
  });

  it.each([
    ['unterminated quote', '"abc,d\ne'],
    ['doubled quote then end (unterminated)', '"a""'],
    ['text after a closing quote', '"a"b,c'],
  ])('gives way to papaparse on %s', (_name, text) => {
    expect(parseCsvFast(text, ',')).toBeNull();
    expect(papaQuoteErrors(text, ',')).toBeGreaterThan(0);
  });

  it('gives way to papaparse on spaces after a closing quote (papaparse drops them silently)', () => {
    expect(parseCsvFast('"a" ,c', ',')).toBeNull();
    expect(parseCsvText('"a" ,c', 'q.csv').grids[0]!.rows).toEqual([['a', 'c']]);
  });

  it('starts after an offset (the "sep=" line)', () => {
    expect(parseCsvFast('sep=;\r\na;b\r\n', ';', 7)).toEqual([['a', 'b'], ['']]);
  });

  it('refuses delimiters it cannot use', () => {
    expect(parseCsvFast('a', '"')).toBeNull();
    expect(parseCsvFast('a', '::')).toBeNull();
  });
});

describe('parseCsvText with the fast path', () => {
  it('still reports quoting problems through papaparse', () => {
    const r = parseCsvText('a,b\n"x"y,z\n', 'q.csv');
    expect(r.notes.some((n) => n.includes('quoting problem'))).toBe(true);
  });

  it('reads a sep= line with CRLF and drops blank trailing rows', () => {
    const r = parseCsvText('sep=;\r\na;b\r\n"1;2";3\r\n\r\n', 'q.csv');
    expect(r.grids[0]!.rows).toEqual([['a', 'b'], ['1;2', '3']]);
    expect(r.notes).toContain(`delimiter given by the file's "sep=" line`);
  });
});
