/**
 * A single-pass CSV tokenizer for well-formed files, about twice as fast as papaparse on a
 * budget export because it reads the text once (no line-ending rewrite first) and searches
 * with indexOf. It gives exactly what `Papa.parse(lf, { delimiter, newline: '\n' })` gives,
 * where `lf` is the text with every CRLF and lone CR turned into LF (test/…/csv-fast.test.ts
 * checks that by property). RFC 4180 quoting: a quote opens a quoted field only at the
 * field's start, "" inside it is one quote, delimiters and line breaks inside it are data.
 *
 * An unterminated quote, or a closing quote followed by anything but the delimiter, a line
 * break or the end (papaparse reports most of these; spaces there it drops silently) ends the
 * reading as failed, so the caller lets papaparse parse the file and say what is wrong.
 *
 * CsvRows reads one row at a time and keeps only where each cell's text starts and ends, so
 * the direct importer (models/import/csv-direct.ts) can read numbers straight from the text
 * without making a string per cell; parseCsvFast makes the strings.
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** Unquoted cells up to this long go through the repeat cache. */
const SHORT = 12;
const SLOTS = 1024;

/** How a cell's text is held: as written, quoted (the text inside), or quoted with "" or CR to undo. */
export const PLAIN = 0;
export const QUOTED = 1;
export const QUOTED_ESCAPED = 2;

export class CsvRows {
  /** Cells in the row just read; cell k is text[from[k], to[k]) of kind kind[k]. */
  count = 0;
  from = new Int32Array(64);
  to = new Int32Array(64);
  kind = new Uint8Array(64);
  /** Where the row just read starts and ends in the text (its line break excluded). */
  rowStart = 0;
  rowEnd = 0;
  /** A quoting problem was met: the rows read so far are not the whole file. */
  failed = false;
  private pos: number;
  private finished: boolean;
  private readonly d: number;
  private readonly hasCr: boolean;
  private nextD = -1;
  private nextLf = -1;
  private nextCr = -1;
  private readonly cache: string[] = new Array<string>(SLOTS).fill('');

  /**
   * One reader kept for the life of the program. V8 forgets an object shape once no object has
   * it, and throws away the optimised code of every function that read objects of that shape; a
   * worker reading file after file would then read each one with unoptimised code again.
   */
  static readonly keepShape: CsvRows = new CsvRows('', ',', 0);

  /** Null when the delimiter is not a single character this tokenizer can handle. */
  static open(text: string, delimiter: string, start = 0): CsvRows | null {
    if (delimiter.length !== 1) return null;
    const d = delimiter.charCodeAt(0);
    if (d === QUOTE || d === LF || d === CR) return null;
    return new CsvRows(text, delimiter, start);
  }

  private constructor(
    readonly text: string,
    private readonly delimiter: string,
    start: number,
  ) {
    this.d = delimiter.charCodeAt(0);
    this.pos = start;
    this.finished = start >= text.length;
    this.hasCr = text.indexOf('\r', start) >= 0;
  }

  /** Reads the next row; false at the end or on a quoting problem (then `failed`). */
  next(): boolean {
    if (this.finished) return false;
    const text = this.text;
    const n = text.length;
    const d = this.d;
    let i = this.pos;
    let k = 0;
    let lineEnd = -1;
    this.rowStart = i;
    if (i >= n) {
      // The text ended with a line break: papaparse gives one last row of one empty cell.
      this.finished = true;
      return this.cellAt(0, i, i, PLAIN, 1, i);
    }
    for (;;) {
      // i is at the start of a field.
      if (i < n && text.charCodeAt(i) === QUOTE) {
        const from = i + 1;
        let j = from;
        let kind = QUOTED;
        let q: number;
        for (;;) {
          q = text.indexOf('"', j);
          if (q < 0) return this.fail(); // unterminated: papaparse reports it
          if (q + 1 < n && text.charCodeAt(q + 1) === QUOTE) {
            kind = QUOTED_ESCAPED;
            j = q + 2;
            continue;
          }
          break;
        }
        if (kind === QUOTED && this.hasCr) {
          // The next CR is kept between cells, as the next LF is: searching again from every
          // quoted cell read the rest of the file each time when CRs are rare (one at the end of a
          // file of LF lines), quadratic — seconds on a 93 KB export (issue 16 item 7).
          if (this.nextCr < from) this.nextCr = indexOrEnd(text, '\r', from);
          if (this.nextCr < q) kind = QUOTED_ESCAPED;
        }
        this.cellAt(k++, from, q, kind, 0, 0);
        i = q + 1;
        if (i >= n) return this.end(k, n, n);
        const c = text.charCodeAt(i);
        if (c === d) {
          i++;
          if (i >= n) return this.cellAt(k, n, n, PLAIN, k + 1, n) && this.end(k + 1, n, n);
          continue;
        }
        if (c === LF || c === CR) return this.lineBreak(k, i, c);
        return this.fail(); // text after a closing quote: papaparse decides and reports
      }
      // An unquoted field: up to the next delimiter or line break (quotes inside are data).
      // indexOf finds them faster than a character loop; the next positions are kept between
      // fields and rows, and the row's end is worked out once (again only after a quoted line break).
      if (lineEnd < i) {
        if (this.nextLf < i) this.nextLf = indexOrEnd(text, '\n', i);
        if (this.nextCr < i) this.nextCr = this.hasCr ? indexOrEnd(text, '\r', i) : n;
        lineEnd = this.nextLf < this.nextCr ? this.nextLf : this.nextCr;
      }
      let nd = this.nextD;
      if (nd < i) this.nextD = nd = indexOrEnd(text, this.delimiter, i);
      const j = nd < lineEnd ? nd : lineEnd;
      if (k >= this.from.length) this.grow();
      this.from[k] = i;
      this.to[k] = j;
      this.kind[k] = PLAIN;
      k++;
      if (j >= n) return this.end(k, j, n);
      if (j === nd) {
        i = j + 1;
        if (i >= n) return this.cellAt(k, n, n, PLAIN, k + 1, n) && this.end(k + 1, n, n);
        continue;
      }
      return this.lineBreak(k, j, text.charCodeAt(j));
    }
  }

  /** Cell k of the row just read, as parseCsvFast gives it. */
  cell(k: number): string {
    const a = this.from[k]!;
    const b = this.to[k]!;
    const kind = this.kind[k]!;
    const text = this.text;
    if (kind === PLAIN) {
      const len = b - a;
      if (len === 0) return '';
      if (len > SHORT) return text.slice(a, b);
      // Codes, years and site ids repeat down a column: reuse the string seen last in this slot
      // instead of allocating a copy per row (fewer live strings, much less garbage-collector work).
      const slot = (len * 31 + text.charCodeAt(a) * 7 + text.charCodeAt(b - 1) + text.charCodeAt(a + (len >> 1)) * 131) & (SLOTS - 1);
      const seen = this.cache[slot]!;
      if (seen.length === len) {
        // A character loop: cheaper than startsWith's call for a dozen characters.
        let t = 0;
        while (t < len && seen.charCodeAt(t) === text.charCodeAt(a + t)) t++;
        if (t === len) return seen;
      }
      const cell = text.slice(a, b);
      this.cache[slot] = cell;
      return cell;
    }
    let value = text.slice(a, b);
    if (kind === QUOTED_ESCAPED) {
      if (value.indexOf('""') >= 0) value = value.replace(/""/g, '"');
      if (value.indexOf('\r') >= 0) value = value.replace(/\r\n?/g, '\n');
    }
    return value;
  }

  /** The row just read as strings. */
  cells(): string[] {
    const row = new Array<string>(this.count);
    for (let k = 0; k < this.count; k++) row[k] = this.cell(k);
    return row;
  }

  /** Records cell k; with count > 0 it also ends the row there (count cells, ending at rowEnd). */
  private cellAt(k: number, a: number, b: number, kind: number, count: number, rowEnd: number): boolean {
    if (k >= this.from.length) this.grow();
    this.from[k] = a;
    this.to[k] = b;
    this.kind[k] = kind;
    if (count > 0) {
      this.count = count;
      this.rowEnd = rowEnd;
    }
    return true;
  }

  private end(count: number, rowEnd: number, n: number): boolean {
    this.count = count;
    this.rowEnd = rowEnd;
    this.pos = n;
    this.finished = true;
    return true;
  }

  private lineBreak(count: number, at: number, c: number): boolean {
    const text = this.text;
    this.count = count;
    this.rowEnd = at;
    this.pos = at + (c === CR && at + 1 < text.length && text.charCodeAt(at + 1) === LF ? 2 : 1);
    return true;
  }

  private fail(): boolean {
    this.failed = true;
    this.finished = true;
    this.count = 0;
    return false;
  }

  private grow(): void {
    const size = this.from.length * 2;
    const from = new Int32Array(size);
    const to = new Int32Array(size);
    const kind = new Uint8Array(size);
    from.set(this.from);
    to.set(this.to);
    kind.set(this.kind);
    this.from = from;
    this.to = to;
    this.kind = kind;
  }
}

/** Text from `start` parsed into rows of cells, or null when papaparse must decide. */
export function parseCsvFast(text: string, delimiter: string, start = 0): string[][] | null {
  const reader = CsvRows.open(text, delimiter, start);
  if (reader === null) return null;
  const rows: string[][] = [];
  while (reader.next()) rows.push(reader.cells());
  return reader.failed ? null : rows;
}

/** text.indexOf(what, from), or the text's length when absent (so it compares as "later than anything"). */
export function indexOrEnd(text: string, what: string, from: number): number {
  const k = text.indexOf(what, from);
  return k < 0 ? text.length : k;
}
