import { type Grid, ReadError } from '../../types';
import { readEntry, type InflateBudget, type ZipEntry, ZipProblem } from '../zip';
import { parseSharedStrings } from './shared-strings';
import { newRepeats, parseSheet, type SheetContext, SheetTooLarge } from './sheet';
import { dateStyles } from './styles';
import { attr, attrLocal, startTags } from './xml';

/**
 * Our own .xlsx reader: relationships → workbook → shared strings, styles → only the sheets
 * asked for. Part paths come from the relationships, never hard-coded ('xl/…'), because some
 * producers put the parts elsewhere (SheetJS's wtf_path.xlsx uses 'wtf/').
 */

export interface XlsxSheetInfo {
  name: string;
  hidden: boolean;
  path: string;
}

export interface XlsxWorkbook {
  sheets: XlsxSheetInfo[];
  date1904: boolean;
}

/** Raised for a binary workbook (xlsb): a spreadsheet, but one for SheetJS. */
export class NotOurXlsx extends Error {}

/** An OOXML package without its workbook: damaged, and SheetJS would not do better. */
export class MissingPart extends ZipProblem {
  constructor(message: string) {
    super(message, 'corrupt');
  }
}

const utf8 = new TextDecoder('utf-8');

class Package {
  private readonly byName = new Map<string, ZipEntry>();
  constructor(
    private readonly bytes: Uint8Array,
    entries: ZipEntry[],
    private readonly budget: InflateBudget,
  ) {
    // Part names are case-insensitive in OPC; some writers differ in case from their rels.
    for (const e of entries) this.byName.set(e.name.toLowerCase(), e);
  }
  has(path: string): boolean {
    return this.byName.has(path.toLowerCase());
  }
  entry(path: string): ZipEntry | undefined {
    return this.byName.get(path.toLowerCase());
  }
  text(path: string): string | null {
    const e = this.byName.get(path.toLowerCase());
    if (!e) return null;
    return decodeXml(readEntry(this.bytes, e, this.budget));
  }
}

/** XML parts are UTF-8 unless they say otherwise (UTF-16 with a BOM is allowed by the spec). */
function decodeXml(b: Uint8Array): string {
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) {
    const swapped = new Uint8Array(b.length - 2);
    for (let i = 2; i + 1 < b.length; i += 2) {
      swapped[i - 2] = b[i + 1]!;
      swapped[i - 1] = b[i]!;
    }
    return new TextDecoder('utf-16le').decode(swapped);
  }
  return utf8.decode(b);
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i + 1);
}

/** Resolves a relationship target against the part that owns the rels. */
function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (dirOf(base) + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function relsPathOf(part: string): string {
  return `${dirOf(part)}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;
}

/** rels: Id → { type, target } (keys from the file live in a Map, never on a prototype). */
function parseRels(xml: string | null, owner: string): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  if (!xml) return out;
  for (const t of startTags(xml, new Set(['Relationship']))) {
    const id = attr(t.text, 'Id');
    const type = attr(t.text, 'Type') ?? '';
    const target = attr(t.text, 'Target');
    if (id === null || target === null || attr(t.text, 'TargetMode') === 'External') continue;
    out.set(id, { type, target: resolve(owner, target) });
  }
  return out;
}

function findWorkbookPath(pkg: Package): string {
  const rootRels = parseRels(pkg.text('_rels/.rels'), '');
  for (const r of rootRels.values()) if (r.type.endsWith('/officeDocument') && pkg.has(r.target)) return r.target;
  if (pkg.has('xl/workbook.xml')) return 'xl/workbook.xml';
  if (pkg.has('xl/workbook.bin')) throw new NotOurXlsx('binary workbook (xlsb)');
  throw new MissingPart('the workbook part is missing');
}

export interface ReadXlsxOptions {
  sheets?: 'all' | string[];
  /** Cells this file may produce, padding included. */
  maxCells: number;
}

/** A workbook opened: the sheets asked for, and what reading any of their cells needs. */
export interface OpenedXlsx {
  chosen: XlsxSheetInfo[];
  /** What opening noticed (sheets listed twice, sheets asked for but absent). */
  notes: string[];
  date1904: boolean;
  ctx: SheetContext;
  /** The zip entry of a sheet's part, or undefined when the workbook lists a part it lacks. */
  entryOf(sheet: XlsxSheetInfo): ZipEntry | undefined;
  /** A part's text (inflated within the budget), or null when it is missing. */
  text(path: string): string | null;
}

/** Relationships, workbook, shared strings and styles; throws ZipProblem, or NotOurXlsx for SheetJS. */
export function openXlsx(bytes: Uint8Array, entries: ZipEntry[], budget: InflateBudget, opts: ReadXlsxOptions): OpenedXlsx {
  const pkg = new Package(bytes, entries, budget);
  const wbPath = findWorkbookPath(pkg);
  if (wbPath.endsWith('.bin')) throw new NotOurXlsx('binary workbook (xlsb)');
  const wbXml = pkg.text(wbPath);
  if (wbXml === null) throw new MissingPart('the workbook part is missing');
  const rels = parseRels(pkg.text(relsPathOf(wbPath)), wbPath);

  let date1904 = false;
  const sheets: XlsxSheetInfo[] = [];
  // A sheet part listed again (a damaged workbook.xml listed one 20,001 times: issue 16) is read once.
  const listed = new Set<string>();
  let relisted = 0;
  let sharedPath: string | null = null;
  let stylesPath: string | null = null;
  for (const r of rels.values()) {
    if (r.type.endsWith('/sharedStrings')) sharedPath = r.target;
    else if (r.type.endsWith('/styles')) stylesPath = r.target;
  }
  for (const t of startTags(wbXml, new Set(['workbookPr', 'sheet']))) {
    if (t.name === 'workbookPr') {
      // Extension elements (x15:workbookPr) share the local name but not the attribute.
      const v = attr(t.text, 'date1904');
      if (v !== null) date1904 = v === '1' || v === 'true';
      continue;
    }
    const name = attr(t.text, 'name') ?? `Sheet${sheets.length + 1}`;
    const rid = attrLocal(t.text, 'id');
    const rel = rid === null ? undefined : rels.get(rid);
    // Chartsheets and dialog sheets have no cells: skip them.
    if (!rel || !rel.type.endsWith('/worksheet')) continue;
    if (listed.has(rel.target)) {
      relisted++;
      continue;
    }
    listed.add(rel.target);
    const state = attr(t.text, 'state');
    sheets.push({ name, hidden: state === 'hidden' || state === 'veryHidden', path: rel.target });
  }

  const notes: string[] = [];
  if (relisted > 0) notes.push(`the workbook lists ${relisted.toLocaleString('en-US')} sheet(s) more than once; each was read once`);
  const chosen = opts.sheets && opts.sheets !== 'all' ? pickSheets(sheets, opts.sheets, notes) : sheets;

  const sharedStrings = sharedPath && chosen.length > 0 ? parseSharedStrings(pkg.text(sharedPath) ?? '') : [];
  const styles = stylesPath && chosen.length > 0 ? dateStyles(pkg.text(stylesPath) ?? '') : [];
  const ctx: SheetContext = { sharedStrings, dateStyles: styles, date1904, cellBudget: { remaining: opts.maxCells }, repeats: newRepeats() };
  return { chosen, notes, date1904, ctx, entryOf: (s) => pkg.entry(s.path), text: (path) => pkg.text(path) };
}

/** What a sheet over the cell budget is told. */
export function sheetTooLarge(file: string, sheet: string, maxCells: number): ReadError {
  return new ReadError(`${file}: sheet "${sheet}" is too large or too sparse (more than ${maxCells.toLocaleString('en-US')} cells); split it or export the used range`, file, 'too-large');
}

/** The note a 1904-dated workbook gets, after every other note. */
export const DATE1904_NOTE = 'workbook uses the 1904 date system; dates converted accordingly';

/** Reads the workbook; throws ZipProblem for zip-level trouble, NotOurXlsx to fall back to SheetJS. */
export function readXlsx(
  bytes: Uint8Array,
  entries: ZipEntry[],
  budget: InflateBudget,
  file: string,
  opts: ReadXlsxOptions,
): { grids: Grid[]; notes: string[] } {
  const book = openXlsx(bytes, entries, budget, opts);
  const { chosen, notes, date1904, ctx } = book;
  const grids: Grid[] = [];
  for (const s of chosen) {
    const xml = book.text(s.path);
    if (xml === null) {
      notes.push(`sheet "${s.name}" is listed but its part ${s.path} is missing; read as empty`);
      grids.push({ file, sheet: s.name, rows: [], date1904, hidden: s.hidden });
      continue;
    }
    let parsed;
    try {
      parsed = parseSheet(xml, ctx);
    } catch (e) {
      if (e instanceof SheetTooLarge) throw sheetTooLarge(file, s.name, opts.maxCells);
      throw e;
    }
    const grid: Grid = { file, sheet: s.name, rows: parsed.rows, date1904, hidden: s.hidden };
    if (parsed.merges) grid.merges = parsed.merges;
    grids.push(grid);
  }
  if (date1904) notes.push(DATE1904_NOTE);
  return { grids, notes };
}

const normSheet = (name: string): string => name.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The sheets asked for, by exact name or else by name ignoring case and surrounding spaces
 * (a user typing "budget" means the sheet "Budget "). Names not found are noted.
 */
export function pickSheets<S extends { name: string }>(sheets: readonly S[], wanted: readonly string[], notes: string[]): S[] {
  const picked: S[] = [];
  const missing: string[] = [];
  for (const w of wanted) {
    const s = sheets.find((x) => x.name === w) ?? sheets.find((x) => normSheet(x.name) === normSheet(w));
    if (!s) missing.push(w);
    else if (!picked.includes(s)) picked.push(s);
  }
  if (missing.length > 0) notes.push(`sheet(s) not found: ${missing.join(', ')} (the workbook has: ${sheets.map((s) => s.name).join(', ')})`);
  return picked;
}
