import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, unzipSync, zipSync } from 'fflate';
import XLSX from 'xlsx';
import { mulberry32 } from '../../../models/random/mulberry32';
import { makeXlsx } from '../../models/import/read/make-xlsx';

/**
 * The files the fuzzer starts from: small, generated here (so the campaign needs nothing outside
 * the repository and gives the same inputs on every machine), one set per format. Each is an
 * ordinary export of the kind district staff open — a budget, a sites list, a salary matrix, a
 * district workbook — so mutations land in realistic structure. SheetJS writes the .xls and .ods
 * seeds: it is the writer here, on our own trusted data, never the reader of untrusted bytes.
 */

export type Format = 'csv' | 'xlsx' | 'xls' | 'ods';
export const FORMATS: readonly Format[] = ['csv', 'xlsx', 'xls', 'ods'];

export interface Seed {
  name: string;
  format: Format;
  bytes: Uint8Array;
}

type Row = (string | number | boolean | null)[];

const FUNDS = ['GEN', 'T1A', 'IDEAB', '110'];
const OBJECTS = ['salaries', 'benefits', 'supplies', 'purchased_services', '5110'];

function budgetRows(n: number, seed: number): Row[] {
  const rnd = mulberry32(seed);
  const rows: Row[] = [['fiscal_year', 'fund_code', 'object', 'function', 'site_id', 'program', 'description', 'fte', 'amount']];
  for (let i = 0; i < n; i++) {
    rows.push([
      2026, FUNDS[i % FUNDS.length]!, OBJECTS[i % OBJECTS.length]!, i % 3 === 0 ? 'instruction' : 'support', String(101 + (i % 7)), 'BASIC',
      `Line ${i}${i % 5 === 0 ? ', "quoted"' : ''}`, i % 4 === 0 ? 0.5 : null, Math.round(rnd() * 1_000_000) / 100,
    ]);
  }
  return rows;
}

function sitesRows(n: number): Row[] {
  const rows: Row[] = [['site_id', 'name', 'level']];
  for (let i = 0; i < n; i++) rows.push([String(100 + i), `School ${i}`, ['elementary', 'middle', 'high', 'k-8'][i % 4]!]);
  return rows;
}

function salaryRows(): Row[] {
  const rows: Row[] = [['Step', 'BA', 'BA+15', 'MA', 'MA+30']];
  for (let s = 1; s <= 12; s++) rows.push([s, 45000 + s * 1200, 47000 + s * 1250, 50000 + s * 1300, s > 10 ? null : 53000 + s * 1350]);
  return rows;
}

/** A small district workbook: what `validate`/`allocate` load (the project loader's seed). */
function districtSheets(): { name: string; rows: Row[] }[] {
  return [
    { name: 'Settings', rows: [['key', 'value'], ['district_name', 'Fuzz USD'], ['base_year', 2026], ['horizon_years', 3], ['beginning_fund_balance', 1250000], ['reserve_policy_pct', 0.05]] },
    { name: 'Sites', rows: sitesRows(6) },
    { name: 'Budget', rows: budgetRows(24, 7) },
    { name: 'Funds', rows: [['fund_code', 'name', 'source', 'available'], ['GEN', 'General', 'local', 5000000], ['T1A', 'Title I', 'federal', 400000]] },
  ];
}

const q = (s: string, d = ','): string => (/["\r\n]/.test(s) || s.includes(d) ? `"${s.replace(/"/g, '""')}"` : s);

function csvOf(rows: Row[], d = ',', eol = '\r\n'): string {
  return rows.map((r) => r.map((c) => q(c === null ? '' : String(c), d)).join(d)).join(eol) + eol;
}

function workbook(sheets: { name: string; rows: Row[] }[]): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(s.rows), s.name);
  return wb;
}

function write(sheets: { name: string; rows: Row[] }[], bookType: XLSX.BookType, merges = false): Uint8Array {
  const wb = workbook(sheets);
  if (merges) {
    const ws = wb.Sheets[wb.SheetNames[0]!]!;
    ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 1 } }, { s: { r: 2, c: 4 }, e: { r: 4, c: 4 } }];
  }
  const out = XLSX.write(wb, { type: 'buffer', bookType, compression: true }) as Buffer | string;
  return typeof out === 'string' ? strToU8(out) : new Uint8Array(out);
}

/** Re-zips a package with every entry stored, so byte mutations land in the XML itself. */
export function stored(zip: Uint8Array): Uint8Array {
  const files = unzipSync(zip);
  const names = Object.keys(files);
  // ODS: the mimetype entry must stay first.
  names.sort((a, b) => (a === 'mimetype' ? -1 : b === 'mimetype' ? 1 : 0));
  const out: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const n of names) out[n] = [files[n]!, { level: 0 }];
  return zipSync(out);
}

let cached: Seed[] | null = null;

/** The generated seeds (small: the in-test campaign runs thousands of mutants of them). */
export function seeds(): Seed[] {
  if (cached) return cached;
  const budget = budgetRows(40, 1);
  const sites = sitesRows(30);
  const out: Seed[] = [
    { name: 'budget.csv', format: 'csv', bytes: strToU8('Fund: 110 General\r\nFY 2025-26\r\n\r\n' + csvOf(budget) + 'Total,,,,,,,,"$99,999.00"\r\n') },
    // Past csv-direct's 400-row prefix, so the direct reader is fuzzed too.
    { name: 'budget-long.csv', format: 'csv', bytes: strToU8(csvOf(budgetRows(430, 2))) },
    { name: 'sites-long.csv', format: 'csv', bytes: strToU8(csvOf(sitesRows(420), ',', '\n')) },
    { name: 'sites.tsv', format: 'csv', bytes: strToU8(csvOf(sites, '\t', '\n')) },
    { name: 'salary.csv', format: 'csv', bytes: strToU8(csvOf(salaryRows(), ';')) },
    { name: 'budget-1252.csv', format: 'csv', bytes: Uint8Array.from([...csvOf(budget.slice(0, 15)).replace(/Line/g, 'Café – Line')].map((c) => (c === '–' ? 0x96 : c.charCodeAt(0) & 0xff))) },
    { name: 'budget-xlsx-stored.xlsx', format: 'xlsx', bytes: stored(write([{ name: 'Budget', rows: budget }], 'xlsx', true)) },
    { name: 'district.xlsx', format: 'xlsx', bytes: write(districtSheets(), 'xlsx') },
    { name: 'salary.xlsx', format: 'xlsx', bytes: stored(write([{ name: 'Teachers 2025-26', rows: salaryRows() }], 'xlsx')) },
    {
      name: 'handmade.xlsx',
      format: 'xlsx',
      bytes: stored(
        makeXlsx({
          sheets: [
            {
              name: 'Budget',
              data:
                '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
                '<row r="2"><c r="A2"><v>2026</v></c><c r="B2" t="inlineStr"><is><t>GEN</t></is></c><c r="C2" t="s"><v>4</v></c><c r="D2" s="1"><v>1234.5</v></c></row>' +
                '<row r="3"><c r="A3"><v>2026</v></c><c r="B3" t="str"><v>T1A</v></c><c r="C3" t="s"><v>4</v></c><c r="D3"><v>-12</v></c></row>',
              after: '<mergeCells count="1"><mergeCell ref="A1:A1"/></mergeCells>',
            },
          ],
          sharedStrings: ['fiscal_year', 'fund_code', 'object', 'amount', 'supplies'],
          cellXfs: [0, 4],
        }),
      ),
    },
    { name: 'budget.xls', format: 'xls', bytes: write([{ name: 'Budget', rows: budget }], 'xls', true) },
    { name: 'district.xls', format: 'xls', bytes: write(districtSheets(), 'xls') },
    { name: 'sites-biff5.xls', format: 'xls', bytes: write([{ name: 'Sites', rows: sites }], 'biff5') },
    { name: 'salary-biff2.xls', format: 'xls', bytes: write([{ name: 'Sheet1', rows: salaryRows() }], 'biff2') },
    { name: 'budget-2003.xls', format: 'xls', bytes: write([{ name: 'Budget', rows: budget.slice(0, 20) }], 'xlml') },
    { name: 'budget-html.xls', format: 'xls', bytes: write([{ name: 'Budget', rows: budget.slice(0, 20) }], 'html') },
    { name: 'budget.ods', format: 'ods', bytes: stored(write([{ name: 'Budget', rows: budget }], 'ods', true)) },
    { name: 'district.ods', format: 'ods', bytes: write(districtSheets(), 'ods') },
    { name: 'sites.ods', format: 'ods', bytes: stored(write([{ name: 'Sites', rows: sites }], 'ods')) },
    { name: 'budget.fods', format: 'ods', bytes: write([{ name: 'Budget', rows: budget.slice(0, 20) }], 'fods') },
  ];
  cached = out;
  return out;
}

/** Real small files next to the repository (../shared/data), when present: the long runs add them. */
export function realSeeds(): Seed[] {
  const dir = fileURLToPath(new URL('../../../../shared/data/sheetjs_test_files', import.meta.url));
  const messy = fileURLToPath(new URL('../../../fixtures/messy', import.meta.url));
  const out: Seed[] = [];
  const add = (path: string, name: string): void => {
    if (!existsSync(path)) return;
    const ext = name.replace(/^.*\./, '').toLowerCase();
    const format: Format | null = ext === 'csv' ? 'csv' : ext === 'xlsx' || ext === 'xlsm' ? 'xlsx' : ext === 'xls' ? 'xls' : ext === 'ods' || ext === 'fods' ? 'ods' : null;
    if (format) out.push({ name, format, bytes: new Uint8Array(readFileSync(path)) });
  };
  for (const n of ['crlf_crlf.csv', 'Attendance.csv', 'Attendance.xlsx', 'mixed_sheets.xlsx', 'merge_cells.xls', 'LO7322.fods', 'AutoFilter.xlsx', '1904_1904.xlsx']) add(join(dir, n), n);
  for (const n of ['salary-matrix.xlsx', 'enrollment-wide.csv']) add(join(messy, n), n);
  return out;
}
