import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as allocateRun } from '../../cli/commands/allocate';
import { run as compareRun } from '../../cli/commands/compare';
import { run as forecastRun } from '../../cli/commands/forecast';
import { run as reportRun } from '../../cli/commands/report';
import { nodeInflateRaw } from '../../host/inflate-node';
import { runMonteCarlo } from '../../host/monte-carlo-pool';
import { NUMBER_FORMATS, reportWorkbookBytes } from '../../host/write-report';
import { demoProject } from '../../models/demo/district';
import { readBytes } from '../../models/import/read/index';
import type { Cell } from '../../models/import/types';
import { gatherReport } from '../../models/report/gather';
import { reportBook } from '../../models/report/sheets';
import { plainValue, type ReportBook } from '../../models/report/types';

// The board report workbook read back: exceljs for what Excel shows (number formats, bold frozen
// header rows, widths, no formulas — a site named =HYPERLINK(…) stays text), the repo's own xlsx
// reader for re-import (the same figures come back), and the CLI's JSON for the figures.

const HOSTILE = '=HYPERLINK("http://x","y")';
const DATE = '2026-12-06';
const dir = mkdtempSync(join(tmpdir(), 'steward-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let book: ReportBook;
let bytes: Uint8Array;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  const project = demoProject();
  project.sites[0]!.name = HOSTILE;
  project.sites[1]!.name = '@SUM(1+1)';
  const mc = await runMonteCarlo({ project, scenario: 'Base', trials: 40, seed: 7, workers: 0 });
  if (!mc.ok) throw new Error(mc.reason);
  const data = gatherReport(project, 'demo', {}, mc.value);
  if (!data.ok) throw new Error(data.reason);
  book = reportBook(data.value, { date: DATE });
  bytes = await reportWorkbookBytes(book, new Date(`${DATE}T00:00:00Z`));
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
}, 120_000);

const colOf = (ws: ExcelJS.Worksheet, header: string): number => {
  const values = ws.getRow(1).values as unknown[];
  const i = values.indexOf(header);
  if (i < 1) throw new Error(`no column ${header} in ${ws.name}`);
  return i;
};

describe('the report workbook', () => {
  it('has one sheet per view, each with a bold frozen header row and set column widths', () => {
    const names = wb.worksheets.map((w) => w.name);
    for (const n of ['Summary', 'Allocation by site', 'Equity measures', 'Needs', 'Compliance flags', 'Scenario Base', 'Comparison', 'Monte Carlo', 'Tornado', 'Staffing', 'Schedules', 'Time']) expect(names).toContain(n);
    expect(names.filter((n) => n.startsWith('Scenario ')).length).toBe(demoProject().scenarios.reduce((s, x) => s.add(x.scenario), new Set<string>(['Base'])).size);
    for (const ws of wb.worksheets) {
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).getCell(1).font?.bold, ws.name).toBe(true);
      for (let c = 1; c <= ws.columnCount; c++) expect(ws.getColumn(c).width, `${ws.name} column ${c}`).toBeGreaterThanOrEqual(8);
    }
  });

  it('writes money, percent and FTE with number formats', () => {
    const alloc = wb.getWorksheet('Allocation by site')!;
    expect(alloc.getRow(2).getCell(colOf(alloc, 'Allocation')).numFmt).toBe(NUMBER_FORMATS.currency);
    expect(alloc.getRow(2).getCell(colOf(alloc, 'Poverty share')).numFmt).toBe(NUMBER_FORMATS.percent);
    expect(typeof alloc.getRow(2).getCell(colOf(alloc, 'Allocation')).value).toBe('number');
    const base = wb.getWorksheet('Scenario Base')!;
    expect(base.getRow(2).getCell(colOf(base, 'Reserve')).numFmt).toBe('0.0%');
    expect(base.getRow(2).getCell(colOf(base, 'FTE')).numFmt).toBe(NUMBER_FORMATS.fte);
    const staffing = wb.getWorksheet('Staffing')!;
    expect(staffing.getRow(2).getCell(colOf(staffing, 'Required FTE')).numFmt).toBe(NUMBER_FORMATS.fte);
    const summary = wb.getWorksheet('Summary')!;
    const row = (item: string) => summary.getRows(2, summary.rowCount - 1)!.find((r) => r.getCell(1).value === item)!;
    expect(row('Reserve policy').getCell(2).numFmt).toBe(NUMBER_FORMATS.percent);
    expect(row('Allocated to sites').getCell(2).numFmt).toBe(NUMBER_FORMATS.currency);
    expect(row('Seed').getCell(2).value).toBe(7); // the Monte Carlo run's seed
    expect(row('Report date').getCell(2).value).toBe(DATE);
    const cmp = wb.getWorksheet('Comparison')!;
    const reserveRow = cmp.getRows(2, cmp.rowCount - 1)!.find((r) => r.getCell(1).value === 'reserve_pct')!;
    expect(reserveRow.getCell(3).numFmt).toBe(NUMBER_FORMATS.percent);
  });

  it('has no formula anywhere; formula-like names stay exact text, marked as text for editing', () => {
    const files = unzipSync(bytes);
    for (const [name, data] of Object.entries(files)) if (name.startsWith('xl/worksheets/')) expect(strFromU8(data), name).not.toMatch(/<f[ >]/);
    let found = 0;
    for (const ws of wb.worksheets) ws.eachRow((r) => r.eachCell((c) => {
      expect(c.type, `${ws.name}!${c.address}`).not.toBe(ExcelJS.ValueType.Formula);
      if (c.value === HOSTILE || c.value === '@SUM(1+1)') {
        found++;
        expect(c.numFmt).toBe('@');
      }
    }));
    expect(found).toBeGreaterThanOrEqual(4); // allocation and schedule sheets name both sites
    expect(strFromU8(files['xl/styles.xml']!)).toMatch(/<xf numFmtId="49"[^>]*quotePrefix="1"/);
  });

  it('re-imported with Steward\'s own reader, gives back every figure and text exactly', async () => {
    const read = await readBytes(bytes, 'board.xlsx', { inflateRaw: nodeInflateRaw });
    expect(read.grids.map((g) => g.sheet)).toEqual(book.sheets.map((s) => s.name));
    for (const s of book.sheets) {
      const g = read.grids.find((x) => x.sheet === s.name)!;
      expect(g.rows[0], s.name).toEqual(s.columns.map((c) => c.header));
      s.rows.forEach((row, r) => row.forEach((v, c) => {
        const want: Cell = plainValue(v);
        const got = g.rows[r + 1]?.[c] ?? null;
        if (typeof want === 'number') expect(got, `${s.name} row ${r + 2} col ${c + 1}`).toBeCloseTo(want, 9);
        else expect(got, `${s.name} row ${r + 2} col ${c + 1}`).toEqual(want);
      }));
    }
  });
});

describe('steward report --out board.xlsx', () => {
  let out = '';
  const capture = async (run: (argv: string[]) => Promise<number>, argv: string[]) => {
    out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => { out += String(s); return true; });
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await run(argv)).toBe(0);
    } finally {
      spy.mockRestore();
      err.mockRestore();
    }
    return JSON.parse(out) as Record<string, unknown>;
  };

  it('holds the same figures as allocate, forecast --all and compare --json', async () => {
    const path = join(dir, 'board.xlsx');
    const summary = await capture(reportRun, ['demo', '--out', path, '--trials', '0', '--date', DATE, '--json']);
    expect(summary.format).toBe('xlsx');
    const rb = new ExcelJS.Workbook();
    await rb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    const cents = (v: unknown) => Math.round((v as number) * 100);

    const alloc = await capture(allocateRun, ['demo', '--json']) as { sites: { site_id: string; allocation_cents: number; per_pupil_cents: number }[] };
    const aws = rb.getWorksheet('Allocation by site')!;
    const byId = new Map(aws.getRows(2, aws.rowCount - 1)!.map((r) => [r.getCell(1).value as string, r]));
    expect(byId.size).toBe(alloc.sites.length);
    for (const s of alloc.sites) {
      expect(cents(byId.get(s.site_id)!.getCell(colOf(aws, 'Allocation')).value), s.site_id).toBe(s.allocation_cents);
      expect(cents(byId.get(s.site_id)!.getCell(colOf(aws, 'Per pupil')).value), s.site_id).toBe(Math.round(s.per_pupil_cents));
    }

    const fc = await capture(forecastRun, ['demo', '--all', '--json']) as { scenarios: { name: string; years: { year: number; revenue_cents: number; expenditure_cents: number; ending_balance_cents: number; reserve_pct: number; fte: number }[] }[] };
    for (const s of fc.scenarios) {
      const ws = rb.getWorksheet(`Scenario ${s.name}`.slice(0, 31))!;
      expect(ws, s.name).toBeDefined();
      s.years.forEach((y, i) => {
        const r = ws.getRow(i + 2);
        expect(r.getCell(1).value).toBe(y.year);
        expect(cents(r.getCell(colOf(ws, 'Revenue')).value)).toBe(y.revenue_cents);
        expect(cents(r.getCell(colOf(ws, 'Expenditure')).value)).toBe(y.expenditure_cents);
        expect(cents(r.getCell(colOf(ws, 'Ending balance')).value)).toBe(y.ending_balance_cents);
        expect(r.getCell(colOf(ws, 'Reserve')).value).toBeCloseTo(y.reserve_pct, 12);
        expect(r.getCell(colOf(ws, 'FTE')).value).toBeCloseTo(y.fte, 9);
      });
    }

    const cmp = await capture(compareRun, ['demo', '--json']) as { scenarios: string[]; rows: { metric: string; year: number; values: Record<string, number> }[] };
    const cws = rb.getWorksheet('Comparison')!;
    expect(cws.rowCount - 1).toBe(cmp.rows.length);
    cmp.rows.forEach((row, i) => {
      const r = cws.getRow(i + 2);
      expect(r.getCell(2).value).toBe(row.year);
      cmp.scenarios.forEach((s, j) => {
        const v = r.getCell(3 + j).value as number;
        const want = row.values[s]!;
        if (row.metric.endsWith('_cents')) expect(cents(v)).toBe(Math.round(want));
        else expect(v).toBeCloseTo(want, 9);
      });
    });
  }, 240_000);

  it('refuses a --out that is neither .xlsx nor .pdf (exit 2)', async () => {
    await expect(reportRun(['demo', '--out', join(dir, 'board.docx')])).rejects.toThrow(/--out must name an \.xlsx or a \.pdf/);
  });
});
