import { describe, expect, it } from 'vitest';
import { importCsvDirect } from '../../../models/import/csv-direct';
import { parseCsvText } from '../../../models/import/read/csv';
import { importTable } from '../../../models/import/table';
import type { Cell, Grid } from '../../../models/import/types';
import { projectFromGrids } from '../../../models/project/from-grids';

// Issue 12 §8: totals tie to the source file. A Budget or Actuals row with a valid amount and a
// blank object is kept as "unclassified" and listed; a row without a valid amount is still
// rejected; --strict (ImportOptions.strict) rejects the blank object again.

const grid = (rows: Cell[][], sheet = 'Ledger'): Grid => ({ file: 'ledger.xlsx', sheet, rows });

/** A finance export: header, six lines (two with a blank object), a bad amount, a subtotal and a grand total. */
const LEDGER: Cell[][] = [
  ['Fund', 'Object', 'Function', 'Program', 'Description', 'Amount'],
  ['GEN', 'salaries', '1000', 'regular', 'Teachers', '1,000.00'], //          row 2
  ['GEN', null, '1000', null, 'Substitutes', '250.50'], //                    row 3: blank object
  ['GEN', 'supplies', null, null, 'Paper', '(20.00)'], //                     row 4
  ['GEN', '  ', '2600', 'ops', 'Custodial contract', '300.00'], //             row 5: blank object (spaces)
  ['T1A', 'salaries', '1000', 'title1', 'Tutors', '400.00'], //               row 6
  ['T1A', null, '1000', 'title1', 'No amount either', 'n/a'], //              row 7: no valid amount
  ['', 'supplies', '1000', null, 'No fund', '75.25'], //                      row 8: blank fund
  ['GEN Total', null, null, null, null, '1,530.50'], //                        row 9: subtotal
  ['Grand Total', null, null, null, null, '2,005.75'], //                      row 10: total
];

describe('blank classification kept as "unclassified" (default)', () => {
  it('keeps a row with a valid amount and a blank object, lists it, and ties to the file', () => {
    const { rows, report } = importTable([grid(LEDGER)], { kind: 'budget', set: { fiscal_year: '2026' } });
    expect(rows.map((r) => [r.src && (r.src as { row: number }).row, r.object])).toEqual([
      [2, 'salaries'], [3, 'unclassified'], [4, 'supplies'], [5, 'unclassified'], [6, 'salaries'],
    ]);
    // Rows: 9 read = 5 accepted + 4 rejected (row 7 no amount, row 8 no fund, rows 9–10 excluded).
    expect([report.rows, report.accepted, report.rejected, report.excluded]).toEqual([9, 5, 4, 2]);
    expect(report.unclassified).toBe(2);
    expect(report.rowWarnings).toEqual([
      { file: 'ledger.xlsx', sheet: 'Ledger', row: 3, column: 'Object', value: '', reason: 'blank object: kept as "unclassified" (--strict rejects it)' },
      { file: 'ledger.xlsx', sheet: 'Ledger', row: 5, column: 'Object', value: '', reason: 'blank object: kept as "unclassified" (--strict rejects it)' },
    ]);
    // Functions and programs are optional: blank stays blank, never "unclassified".
    expect(rows.map((r) => r.function ?? null)).toEqual(['1000', '1000', null, '2600', '1000']);
    // Imported: 1,000.00 + 250.50 − 20.00 + 300.00 + 400.00 = 1,930.50.
    expect(report.totals.amountCents).toBe(193_050);
    // File: the same plus row 8's valid 75.25 (rejected for its fund) = 2,005.75; row 7 has no
    // valid amount and rows 9–10 are totals. The import does not tie, and says so, because of row 8.
    expect(report.totals.fileAmountCents).toBe(200_575);
    expect(report.totals.ties).toBe(false);
    expect(report.errors.filter((e) => !e.reason.startsWith('excluded')).map((e) => [e.row, e.column, e.reason])).toEqual([
      [7, 'Amount', 'missing amount'], [8, 'Fund', 'missing fund_code'],
    ]);
  });

  it('ties when every row with a valid amount is kept (the finance check)', () => {
    const rows = LEDGER.filter((_, i) => i !== 8 - 1); // without row 8 (the blank fund)
    const { report } = importTable([grid(rows)], { kind: 'budget', set: { fiscal_year: '2026' } });
    // 1,930.50 imported = 1,930.50 in the file (row 7 has no valid amount: in neither).
    expect([report.totals.amountCents, report.totals.fileAmountCents, report.totals.ties]).toEqual([193_050, 193_050, true]);
  });

  it('--strict rejects the blank objects again, and the totals no longer tie', () => {
    const { rows, report } = importTable([grid(LEDGER)], { kind: 'budget', set: { fiscal_year: '2026' }, strict: true });
    expect(rows.map((r) => r.object)).toEqual(['salaries', 'supplies', 'salaries']);
    expect([report.rows, report.accepted, report.rejected, report.unclassified]).toEqual([9, 3, 6, 0]);
    expect(report.rowWarnings).toEqual([]);
    expect(report.errors.filter((e) => e.reason === 'missing object').map((e) => [e.row, e.column])).toEqual([[3, 'Object'], [5, 'Object'], [7, 'Object']]);
    // Imported: 1,000.00 − 20.00 + 400.00 = 1,380.00; the file still 2,005.75.
    expect([report.totals.amountCents, report.totals.fileAmountCents, report.totals.ties]).toEqual([138_000, 200_575, false]);
  });

  it('applies to Actuals (object) as well', () => {
    const rows: Cell[][] = [
      ['as_of', 'fiscal_year', 'fund_code', 'object', 'ytd_amount'],
      ['2026-03-31', 2026, 'GEN', 'salaries', 100],
      ['2026-03-31', 2026, 'GEN', null, 50],
    ];
    const loose = importTable([grid(rows, 'Actuals')], { kind: 'actuals' });
    expect(loose.rows.map((r) => r.object)).toEqual(['salaries', 'unclassified']);
    expect([loose.report.unclassified, loose.report.totals.ties]).toEqual([1, true]);
    const strict = importTable([grid(rows, 'Actuals')], { kind: 'actuals', strict: true });
    expect([strict.report.accepted, strict.report.rejected, strict.report.totals.ties]).toEqual([1, 1, false]);
  });

  it('leaves other tables alone: a blank required id is still missing', () => {
    const { report } = importTable([grid([['position_id', 'site_id', 'role', 'fte'], ['P1', 'S1', null, 1]], 'Positions')], { kind: 'positions' });
    expect(report.errors.map((e) => e.reason)).toEqual(['missing role']);
    expect(report.unclassified).toBe(0);
  });

  it('has no file total when the amount is not read from a column', () => {
    const { report } = importTable([grid([['fund_code', 'object'], ['GEN', 'x']])], { kind: 'budget', set: { fiscal_year: '2026', amount: '5' } });
    expect([report.totals.amountCents, report.totals.fileAmountCents, report.totals.ties]).toEqual([500, null, null]);
  });

  it('the direct CSV path gives the grid path\'s result in both modes', () => {
    const lines = ['fiscal_year,fund_code,object,function,site_id,description,amount'];
    for (let i = 0; i < 500; i++) lines.push(`2026,GEN,${i % 9 === 4 ? '' : 'supplies'},1000,${100 + (i % 5)},Line ${i},${i % 50 === 7 ? 'x' : `${i}.25`}`);
    const text = lines.join('\n') + '\n';
    for (const strict of [false, true]) {
      const direct = importCsvDirect(text, 'ledger.csv', { kind: 'budget', strict }, undefined, 100);
      expect(direct, `strict ${strict}`).not.toBeNull();
      expect(direct!.imported).toEqual(importTable(parseCsvText(text, 'ledger.csv').grids, { kind: 'budget', strict }));
      const r = direct!.imported.report;
      // 500 lines; every 9th from line 4 has a blank object (56 of them); every 50th from line 7 a bad amount (10).
      expect(r.unclassified).toBe(strict ? 0 : 56 - 1); // line 274 has both: rejected for its amount
      expect(r.accepted).toBe(strict ? 500 - 56 - 10 + 1 : 500 - 10);
    }
  });

  it('projectFromGrids passes strict (and fillDown) to every table', () => {
    const sheets: Grid[] = [
      { file: 'd.xlsx', sheet: 'Settings', rows: [['key', 'value'], ['base_year', 2026]] },
      { file: 'd.xlsx', sheet: 'Sites', rows: [['site_id', 'name', 'level'], ['S1', 'One', 'ES']] },
      { file: 'd.xlsx', sheet: 'Enrollment', rows: [['site_id', 'year', 'grade', 'students'], ['S1', 2026, 'K', 10]] },
      { file: 'd.xlsx', sheet: 'StudentNeeds', rows: [['site_id', 'year', 'english_learners'], ['S1', 2026, 1]] },
      { file: 'd.xlsx', sheet: 'Funds', rows: [['fund_code', 'name', 'source', 'restricted', 'available'], ['GEN', 'General', 'local', 'no', 1000]] },
      { file: 'd.xlsx', sheet: 'Budget', rows: [['fiscal_year', 'fund_code', 'object', 'amount'], [2026, 'GEN', 'salaries', 900], [2026, 'GEN', null, 100]] },
      { file: 'd.xlsx', sheet: 'Positions', rows: [['position_id', 'site_id', 'role', 'fte']] },
      { file: 'd.xlsx', sheet: 'SalarySchedule', rows: [['schedule', 'lane', 'step', 'salary'], ['T', 'BA', 1, 40000]] },
    ];
    const loose = projectFromGrids(sheets, 'd.xlsx');
    expect(loose.project!.budget.map((b) => b.object)).toEqual(['salaries', 'unclassified']);
    expect(loose.reports.find((r) => r.kind === 'budget')!.totals.ties).toBe(true);
    const strict = projectFromGrids(sheets, 'd.xlsx', { strict: true, fillDown: false });
    expect(strict.project!.budget.map((b) => b.object)).toEqual(['salaries']);
    expect(strict.reports.find((r) => r.kind === 'budget')!.errors.map((e) => [e.row, e.reason])).toEqual([[3, 'missing object']]);
  });
});

describe('importNotices: what validate and the load gate list as warnings', () => {
  it('one warning per unclassified row (where, like a rejection), per filled-down column, and for a total that does not tie', async () => {
    const { importNotices } = await import('../../../models/project/import-notices');
    const { formatCents } = await import('../../../models/money/cents');
    const money = (c: number) => formatCents(c as Parameters<typeof formatCents>[0]);
    const rows: Cell[][] = [
      ['Location', 'Object', 'Description', 'Amount'],
      ['101', 'salaries', 'Teachers', '10.00'], [null, null, 'Aides', '5.00'], ['101 - Total', null, null, '15.00'],
      ['102', 'supplies', 'Paper', '1.00'], [null, 'supplies', 'Pens', 'x'], ['102 - Total', null, null, '1.00'],
    ];
    const { report } = importTable([grid(rows)], { kind: 'budget', set: { fiscal_year: '2026', fund_code: 'GEN' } });
    expect(importNotices(report, money)).toEqual([
      { severity: 'warning', table: 'budget', file: 'ledger.xlsx', sheet: 'Ledger', row: 3, column: 'Object', message: 'blank object: kept as "unclassified" (--strict rejects it)' },
      { severity: 'warning', table: 'budget', file: 'ledger.xlsx', sheet: 'Ledger', column: 'Location', message: 'filled down: Location (site_id): 2 blanks filled from the key above on rows 3, 6 (keys shown once per group, closed by subtotal rows)' },
    ]);
    // Row 6 has no valid amount: rejected, and not part of the file's total (10 + 5 + 1 = 16.00), so it still ties.
    expect(report.totals).toMatchObject({ amountCents: 1600, fileAmountCents: 1600, ties: true });
    const strict = importTable([grid(rows)], { kind: 'budget', set: { fiscal_year: '2026', fund_code: 'GEN' }, strict: true }).report;
    expect(importNotices(strict, money).at(-1)).toEqual({ severity: 'warning', table: 'budget', file: 'ledger.xlsx', sheet: 'Ledger', message: 'total amount $11.00 does not tie to the file: its data rows total $16.00, $5.00 of it in rejected rows' });
  });
});
