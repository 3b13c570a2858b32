import type { Cell, Grid, ImportOptions } from './types';
import type { XlsxStream } from './read/index';
import { DATE1904_NOTE, sheetTooLarge } from './read/xlsx/read-xlsx';
import { MAX_CELLS } from './read/limits';
import { newScanState, scanRows, sheetTags, SheetTooLarge, type SheetTags } from './read/xlsx/sheet';
import { rootPrefix } from './read/xlsx/xml';
import { streamEntry } from './read/zip';
import { DIRECT_PREFIX_ROWS, type DirectImport } from './csv-direct';
import { GroupTracker } from './fill-down';
import { SheetImport } from './sheet-import';
import { finishImport, planImport, sampleRows, SAMPLE_ROWS, type ImportJob, type ImportProgress } from './table';

/**
 * A big .xlsx sheet imported as it is inflated: the same rows and report as reading it into a grid
 * and running importTable (test/models/import/xlsx-direct.test.ts checks that by property), without
 * the sheet's XML or its grid ever being whole in memory. A million-line sheet is 300 MB of XML
 * and as much again of grid; this holds one piece of XML (a few hundred KB) and the typed rows.
 *
 * The sheet is inflated piece by piece, each piece cut after its last </row> and read by the same
 * scanner as the grid reader (read/xlsx/sheet.ts), so a row is handed on whole. As in
 * csv-direct.ts, the plan (header, title block, mapping) comes from the first rows; then each row
 * goes to SheetImport.row as importTable would send it, and a GroupTracker checks that no column
 * needed fill-down. Anything this path cannot promise to read as the grid path would — merged
 * cells (listed after the rows), rows out of order, fill-down, a spread, markup that never closes,
 * a row of more than 16M characters, UTF-16 XML — makes it return null, and the caller reads the
 * file the usual way.
 */

/** A piece of XML this long without a </row> is a crafted or broken sheet: the grid path decides. */
const MAX_CARRY = 16 * 2 ** 20;

/** Why the stream hands the sheet back to the grid path (never seen outside this file). */
class Fallback extends Error {}

export interface StreamTuning {
  /** Rows planned from (csv-direct.ts's DIRECT_PREFIX_ROWS). */
  prefixRows?: number;
  /** Largest piece of XML bytes decoded and scanned at once; tests make it tiny to cut everywhere. */
  pieceBytes?: number;
}

export function importXlsxStream(src: XlsxStream, opts: ImportOptions, progress?: ImportProgress, tuning: StreamTuning = {}): DirectImport | null {
  const rows = new RowSink(src, opts, tuning.prefixRows ?? DIRECT_PREFIX_ROWS);
  try {
    readPieces(src, rows, progress, tuning.pieceBytes ?? PIECE_BYTES);
  } catch (e) {
    if (e instanceof Fallback) return null;
    if (e instanceof SheetTooLarge) throw sheetTooLarge(src.file, src.sheet.name, MAX_CELLS);
    throw e;
  }
  const done = rows.finish();
  if (done === null) return null;
  const notes = src.date1904 ? [...src.notes, DATE1904_NOTE] : src.notes;
  return { imported: done, notes, sheet: src.sheet.name };
}

/** Inflates the sheet part and scans it piece by piece into `sink`. */
function readPieces(src: XlsxStream, sink: RowSink, progress: ImportProgress | undefined, pieceBytes: number): void {
  const decoder = new TextDecoder('utf-8');
  const st = newScanState();
  const rowAt = (r: number): Cell[] => sink.rowAt(r);
  const total = src.entry.size;
  let inflated = 0;
  let reported = 0;
  let carry = '';
  let tags: SheetTags | null = null;
  let phase: 'head' | 'rows' | 'tail' = 'head';
  let first = true;

  const scan = (text: string, to: number): void => {
    if (!scanRows(text, 0, to, tags!, src.ctx, st, rowAt)) throw new Fallback();
  };
  const take = (text: string, final: boolean): void => {
    if (phase === 'head') {
      // The root element's prefix ('' or 'x:') from the first 4 KB, as parseSheet finds it.
      if (tags === null) {
        if (text.length < 4096 && !final) return void (carry = text);
        tags = sheetTags(rootPrefix(text, 'worksheet'));
      }
      const p = tags.prefix;
      const at = text.indexOf(`<${p}sheetData`);
      const gt = at < 0 ? -1 : text.indexOf('>', at);
      if (gt < 0) {
        if (final || text.length > MAX_CARRY) throw new Fallback();
        return void (carry = text);
      }
      if (text.charCodeAt(gt - 1) === 47) throw new Fallback(); // <sheetData/>: no rows
      phase = 'rows';
      text = text.slice(gt + 1);
    }
    if (phase === 'rows') {
      const p = tags!.prefix;
      const end = text.indexOf(`</${p}sheetData>`);
      if (end >= 0) {
        scan(text, end);
        phase = 'tail';
        text = text.slice(end + `</${p}sheetData>`.length);
      } else if (final) {
        // No </sheetData>: parseSheet reads to the end of the part.
        scan(text, text.length);
        return;
      } else {
        const close = `</${p}row>`;
        const cut = text.lastIndexOf(close);
        if (cut < 0) {
          if (text.length > MAX_CARRY) throw new Fallback();
          return void (carry = text);
        }
        scan(text, cut + close.length);
        carry = text.slice(cut + close.length);
        return;
      }
    }
    // After the rows: merged cells or a second sheetData change what the rows mean; let the grid path read them.
    const p = tags!.prefix;
    if (text.includes(`<${p}mergeCell`) || text.includes('sheetData') || text.includes(`<${p}row`)) throw new Fallback();
    // Keep a tag's worth, in case one is cut between two pieces.
    carry = text.slice(-64);
  };

  streamEntry(src.bytes, src.entry, src.budget, (chunk) => {
    if (first) {
      first = false;
      // UTF-16 sheet XML (allowed, never seen from Excel): the grid path decodes it.
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) throw new Fallback();
    }
    inflated += chunk.length;
    for (let at = 0; at < chunk.length; at += pieceBytes) {
      const text = carry + decoder.decode(chunk.subarray(at, Math.min(chunk.length, at + pieceBytes)), { stream: true });
      carry = '';
      take(text, false);
    }
    if (progress !== undefined && inflated - reported >= PROGRESS_BYTES) {
      reported = inflated;
      progress(inflated, total);
    }
  });
  take(carry + decoder.decode(), true);
  sink.end(st);
  progress?.(total, total);
}

/** fflate hands out a few MB at a time; decoded and scanned in 1 MB pieces, the XML held at once stays small. */
const PIECE_BYTES = 2 ** 20;

/** Progress is told every 4 MB of XML (about 12,000 budget lines). */
const PROGRESS_BYTES = 4 * 2 ** 20;

/**
 * Rows as the scanner finishes them, in order: the first `prefixRows` (blanks included) kept as a
 * grid to plan the import from, every later one read straight away.
 */
class RowSink {
  private current = -1;
  private row: Cell[] = [];
  /** The next row index to hand on; rows between it and a filled row are blank. */
  private next = 0;
  private readonly prefix: Cell[][] = [];
  private job: ImportJob | null = null;
  private sheet: SheetImport | null = null;
  private groups: GroupTracker | null = null;
  private readonly grid: Grid;

  constructor(
    private readonly src: XlsxStream,
    private readonly opts: ImportOptions,
    private readonly prefixRows: number,
  ) {
    this.grid = { file: src.file, sheet: src.sheet.name, rows: this.prefix, date1904: src.date1904, hidden: src.sheet.hidden };
  }

  /** The scanner's RowAt: charges the cell budget as parseSheet does, and hands the previous row on. */
  rowAt(r: number): Cell[] {
    if (r === this.current) return this.row;
    if (r < this.current) throw new Fallback(); // rows out of order: the grid path puts them in place
    const budget = this.src.ctx.cellBudget;
    if ((budget.remaining -= r - this.current) < 0) throw new SheetTooLarge();
    this.emit();
    this.current = r;
    this.row = [];
    return this.row;
  }

  /** The last row, once the sheet's XML has been read. */
  end(st: { rowIndex: number }): void {
    // Cells before any <row> (st.rowIndex 0 without a row tag) make a one-row sheet: too small to stream.
    if (this.current < 0 && st.rowIndex >= 0) throw new Fallback();
    this.emit();
  }

  /** Filled rows go on with the blank rows before them; blank rows at the end are dropped, as parseSheet drops them. */
  private emit(): void {
    if (this.current < 0 || this.row.length === 0) return;
    for (let r = this.next; r < this.current; r++) this.deliver([], r);
    this.deliver(this.row, this.current);
    this.next = this.current + 1;
  }

  private deliver(row: Cell[], r: number): void {
    const sheet = this.sheet;
    if (sheet === null) {
      this.prefix.push(row);
      if (this.prefix.length === this.prefixRows) this.plan();
      return;
    }
    const groups = this.groups!;
    if (groups.live > 0) groups.feed(row);
    sheet.row(row, r);
  }

  /** Plans from the prefix as csv-direct.ts does, then reads the prefix's data rows. */
  private plan(): void {
    const job = planImport([this.grid], this.opts);
    if (job.plans.length !== 1) throw new Fallback();
    const plan = job.plans[0]!;
    if (plan.spread !== null || sampleRows(this.grid, plan.header.row + 1).length < SAMPLE_ROWS) throw new Fallback();
    const sheet = new SheetImport(plan, job.kind, job.fields, job.report, job.rows, this.opts, 'none');
    const groups = new GroupTracker(sheet.fillCandidates, sheet.witnesses);
    this.job = job;
    this.sheet = sheet;
    this.groups = groups;
    for (let r = plan.header.row + 1; r < this.prefix.length; r++) {
      const row = this.prefix[r]!;
      if (groups.live > 0) groups.feed(row);
      sheet.row(row, r);
    }
  }

  /** The import, or null when the sheet was too short to plan from or a column needed fill-down. */
  finish(): ReturnType<typeof finishImport> | null {
    if (this.sheet === null || this.groups!.grouped().length > 0) return null;
    this.sheet.finish();
    return finishImport(this.job!);
  }
}
