import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import XLSX from 'xlsx';
import { mulberry32 } from '../../../models/random/mulberry32';
import { type Format, type Seed } from './seeds';

/**
 * Seeded mutators: input `i` of a campaign with seed `s` is always the same bytes, so any input
 * that ever failed can be made again from (s, i) and kept. Structure-aware mutators work on the
 * clean seed (zip entries, XML, BIFF records, CSV text); byte-level ones may follow.
 */

export type Rng = () => number;

export interface Mutant {
  name: string;
  format: Format;
  bytes: Uint8Array;
  /** The seed's name and the mutators applied, for the report and for kept inputs. */
  recipe: string;
  /**
   * Also open it as a project (the loader): always for the district workbooks, one input in four
   * otherwise (the loader imports every sheet again, doubling an input's cost).
   */
  project: boolean;
}

const int = (rng: Rng, n: number): number => Math.floor(rng() * n);
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[int(rng, xs.length)]!;

/**
 * Mutators that make inputs of megabytes (a million quotes, a 1 MB cell, deep nesting…): each
 * costs a second or more to read, honestly, so they are picked a fifth as often as the others —
 * enough to cover them in every thousand inputs, few enough that a long run takes hours, not days.
 */
const HEAVY = new Set(['millionQuotes', 'oneMegabyteCell', 'manyColumns', 'manyLines', 'longLine', 'deepQuotes', 'delimiterSoup', 'deepNesting', 'megabyteText', 'sstCount', 'dupRecord']);
const HEAVY_WEIGHT = 0.2;

function pickMutator(rng: Rng, names: readonly string[]): string {
  const weight = (n: string): number => (HEAVY.has(n) ? HEAVY_WEIGHT : 1);
  const total = names.reduce((t, n) => t + weight(n), 0);
  let r = rng() * total;
  for (const n of names) if ((r -= weight(n)) < 0) return n;
  return names[names.length - 1]!;
}
const latin1 = (b: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
};
const fromLatin1 = (s: string): Uint8Array => {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
};
const HOSTILE_NUMBERS = ['0', '-1', '1', '2147483647', '2147483648', '4294967297', '1048576', '1048577', '16384', '65536', '99999999', '1e308', 'NaN', '0x7fffffff', '', ' 99999', '3.5', '-2147483648', '18446744073709551616'];
const HOSTILE_REFS = ['A1:ZZZZ99999999', 'A1:XFD1048576', 'XFD1048576', 'A0:B0', 'ZZZZZZZZ1', 'A1:A4294967296', 'B2:A1', '$A$1:$XFD$1048576', 'A1:', ':', 'A-1:B2'];
const HOSTILE_TEXT = ['__proto__', 'constructor', 'prototype', 'toString', '', ' ', '\u0000', '=1+1', '\t=cmd|calc', '&#x0;', '&#xFFFFFFFF;', '&unknown;', ']]>', '<!--', '"', "'", '<', '&'];

// ---- byte level ----------------------------------------------------------------------------------

type ByteMutator = (rng: Rng, b: Uint8Array) => Uint8Array;

const BYTE_MUTATORS: Record<string, ByteMutator> = {
  flip(rng, b) {
    const out = b.slice();
    for (let k = 1 + int(rng, 16); k > 0 && out.length > 0; k--) {
      const at = int(rng, out.length);
      out[at] = out[at]! ^ (1 << int(rng, 8));
    }
    return out;
  },
  truncate: (rng, b) => b.slice(0, int(rng, b.length)),
  duplicate(rng, b) {
    if (b.length === 0) return b;
    const a = int(rng, b.length);
    const len = 1 + int(rng, Math.min(b.length - a, 4096));
    const times = rng() < 0.2 ? 1 + int(rng, 200) : 1;
    const chunk = b.subarray(a, a + len);
    const at = int(rng, b.length + 1);
    const out = new Uint8Array(b.length + len * times);
    out.set(b.subarray(0, at));
    for (let t = 0; t < times; t++) out.set(chunk, at + t * len);
    out.set(b.subarray(at), at + len * times);
    return out;
  },
  remove(rng, b) {
    const a = int(rng, b.length);
    const len = 1 + int(rng, Math.min(b.length - a, 4096));
    const out = new Uint8Array(b.length - Math.min(len, b.length - a));
    out.set(b.subarray(0, a));
    out.set(b.subarray(a + len), a);
    return out;
  },
  noise(rng, b) {
    const out = b.slice();
    const at = int(rng, out.length);
    for (let k = 0, n = 1 + int(rng, 64); k < n && at + k < out.length; k++) out[at + k] = int(rng, 256);
    return out;
  },
  magic(rng, b) {
    const out = b.slice();
    const m = pick(rng, [[0xff, 0xff, 0xff, 0x7f], [0, 0, 0, 0x80], [0xff, 0xff], [0, 0], [0xff, 0xff, 0xff, 0xff], [0x01, 0, 0, 0]]);
    const at = int(rng, Math.max(1, out.length - m.length)) & ~1;
    for (let k = 0; k < m.length && at + k < out.length; k++) out[at + k] = m[k]!;
    return out;
  },
};

// ---- text (CSV) ----------------------------------------------------------------------------------

type TextMutator = (rng: Rng, s: string) => string;

const at = (rng: Rng, s: string): number => int(rng, s.length + 1);
const insert = (s: string, i: number, what: string): string => s.slice(0, i) + what + s.slice(i);

const CSV_MUTATORS: Record<string, TextMutator> = {
  millionQuotes: (rng, s) => {
    const n = 1_000_000 + int(rng, 1_000_000);
    const what = pick(rng, ['"', '""', '","', '"a', '\n"']);
    return rng() < 0.3 ? what.repeat(Math.ceil(n / what.length)) : insert(s, at(rng, s), what.repeat(Math.ceil(n / what.length)));
  },
  quoteEveryField: (_rng, s) => s.replace(/(^|,)([^,\r\n]*)/g, '$1"$2'),
  unterminatedQuote: (rng, s) => insert(s, at(rng, s), '"'),
  textAfterQuote: (_rng, s) => s.replace(/,([^,\r\n"]+)/g, ',"$1"x'),
  oneMegabyteCell: (rng, s) => insert(s, at(rng, s), rng() < 0.5 ? 'x'.repeat(1 << 20) : `"${'ab,\n'.repeat(1 << 18)}"`),
  manyColumns: (rng, s) => insert(s, at(rng, s), ','.repeat(100_000 + int(rng, 100_000))),
  manyLines: (rng, s) => s + pick(rng, ['\n', '\r', '\r\n', ',\n']).repeat(200_000 + int(rng, 800_000)),
  longLine: (rng, s) => insert(s, at(rng, s), 'abc '.repeat(250_000)),
  crOnly: (_rng, s) => s.replace(/\r?\n/g, '\r'),
  mixedEol: (rng, s) => s.replace(/\r?\n/g, () => pick(rng, ['\n', '\r\n', '\r'])),
  sepLine: (rng, s) => pick(rng, ['sep=;\n', 'sep="\n', 'sep=\n', 'SEP=\t\r\n', 'sep=\u0000\n']) + s,
  bom: (rng, s) => pick(rng, ['\u00ef\u00bb\u00bf', '\u00ff\u00fe', '\u00fe\u00ff']) + s,
  nuls: (rng, s) => insert(s, at(rng, s), '\u0000'.repeat(1 + int(rng, 4096))),
  hostileCells: (rng, s) => s.replace(/,(?=[^,\r\n]*[\r\n])/g, () => `,${pick(rng, [...HOSTILE_TEXT, ...HOSTILE_NUMBERS, '1e20', '1.797e308', '-1e400', '$99,999,999,999,999.99', '(1e15)'])}`),
  deepQuotes: (rng, s) => insert(s, at(rng, s), '"'.repeat(2 * (1 + int(rng, 50_000))) + 'x'),
  delimiterSoup: (rng, s) => insert(s, at(rng, s), Array.from({ length: 50_000 }, () => pick(rng, [',', ';', '\t', '|', '"'])).join('')),
};

// ---- XML (inside zips, or flat) ------------------------------------------------------------------

const XML_MUTATORS: Record<string, (rng: Rng, s: string, format: Format) => string> = {
  flipText: (rng, s) => latin1(BYTE_MUTATORS.flip!(rng, fromLatin1(s))),
  truncateXml: (rng, s) => s.slice(0, at(rng, s)),
  junk: (rng, s) => insert(s, at(rng, s), pick(rng, ['<', '>', '&', '"', '<!--', ']]>', '<![CDATA[', '<?xml version="1.0"?>', '&#xFFFFFFFF;', '&amp', '</', '/>', '<a b=">'])),
  dupTag(rng, s) {
    // Chunk duplication at element granularity: a random element copied many times.
    const tags = [...s.matchAll(/<([A-Za-z][\w:.-]*)[\s>][^]*?<\/\1>/g)].slice(0, 2000);
    if (tags.length === 0) return s;
    const m = pick(rng, tags);
    const times = pick(rng, [2, 10, 1000, 20_000]);
    const copy = m[0].length * times > 8 * 2 ** 20 ? 2 : times;
    return s.slice(0, m.index! + m[0].length) + m[0].repeat(copy) + s.slice(m.index! + m[0].length);
  },
  dropTag(rng, s) {
    const tags = [...s.matchAll(/<[^>]+>/g)];
    if (tags.length === 0) return s;
    const m = pick(rng, tags);
    return s.slice(0, m.index!) + s.slice(m.index! + m[0].length);
  },
  hostileAttr(rng, s) {
    const attrs = [...s.matchAll(/([\w:.-]+)="([^"]*)"/g)];
    if (attrs.length === 0) return s;
    const m = pick(rng, attrs);
    const value = pick(rng, [...HOSTILE_NUMBERS, ...HOSTILE_REFS, ...HOSTILE_TEXT.filter((t) => !t.includes('"'))]);
    return s.slice(0, m.index!) + `${m[1]}="${value}"` + s.slice(m.index! + m[0].length);
  },
  deepNesting(rng, s) {
    const depth = pick(rng, [1000, 50_000, 200_000]);
    const i = s.indexOf('>', int(rng, s.length)) + 1 || s.length;
    const tag = pick(rng, ['a', 'x:c', 'is', 'r', 'text:span', 'table:table-row', 'Row', 'Cell', 'div', 'tr']);
    return s.slice(0, i) + `<${tag}>`.repeat(depth) + (rng() < 0.5 ? `</${tag}>`.repeat(depth) : '') + s.slice(i);
  },
  megabyteText(rng, s) {
    const big = 'y'.repeat(1 << 20);
    const i = s.indexOf('</', int(rng, s.length));
    return i < 0 ? s + big : s.slice(0, i) + big + s.slice(i);
  },
  millionQuotes: (rng, s) => insert(s, s.indexOf('>', at(rng, s)) + 1, pick(rng, ['"', '&quot;', "'"]).repeat(1_000_000)),
  // xlsx
  hugeDimension: (rng, s) =>
    /<dimension\b/.test(s) ? s.replace(/<dimension ref="[^"]*"/, `<dimension ref="${pick(rng, HOSTILE_REFS)}"`) : s.replace(/(<sheetData)/, `<dimension ref="${pick(rng, HOSTILE_REFS)}"/>$1`),
  hugeMerge(rng, s) {
    const n = pick(rng, [1, 1, 8, 5000, 60_000]);
    const refs = Array.from({ length: n }, (_, k) => (n > 8 ? `A${k + 1}:${pick(rng, ['B', 'XFD', 'ZZZZ'])}${k + 2}` : pick(rng, HOSTILE_REFS)));
    const block = `<mergeCells count="${n}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`;
    if (/<mergeCells\b[^]*?<\/mergeCells>/.test(s)) return s.replace(/<mergeCells\b[^]*?<\/mergeCells>/, block);
    return s.replace(/(<\/sheetData>)/, `$1${block}`);
  },
  hugeRowRef: (rng, s) => s.replace(/<row r="(\d+)"/, `<row r="${pick(rng, ['1048576', '1048577', '99999999', '0', '-5', '4294967297'])}"`).replace(/<c r="([A-Z]+)(\d+)"/, (_m, _c, r: string) => `<c r="${pick(rng, ['XFD', 'XFE', 'ZZZZZ', 'A'])}${r}"`),
  sstCount: (rng, s) =>
    s
      .replace(/<sst([^>]*)>/, `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2147483647" uniqueCount="${pick(rng, ['2147483647', '4294967295', '-1'])}">` + (rng() < 0.5 ? '<si/>'.repeat(300_000) : ''))
      .replace(/(<c [^>]*t="s"[^>]*><v>)\d+(<\/v>)/, `$1${pick(rng, ['99999999', '-1', '1e9', '4294967296'])}$2`),
  // ods (any namespace prefix works for SheetJS; hostile files need not say "table:")
  odsRepeat(rng, s) {
    const which = pick(rng, ['number-rows-repeated', 'number-columns-repeated', 'number-rows-spanned', 'number-columns-spanned']);
    const value = pick(rng, ['2147483647', '1048576', '1048577', '65536', '16385', '99999', '1e9', '0x7fffffff', '-1', 'NaN']);
    const tag = which.startsWith('number-rows-repeated') ? 'table-row' : 'table-cell';
    const hits = [...s.matchAll(new RegExp(`<([\\w]+:)?${tag}\\b`, 'g'))];
    if (hits.length === 0) return s;
    const h = rng() < 0.5 ? hits[hits.length - 1 - int(rng, Math.min(3, hits.length))]! : pick(rng, hits);
    const i = h.index! + h[0].length;
    return `${s.slice(0, i)} ${h[1] ?? 'table:'}${which}="${value}"${s.slice(i)}`;
  },
  odsSheetName: (rng, s) => s.replace(/(<table:table )([^>]*?)table:name="[^"]*"/, (_m, a: string, b: string) => `${a}${b}${pick(rng, ['', 'table:name=""', 'table:name="__proto__"', 'table:name="constructor"', 'table:name="Budget" table:name="x"'])}`),
  odsRowNumber: (rng, s) => s.replace(/<table:table-row\b/, `<table:table-row 行号="${pick(rng, ['99999999', '-3', 'x', '1048577'])}"`),
};

const XLSX_ENTRY_WEIGHT = (name: string): number => (/worksheets\/sheet/.test(name) ? 6 : /sharedStrings/.test(name) ? 3 : /workbook\.xml$/.test(name) ? 2 : name.endsWith('.rels') || name.endsWith('.xml') ? 1 : 0);
const ODS_ENTRY_WEIGHT = (name: string): number => (name === 'content.xml' ? 8 : name.endsWith('.xml') ? 1 : 0);

function weighted(rng: Rng, names: string[], weight: (n: string) => number): string | null {
  const total = names.reduce((t, n) => t + weight(n), 0);
  if (total === 0) return null;
  let r = rng() * total;
  for (const n of names) if ((r -= weight(n)) < 0) return n;
  return names[names.length - 1]!;
}

const XML_FOR: Record<'xlsx' | 'ods', string[]> = {
  xlsx: ['flipText', 'truncateXml', 'junk', 'dupTag', 'dropTag', 'hostileAttr', 'deepNesting', 'megabyteText', 'millionQuotes', 'hugeDimension', 'hugeMerge', 'hugeMerge', 'hugeRowRef', 'sstCount'],
  ods: ['flipText', 'truncateXml', 'junk', 'dupTag', 'dropTag', 'hostileAttr', 'deepNesting', 'megabyteText', 'millionQuotes', 'odsRepeat', 'odsRepeat', 'odsRepeat', 'odsSheetName', 'odsRowNumber'],
};

function mutateZip(rng: Rng, bytes: Uint8Array, kind: 'xlsx' | 'ods', steps: string[]): Uint8Array {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    return bytes;
  }
  const names = Object.keys(files);
  const entry = weighted(rng, names, kind === 'xlsx' ? XLSX_ENTRY_WEIGHT : ODS_ENTRY_WEIGHT);
  if (entry === null) return bytes;
  const m = pickMutator(rng, XML_FOR[kind]);
  steps.push(`${m}@${entry}`);
  files[entry] = strToU8(XML_MUTATORS[m]!(rng, strFromU8(files[entry]!), kind));
  names.sort((a, b) => (a === 'mimetype' ? -1 : b === 'mimetype' ? 1 : 0));
  const level = rng() < 0.7 ? 0 : 6;
  const out: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  for (const n of names) out[n] = [files[n]!, { level: n === 'mimetype' ? 0 : level }];
  return zipSync(out);
}

// ---- .xls: BIFF records inside the compound file --------------------------------------------------

interface Rec {
  type: number;
  data: Uint8Array;
}

function records(stream: Uint8Array): Rec[] {
  const out: Rec[] = [];
  let o = 0;
  while (o + 4 <= stream.length) {
    const type = stream[o]! | (stream[o + 1]! << 8);
    const len = stream[o + 2]! | (stream[o + 3]! << 8);
    out.push({ type, data: stream.slice(o + 4, o + 4 + len) });
    o += 4 + len;
  }
  return out;
}

function joinRecords(recs: Rec[], lie?: { at: number; len: number }): Uint8Array {
  const size = recs.reduce((t, r) => t + 4 + r.data.length, 0);
  const out = new Uint8Array(size);
  let o = 0;
  recs.forEach((r, i) => {
    const len = lie && lie.at === i ? lie.len : r.data.length;
    out[o] = r.type & 0xff;
    out[o + 1] = r.type >> 8;
    out[o + 2] = len & 0xff;
    out[o + 3] = (len >> 8) & 0xff;
    out.set(r.data, o + 4);
    o += 4 + r.data.length;
  });
  return out;
}

const le = (n: number, bytes: number): number[] => Array.from({ length: bytes }, (_, k) => Math.floor(n / 256 ** k) % 256);

const BIFF_MUTATORS: Record<string, (rng: Rng, recs: Rec[]) => { recs: Rec[]; lie?: { at: number; len: number } }> = {
  fieldMagic(rng, recs) {
    const r = pick(rng, recs);
    if (r.data.length >= 2) {
      const m = pick(rng, [[0xff, 0xff], [0xff, 0xff, 0xff, 0x7f], [0, 0x80], [0, 0], [0xfe, 0xff, 0xff, 0xff]]);
      const o = int(rng, Math.max(1, r.data.length - m.length + 1));
      for (let k = 0; k < m.length && o + k < r.data.length; k++) r.data[o + k] = m[k]!;
    }
    return { recs };
  },
  dupRecord(rng, recs) {
    const i = int(rng, recs.length);
    const times = pick(rng, [2, 100, 20_000]);
    return { recs: [...recs.slice(0, i + 1), ...Array.from({ length: times }, () => ({ type: recs[i]!.type, data: recs[i]!.data })), ...recs.slice(i + 1)] };
  },
  dropRecord(rng, recs) {
    const i = int(rng, recs.length);
    return { recs: [...recs.slice(0, i), ...recs.slice(i + 1)] };
  },
  lieLength: (rng, recs) => ({ recs, lie: { at: int(rng, recs.length), len: pick(rng, [0, 1, 0xffff, 8224, 3]) } }),
  hugeDimensions(rng, recs) {
    for (const r of recs) if (r.type === 0x0200 && r.data.length >= 14) r.data.set([...le(pick(rng, [0xffffffff, 0x7fffffff, 1048577, 65536]), 4), ...le(pick(rng, [0xffffffff, 0x7fffffff, 1048577, 0]), 4), 0, 0, ...le(pick(rng, [0xffff, 0x4000, 0x100]), 2)], 0);
    return { recs };
  },
  hugeMerge(rng, recs) {
    const n = pick(rng, [1, 1026]);
    const refs = Array.from({ length: n }, (_, k) => [...le(n > 1 ? k : 0, 2), ...le(pick(rng, [0xffff, 65535, k + 1]), 2), 0, 0, ...le(pick(rng, [0xff, 0xffff, 3]), 2)]).flat();
    const merge: Rec = { type: 0x00e5, data: Uint8Array.from([...le(n, 2), ...refs]) };
    // Before the worksheet's EOF (the last EOF record of the stream).
    let eof = -1;
    recs.forEach((r, i) => { if (r.type === 0x000a) eof = i; });
    return { recs: eof < 0 ? [...recs, merge] : [...recs.slice(0, eof), merge, ...recs.slice(eof)] };
  },
  sstHuge(rng, recs) {
    for (const r of recs) if (r.type === 0x00fc && r.data.length >= 8) r.data.set([...le(pick(rng, [0x7fffffff, 0xffffffff, 1e8]), 4), ...le(pick(rng, [0x7fffffff, 0xffffffff, 1e8]), 4)], 0);
    return { recs };
  },
  hugeRow(rng, recs) {
    // LABELSST / NUMBER / RK / LABEL: rw (2 bytes), col (2 bytes) first.
    const cells = recs.filter((r) => [0x00fd, 0x0203, 0x027e, 0x0204, 0x0201].includes(r.type) && r.data.length >= 4);
    if (cells.length > 0) pick(rng, cells).data.set([...le(pick(rng, [0xffff, 65535, 0x8000]), 2), ...le(pick(rng, [0xffff, 0x00ff, 0x4000]), 2)], 0);
    return { recs };
  },
  hugeString(rng, recs) {
    // A LABEL record (BIFF8: rw, col, ixfe, then an XLUnicodeString) claiming a huge length.
    const label: Rec = { type: 0x0204, data: Uint8Array.from([0, 0, 0, 0, 15, 0, ...le(pick(rng, [0xffff, 0x7fff, 8000]), 2), 0, ...Array.from({ length: 64 }, () => 0x41)]) };
    let eof = -1;
    recs.forEach((r, i) => { if (r.type === 0x000a) eof = i; });
    return { recs: eof < 0 ? [...recs, label] : [...recs.slice(0, eof), label, ...recs.slice(eof)] };
  },
};

/** The bits of SheetJS's bundled CFB library used here (its types are `any`). */
interface CfbEntry {
  content?: ArrayLike<number>;
  size?: number;
}
interface CfbLib {
  read(data: Uint8Array, o: { type: 'array' }): unknown;
  find(cfb: unknown, path: string): CfbEntry | null;
  write(cfb: unknown, o: { type: 'array' }): unknown;
}
const CFB = XLSX.CFB as CfbLib;

function mutateXls(rng: Rng, bytes: Uint8Array, steps: string[]): Uint8Array {
  let cfb: unknown;
  try {
    cfb = CFB.read(bytes, { type: 'array' });
  } catch {
    return bytes;
  }
  const entry = CFB.find(cfb, 'Workbook') ?? CFB.find(cfb, 'Book');
  if (!entry || !entry.content) return bytes;
  const recs = records(Uint8Array.from(entry.content));
  if (recs.length === 0) return bytes;
  const m = pickMutator(rng, Object.keys(BIFF_MUTATORS));
  steps.push(`biff:${m}`);
  const { recs: next, lie } = BIFF_MUTATORS[m]!(rng, recs);
  entry.content = joinRecords(next, lie);
  entry.size = entry.content.length;
  const out = CFB.write(cfb, { type: 'array' });
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}

/** What SheetJS writes for .xls as text (SpreadsheetML 2003, HTML) and flat ODS. */
const isMarkup = (b: Uint8Array): boolean => b[0] === 0x3c || (b[0] === 0xef && b[3] === 0x3c);
const isZipBytes = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b;
const isOle = (b: Uint8Array): boolean => b[0] === 0xd0 && b[1] === 0xcf;

/** Input `index` of the campaign `seed`: deterministic. */
export function mutantAt(all: readonly Seed[], seed: number, index: number): Mutant {
  const rng = mulberry32((Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
  // Formats in turn, so every format gets its share whatever the seed list holds.
  const formats = [...new Set(all.map((s) => s.format))];
  const format = formats[index % formats.length]!;
  const pool = all.filter((s) => s.format === format);
  const base = pool[int(rng, pool.length)]!;
  const steps: string[] = [];
  let bytes = base.bytes;
  const structural = rng() < 0.7;
  if (structural) {
    if (isZipBytes(bytes)) bytes = mutateZip(rng, bytes, format === 'ods' ? 'ods' : 'xlsx', steps);
    else if (isOle(bytes)) bytes = mutateXls(rng, bytes, steps);
    else if (isMarkup(bytes)) {
      const m = pickMutator(rng, format === 'ods' ? XML_FOR.ods : ['flipText', 'truncateXml', 'junk', 'dupTag', 'dropTag', 'hostileAttr', 'deepNesting', 'megabyteText', 'millionQuotes']);
      steps.push(`${m}@text`);
      bytes = strToU8(XML_MUTATORS[m]!(rng, strFromU8(bytes), format));
    } else {
      const m = pickMutator(rng, Object.keys(CSV_MUTATORS));
      steps.push(m);
      bytes = fromLatin1(CSV_MUTATORS[m]!(rng, latin1(bytes)));
    }
  }
  for (let k = structural ? int(rng, 3) : 1 + int(rng, 3); k > 0; k--) {
    const m = pick(rng, Object.keys(BYTE_MUTATORS));
    steps.push(m);
    bytes = BYTE_MUTATORS[m]!(rng, bytes);
  }
  // Now and then the wrong extension: the first bytes decide the reader, never the name.
  let name = base.name;
  if (rng() < 0.05) {
    const ext = pick(rng, ['csv', 'xlsx', 'xls', 'ods', 'txt', 'fods', 'html', 'xlsb', '']);
    name = base.name.replace(/\.[^.]*$/, ext ? `.${ext}` : '');
    steps.push(`as .${ext}`);
  }
  return { name, format, bytes, recipe: `${base.name}: ${steps.join(' → ') || 'unchanged'}`, project: base.name.startsWith('district') || index % 4 === 0 };
}
