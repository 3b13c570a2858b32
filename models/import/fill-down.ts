import type { Cell, Grid } from './types';
import { excludeReason } from './exclude';

/**
 * Fill-down of keys shown only on a group's first row ("Location 101" once, then its lines below),
 * as report writers print them. A blank in a table laid out like the Steward workbook means what it
 * says — a blank site_id in Budget or Needs is a district-wide line, a blank required key is missing
 * data — so fill-down needs the sheet's layout to show grouping, column by column:
 *
 * - only columns mapped to a field of kind `id` (fund_code, object, site_id, …);
 * - merged cells: a key merged down over several rows (a vertical merge starting below the header)
 *   fills exactly the rows of its merge, and nothing else in that column;
 * - otherwise the show-once pattern over several groups (groupedColumns / GroupTracker): the first
 *   data row has the key; a filled cell almost never repeats the key of the group before it (a
 *   table that repeats keys is not grouped, whatever its blanks mean); AND evidence of a report
 *   layout, one of
 *   - subtotal rows ending the groups: at least two subtotal rows, and at least one for every two
 *     groups, each closing a group of this column and carrying its key ("101 - Total") or standing
 *     in this column ("Subtotal") — or every group closed by a subtotal naming its key, even a
 *     single group ("900", its lines, "900 - Total"); then any group may leave the key blank below
 *     its first row; or
 *   - blank runs typical of groups: at least three groups leave the key blank below their first
 *     row, they are at least two thirds of all groups, and their blank runs average two rows or more.
 *   A column filled on most rows with occasional blanks (a district-wide line or need at the end,
 *   among others) is therefore never grouped;
 * - a blank is filled only below a group start, only when another id/text column of the same row is
 *   filled (the row is a line of the group, not a stray total of figures), and never across a total,
 *   subtotal or footer row, which ends the group.
 *
 * Each fill is reported (ImportReport.filledDown: column, count, rows) and ImportOptions.fillDown
 * = false turns it off.
 */

/** Why a column is filled down. */
export type FillVia = 'subtotals' | 'runs' | 'merged';

/** One column chosen for fill-down, and the layout that showed it is grouped. */
export interface GroupedColumn {
  col: number;
  via: FillVia;
  /** For 'merged': the merges' row ranges (0-based, inclusive, top row first), in row order. */
  merges?: [number, number][];
}

export class FillDown {
  private readonly last: (Cell | undefined)[];
  /** Per column: rows filled (1-based), as [from, to] runs of consecutive rows. */
  readonly filled: [number, number][][];
  readonly counts: number[];

  constructor(
    /** Column indexes that may be filled down, with how each was chosen. */
    readonly columns: readonly GroupedColumn[],
    /** Column indexes whose being filled shows the row is a line of the group. */
    readonly witnesses: readonly number[],
    /** The sheet's rows, for the values of merged cells (a merge's top cell may be on a row not read as data). */
    private readonly rows: readonly (readonly Cell[] | undefined)[] = [],
  ) {
    this.last = columns.map(() => undefined);
    this.filled = columns.map(() => []);
    this.counts = columns.map(() => 0);
  }

  /**
   * Fills blanks of grid row `r` into `out` (one cell per column, in the order of `columns`);
   * remembers group starts. `out[i]` is the cell to read for column i.
   */
  fill(row: readonly Cell[], r: number, out: Cell[]): void {
    for (let i = 0; i < this.columns.length; i++) {
      const c = this.columns[i]!.col;
      const v = row[c] ?? null;
      if (!isBlank(v)) {
        this.last[i] = v;
        out[i] = v;
        continue;
      }
      const merges = this.columns[i]!.merges;
      // A merged key: the merge's top cell, for exactly the rows the merge covers.
      const prev = merges ? this.mergedValue(merges, r, c) : this.last[i] !== undefined && this.hasWitness(row, c) ? this.last[i] : undefined;
      if (prev === undefined) out[i] = v;
      else {
        out[i] = prev;
        this.record(i, r + 1);
      }
    }
  }

  /** A total or subtotal ends the group. */
  reset(): void {
    for (let i = 0; i < this.last.length; i++) this.last[i] = undefined;
  }

  /** The value of the merge covering row r below its top row, if any (binary search: merges do not overlap). */
  private mergedValue(merges: readonly [number, number][], r: number, c: number): Cell | undefined {
    let lo = 0;
    let hi = merges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [top, bottom] = merges[mid]!;
      if (r <= top) hi = mid - 1;
      else if (r > bottom) lo = mid + 1;
      else {
        const v = this.rows[top]?.[c];
        return v === undefined || isBlank(v) ? undefined : v;
      }
    }
    return undefined;
  }

  private record(i: number, rowNo: number): void {
    this.counts[i]!++;
    const runs = this.filled[i]!;
    const lastRun = runs[runs.length - 1];
    if (lastRun !== undefined && lastRun[1] === rowNo - 1) lastRun[1] = rowNo;
    else runs.push([rowNo, rowNo]);
  }

  private hasWitness(row: readonly Cell[], self: number): boolean {
    for (const w of this.witnesses) if (w !== self && !isBlank(row[w] ?? null)) return true;
    return false;
  }
}

/** `label` contains `key` as a whole word: "101 - Total" names 101, "Fund 110 - Total" does not name 1. */
function namesKey(label: string, key: string): boolean {
  if (key === '') return false;
  let at = label.indexOf(key);
  while (at >= 0) {
    const before = at === 0 ? '' : label[at - 1]!;
    const after = label[at + key.length] ?? '';
    if (!/[A-Za-z0-9]/.test(before) && !/[A-Za-z0-9]/.test(after)) return true;
    at = label.indexOf(key, at + 1);
  }
  return false;
}

export function isBlank(v: Cell | undefined): boolean {
  return v === null || v === undefined || v === '' || (typeof v === 'string' && v.trim() === '');
}

/**
 * The columns among `cols` to fill down in a grid (see the rule above): those with vertical merges
 * below the header, then those whose rows show the show-once pattern with report-layout evidence.
 */
export function groupedColumns(grid: Grid, from: number, cols: readonly number[], witnesses: readonly number[]): GroupedColumn[] {
  const merged = new Map<number, [number, number][]>();
  for (const m of grid.merges ?? []) {
    if (m.e.r > m.s.r && m.s.r >= from && cols.includes(m.s.c)) {
      const list = merged.get(m.s.c) ?? [];
      list.push([m.s.r, m.e.r]);
      merged.set(m.s.c, list);
    }
  }
  const rest = cols.filter((c) => !merged.has(c));
  const t = new GroupTracker(rest, witnesses);
  const rows = grid.rows;
  for (let r = from; r < rows.length && t.live > 0; r++) {
    const row = rows[r];
    if (row) t.feed(row);
  }
  return [...[...merged].map(([col, ranges]) => ({ col, via: 'merged' as const, merges: ranges.sort((a, b) => a[0] - b[0]) })), ...t.grouped()].sort((a, b) => cols.indexOf(a.col) - cols.indexOf(b.col));
}

/**
 * The show-once test one row at a time, for an importer that never holds the whole sheet
 * (csv-direct.ts) as well as for a grid. Each row is classified from its own cells only (blank,
 * total/subtotal/footer, no key at all, or a data row), so every caller that feeds the same rows
 * gets the same answer. Per column: "no" as soon as the first data row leaves it blank or keys
 * restart too often; otherwise decided at the end (grouped()).
 */
export class GroupTracker {
  /** Columns still undecided; feeding more rows can stop when it is 0. */
  live: number;
  private readonly dead: boolean[];
  private readonly started: boolean[];
  /** Filled cells: each starts a group. */
  private readonly starts: number[];
  /** Starts whose key equals the previous group's (consecutive rows included): a show-once key never does. */
  private readonly repeats: number[];
  private readonly lastKey: (Cell | undefined)[];
  private readonly open: boolean[];
  /** Blanks below the current group's start. */
  private readonly run: number[];
  private readonly blanks: number[];
  private readonly groupsWithBlanks: number[];
  /** Subtotal rows that closed a group of the column and carry its key or stand in it. */
  private readonly subtotalEnds: number[];
  /** Of those, the ones whose label names the group's key as a word ("900 - Total" after group 900). */
  private readonly namedEnds: number[];

  constructor(
    readonly cols: readonly number[],
    /** Mapped id/text columns: a row with none of them filled is not a line of a group. */
    readonly witnesses: readonly number[],
  ) {
    this.live = cols.length;
    const zeros = () => cols.map(() => 0);
    this.dead = cols.map(() => false);
    this.started = cols.map(() => false);
    this.open = cols.map(() => false);
    this.lastKey = cols.map(() => undefined);
    this.starts = zeros();
    this.repeats = zeros();
    this.run = zeros();
    this.blanks = zeros();
    this.groupsWithBlanks = zeros();
    this.subtotalEnds = zeros();
    this.namedEnds = zeros();
  }

  /** One row below the header, whatever it is. */
  feed(row: readonly Cell[]): void {
    if (this.live === 0) return;
    let filled = false;
    for (let c = 0; c < row.length; c++) {
      if (!isBlank(row[c])) {
        filled = true;
        break;
      }
    }
    if (!filled) return;
    const ex = excludeReason(row);
    // A subtotal ends the groups and may show they are groups; a grand total or a footer only ends them.
    if (ex) return this.endGroups(ex.kind === 'subtotal' ? ex : null);
    let line = false;
    for (const w of this.witnesses) {
      if (!isBlank(row[w] ?? null)) {
        line = true;
        break;
      }
    }
    // Figures with no key or label (an unlabelled totals row) end the groups too.
    if (!line) return this.endGroups(null);
    for (let i = 0; i < this.cols.length; i++) if (!this.dead[i]) this.step(i, row[this.cols[i]!] ?? null);
  }

  /** One cell of column cols[i] in a data row known to be a line (not blank, no total label, a key filled). */
  feedCell(i: number, v: Cell): void {
    if (!this.dead[i]) this.step(i, v);
  }

  private step(i: number, v: Cell): void {
    const blank = isBlank(v);
    if (!this.started[i]) {
      this.started[i] = true;
      if (blank) return this.kill(i);
    }
    if (blank) {
      if (this.open[i]) {
        this.run[i]!++;
        this.blanks[i]!++;
      }
      return;
    }
    if (this.open[i] && this.run[i]! > 0) this.groupsWithBlanks[i]!++;
    const starts = ++this.starts[i]!;
    if (this.lastKey[i] !== undefined && this.lastKey[i] === v) {
      const repeats = ++this.repeats[i]!;
      // Keys repeated from group to group: not a show-once layout; no need to read further.
      if (repeats > 20 && repeats * 20 > starts) return this.kill(i);
    }
    this.lastKey[i] = v;
    this.open[i] = true;
    this.run[i] = 0;
  }

  private endGroups(total: { label: string; column: number } | null): void {
    for (let i = 0; i < this.cols.length; i++) {
      if (this.dead[i] || !this.open[i]) continue;
      if (this.run[i]! > 0) this.groupsWithBlanks[i]!++;
      if (total !== null) {
        const named = this.lastKey[i] !== undefined && namesKey(total.label, String(this.lastKey[i]).trim());
        if (named) this.namedEnds[i]!++;
        if (named || total.column === this.cols[i]) this.subtotalEnds[i]!++;
      }
      this.open[i] = false;
      this.run[i] = 0;
      this.lastKey[i] = undefined;
    }
  }

  private kill(i: number): void {
    this.dead[i] = true;
    this.live--;
  }

  /** The columns that look grouped, given the rows fed so far (see the rule at the top). */
  grouped(): GroupedColumn[] {
    const out: GroupedColumn[] = [];
    for (let i = 0; i < this.cols.length; i++) {
      if (this.dead[i]) continue;
      const starts = this.starts[i]!;
      // The group still open at the end counts as well.
      const withBlanks = this.groupsWithBlanks[i]! + (this.open[i] && this.run[i]! > 0 ? 1 : 0);
      if (withBlanks < 1 || this.repeats[i]! * 20 > starts) continue;
      const subtotals = this.subtotalEnds[i]!;
      // Every group closed by a subtotal naming its key ("900", its lines, "900 - Total") is a report even with one group.
      if ((subtotals >= 2 && subtotals * 2 >= starts) || (this.namedEnds[i]! >= 1 && this.namedEnds[i] === starts)) out.push({ col: this.cols[i]!, via: 'subtotals' });
      else if (withBlanks >= 3 && withBlanks * 3 >= starts * 2 && this.blanks[i]! >= withBlanks * 2) out.push({ col: this.cols[i]!, via: 'runs' });
    }
    return out;
  }
}
