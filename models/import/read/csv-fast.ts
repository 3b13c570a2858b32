/**
 * A single-pass CSV tokenizer for well-formed files, about twice as fast as papaparse on a
 * budget export because it reads the text once (no line-ending rewrite first) and searches
 * with indexOf. It gives exactly what `Papa.parse(lf, { delimiter, newline: '\n' })` gives,
 * where `lf` is the text with every CRLF and lone CR turned into LF (test/…/csv-fast.test.ts
 * checks that by property). RFC 4180 quoting: a quote opens a quoted field only at the
 * field's start, "" inside it is one quote, delimiters and line breaks inside it are data.
 *
 * An unterminated quote, or a closing quote followed by anything but the delimiter, a line
 * break or the end (papaparse reports most of these; spaces there it drops silently) returns
 * null, so the caller lets papaparse parse the file and say what is wrong.
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** Unquoted cells up to this long go through the repeat cache. */
const SHORT = 12;
const SLOTS = 1024;

/** Text from `start` parsed into rows of cells, or null when papaparse must decide. */
export function parseCsvFast(text: string, delimiter: string, start = 0): string[][] | null {
  if (delimiter.length !== 1) return null;
  const d = delimiter.charCodeAt(0);
  if (d === QUOTE || d === LF || d === CR) return null;
  const n = text.length;
  const rows: string[][] = [];
  if (start >= n) return rows;
  let row: string[] = [];
  let i = start;
  const hasCr = text.indexOf('\r', start) >= 0;
  let nextD = -1;
  let nextLf = -1;
  let nextCr = -1;
  const cache: string[] = new Array<string>(SLOTS).fill('');
  for (;;) {
    // i is at the start of a field.
    if (i < n && text.charCodeAt(i) === QUOTE) {
      const from = i + 1;
      let j = from;
      let plain = true;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) return null; // unterminated: papaparse reports it
        if (q + 1 < n && text.charCodeAt(q + 1) === QUOTE) {
          plain = false;
          j = q + 2;
          continue;
        }
        let value = text.slice(from, q);
        if (!plain) value = value.replace(/""/g, '"');
        if (value.indexOf('\r') >= 0) value = value.replace(/\r\n?/g, '\n');
        row.push(value);
        i = q + 1;
        break;
      }
      if (i >= n) {
        rows.push(row);
        return rows;
      }
      const c = text.charCodeAt(i);
      if (c === d) {
        i++;
        if (i >= n) {
          row.push('');
          rows.push(row);
          return rows;
        }
        continue;
      }
      if (c === LF || c === CR) {
        i += c === CR && i + 1 < n && text.charCodeAt(i + 1) === LF ? 2 : 1;
        rows.push(row);
        row = [];
        if (i >= n) {
          rows.push(['']);
          return rows;
        }
        continue;
      }
      return null; // text after a closing quote: papaparse decides and reports
    }
    // An unquoted field: up to the next delimiter or line break (quotes inside are data).
    // indexOf finds them faster than a character loop; the next positions are kept between fields.
    if (nextD < i) nextD = indexOrEnd(text, delimiter, i);
    if (nextLf < i) nextLf = indexOrEnd(text, '\n', i);
    if (nextCr < i) nextCr = hasCr ? indexOrEnd(text, '\r', i) : n;
    const j = nextD < nextLf ? (nextD < nextCr ? nextD : nextCr) : nextLf < nextCr ? nextLf : nextCr;
    const c = j < n ? text.charCodeAt(j) : -1;
    const len = j - i;
    if (len === 0) row.push('');
    else if (len <= SHORT) {
      // Codes, years and site ids repeat down a column: reuse the string seen last in this slot
      // instead of allocating a copy per row (fewer live strings, much less garbage-collector work).
      const slot = (len * 31 + text.charCodeAt(i) * 7 + text.charCodeAt(j - 1) + text.charCodeAt(i + (len >> 1)) * 131) & (SLOTS - 1);
      const seen = cache[slot]!;
      if (seen.length === len && text.startsWith(seen, i)) row.push(seen);
      else {
        const cell = text.slice(i, j);
        cache[slot] = cell;
        row.push(cell);
      }
    } else row.push(text.slice(i, j));
    if (j >= n) {
      rows.push(row);
      return rows;
    }
    if (c === d) {
      i = j + 1;
      if (i >= n) {
        row.push('');
        rows.push(row);
        return rows;
      }
      continue;
    }
    i = j + (c === CR && j + 1 < n && text.charCodeAt(j + 1) === LF ? 2 : 1);
    rows.push(row);
    row = [];
    if (i >= n) {
      rows.push(['']);
      return rows;
    }
  }
}

function indexOrEnd(text: string, what: string, from: number): number {
  const k = text.indexOf(what, from);
  return k < 0 ? text.length : k;
}
