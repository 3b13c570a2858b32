import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { readBytes } from '../../../models/import/read/index';
import { importBytes } from '../../../models/import/import-bytes';
import { templateFromReport } from '../../../models/import/mapping';
import { describeFile, leftOutRowsCsv, matchingTemplates, NO_CHOICES, planWizard, wizardOptions, type WizardChoices } from '../../../models/import/wizard';
import type { Grid } from '../../../models/import/types';

// The import wizard's steps (models/import/wizard.ts) on the messy fixtures: each choice the user
// makes gives the import `steward import` gives with the same flags.

const messy = join(__dirname, '..', '..', '..', 'fixtures', 'messy');
const expected = JSON.parse(readFileSync(join(messy, 'EXPECTED.json'), 'utf8')) as Record<string, { rows: number; accepted: number; excluded: number; amountCents: number }>;

function load(name: string): { grids: Grid[]; bytes: Uint8Array } {
  const bytes = new Uint8Array(readFileSync(join(messy, name)));
  return { grids: readBytes(bytes, name).grids, bytes };
}
const choices = (c: Partial<WizardChoices>): WizardChoices => ({ ...NO_CHOICES, ...c });
const bytesOf = (text: string) => new TextEncoder().encode(text);

describe('import wizard steps', () => {
  const { grids, bytes } = load('budget-export.xlsx');
  const file = describeFile(grids, 'budget-export.xlsx', 'xlsx', []);

  it('describes the file: its sheet, the table it looks like, the sheets to start with', () => {
    expect(file.sheets).toEqual([{ sheet: 'Adopted Budget', rows: expect.any(Number), hidden: false, guess: 'budget' }]);
    expect(file.defaultSheets).toEqual(['Adopted Budget']);
  });

  it('plans with the guesses: header row 5, Budget, the mapping, the counts EXPECTED.json records', () => {
    const { plan, rows } = planWizard(grids, file, NO_CHOICES);
    const want = expected['budget-export.xlsx']!;
    expect(plan.kind).toBe('budget');
    expect(plan.guessed).toBe('budget');
    expect(plan.scores[0]?.kind).toBe('budget');
    expect(plan.headerRow).toBe(5);
    expect(plan.headers).toEqual(['Location', 'Obj', 'Function', 'Program', 'Description', 'FTE', 'FY26 Adopted']);
    expect(plan.headerCandidates.map((c) => c.row).slice(0, 4)).toEqual([1, 2, 3, 5]); // row 4 is blank
    expect(plan.mapping.find((m) => m.field === 'amount')).toMatchObject({ column: 'FY26 Adopted', via: 'synonym' });
    expect(plan.mapping.find((m) => m.field === 'fund_code')).toMatchObject({ via: 'title', value: '110' });
    expect([plan.report.rows, plan.report.accepted, plan.report.excluded, plan.report.totals.amountCents]).toEqual([want.rows, want.accepted, want.excluded, want.amountCents]);
    expect(rows).toHaveLength(want.accepted);
    // Preview: the first data row (row 6) with its parsed values; "$151,402.00" → 15,140,200 cents.
    expect(plan.preview[0]).toMatchObject({ row: 6, status: 'accepted', values: [{ site_id: '101', object: '100', amount: 15_140_200, fte: 2.5, fund_code: '110', fiscal_year: 2026 }] });
    expect(plan.preview).toHaveLength(20);
    expect(plan.columnSamples[6]).toEqual(['$151,402.00', '1,388,023.00', '127780.1', '$ 136,183.00']);
    expect(plan.keys.fund_code).toEqual(['110']);
    expect(plan.command).toBe("steward import budget-export.xlsx --as budget --sheet 'Adopted Budget'");
  });

  it('a different column for a field changes the preview; a value for every row replaces the title block', () => {
    const { plan } = planWizard(grids, file, choices({ map: { description: 'Program' }, set: { fund_code: 'GEN' } }));
    expect(plan.mapping.find((m) => m.field === 'description')).toMatchObject({ column: 'Program', via: 'user' });
    // "Program" no longer feeds program, which finds no other column.
    expect(plan.mapping.find((m) => m.field === 'program')).toMatchObject({ column: null, via: 'missing' });
    expect(plan.preview[0]!.values[0]).toMatchObject({ description: 'regular', fund_code: 'GEN' });
    expect(plan.report.accepted).toBe(expected['budget-export.xlsx']!.accepted);
    expect(plan.command).toContain("--map description=Program --set fund_code=GEN");
  });

  it('"no column" for a field leaves it out; for a required field every row is rejected, with the reason', () => {
    const optional = planWizard(grids, file, choices({ map: { function: '' } })).plan;
    expect(optional.mapping.find((m) => m.field === 'function')).toMatchObject({ column: null, via: 'user' });
    expect(optional.preview[0]!.values[0]).not.toHaveProperty('function');
    const required = planWizard(grids, file, choices({ map: { object: '' } })).plan;
    expect(required.report.accepted).toBe(0);
    expect(required.report.warnings.some((w) => w.startsWith('required field object'))).toBe(true);
  });

  it('gives what `steward import` gives with the same flags (importBytes, the CLI parse worker\'s call)', () => {
    for (const c of [NO_CHOICES, choices({ kind: 'budget', map: { description: 'Program' }, set: { fund_code: 'GEN' } }), choices({ fillDown: false, strict: true })]) {
      const { plan, rows } = planWizard(grids, file, c);
      const cli = importBytes(bytes, 'budget-export.xlsx', { ...wizardOptions(c), sheet: 'Adopted Budget' }).imported;
      expect(plan.report).toEqual(cli.report);
      expect(rows).toEqual(cli.rows);
    }
  });

  it('a header row the user confirms is used as given (--header-row), and changes what is found', () => {
    const wrong = planWizard(grids, file, choices({ headerRow: 3, kind: 'budget' })).plan;
    expect(wrong.headerRow).toBe(3);
    expect(wrong.report.accepted).toBe(0);
    const right = planWizard(grids, file, choices({ headerRow: 5 })).plan;
    expect(right.report.accepted).toBe(expected['budget-export.xlsx']!.accepted);
  });

  it('lists left-out rows as CSV: rejected rows first with every reason and their own cells, then the excluded totals', () => {
    const text = ['Fund,Location,Object,Description,Amount', 'GEN,E01,salaries,Teachers,"$1,234.00"', 'GEN,E02,supplies,Bad amount,12abc', ',E03,,=cmd(),5', 'Total,,,,"$1,239.00"', ''].join('\r\n');
    const g = readBytes(bytesOf(text), 'small.csv').grids;
    const { plan } = planWizard(g, describeFile(g, 'small.csv', 'csv', []), choices({ set: { fiscal_year: '2026' } }));
    // Hand count: 4 data rows; accepted row 2; rejected row 3 (amount) and row 4 (fund; its blank
    // object alone would be kept as unclassified); excluded row 5 (Total).
    expect([plan.report.rows, plan.report.accepted, plan.report.rejected, plan.report.excluded]).toEqual([4, 1, 3, 1]);
    const csv = Papa.parse<string[]>(leftOutRowsCsv(g, plan.report), { skipEmptyLines: true }).data;
    expect(csv[0]).toEqual(['status', 'sheet', 'row', 'reasons', 'Fund', 'Location', 'Object', 'Description', 'Amount']);
    expect(csv.slice(1).map((r) => [r[0], r[2]])).toEqual([['rejected', '3'], ['rejected', '4'], ['excluded', '5']]);
    expect(csv[1]![3]).toMatch(/^Amount: "12abc" /);
    expect(csv[2]![3]).toBe('Fund: missing fund_code');
    expect(csv[2]![7]).toBe("'=cmd()"); // never a formula when opened in a spreadsheet
    expect(csv[3]![3]).toBe('Fund: "Total" excluded: totals row');
  });

  it('offers a saved template again when the same header shape is seen', () => {
    const { plan } = planWizard(grids, file, choices({ map: { description: 'Program', function: '' }, set: { fund_code: 'GEN' } }));
    const template = templateFromReport('Riverbend ledger', plan.report);
    expect(template).toEqual({ name: 'Riverbend ledger', kind: 'budget', columns: { object: 'Obj', amount: 'FY26 Adopted', function: '', site_id: 'Location', description: 'Program', fte: 'FTE' }, set: { fund_code: 'GEN' } });
    expect(matchingTemplates([template], plan.headers)).toEqual(['Riverbend ledger']);
    expect(matchingTemplates([template], ['Fund', 'Object', 'Amount'])).toEqual([]);
    expect(matchingTemplates([template], plan.headers, 'positions')).toEqual([]);
    // Applied, it gives the same import as the choices it was saved from.
    const again = planWizard(grids, file, choices({ template })).plan;
    expect(again.mapping.find((m) => m.field === 'description')).toMatchObject({ column: 'Program', via: 'template' });
    expect(again.mapping.find((m) => m.field === 'function')).toMatchObject({ column: null, via: 'template' });
    expect(again.report.totals).toEqual(plan.report.totals);
    expect(again.matchingTemplates).toEqual([]); // no templates given to match
  });

  it('several sheets of a workbook are read as one table; progress is reported as rows go by', () => {
    const byFund = load('budget-by-fund.xlsx').grids;
    const f = describeFile(byFund, 'budget-by-fund.xlsx', 'xlsx', []);
    expect(f.defaultSheets).toHaveLength(6);
    const seen: [number, number][] = [];
    const all = planWizard(byFund, f, NO_CHOICES, [], (done, total) => seen.push([done, total])).plan;
    expect(all.sheets).toHaveLength(6);
    expect(all.report.accepted).toBe(expected['budget-by-fund.xlsx']!.accepted);
    expect(seen.at(-1)![0]).toBe(seen.at(-1)![1]);
    const one = planWizard(byFund, f, choices({ sheets: ['281 T1A'] })).plan;
    expect(one.sheets).toEqual(['281 T1A']);
    expect(one.report.accepted).toBeLessThan(all.report.accepted);
  });
});
