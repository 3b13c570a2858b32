import type { Cell, Grid, ImportOptions, TableImport } from './types';
import { Bad, isPlainTextAt, isTrimmed } from './convert';
import { fastCentsAt, fastNumberAt } from './text-numbers';
import { CsvRows, indexOrEnd, QUOTED_ESCAPED } from './read/csv-fast';
import { csvLayout, sheetNameOf } from './read/csv';
import { GroupTracker } from './fill-down';
import { SheetImport } from './sheet-import';
import { finishImport, planImport, sampleRows, SAMPLE_ROWS } from './table';

/**
 * A large CSV imported straight from its text: the same rows and report as parsing it into a
 * grid and running importTable (test/models/import/csv-direct.test.ts checks that by property),
 * without the grid. Numbers and amounts are read from the text in place, so a 100,000-line budget
 * makes no string per amount, and each row is read once.
 *
 * The plan (header, title block, mapping) comes from the first rows, parsed the usual way. After
 * them a row is read directly only when nothing about it is unusual: no "total" anywhere in it, no
 * cell starting with a space, at least three cells filled, a key or label filled, every mapped cell
 * converting cleanly. Any other row is turned into cells and read by the same step importTable
 * uses (sheet-import.ts), which reports its problems. Fill-down needs the whole sheet to decide,
 * so the columns are tracked as the rows go by (GroupTracker); if one turns out to be a show-once
 * key, or the file is small, has a quoting problem or needs a spread, this returns null and the
 * caller takes the grid path.
 */

/** Rows parsed the usual way before the direct reading starts; smaller files take the grid path. */
export const DIRECT_PREFIX_ROWS = 400;

export interface DirectImport {
  imported: TableImport<Record<string, unknown>>;
  /** What the layout step noticed (delimiter, "sep=" line). */
  notes: string[];
  sheet: string;
}

export function importCsvDirect(text: string, file: string, opts: ImportOptions, forceDelimiter?: string, prefixRows = DIRECT_PREFIX_ROWS): DirectImport | null {
  const layout = csvLayout(text, forceDelimiter);
  const csv = CsvRows.open(text, layout.delimiter, layout.start);
  if (csv === null) return null;
  const prefix: Cell[][] = [];
  while (prefix.length < prefixRows && csv.next()) {
    const row = csv.cells();
    prefix.push(row.length === 1 && row[0] === '' ? [] : row);
  }
  if (csv.failed || prefix.length < prefixRows) return null;
  const grid: Grid = { file, sheet: sheetNameOf(file), rows: prefix };
  const job = planImport([grid], opts);
  if (job.plans.length !== 1) return null;
  const plan = job.plans[0]!;
  // The plan must be the one the whole file would give: its sample of data rows complete within the prefix.
  if (plan.spread !== null || sampleRows(grid, plan.header.row + 1).length < SAMPLE_ROWS) return null;
  const sheet = new SheetImport(plan, job.kind, job.fields, job.report, job.rows, opts, 'none');
  if (sheet.fast === null) return null;
  const groups = new GroupTracker(sheet.fillCandidates, sheet.witnesses);
  for (let r = plan.header.row + 1; r < prefix.length; r++) {
    const row = prefix[r]!;
    if (groups.live > 0) groups.feed(row);
    sheet.row(row, r);
  }
  const readRows = directRowReader(csv, sheet, groups);
  if (readRows === null) return null;
  readRows(prefix.length);
  if (csv.failed || groups.grouped().length > 0) return null;
  sheet.finish();
  return { imported: finishImport(job), notes: layout.notes, sheet: grid.sheet };
}

/** A row the direct reader leaves: made into cells and read by SheetImport.row, which reports its problems. */
function readCarefully(st: ReaderState, r: number): void {
  const { si, groups } = st;
  syncCounts(st);
  const row: Cell[] = st.csv.cells();
  if (groups.live > 0) groups.feed(row);
  si.row(row, r);
  st.amount = si.amount;
  st.fte = si.fte;
  st.live = groups.live;
}

/** The direct reader's counts and totals handed to the SheetImport (in the order the rows came). */
function syncCounts(st: ReaderState): void {
  const si = st.si;
  si.rowsRead += st.accepted;
  si.accepted += st.accepted;
  st.accepted = 0;
  si.amount = st.amount;
  si.fte = st.fte;
}

/** A directly read row's cells in the columns that might be show-once keys (until that is decided). */
function feedGroups(st: ReaderState, count: number): void {
  const { csv, groups } = st;
  const cols = groups.cols;
  for (let t = 0; t < cols.length; t++) groups.feedCell(t, count > cols[t]! ? csv.cell(cols[t]!) : null);
  st.live = groups.live;
}

/**
 * Reads the CSV's remaining rows, the first being grid row `first`: each plain row straight
 * into a row object, every other one handed to `careful` (while it is the CSV's current row).
 * The loop is inside the generated function so that V8 optimises it once and reuses that code
 * on the next import instead of starting each file in unoptimised code.
 */
type DirectRow = (first: number) => void;

/**
 * The direct reader compiled for one sheet's mapping, like row-builder.ts's fast reader: each
 * column's reading is written out with its own converter call, so V8 sees one converter per call
 * site and inlines it. Its checks mirror SheetImport.row and the fast reader for a row without a
 * total label, blank-looking cells or fill-down; any doubt sends the row the careful way.
 * Null when code generation is not allowed (a renderer under a strict Content-Security-Policy).
 */
function directRowReader(csv: CsvRows, sheet: SheetImport, groups: GroupTracker): DirectRow | null {
  const cols = sheet.colCompiled;
  const header: string[] = [];
  const maxIndex = cols.length > 0 ? Math.max(...sheet.colIndex) : -1;
  const lines: string[] = [
    '  let nextLower = -1;',
    '  let nextUpper = -1;',
    '  const text = csv.text;',
    '  let r = first - 1;',
    '  let l = 0;',
    '  rows: while (csv.next()) {',
    '  r++;',
    '  const count = csv.count;',
    `  if (count <= ${maxIndex}) { careful(st, r); continue rows; }`,
    '  const start = csv.rowStart;',
    '  const end = csv.rowEnd;',
    // A total or subtotal label anywhere in the row: the careful way decides.
    "  if (nextLower < start) nextLower = indexOrEnd(text, 'otal', start);",
    '  if (nextLower < end) { careful(st, r); continue rows; }',
    "  if (nextUpper < start) nextUpper = indexOrEnd(text, 'OTAL', start);",
    '  if (nextUpper < end) { careful(st, r); continue rows; }',
    '  const from = csv.from;',
    '  const to = csv.to;',
    '  let filled = 0;',
    '  for (let k = 0; k < count; k++) {',
    '    const a = from[k];',
    '    if (a === to[k]) continue;',
    '    const c = text.charCodeAt(a);',
    '    if (c <= 32 || (c >= 128 && isTrimmed(c))) { careful(st, r); continue rows; }',
    '    filled++;',
    '  }',
    '  if (filled < 3) { careful(st, r); continue rows; }',
  ];
  // A key or label filled (witnesses are mapped columns, so within count).
  if (sheet.witnesses.length > 0) lines.push(`  if (!(${sheet.witnesses.map((k) => `from[${k}] < to[${k}]`).join(' || ')})) { careful(st, r); continue rows; }`);
  // Every column's reading may look at how its cell was quoted (numbers and plain text alike), so
  // the quoting kinds are always in scope: a text-only sheet (a sites list) reads them too.
  lines.push('  const kind = csv.kind;');
  cols.forEach((c, i) => {
    const k = sheet.colIndex[i]!;
    const empty = c.convert('') === undefined ? 'undefined' : `c${i}('')`;
    lines.push(`  let v${i};`, `  { const a = from[${k}], b = to[${k}];`, `    if (a === b) v${i} = ${empty};`);
    const t = c.numeric;
    if (t !== null) {
      const read = t.cents ? 'fastCentsAt(text, a, b)' : t.year ? 'b - a !== 4 ? undefined : fastNumberAt(text, a, b)' : 'fastNumberAt(text, a, b)';
      const bounds = `x !== undefined && x > ${num(t.min)} && x <= ${num(t.max)}${t.int ? ' && Number.isInteger(x)' : ''}`;
      lines.push(`    else if (kind[${k}] !== ${QUOTED_ESCAPED}) { const x = ${read}; v${i} = ${bounds} ? x : c${i}(csv.cell(${k})); }`);
    }
    const p = c.plain;
    if (p !== null) {
      // The converter would give the cell back as it is: skip its call. (The first character is
      // known not to be a space: the filled-cell loop above sends such rows the careful way.)
      const fits = Number.isFinite(p.max) ? ` && b - a <= ${p.max}` : '';
      const same = p.collapse ? 'isPlainTextAt(text, a, b)' : `(l = text.charCodeAt(b - 1)) > 32 && l !== 160`;
      lines.push(`    else if (kind[${k}] !== ${QUOTED_ESCAPED} && ${same}${fits}) v${i} = csv.cell(${k});`);
    }
    lines.push(`    else v${i} = c${i}(csv.cell(${k})); }`);
    const blank = c.optional ? (c.makeDefault ? `v${i} = d${i}();` : '') : '{ careful(st, r); continue rows; }';
    lines.push(`  if (v${i} === undefined) { ${blank} } else if (typeof v${i} === 'object' && v${i} instanceof Bad) { careful(st, r); continue rows; }`);
  });
  const props = [
    ...cols.map((c, i) => `${c.name}: v${i}`),
    ...sheet.constants.map((k, j) => `${k.name}: ${Array.isArray(k.value) ? `k${j}.slice()` : `k${j}`}`),
    ...sheet.defaults.map((d, j) => `${d.name}: e${j}()`),
    'src: { file, sheet: sheetName, row: r + 1 }',
  ];
  const primary = cols.findIndex((c) => c.name === sheet.primary);
  const fte = sheet.hasFte ? cols.findIndex((c) => c.name === 'fte') : -1;
  lines.push(
    '  st.accepted++;',
    `  out.push({ ${props.join(', ')} });`,
    ...(primary >= 0 ? [`  if (typeof v${primary} === 'number') st.amount += v${primary};`] : sheet.primary !== undefined ? ['  st.amount += constantAmount;'] : []),
    ...(fte >= 0 ? [`  if (typeof v${fte} === 'number') st.fte += v${fte};`] : sheet.hasFte ? ['  st.fte += constantFte;'] : []),
    '  if (st.live > 0) feedGroups(st, count);',
    '  }',
    '  syncCounts(st);',
    '};',
  );
  header.push(
    'return function readRows(st, first) {',
    '  const { csv, out, file, sheetName, constantAmount, constantFte, convs, defs, consts, extras } = st;',
    ...cols.map((c, i) => `  const c${i} = convs[${i}];${c.makeDefault ? ` const d${i} = defs[${i}];` : ''}`),
    ...sheet.constants.map((_, j) => `  const k${j} = consts[${j}].value;`),
    ...sheet.defaults.map((_, j) => `  const e${j} = extras[${j}].make;`),
  );
  const source = [...header, ...lines].join('\n');
  let read = readers.get(source);
  if (read === undefined) {
    // One function per distinct source, taking this import's state as an argument: the same
    // function on every import of the same shape, so V8 optimises it once and keeps that code
    // (a fresh closure per import was optimised again, mid-loop, on every file).
    try {
      read = (new Function('Bad', 'fastCentsAt', 'fastNumberAt', 'isTrimmed', 'isPlainTextAt', 'indexOrEnd', 'careful', 'feedGroups', 'syncCounts', source) as (...a: unknown[]) => ReadRows)(
        Bad, fastCentsAt, fastNumberAt, isTrimmed, isPlainTextAt, indexOrEnd, readCarefully, feedGroups, syncCounts,
      );
    } catch {
      return null;
    }
    if (readers.size >= 64) readers.clear();
    readers.set(source, read);
  }
  const st: ReaderState = {
    csv, si: sheet, out: sheet.out, groups, file: sheet.file, sheetName: sheet.sheet,
    constantAmount: constantNumber(sheet, sheet.primary), constantFte: constantNumber(sheet, 'fte'),
    convs: cols.map((c) => c.convert), defs: cols.map((c) => c.makeDefault), consts: sheet.constants, extras: sheet.defaults,
    accepted: 0, amount: sheet.amount, fte: sheet.fte, live: groups.live,
  };
  const fn = read;
  return (first) => fn(st, first);
}

/**
 * One import's values the generated reader works with. The reader touches no other per-import
 * object: optimised code checks the classes of the objects it reads, and when an import's
 * objects die with their classes (V8 collects unused shapes) that code is thrown away, so the next
 * import would start slow again. This object literal's shape lives as long as the reader.
 */
interface ReaderState {
  csv: CsvRows;
  si: SheetImport;
  out: Record<string, unknown>[];
  groups: GroupTracker;
  /** Rows read directly since the counts were last handed to `si` (syncCounts). */
  accepted: number;
  /** Running totals, in row order: `si`'s own between careful rows. */
  amount: number;
  fte: number;
  /** groups.live, as of the last row fed to it. */
  live: number;
  file: string;
  sheetName: string;
  constantAmount: number;
  constantFte: number;
  convs: readonly ((raw: never) => unknown)[];
  defs: readonly ((() => unknown) | null)[];
  consts: SheetImport['constants'];
  extras: SheetImport['defaults'];
}

type ReadRows = (st: ReaderState, first: number) => void;

const readers = new Map<string, ReadRows>();

/** What a sheet-wide value (--set amount=…, a default) adds to a total per row, as SheetImport.accept does. */
function constantNumber(sheet: SheetImport, name: string | undefined): number {
  if (name === undefined) return 0;
  const k = sheet.constants.find((c) => c.name === name);
  if (k) return typeof k.value === 'number' ? k.value : 0;
  const d = sheet.defaults.find((x) => x.name === name);
  if (d) {
    const v = d.make();
    return typeof v === 'number' ? v : 0;
  }
  return 0;
}

/** A bound as JavaScript source. */
function num(x: number): string {
  return Number.isFinite(x) ? String(x) : x > 0 ? 'Infinity' : '-Infinity';
}
