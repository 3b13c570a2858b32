import { ReadError, type ReadResult } from '../types';
import { encodingNote, parseCsvText } from './csv';
import { decodeText, looksBinary, type TextEncoding } from './decode';
import { finishGrids } from './finish-grids';
import { MAX_CELLS } from './limits';
import { readOds } from './read-ods';
import { readWithSheetJs } from './sheetjs';
import { NotOurXlsx, openXlsx, pickSheets, readXlsx, type XlsxSheetInfo } from './xlsx/read-xlsx';
import type { SheetContext } from './xlsx/sheet';
import { type InflateBudget, type InflateRaw, isZip, listEntries, readEntry, type ZipEntry, ZipProblem } from './zip';

/**
 * Bytes → grids (stage 1 of import). The file's first bytes decide the reader — extensions
 * lie (finance systems save HTML or tab-separated text as ".xls"); the extension only breaks
 * ties. Anything we cannot read ends as a ReadError naming the file, never a crash.
 *
 * Safe to call in-process only for trusted files: SheetJS (xls/ods) has known advisories, so
 * untrusted files go through host/read-file.ts, which runs this in a worker with limits.
 */

export interface ReadOptions {
  sheets?: 'all' | string[];
  /** A native raw-DEFLATE inflater from the host (see InflateRaw); fflate otherwise. */
  inflateRaw?: InflateRaw;
  /**
   * An .xlsx whose one sheet to read has a part of at least this many bytes is not read into a
   * grid: readBytesOrStream hands it back as an XlsxStream for import/xlsx-direct.ts.
   */
  streamSheetsFrom?: number;
}

/** One big worksheet of an .xlsx, opened but not read: its rows are streamed by import/xlsx-direct.ts. */
export interface XlsxStream {
  stream: 'xlsx';
  file: string;
  sheet: XlsxSheetInfo;
  /** What opening the workbook noticed, in readXlsx's order (the 1904 note comes last). */
  notes: string[];
  date1904: boolean;
  ctx: SheetContext;
  bytes: Uint8Array;
  entry: ZipEntry;
  budget: InflateBudget;
}

/** Inflated bytes a zip may produce: 100× its size, at least 64 MB, never above 512 MB. */
export function inflateCap(zipBytes: number): number {
  return Math.min(512 * 2 ** 20, Math.max(64 * 2 ** 20, zipBytes * 100));
}

export { MAX_CELLS } from './limits';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function extensionOf(name: string): string {
  const base = name.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

const startsWith = (b: Uint8Array, sig: readonly number[]): boolean => sig.every((x, i) => b[i] === x);

/** OLE compound file: legacy .xls, or an encrypted OOXML workbook (which Excel wraps in OLE). */
function oleHasStream(bytes: Uint8Array, name: string): boolean {
  // Directory entries store names as UTF-16LE; a byte search is enough to tell the two apart.
  const needle = [...name].flatMap((ch) => [ch.charCodeAt(0), 0]);
  const first = needle[0]!;
  outer: for (let i = bytes.indexOf(first); i >= 0 && i + needle.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    for (let k = 1; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

export function readBytes(bytes: Uint8Array, fileName: string, opts: ReadOptions = {}): ReadResult {
  const r = readBytesOrCsv(bytes, fileName, opts);
  return 'grids' in r ? r : readCsvText(r);
}

export { pickSheets };

/** A text file that reads as CSV: its decoded text, for the CSV reader or the direct importer (csv-direct.ts). */
export interface CsvText {
  text: string;
  encoding: TextEncoding;
  file: string;
  /** Tab for .tsv/.tab files. */
  forceDelimiter?: string;
  /** Said when the extension claims a workbook. */
  extNote?: string;
}

/** readBytes, stopping at the decoded text when the file is a CSV. */
export function readBytesOrCsv(bytes: Uint8Array, fileName: string, opts: ReadOptions = {}): ReadResult | CsvText {
  const { streamSheetsFrom: _, ...whole } = opts;
  return readBytesOrStream(bytes, fileName, whole) as ReadResult | CsvText;
}

/** readBytesOrCsv, also stopping at a big .xlsx sheet opened but not read (ReadOptions.streamSheetsFrom). */
export function readBytesOrStream(bytes: Uint8Array, fileName: string, opts: ReadOptions = {}): ReadResult | CsvText | XlsxStream {
  const file = fileName.replace(/^.*[\\/]/, '');
  try {
    const r = dispatch(bytes, file, opts);
    if ('grids' in r) finishGrids(r, file);
    return r;
  } catch (e) {
    throw asReadError(e, file);
  }
}

/** Runs `read` and turns what it throws into a ReadError as the readers do (for the streaming importer). */
export function withReadErrors<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    throw asReadError(e, file);
  }
}

/** The grid of a CSV's text, with what was noticed (encoding, delimiter, extension). */
export function readCsvText(c: CsvText): ReadResult {
  try {
    const r = parseCsvText(c.text, c.file, c.forceDelimiter);
    const note = encodingNote(c.encoding);
    if (note) r.notes.unshift(note);
    if (c.extNote) r.notes.unshift(c.extNote);
    return r;
  } catch (e) {
    throw asReadError(e, c.file);
  }
}

/** What a library said, for ReadError.detail (never for the message). */
export function detailOf(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`.slice(0, 2000);
  return String(e).slice(0, 2000);
}

/**
 * Every failure as a ReadError a finance user can act on: what is wrong with the file and what to
 * do about it. What the reader or library said underneath goes to `detail` (issue 16 item 6: raw
 * SheetJS TypeErrors reached 760 rejection messages).
 */
function asReadError(e: unknown, file: string): ReadError {
  if (e instanceof ReadError) return e;
  if (e instanceof ZipProblem) {
    const detail = e.detail ?? e.message;
    switch (e.kind) {
      case 'zip-bomb':
        return new ReadError(`${file} is refused as a possible zip bomb: ${e.message}`, file, 'zip-bomb', detail);
      case 'encrypted':
        return new ReadError(`${file} is password-protected; open it in Excel, remove the password (File → Info → Protect Workbook) and save a copy`, file, 'encrypted', detail);
      case 'unsupported':
        return new ReadError(`${file} is packed in a way Steward cannot read (${e.message}); open it in Excel or LibreOffice and save a copy as .xlsx`, file, 'unsupported', detail);
      default:
        return new ReadError(`${file} is damaged or incomplete (${e.message}); download or export it again, or open it in Excel and save a copy`, file, 'corrupt', detail);
    }
  }
  const msg = detailOf(e);
  if (e instanceof RangeError && /allocation|array length|memory|string length/i.test(msg)) {
    return new ReadError(`${file} is too large to read in one import; split it (e.g. one file per fund or year)`, file, 'too-large', msg);
  }
  return new ReadError(`${file} could not be read: it looks damaged, or it is not a spreadsheet; open it in Excel and save a copy as .xlsx, then import that`, file, 'corrupt', msg);
}

function dispatch(bytes: Uint8Array, file: string, opts: ReadOptions): ReadResult | CsvText | XlsxStream {
  const ext = extensionOf(file);
  if (bytes.length === 0) throw new ReadError(`${file} is empty (0 bytes)`, file, 'empty');
  if (startsWith(bytes, OLE)) {
    if (oleHasStream(bytes, 'EncryptedPackage')) {
      throw new ReadError(
        `${file} is a password-protected Excel workbook; open it in Excel, remove the password (File → Info → Protect Workbook) and save a copy`,
        file,
        'encrypted',
      );
    }
    return readWithSheetJs(bytes, file, 'xls', opts);
  }
  if (isZip(bytes)) return readZip(bytes, file, ext, opts);
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    throw new ReadError(`${file} is a damaged zip (its first entry is missing); it may be an incomplete download`, file, 'corrupt');
  }
  return readText(bytes, file, ext, opts);
}

const SHEETJS_TEXT_EXT = new Set(['fods', 'slk', 'sylk', 'dif', 'htm', 'html', 'xml', 'xls', 'xlsx', 'xlsm']);

function readText(bytes: Uint8Array, file: string, ext: string, opts: ReadOptions): ReadResult | CsvText {
  const decoded = decodeText(bytes);
  const encoding = decoded.encoding;
  // Some mainframe and ERP exports pad the file with NULs to a block size: not data.
  // (Trimmed by hand: a /\0+$/ regex scans the whole text, several ms on a 100,000-line file.)
  let end = decoded.text.length;
  while (end > 0 && decoded.text.charCodeAt(end - 1) === 0) end--;
  const text = end === decoded.text.length ? decoded.text : decoded.text.slice(0, end);
  if (text.trim() === '') throw new ReadError(`${file} has no content (only whitespace)`, file, 'empty');
  if (looksBinary(text)) {
    throw new ReadError(`${file} is not a spreadsheet or a text (CSV) file Steward can read — it looks like binary data`, file, 'unsupported');
  }
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  const markup = head.startsWith('<');
  // Flat ODS, SpreadsheetML 2003 and HTML tables saved as ".xls" are spreadsheets in text form.
  if (markup && SHEETJS_TEXT_EXT.has(ext) && head.includes('office:document')) {
    // A flat OpenDocument spreadsheet (.fods): our own reader, as for .ods.
    return readOds(text, file, opts);
  }
  if (markup && SHEETJS_TEXT_EXT.has(ext)) {
    const format = ext === 'fods' || head.includes('opendocument') ? 'ods' : 'other';
    const r = readWithSheetJs(text, file, format, opts, 'markup');
    if (ext.startsWith('xls')) r.notes.unshift(`${file} is a markup (HTML/XML) file saved with a .${ext} extension`);
    return r;
  }
  if ((ext === 'slk' || ext === 'sylk') && head.startsWith('id;')) return readWithSheetJs(text, file, 'other', opts, 'sylk');
  if (ext === 'dif' && head.startsWith('table')) return readWithSheetJs(text, file, 'other', opts, 'dif');
  if (markup && (ext === '' || ext === 'csv' || ext === 'txt')) {
    throw new ReadError(`${file} looks like an HTML/XML document, not a CSV; save it as .html or export CSV again`, file, 'unsupported');
  }
  const csv: CsvText = { text, encoding, file };
  if (ext === 'tsv' || ext === 'tab') csv.forceDelimiter = '\t';
  if (ext === 'xls' || ext === 'xlsx' || ext === 'xlsm') csv.extNote = `${file} is a text file saved with a .${ext} extension; read as delimited text`;
  return csv;
}

function readZip(bytes: Uint8Array, file: string, ext: string, opts: ReadOptions): ReadResult | XlsxStream {
  const entries = listEntries(bytes);
  const cap = inflateCap(bytes.length);
  // Refuse before inflating when the XML parts (the only ones we inflate) declare too much;
  // images and other media in the package are never inflated, so they do not count.
  let declared = 0;
  for (const e of entries) if (/\.(xml|rels)$/i.test(e.name) || e.name === 'mimetype') declared += e.size;
  const budget = { remaining: cap, ...(opts.inflateRaw ? { inflateRaw: opts.inflateRaw } : {}) };
  const byName = new Map<string, ZipEntry>(entries.map((e) => [e.name, e]));

  const mimetype = byName.get('mimetype');
  if (mimetype || (byName.has('content.xml') && byName.has('META-INF/manifest.xml') && !byName.has('[Content_Types].xml'))) {
    const mt = mimetype ? new TextDecoder().decode(readEntry(bytes, mimetype, { remaining: 1024 })).trim() : 'application/vnd.oasis.opendocument.spreadsheet';
    if (mt.startsWith('application/vnd.oasis.opendocument.spreadsheet')) {
      checkDeclared(declared, cap, file);
      return readOdsPackage(bytes, byName, budget, file, opts);
    }
    const what = /opendocument\.(text|presentation|graphics)/.exec(mt)?.[1];
    throw new ReadError(`${file} is an OpenDocument ${what === 'text' ? 'text document' : what ?? 'file'}, not a spreadsheet`, file, 'unsupported', `mimetype ${mt.slice(0, 200)}`);
  }
  if (entries.some((e) => /(^|\/)Index\/Document\.iwa$|\.numbers\/?$/i.test(e.name)) || ext === 'numbers') {
    throw new ReadError(`${file} is an Apple Numbers document; in Numbers choose File → Export To → Excel, then import the .xlsx`, file, 'unsupported');
  }
  if (!byName.has('[Content_Types].xml')) {
    throw new ReadError(`${file} is a zip archive but not a spreadsheet (no [Content_Types].xml)`, file, 'unsupported');
  }
  if (entries.some((e) => e.encrypted)) {
    throw new ReadError(`${file} has password-protected (encrypted) zip entries`, file, 'encrypted');
  }
  if (ext === 'docx' || ext === 'pptx' || byName.has('word/document.xml') || byName.has('ppt/presentation.xml')) {
    throw new ReadError(`${file} is a Word or PowerPoint document, not a spreadsheet`, file, 'unsupported');
  }
  checkDeclared(declared, cap, file);
  if (ext !== 'xlsb' && !byName.has('xl/workbook.bin')) {
    try {
      const xlsxOpts = { ...(opts.sheets ? { sheets: opts.sheets } : {}), maxCells: MAX_CELLS };
      if (opts.streamSheetsFrom !== undefined) {
        const s = bigSheet(bytes, entries, budget, file, xlsxOpts, opts.streamSheetsFrom);
        if (s !== null) return s;
      }
      const r = readXlsx(bytes, entries, budget, file, xlsxOpts);
      if (r.grids.length === 0 && !opts.sheets) r.notes.push('the workbook has no worksheets (only charts or dialogs)');
      return { format: 'xlsx', grids: r.grids, notes: r.notes };
    } catch (e) {
      if (!(e instanceof NotOurXlsx)) throw e;
    }
  }
  const r = readWithSheetJs(bytes, file, 'xlsx', opts, 'xlsb');
  r.notes.unshift('binary workbook (.xlsb) read with SheetJS');
  return r;
}

/**
 * The workbook's one sheet to read, opened for streaming when its part is at least `from` bytes
 * (and has a usable name: finishGrids would rename it); otherwise null, and the sheet is read into
 * a grid. The budget is spent by opening only, so the grid path can start afresh.
 */
function bigSheet(bytes: Uint8Array, entries: ZipEntry[], budget: InflateBudget, file: string, opts: { sheets?: 'all' | string[]; maxCells: number }, from: number): XlsxStream | null {
  if (!entries.some((e) => e.size >= from && /\.xml$/i.test(e.name))) return null;
  const spent = { ...budget };
  const book = openXlsx(bytes, entries, spent, opts);
  if (book.chosen.length !== 1) return null;
  const sheet = book.chosen[0]!;
  const entry = book.entryOf(sheet);
  if (entry === undefined || entry.size < from || sheet.name.trim() === '') return null;
  return { stream: 'xlsx', file, sheet, notes: book.notes, date1904: book.date1904, ctx: book.ctx, bytes, entry, budget: spent };
}

/** An .ods package: its content.xml through our own reader (read/read-ods.ts), inflated within the caps. */
function readOdsPackage(bytes: Uint8Array, byName: Map<string, ZipEntry>, budget: { remaining: number; inflateRaw?: InflateRaw }, file: string, opts: ReadOptions): ReadResult {
  const manifest = byName.get('META-INF/manifest.xml');
  if (manifest && manifest.size < 4 * 2 ** 20) {
    const text = new TextDecoder().decode(readEntry(bytes, manifest, budget));
    if (/encryption-data/.test(text)) {
      throw new ReadError(`${file} is password-protected; open it in LibreOffice, save a copy without the password (File → Save As, "Save with password" unticked) and import that`, file, 'encrypted');
    }
  }
  const content = byName.get('content.xml');
  if (!content) throw new ReadError(`${file} is damaged: it is an OpenDocument spreadsheet without its content (content.xml is missing); export it again`, file, 'corrupt');
  if (content.encrypted) throw new ReadError(`${file} is password-protected; open it in LibreOffice, save a copy without the password and import that`, file, 'encrypted');
  const xml = new TextDecoder('utf-8').decode(readEntry(bytes, content, budget));
  return readOds(xml, file, opts);
}

function checkDeclared(declared: number, cap: number, file: string): void {
  if (declared > cap) {
    throw new ReadError(
      `${file} is refused as a possible zip bomb: its parts would inflate to ${(declared / 2 ** 20).toFixed(0)} MB, over the ${(cap / 2 ** 20).toFixed(0)} MB safety cap`,
      file,
      'zip-bomb',
    );
  }
}
