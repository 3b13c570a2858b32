/**
 * Import speed and memory on a generated 100,000-line, 9-column budget export (seeded, cached
 * in the OS temp folder): ours (bytes → grid → typed rows + report) against the bare libraries
 * doing only the parse. Peak memory is measured in a child process (VmHWM) so earlier cases
 * in this process — SheetJS alone peaks near 650 MB — do not count against us.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, Zip, ZipDeflate } from 'fflate';
import Papa from 'papaparse';
import XLSX from 'xlsx';
import { nodeInflateRaw } from '../host/inflate-node';
import { closeParseWorkers, readFileGrids } from '../host/read-file';
import { readBytes } from '../models/import/read/index';
import { importBytes } from '../models/import/import-bytes';
import { bench, timeIt, timePaired, type Figure } from './harness';
import { mulberry32 } from '../models/random/mulberry32';

const ROWS = 100_000;
/** Issue 16 item 9: a million-line export (under the size cap) must import in bounded memory. */
const BIG_ROWS = 1_000_000;
const CACHE = join(tmpdir(), 'steward-bench');
const csvPath = (rows: number): string => join(CACHE, `budget-${rows}-v1.csv`);
const xlsxPath = (rows: number): string => join(CACHE, `budget-${rows}-v1.xlsx`);
const CSV_PATH = csvPath(ROWS);
const XLSX_PATH = xlsxPath(ROWS);


const HEADER = ['fiscal_year', 'fund_code', 'object', 'function', 'site_id', 'program', 'description', 'fte', 'amount'];
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

function lines(rows: number): Line[] {
  const rnd = mulberry32(2026);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: rows }, () => {
    const negative = rnd() < 0.03;
    const cents = Math.round(rnd() * 12_000_000) * (negative ? -1 : 1);
    return {
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
  });
}

/** "$1,234.56", or "(12.00)" for negatives, as finance exports write them. */
function money(cents: number): string {
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100).toLocaleString('en-US');
  const text = `${dollars}.${String(abs % 100).padStart(2, '0')}`;
  return cents < 0 ? `(${text})` : `$${text}`;
}

const q = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function ensureFiles(rows = ROWS): void {
  if (existsSync(csvPath(rows)) && existsSync(xlsxPath(rows))) return;
  mkdirSync(CACHE, { recursive: true });
  if (rows > ROWS) return writeBigFiles(rows);
  const data = lines(rows);
  const csv = [HEADER.join(',')];
  for (const l of data) csv.push([l.year, l.fund, l.object, l.fn, l.site, l.program, q(l.description), l.fte || '', q(money(l.cents))].join(','));
  writeFileSync(csvPath(rows), csv.join('\r\n') + '\r\n');
  csv.length = 0;
  // The workbook holds what Excel would: numbers as numbers (amounts in dollars), codes as text.
  const aoa: (string | number)[][] = [HEADER];
  for (const l of data) aoa.push([l.year, l.fund, l.object, l.fn, l.site, l.program, l.description, l.fte, l.cents / 100]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'Budget');
  writeFileSync(xlsxPath(rows), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
}

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The million-line files (issue 16 item 9), written a chunk at a time: SheetJS needs minutes and
 * gigabytes to write a workbook this size. The same lines as the 100,000-line files, the workbook
 * with inline strings (as many exporters write them).
 */
function writeBigFiles(rows: number): void {
  const data = lines(rows);
  const csv = [HEADER.join(',')];
  for (const l of data) csv.push([l.year, l.fund, l.object, l.fn, l.site, l.program, q(l.description), l.fte || '', q(money(l.cents))].join(','));
  writeFileSync(csvPath(rows), csv.join('\r\n') + '\r\n');
  csv.length = 0;
  const out: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    out.push(chunk);
  });
  const part = (name: string, text: string): void => {
    const f = new ZipDeflate(name, { level: 1 });
    zip.add(f);
    f.push(strToU8(text), true);
  };
  part('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>');
  part('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  part('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Budget" sheetId="1" r:id="rId1"/></sheets></workbook>');
  part('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>');
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 });
  zip.add(sheet);
  const str = (s: string): string => `<c t="inlineStr"><is><t>${xmlEscape(s)}</t></is></c>`;
  const num = (n: number): string => `<c><v>${n}</v></c>`;
  let chunk = [`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row>${HEADER.map(str).join('')}</row>`];
  for (let i = 0; i < data.length; i++) {
    const l = data[i]!;
    chunk.push(`<row>${num(l.year)}${str(l.fund)}${str(l.object)}${str(l.fn)}${str(l.site)}${str(l.program)}${str(l.description)}${num(l.fte)}${num(l.cents / 100)}</row>`);
    if (chunk.length === 10_000) {
      sheet.push(strToU8(chunk.join('')));
      chunk = [];
    }
  }
  chunk.push('</sheetData></worksheet>');
  sheet.push(strToU8(chunk.join('')), true);
  zip.end();
  writeFileSync(xlsxPath(rows), Buffer.concat(out));
}

// The app reads in the parse worker, which hands the xlsx reader Node's zlib; do the same here.
const read = (bytes: Uint8Array, name: string) => readBytes(bytes, name, { inflateRaw: nodeInflateRaw });

function fullImport(bytes: Uint8Array, name: string, rows = ROWS): number {
  // What the parse worker runs for `steward import` and the app: importBytes (a large CSV straight from its text).
  const r = importBytes(bytes, name, { kind: 'budget' }, { inflateRaw: nodeInflateRaw }).imported;
  if (r.report.accepted !== rows) throw new Error(`${name}: expected ${rows} accepted rows, got ${r.report.accepted} (rejected ${r.report.rejected}: ${JSON.stringify(r.report.errors.slice(0, 3))})`);
  return r.report.accepted;
}

/** Runs this file in a fresh process with `env` set and returns the number it prints after `key=`. */
function inChild(env: Record<string, string>, key: string): number {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  const text = new RegExp(`${key}=(\\d+(?:\\.\\d+)?)`).exec(out)?.[1];
  if (!text) throw new Error(`child measurement ${key} failed: ${out}`);
  return Number(text);
}

/** Peak resident memory (VmHWM) of a fresh process doing one full import, in MB, and the import's time. */
function peakRun(path: string, rows = ROWS): { mb: number; ms: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, STEWARD_BENCH_PEAK: path, STEWARD_BENCH_ROWS: String(rows) },
    encoding: 'utf8',
  });
  const mb = /peak-mb=(\d+(?:\.\d+)?)/.exec(out)?.[1];
  const ms = /import-ms=(\d+(?:\.\d+)?)/.exec(out)?.[1];
  if (!mb || !ms) throw new Error(`child measurement failed: ${out}`);
  return { mb: Number(mb), ms: Number(ms) };
}
const peakMb = (path: string, rows = ROWS): number => peakRun(path, rows).mb;

/**
 * The first CSV import in a fresh process (what `steward import` pays: nothing compiled yet),
 * ours and papaparse's, each the median of three processes.
 */
function coldMs(who: 'ours' | 'papaparse'): number {
  const runs = [0, 1, 2].map(() => inChild({ STEWARD_BENCH_COLD: who }, 'cold-ms'));
  return runs.sort((a, b) => a - b)[1]!;
}

const peakChild = process.env.STEWARD_BENCH_PEAK;
const coldChild = process.env.STEWARD_BENCH_COLD;
if (peakChild) {
  // Child mode: one import, then report its time and the high-water mark from the kernel.
  const bytes = new Uint8Array(readFileSync(peakChild));
  const start = performance.now();
  fullImport(bytes, peakChild.replace(/^.*\//, ''), Number(process.env.STEWARD_BENCH_ROWS ?? ROWS));
  const ms = performance.now() - start;
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  console.log(`peak-mb=${(Number(hwm) / 1024).toFixed(1)} import-ms=${ms.toFixed(0)}`);
} else if (process.env.STEWARD_BENCH_GENERATE) {
  ensureFiles(Number(process.env.STEWARD_BENCH_GENERATE));
} else if (coldChild) {
  const bytes = new Uint8Array(readFileSync(CSV_PATH));
  const start = performance.now();
  if (coldChild === 'papaparse') Papa.parse(new TextDecoder().decode(bytes));
  else fullImport(bytes, 'budget.csv');
  console.log(`cold-ms=${(performance.now() - start).toFixed(1)}`);
} else {
  bench('import: 100,000-line budget CSV and XLSX', async () => {
    ensureFiles();
    const csvBytes = new Uint8Array(readFileSync(CSV_PATH));
    const xlsxBytes = new Uint8Array(readFileSync(XLSX_PATH));
    const figures: Figure[] = [];

    // Both start from the file's bytes: papaparse gets them decoded (what any caller must do first).
    const papaparse = () => Papa.parse(new TextDecoder().decode(csvBytes));
    const readPair = await timePaired(papaparse, () => read(csvBytes, 'budget.csv'), 9, 2);
    // Four warm-ups: V8 settles the generated row reader's optimised code over the first few imports.
    const pair = await timePaired(papaparse, () => fullImport(csvBytes, 'budget.csv'), 11, 4);
    figures.push({ name: 'bare papaparse: decode + Papa.parse(text), arrays', value: pair.a, unit: 'ms' });
    figures.push({ name: 'CSV read only (readBytes: decode + sniff + parse → grid)', value: readPair.b, unit: 'ms', baseline: { name: 'papaparse', value: readPair.a } });
    figures.push({ name: 'CSV full import (decode + parse + map + validate + cents)', value: pair.b, unit: 'ms', target: { max: 1500 }, baseline: { name: 'papaparse', value: pair.a } });
    figures.push({ name: 'CSV full import ÷ bare papaparse (median of alternating pairs)', value: pair.ratio, unit: 'x', target: { max: 1.3 } });
    const coldPapa = coldMs('papaparse');
    figures.push({ name: 'CSV full import, first in a fresh process (median of 3)', value: coldMs('ours'), unit: 'ms', baseline: { name: 'papaparse', value: coldPapa } });

    const readOnly = await timeIt(() => read(xlsxBytes, 'budget.xlsx'), 3, 1);
    const oursX = await timeIt(() => fullImport(xlsxBytes, 'budget.xlsx'), 3, 1);
    // SheetJS is slow (seconds): one timed run, no warm-up, keeps this file under a minute.
    const sheetjs = await timeIt(
      () => {
        const wb = XLSX.read(xlsxBytes, { type: 'array' });
        return XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]!]!, { header: 1 });
      },
      1,
      0,
    );
    figures.push({ name: 'bare SheetJS: XLSX.read + sheet_to_json(header:1)', value: sheetjs, unit: 'ms' });
    figures.push({ name: 'XLSX read only (our reader: unzip + scan → grid)', value: readOnly, unit: 'ms' });
    figures.push({ name: 'XLSX full import (read + map + validate + cents)', value: oursX, unit: 'ms', baseline: { name: 'SheetJS', value: sheetjs } });
    figures.push({ name: 'XLSX full import ÷ bare SheetJS', value: oursX / sheetjs, unit: 'x', target: { max: 1.2 } });
    // What the app pays: the same read in the (warm) parse worker, grids cloned back.
    const viaWorker = await timeIt(() => readFileGrids(XLSX_PATH), 3, 1);
    await closeParseWorkers();
    figures.push({ name: 'XLSX read via readFileGrids (warm worker, grids cloned back)', value: viaWorker, unit: 'ms' });

    figures.push({ name: 'peak memory (RSS high-water), CSV full import, fresh process', value: peakMb(CSV_PATH), unit: 'MB', target: { max: 600 } });
    const xlsxRun = peakRun(XLSX_PATH);
    figures.push({ name: 'peak memory (RSS high-water), XLSX full import, fresh process', value: xlsxRun.mb, unit: 'MB', target: { max: 600 } });
    // Issue 16 item 9: a million lines (72 MB CSV; a 33 MB XLSX of 334 MB XML, under the size cap)
    // in bounded memory — the XLSX sheet streamed (import/xlsx-direct.ts) — and in linear time.
    // These children run through tsx, which costs ~90 MB of its own (a bare node process: ~40 MB).
    ensureFiles(BIG_ROWS);
    figures.push({ name: 'peak memory, 1,000,000-line CSV full import, fresh process', value: peakMb(csvPath(BIG_ROWS), BIG_ROWS), unit: 'MB', target: { max: 600 } });
    const bigX = peakRun(xlsxPath(BIG_ROWS), BIG_ROWS);
    figures.push({ name: 'peak memory, 1,000,000-line XLSX full import (streamed), fresh process', value: bigX.mb, unit: 'MB', target: { max: 600 } });
    figures.push({ name: '1,000,000-line XLSX full import, fresh process', value: bigX.ms, unit: 'ms' });
    figures.push({ name: '1,000,000-line XLSX time ÷ (10 × 100,000-line XLSX time), both fresh processes', value: bigX.ms / (10 * xlsxRun.ms), unit: 'x', target: { max: 1.5 } });
    return figures;
  });
}
