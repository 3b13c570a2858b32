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
import Papa from 'papaparse';
import XLSX from 'xlsx';
import { nodeInflateRaw } from '../host/inflate-node';
import { closeParseWorkers, readFileGrids } from '../host/read-file';
import { readBytes } from '../models/import/read/index';
import { importBytes } from '../models/import/import-bytes';
import { bench, timeIt, timePaired, type Figure } from './harness';
import { mulberry32 } from '../models/random/mulberry32';

const ROWS = 100_000;
const CACHE = join(tmpdir(), 'steward-bench');
const CSV_PATH = join(CACHE, `budget-${ROWS}-v1.csv`);
const XLSX_PATH = join(CACHE, `budget-${ROWS}-v1.xlsx`);


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

function lines(): Line[] {
  const rnd = mulberry32(2026);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: ROWS }, () => {
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

function ensureFiles(): void {
  if (existsSync(CSV_PATH) && existsSync(XLSX_PATH)) return;
  mkdirSync(CACHE, { recursive: true });
  const data = lines();
  const csv = [HEADER.join(',')];
  for (const l of data) csv.push([l.year, l.fund, l.object, l.fn, l.site, l.program, q(l.description), l.fte || '', q(money(l.cents))].join(','));
  writeFileSync(CSV_PATH, csv.join('\r\n') + '\r\n');
  // The workbook holds what Excel would: numbers as numbers (amounts in dollars), codes as text.
  const aoa: (string | number)[][] = [HEADER];
  for (const l of data) aoa.push([l.year, l.fund, l.object, l.fn, l.site, l.program, l.description, l.fte, l.cents / 100]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'Budget');
  writeFileSync(XLSX_PATH, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
}

// The app reads in the parse worker, which hands the xlsx reader Node's zlib; do the same here.
const read = (bytes: Uint8Array, name: string) => readBytes(bytes, name, { inflateRaw: nodeInflateRaw });

function fullImport(bytes: Uint8Array, name: string): number {
  // What the parse worker runs for `steward import` and the app: importBytes (a large CSV straight from its text).
  const r = importBytes(bytes, name, { kind: 'budget' }, { inflateRaw: nodeInflateRaw }).imported;
  if (r.report.accepted !== ROWS) throw new Error(`${name}: expected ${ROWS} accepted rows, got ${r.report.accepted} (rejected ${r.report.rejected}: ${JSON.stringify(r.report.errors.slice(0, 3))})`);
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

/** Peak resident memory (VmHWM) of a fresh process doing one full import, in MB. */
const peakMb = (path: string): number => inChild({ STEWARD_BENCH_PEAK: path }, 'peak-mb');

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
  // Child mode: one import, then report the high-water mark from the kernel.
  fullImport(new Uint8Array(readFileSync(peakChild)), peakChild.replace(/^.*\//, ''));
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  console.log(`peak-mb=${(Number(hwm) / 1024).toFixed(1)}`);
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
    figures.push({ name: 'peak memory (RSS high-water), XLSX full import, fresh process', value: peakMb(XLSX_PATH), unit: 'MB', target: { max: 600 } });
    return figures;
  });
}
