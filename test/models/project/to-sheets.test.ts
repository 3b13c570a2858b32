import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoProject } from '../../../models/demo/district';
import { projectToSheets, cellOf, tableRows } from '../../../models/project/to-sheets';
import { columnNotes, templateSheets, workbookMarkdown } from '../../../models/project/template';
import { TABLES } from '../../../models/schema/tables';

const demo = demoProject();
const sheets = projectToSheets(demo);
const sheet = (name: string) => sheets.find((s) => s.name === name)!;

describe('projectToSheets', () => {
  it('writes one sheet per TABLES entry, in order, with a header row and one row per record', () => {
    expect(sheets.map((s) => s.name)).toEqual(Object.values(TABLES).map((t) => t.sheet));
    expect(sheet('Budget').rows).toHaveLength(demo.budget.length + 1);
    expect(sheet('Positions').rows).toHaveLength(demo.positions.length + 1);
    expect(sheet('Sites').rows[0]).toEqual(['site_id', 'name', 'level']);
  });

  it('writes money in dollars, funding as "GEN:0.6; T1A:0.4", lists comma-separated, yes/no, blanks as null', () => {
    expect(cellOf('money', 123456)).toBe(1234.56);
    expect(cellOf('money', -5)).toBe(-0.05);
    expect(cellOf('funding', [{ fund_code: 'GEN', share: 0.6 }, { fund_code: 'T1A', share: 0.4 }])).toBe('GEN:0.6; T1A:0.4');
    expect(cellOf('list', ['english_learners', 'econ_disadvantaged'])).toBe('english_learners, econ_disadvantaged');
    expect(cellOf('bool', true)).toBe('yes');
    expect(cellOf('text', undefined)).toBeNull();
    const funds = sheet('Funds').rows;
    const t1 = funds.find((r) => r[0] === 'T1A')!;
    expect(t1).toEqual(['T1A', 'Title I, Part A - Improving Basic Programs', 'federal', 'yes', 2_650_000, 'econ_disadvantaged', '2027-09-30', 'yes', 0.15]);
  });

  it('spreads need counts and per-year driver values over columns of their own', () => {
    expect(sheet('StudentNeeds').rows[0]).toEqual(['site_id', 'year', 'econ_disadvantaged', 'english_learners', 'students_with_disabilities', 'homeless']);
    expect(sheet('Drivers').rows[0]).toEqual(['driver', 'value', '2027', '2028', 'low', 'high', 'distribution']);
    const rows = tableRows('drivers', [{ driver: 'cola', by_year: { '2029': 0.02 } }]);
    expect(rows).toEqual([['driver', 'value', '2029', 'low', 'high', 'distribution'], ['cola', null, 0.02, null, null, null]]);
  });

  it('writes Settings as key/value rows, the fund balance in dollars', () => {
    expect(sheet('Settings').rows).toEqual([
      ['key', 'value'], ['district_name', 'Riverbend Unified School District'], ['base_year', 2026], ['horizon_years', 5],
      ['beginning_fund_balance', demo.settings.beginning_fund_balance / 100], ['reserve_policy_pct', 0.08], ['seed', 2026],
      ['state_aid_share', '0.62'],
    ]);
  });

});

describe('templateSheets', () => {
  const template = templateSheets();
  it('has every sheet with its header only, Settings keys listed, and a Notes sheet', () => {
    expect(template.map((s) => s.name)).toEqual([...Object.values(TABLES).map((t) => t.sheet), 'Notes']);
    for (const s of template) if (s.name !== 'Settings' && s.name !== 'Notes') expect(s.rows).toHaveLength(1);
    expect(template[0]!.rows.map((r) => r[0])).toEqual(['key', 'district_name', 'base_year', 'horizon_years', 'beginning_fund_balance', 'reserve_policy_pct', 'seed']);
    expect(template.find((s) => s.name === 'Budget')!.rows[0]).toEqual(sheet('Budget').rows[0]);
  });

  it('notes every column of every sheet (engine sheets included) with required, kind, doc and an example', () => {
    const notes = columnNotes();
    for (const [kind, t] of Object.entries(TABLES)) {
      if (kind === 'settings') continue;
      const header = template.find((s) => s.name === t.sheet)!.rows[0]!;
      for (const col of header) expect(notes.some((n) => n.sheet === t.sheet && n.column === col), `${t.sheet}.${String(col)}`).toBe(true);
    }
    expect(notes.find((n) => n.sheet === 'Budget' && n.column === 'amount')).toMatchObject({ required: true, kind: 'money', doc: 'Amount (dollars)' });
    expect(notes.find((n) => n.sheet === 'Budget' && n.column === 'site_id')).toMatchObject({ required: false });
    expect(notes.find((n) => n.sheet === 'Positions' && n.column === 'funding')).toMatchObject({ required: false, kind: 'funding', example: 'GEN:1' });
    expect(notes.every((n) => n.doc !== '' && n.example !== '')).toBe(true);
  });

  it('docs/workbook.md is up to date with the schemas (regenerate with `npm run fixtures`)', () => {
    const committed = readFileSync(join(__dirname, '../../../docs/workbook.md'), 'utf8');
    expect(committed).toBe(workbookMarkdown());
  });
});
