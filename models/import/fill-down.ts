import type { Cell } from './types';

/**
 * Fill-down of keys shown only on a group's first row ("Fund 110" once, then its lines below).
 *
 * The rule, kept narrow so it can never invent data:
 * - only columns mapped to a field of kind `id` (fund_code, object, site_id, …); an optional one
 *   (site_id in Budget, role in Plans) only when at least three groups show the pattern — one
 *   filled cell above blanks in an optional column is a sparse value, not a group key;
 * - only columns that show the show-once pattern in this sheet (groupedColumns): the first data row
 *   has the key, some rows leave it blank, and a filled cell almost never repeats the key of the row
 *   just above it. An export that repeats keys on consecutive rows is not grouped: its blanks are
 *   missing data (rejected when the field is required) or mean "none" (a blank site_id in Budget
 *   is a district-wide line) and stay blank;
 * - only when another id/text column of the same row is filled (a description, another key: the row
 *   is a line of the group, not a stray total of figures);
 * - only below a group start (a row where the key is filled) and never across a total, subtotal or
 *   footer row, which ends the group.
 */
export class FillDown {
  private readonly last: (Cell | undefined)[];
  constructor(
    /** Column indexes that may be filled down. */
    readonly columns: readonly number[],
    /** Column indexes whose being filled shows the row is a line of the group. */
    readonly witnesses: readonly number[],
  ) {
    this.last = columns.map(() => undefined);
  }

  /** Remembers group starts and fills blanks in `row` in place of reading; returns the cells to use. */
  fill(row: readonly Cell[], out: Cell[]): void {
    for (let i = 0; i < this.columns.length; i++) {
      const c = this.columns[i]!;
      const v = row[c] ?? null;
      if (!isBlank(v)) {
        this.last[i] = v;
        out[i] = v;
        continue;
      }
      const prev = this.last[i];
      out[i] = prev !== undefined && this.hasWitness(row, c) ? prev : v;
    }
  }

  /** A total or subtotal ends the group. */
  reset(): void {
    for (let i = 0; i < this.last.length; i++) this.last[i] = undefined;
  }

  private hasWitness(row: readonly Cell[], self: number): boolean {
    for (const w of this.witnesses) if (w !== self && !isBlank(row[w] ?? null)) return true;
    return false;
  }
}

export function isBlank(v: Cell | undefined): boolean {
  return v === null || v === undefined || v === '' || (typeof v === 'string' && v.trim() === '');
}

/** The columns among `cols` that look like keys shown once per group (see the rule above). */
export function groupedColumns(rows: readonly (readonly Cell[] | undefined)[], from: number, cols: readonly number[], minStarts: (c: number) => number = () => 1): number[] {
  const t = new GroupTracker(cols, minStarts);
  for (let r = from; r < rows.length && t.live > 0; r++) {
    const row = rows[r];
    if (row) t.feed(row);
  }
  return t.grouped();
}

/**
 * groupedColumns one row at a time, for an importer that never holds the whole sheet
 * (csv-direct.ts). Per column: undecided while reading; "no" as soon as the first data row
 * leaves it blank or keys repeat on consecutive rows too often; "yes" at the end when some rows
 * in a group left it blank, repeats stayed rare and enough groups started.
 */
export class GroupTracker {
  /** Columns still undecided; feeding more rows can stop when it is 0. */
  live: number;
  private readonly dead: boolean[];
  private readonly first: (boolean | null)[];
  private readonly starts: number[];
  private readonly blanksInGroup: number[];
  private readonly repeats: number[];
  private readonly prev: (Cell | undefined)[];
  private readonly seen: boolean[];

  constructor(
    readonly cols: readonly number[],
    private readonly minStarts: (c: number) => number = () => 1,
  ) {
    this.live = cols.length;
    this.dead = cols.map(() => false);
    this.first = cols.map(() => null);
    this.starts = cols.map(() => 0);
    this.blanksInGroup = cols.map(() => 0);
    this.repeats = cols.map(() => 0);
    this.prev = cols.map(() => undefined);
    this.seen = cols.map(() => false);
  }

  /** One data row (a blank row counts for nothing). */
  feed(row: readonly Cell[]): void {
    let allBlank: boolean | null = null;
    for (let i = 0; i < this.cols.length; i++) {
      if (this.dead[i]) continue;
      const v = row[this.cols[i]!] ?? null;
      const blank = isBlank(v);
      if (blank && (allBlank ??= row.every(isBlank))) continue;
      this.step(i, v, blank);
    }
  }

  /** One cell of column cols[i] in a row known to have a filled cell. */
  feedCell(i: number, v: Cell): void {
    if (!this.dead[i]) this.step(i, v, isBlank(v));
  }

  private step(i: number, v: Cell, blank: boolean): void {
    if (this.first[i] === null) {
      this.first[i] = !blank;
      if (blank) return this.kill(i);
    }
    if (blank) {
      if (this.seen[i]) this.blanksInGroup[i]!++;
      this.prev[i] = undefined;
      return;
    }
    this.seen[i] = true;
    const starts = ++this.starts[i]!;
    if (this.prev[i] !== undefined && this.prev[i] === v) {
      // Keys repeated on consecutive rows: not a show-once export; no need to read further.
      const repeats = ++this.repeats[i]!;
      if (repeats > 20 && repeats * 20 > starts) return this.kill(i);
    }
    this.prev[i] = v;
  }

  private kill(i: number): void {
    this.dead[i] = true;
    this.live--;
  }

  /** The columns that look grouped, given the rows fed so far. */
  grouped(): number[] {
    return this.cols.filter((c, i) => !this.dead[i] && this.blanksInGroup[i]! > 0 && this.repeats[i]! * 20 <= this.starts[i]! && this.starts[i]! >= this.minStarts(c));
  }
}
