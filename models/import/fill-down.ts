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
  return cols.filter((c) => {
    let first: boolean | null = null;
    let starts = 0;
    let blanksInGroup = 0;
    let repeats = 0;
    let prev: Cell | undefined;
    let seen = false;
    for (let r = from; r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      const v = row[c] ?? null;
      const blank = isBlank(v);
      if (blank && row.every(isBlank)) continue;
      if (first === null) {
        first = !blank;
        if (!first) return false;
      }
      if (blank) {
        if (seen) blanksInGroup++;
        prev = undefined;
        continue;
      }
      seen = true;
      starts++;
      if (prev !== undefined && prev === v) {
        // Keys repeated on consecutive rows: not a show-once export; no need to read further.
        if (++repeats > 20 && repeats * 20 > starts) return false;
      }
      prev = v;
    }
    return blanksInGroup > 0 && repeats * 20 <= starts && starts >= minStarts(c);
  });
}
