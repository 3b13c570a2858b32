/**
 * Generated budget exports for the import benches (seeded, cached in the OS temp folder): a CSV as
 * finance systems write it ("$1,234.56", "(12.00)") and an .xlsx as Excel writes it (shared
 * strings, numbers as numbers). Written row by row through a streaming zip, so the 1,000,000-line
 * files (≈70 MB CSV, ≈45 MB XLSX) are made without holding them in memory.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { mulberry32 } from '../models/random/mulberry32';

const CACHE = join(tmpdir(), 'steward-bench');
export const HEADER = ['fiscal_year', 'fund_code', 'object', 'function', 'site_id', 'program', 'description', 'fte', 'amount'];
const FUNDS = ['GEN', 'GEN', 'GEN', 'GEN', 'T1A', 'IDEAB', 'T2A', 'T3A', 'STEL'];
const OBJECTS = ['salaries', 'benefits', 'purchased_services', 'supplies', 'capital', 'other', '5110', '5210', '6100'];
const FUNCTIONS = ['instruction', 'support', 'administration', 'operations', '1000', '2100'];
const PROGRAMS = ['BASIC', 'SPED', 'EL', 'GATE', 'ATHL', 'CTE'];
const WORDS = ['Teacher', 'Aide', 'Counselor', 'Supplies', 'Software', 'Contract', 'Stipend', 'Substitute', 'Repairs', 'Books'];

interface Line {
  year: number;
  fund: string;
  object: string;
  fn: string;
  site: string;
  program: string;
  description: string;
  fte: number;
  cents: number;
}

/** The lines, one at a time (a million of them never sit in memory together). */
function* lines(rows: number): Generator<Line> {
  const rnd = mulberry32(2026);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  for (let i = 0; i < rows; i++) {
    const negative = rnd() < 0.03;
    const cents = Math.round(rnd() * 12_000_000) * (negative ? -1 : 1);
    yield {
      year: 2024 + Math.floor(rnd() * 3),
      fund: pick(FUNDS),
      object: pick(OBJECTS),
      fn: pick(FUNCTIONS),
      site: rnd() < 0.1 ? '' : String(100 + Math.floor(rnd() * 12)),
      program: pick(PROGRAMS),
      description: `${pick(WORDS)} ${pick(WORDS).toLowerCase()} ${Math.floor(rnd() * 1000)}`,
      fte: rnd() < 0.4 ? Math.round(rnd() * 40) / 20 : 0,
      cents,
    };
  }
}

/** "$1,234.56", or "(12.00)" for negatives, as finance exports write them. */
function money(cents: number): string {
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100).toLocaleString('en-US');
  const text = `${dollars}.${String(abs % 100).padStart(2, '0')}`;
  return cents < 0 ? `(${text})` : `$${text}`;
}

const q = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Writes to `path` through a temporary file, so an interrupted run leaves no half file in the cache. */
function writeChunks(path: string, produce: (write: (chunk: Uint8Array) => void) => void): void {
  const tmp = `${path}.part`;
  const fd = openSync(tmp, 'w');
  try {
    produce((chunk) => {
      writeSync(fd, chunk);
    });
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

export function budgetCsv(rows: number): string {
  mkdirSync(CACHE, { recursive: true });
  const path = join(CACHE, `budget-${rows}-v1.csv`);
  if (existsSync(path)) return path;
  writeChunks(path, (write) => {
    let buf: string[] = [HEADER.join(',')];
    for (const l of lines(rows)) {
      buf.push([l.year, l.fund, l.object, l.fn, l.site, l.program, q(l.description), l.fte || '', q(money(l.cents))].join(','));
      if (buf.length >= 10_000) {
        write(strToU8(buf.join('\r\n') + '\r\n'));
        buf = [];
      }
    }
    if (buf.length > 0) write(strToU8(buf.join('\r\n') + '\r\n'));
  });
  return path;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Column letters A… for the cell references. */
const COLS = 'ABCDEFGHI';

/** An .xlsx as Excel writes one: text in the shared-string table, numbers as numbers (amounts in dollars). */
export function budgetXlsx(rows: number): string {
  mkdirSync(CACHE, { recursive: true });
  const path = join(CACHE, `budget-${rows}-sst-v1.xlsx`);
  if (existsSync(path)) return path;
  // Shared strings first: every distinct text, in order of first use.
  const sst = new Map<string, number>();
  const sid = (s: string): number => {
    let i = sst.get(s);
    if (i === undefined) sst.set(s, (i = sst.size));
    return i;
  };
  for (const h of HEADER) sid(h);
  for (const l of lines(rows)) {
    sid(l.fund);
    sid(l.object);
    sid(l.fn);
    if (l.site !== '') sid(l.site);
    sid(l.program);
    sid(l.description);
  }
  writeChunks(path, (write) => {
    const zip = new Zip((err, chunk) => {
      if (err) throw err;
      write(chunk);
    });
    const small = (name: string, text: string): void => {
      const f = new ZipDeflate(name, { level: 6 });
      zip.add(f);
      f.push(strToU8(text), true);
    };
    small('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>`);
    small('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
    small('xl/workbook.xml', `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${REL}"><workbookPr/><sheets><sheet name="Budget" sheetId="1" r:id="rId1"/></sheets></workbook>`);
    small('xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`);
    small('xl/styles.xml', `<?xml version="1.0"?><styleSheet xmlns="${NS}"><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>`);
    const strings = new ZipDeflate('xl/sharedStrings.xml', { level: 6 });
    zip.add(strings);
    strings.push(strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${NS}" count="${sst.size}" uniqueCount="${sst.size}">`));
    let part: string[] = [];
    for (const s of sst.keys()) {
      part.push(`<si><t>${esc(s)}</t></si>`);
      if (part.length >= 20_000) {
        strings.push(strToU8(part.join('')));
        part = [];
      }
    }
    strings.push(strToU8(part.join('') + '</sst>'), true);
    const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
    zip.add(sheet);
    sheet.push(strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}" xmlns:r="${REL}"><dimension ref="A1:I${rows + 1}"/><sheetData>`));
    const s = (c: number, r: number, text: string): string => (text === '' ? '' : `<c r="${COLS[c]}${r}" t="s"><v>${sid(text)}</v></c>`);
    const n = (c: number, r: number, v: number): string => `<c r="${COLS[c]}${r}"><v>${v}</v></c>`;
    part = [`<row r="1">${HEADER.map((h, c) => s(c, 1, h)).join('')}</row>`];
    let r = 1;
    for (const l of lines(rows)) {
      r++;
      part.push(`<row r="${r}">${n(0, r, l.year)}${s(1, r, l.fund)}${s(2, r, l.object)}${s(3, r, l.fn)}${s(4, r, l.site)}${s(5, r, l.program)}${s(6, r, l.description)}${n(7, r, l.fte)}${n(8, r, l.cents / 100)}</row>`);
      if (part.length >= 10_000) {
        sheet.push(strToU8(part.join('')));
        part = [];
      }
    }
    sheet.push(strToU8(part.join('') + '</sheetData></worksheet>'), true);
    const app = new ZipPassThrough('docProps/app.xml');
    zip.add(app);
    app.push(strToU8('<?xml version="1.0"?><Properties/>'), true);
    zip.end();
  });
  return path;
}
