import { describe, expect, it } from 'vitest';
import { workbookBytes } from '../../../host/write-workbook';
import { importCsvDirect } from '../../../models/import/csv-direct';
import { importBytes } from '../../../models/import/import-bytes';
import { parseCsvText } from '../../../models/import/read/csv';
import { readBytes } from '../../../models/import/read/index';
import { importTable } from '../../../models/import/table';
import type { Cell, Grid } from '../../../models/import/types';
import { projectFromGrids } from '../../../models/project/from-grids';
import { templateSheets } from '../../../models/project/template';

// Issue 12 §2: a blank means what it says. Fill-down (a key printed once for a block of rows) only
// where the sheet's layout shows grouping; never in a table laid out like the Steward workbook,
// where a blank site_id in Needs or Budget is district-wide and a blank required key is missing.

/** The header `steward template` writes for a sheet. */
function header(sheet: string): Cell[] {
  const s = templateSheets().find((x) => x.name === sheet);
  if (!s) throw new Error(`no template sheet ${sheet}`);
  return s.rows[0]!;
}

/** A row for `sheet` given by column name (columns not named stay blank), in the template's order. */
function row(sheet: string, values: Record<string, Cell>): Cell[] {
  return header(sheet).map((h) => values[String(h)] ?? null);
}

/**
 * A small district in the Steward layout: three schools, one need each and a district-wide need
 * of $400,000 last (blank site_id, as the workbook format says); budget lines for each school and
 * district-wide lines at the end (blank site_id).
 */
function stewardWorkbook(extraNeeds: Cell[][] = []): { name: string; rows: Cell[][] }[] {
  const sites = ['E1', 'E2', 'E3'];
  return [
    { name: 'Settings', rows: [['key', 'value'], ['district_name', 'Blank USD'], ['base_year', 2026]] },
    { name: 'Sites', rows: [header('Sites'), ...sites.map((s) => row('Sites', { site_id: s, name: `School ${s}`, level: 'ES' }))] },
    { name: 'Enrollment', rows: [header('Enrollment'), ...sites.map((s) => row('Enrollment', { site_id: s, year: 2026, grade: 'K', students: 100 }))] },
    { name: 'StudentNeeds', rows: [header('StudentNeeds'), ...sites.map((s, i) => row('StudentNeeds', { site_id: s, year: 2026, econ_disadvantaged: 10 * (i + 1) }))] },
    { name: 'Funds', rows: [header('Funds'), row('Funds', { fund_code: 'GEN', name: 'General', source: 'local', restricted: 'no', available: 2_000_000 })] },
    {
      name: 'Budget', rows: [
        header('Budget'),
        ...sites.map((s) => row('Budget', { fiscal_year: 2026, fund_code: 'GEN', object: 'salaries', amount: 500_000, function: '1000', site_id: s, description: `Teachers ${s}` })),
        row('Budget', { fiscal_year: 2026, fund_code: 'GEN', object: 'salaries', amount: 250_000, function: '2300', description: 'Central office' }),
        row('Budget', { fiscal_year: 2026, fund_code: 'GEN', object: 'purchased_services', amount: 80_000, function: '2600', description: 'District-wide insurance' }),
      ],
    },
    { name: 'Positions', rows: [header('Positions'), ...sites.map((s, i) => row('Positions', { position_id: `P${i + 1}`, site_id: s, role: 'teacher', fte: 1 }))] },
    { name: 'SalarySchedule', rows: [header('SalarySchedule'), row('SalarySchedule', { schedule: 'teachers', lane: 'BA', step: 1, salary: 50_000 })] },
    {
      name: 'Needs', rows: [
        header('Needs'),
        ...sites.map((s, i) => row('Needs', { need_id: `N${i + 1}`, category: 'econ_disadvantaged', cost: 100_000 + 10_000 * i, priority: 1, site_id: s, description: `Tutoring at ${s}` })),
        row('Needs', { need_id: 'N4', category: 'econ_disadvantaged', cost: 400_000, priority: 1, description: 'District-wide summer school' }),
        ...extraNeeds,
      ],
    },
  ];
}

const xlsxGrids = (sheets: { name: string; rows: Cell[][] }[]) => readBytes(workbookBytes(sheets), 'district.xlsx').grids;

/** The CSV copy: one CSV per sheet, as a folder of CSVs is read. */
function csvGrids(sheets: { name: string; rows: Cell[][] }[]): Grid[] {
  const quote = (c: Cell) => {
    const s = c === null ? '' : String(c);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return sheets.flatMap((s) => readBytes(new TextEncoder().encode(s.rows.map((r) => r.map(quote).join(',')).join('\n') + '\n'), `${s.name}.csv`).grids);
}

describe('a blank means what it says (Steward layout: never filled down)', () => {
  it.each([['workbook', xlsxGrids], ['CSV copy', csvGrids]] as const)('%s: the district-wide need and budget lines stay district-wide', (_, read) => {
    const { project, reports } = projectFromGrids(read(stewardWorkbook()), 'district');
    expect(project).not.toBeNull();
    // Before the fix the $400,000 need became E3's (the row above) and E3's allocation moved with it.
    expect(project!.needs.map((n) => [n.need_id, n.site_id ?? null, n.cost])).toEqual([
      ['N1', 'E1', 10_000_000], ['N2', 'E2', 11_000_000], ['N3', 'E3', 12_000_000], ['N4', null, 40_000_000],
    ]);
    expect(project!.budget.map((b) => b.site_id ?? null)).toEqual(['E1', 'E2', 'E3', null, null]);
    // E3's own costs: one need of $120,000 and one budget line of $500,000, nothing more.
    expect(project!.needs.filter((n) => n.site_id === 'E3').reduce((a, n) => a + n.cost, 0)).toBe(12_000_000);
    expect(project!.budget.filter((b) => b.site_id === 'E3').reduce((a, b) => a + b.amount, 0)).toBe(50_000_000);
    for (const r of reports) expect(r.filledDown, r.kind).toEqual([]);
  });

  it('several district-wide needs at the end stay district-wide', () => {
    const more = [5, 6, 7].map((i) => row('Needs', { need_id: `N${i}`, category: 'mental_health', cost: 50_000, priority: 2, description: `District item ${i}` }));
    const { project } = projectFromGrids(xlsxGrids(stewardWorkbook(more)), 'district.xlsx');
    expect(project!.needs.map((n) => n.site_id ?? null)).toEqual(['E1', 'E2', 'E3', null, null, null, null]);
  });

  it('a Budget sheet with district-wide lines among school lines keeps them district-wide', () => {
    // One school line, then one district-wide line, over and over (blank runs of one row).
    const rows: Cell[][] = [header('Budget')];
    for (let i = 0; i < 12; i++) {
      rows.push(row('Budget', { fiscal_year: 2026, fund_code: 'GEN', object: 'supplies', amount: 1000 + i, site_id: `S${i}`, description: `School ${i}` }));
      rows.push(row('Budget', { fiscal_year: 2026, fund_code: 'GEN', object: 'supplies', amount: 10, description: `District ${i}` }));
    }
    const { rows: out, report } = importTable([{ file: 'b.xlsx', sheet: 'Budget', rows }], { kind: 'budget' });
    expect(out.filter((r) => r.site_id === undefined)).toHaveLength(12);
    expect(report.filledDown).toEqual([]);
  });

  it('a StudentNeeds row with a blank site is rejected, naming its row, not given the site above', () => {
    const sheets = stewardWorkbook().map((s) => (s.name !== 'StudentNeeds' ? s : {
      ...s, rows: [...s.rows, row('StudentNeeds', { year: 2026, econ_disadvantaged: 99 })],
    }));
    const { project, reports } = projectFromGrids(xlsxGrids(sheets), 'district.xlsx');
    const r = reports.find((x) => x.kind === 'studentNeeds')!;
    // Header on row 1, E1–E3 on rows 2–4, the blank site on row 5.
    expect(r.errors).toEqual([{ file: 'district.xlsx', sheet: 'StudentNeeds', row: 5, column: 'site_id', value: '', reason: 'missing site_id' }]);
    expect([r.rows, r.accepted, r.rejected]).toEqual([4, 3, 1]);
    expect(project!.studentNeeds.map((n) => n.site_id)).toEqual(['E1', 'E2', 'E3']);
    expect(project!.studentNeeds.some((n) => n.counts.econ_disadvantaged === 99)).toBe(false);
  });

  it('a large CSV in the Steward layout goes the direct way and keeps its district-wide lines', () => {
    const lines = ['fiscal_year,fund_code,object,amount,function,site_id,program,description,fte'];
    for (let i = 0; i < 600; i++) lines.push(i % 10 === 9 ? `2026,GEN,supplies,5.00,2600,,,District line ${i},` : `2026,GEN,salaries,100.00,1000,S${i % 7},,School line ${i},1`);
    const text = lines.join('\n') + '\n';
    const direct = importCsvDirect(text, 'budget.csv', { kind: 'budget' }, undefined, 100);
    expect(direct).not.toBeNull();
    const grid = importTable(parseCsvText(text, 'budget.csv').grids, { kind: 'budget' });
    expect(direct!.imported).toEqual(grid);
    expect(grid.rows.filter((r) => r.site_id === undefined)).toHaveLength(60);
    expect(grid.report.filledDown).toEqual([]);
  });
});

describe('fill-down where the layout shows grouping', () => {
  /** An exported report: Location printed once per group, a "- Total" row after each group. */
  function report(groups: number, lines: number, subtotals: boolean): Cell[][] {
    const rows: Cell[][] = [['Riverbend USD'], ['Fund: 110 General'], ['FY 2025-26'], [], ['Location', 'Obj', 'Description', 'Amount']];
    for (let g = 0; g < groups; g++) {
      for (let i = 0; i < lines; i++) rows.push([i === 0 ? String(101 + g) : null, String(100 * (i + 1)), `Line ${i}`, `${g + 1}.00`]);
      if (subtotals) rows.push([`${101 + g} - Total`, null, null, `${(g + 1) * lines}.00`]);
    }
    if (subtotals) rows.push(['Grand Total', null, null, '0']);
    return rows;
  }

  it('fills a key shown once per group with subtotal rows, and says so per column with the rows', () => {
    const { rows, report: r } = importTable([{ file: 'export.xlsx', sheet: 'Detail', rows: report(3, 3, true) }], { kind: 'budget' });
    expect(rows.map((x) => x.site_id)).toEqual(['101', '101', '101', '102', '102', '102', '103', '103', '103']);
    // Rows: header 5; group 101 on 6–8, its total 9; 102 on 10–12, total 13; 103 on 14–16.
    expect(r.filledDown).toEqual([{ sheet: 'Detail', column: 'Location', field: 'site_id', count: 6, rows: [[7, 8], [11, 12], [15, 16]], via: 'subtotals' }]);
  });

  it('fills a key shown once over long runs without subtotal rows', () => {
    const { rows, report: r } = importTable([{ file: 'export.csv', sheet: 'export', rows: report(4, 5, false) }], { kind: 'budget' });
    expect(new Set(rows.map((x) => x.site_id))).toEqual(new Set(['101', '102', '103', '104']));
    expect(r.filledDown).toMatchObject([{ column: 'Location', count: 16, via: 'runs' }]);
  });

  it('does not fill two short groups without subtotals (no evidence of a report)', () => {
    const { rows } = importTable([{ file: 'x.csv', sheet: 'x', rows: report(2, 2, false) }], { kind: 'budget' });
    expect(rows.map((x) => x.site_id ?? null)).toEqual(['101', null, '102', null]);
  });

  it('fills exactly the rows a merged key cell covers', () => {
    const rows: Cell[][] = [['Location', 'Obj', 'Description', 'Amount'], ['101', '100', 'a', 1], [null, '200', 'b', 2], [null, '300', 'c', 3], [null, '600', 'district', 4]];
    const g: Grid = { file: 'm.xlsx', sheet: 'M', rows, merges: [{ s: { r: 1, c: 0 }, e: { r: 3, c: 0 } }] };
    const { rows: out, report: r } = importTable([g], { kind: 'budget', set: { fund_code: 'GEN', fiscal_year: '2026' } });
    expect(out.map((x) => x.site_id ?? null)).toEqual(['101', '101', '101', null]);
    expect(r.filledDown).toEqual([{ sheet: 'M', column: 'Location', field: 'site_id', count: 2, rows: [[3, 4]], via: 'merged' }]);
  });

  it('--no-fill-down (fillDown: false) leaves every blank blank, on the grid and the CSV path', () => {
    const grid = report(3, 3, true);
    const { rows, report: r } = importTable([{ file: 'export.xlsx', sheet: 'Detail', rows: grid }], { kind: 'budget', fillDown: false });
    expect(rows.map((x) => x.site_id ?? null)).toEqual(['101', null, null, '102', null, null, '103', null, null]);
    expect(r.filledDown).toEqual([]);
    const text = grid.map((x) => x.map((c) => (c === null ? '' : String(c))).join(',')).join('\n');
    const viaBytes = importBytes(new TextEncoder().encode(text), 'export.csv', { kind: 'budget', fillDown: false }).imported;
    expect(viaBytes.rows.map((x) => x.site_id ?? null)).toEqual(['101', null, null, '102', null, null, '103', null, null]);
  });
});
