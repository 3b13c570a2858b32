import { describe, expect, it } from 'vitest';
import { demoProject } from '../../../models/demo/district';
import { cellValue, editText, parseCell, rowFromTexts, rowWithCell } from '../../../models/project/cell-edit';
import { gridColumns, type GridColumn } from '../../../models/project/grid-columns';
import { TABLE_KINDS, type TableKind } from '../../../models/schema/tables';

// A cell typed on the Data screen is read as the importer reads that cell of a CSV (the column's
// compiled converter), then the row is checked with the table's schema. Each case below is a cell
// a district's spreadsheet really holds, with the value or the message the importer gives.

const col = (table: TableKind, key: string, rows: Record<string, unknown>[] = []): GridColumn => {
  const c = gridColumns(table, rows).find((x) => x.key === key);
  if (!c) throw new Error(`${table} has no column ${key}`);
  return c;
};
const read = (table: TableKind, key: string, text: string) => parseCell(table, col(table, key), text);
const value = (v: unknown) => ({ ok: true, value: v });
const refused = (message: string) => ({ ok: false, message });

describe('parseCell: the importer\'s reading of each kind of cell', () => {
  it.each([
    // money: dollars to integer cents, straight from the digits
    ['budget', 'amount', '$1,234.56', value(123456)],
    ['budget', 'amount', '(12.00)', value(-1200)], // parenthesised negative, as ledgers print it
    ['budget', 'amount', '1,234.5', value(123450)],
    ['budget', 'amount', '-', value(0)], // a dash is zero in finance exports
    ['budget', 'amount', '12abc', refused('not an amount: "12abc"')],
    ['needs', 'cost', '-5', refused('-5.00 is below the minimum 0.00')], // spoken of in dollars
    // rates: a percent or a decimal
    ['positions', 'benefits_rate', '8%', value(0.08)],
    ['positions', 'benefits_rate', '0.245', value(0.245)],
    ['positions', 'benefits_rate', 'eight', refused('not a rate or percent: "eight"')],
    ['positions', 'benefits_rate', '250%', refused('2.5 is above the maximum 2')],
    // shares: a bare number above 1 is percent points
    ['funds', 'carryover_pct', '15', value(0.15)],
    ['funds', 'carryover_pct', '150%', refused('1.5 is above the maximum 1')],
    // FTE
    ['positions', 'fte', '0.5', value(0.5)],
    ['positions', 'fte', '-1', refused('-1 is below the minimum 0')],
    ['positions', 'fte', 'abc', refused('not a number: "abc"')],
    // whole numbers
    ['enrollment', 'students', '1,234', value(1234)],
    ['enrollment', 'students', '12.5', refused('not a whole number: 12.5')],
    ['enrollment', 'students', '-4', refused('-4 is below the minimum 0')],
    ['enrollment', 'students', '', refused('missing students')], // required: a blank is refused, never 0
    // fiscal years
    ['enrollment', 'year', 'FY26', value(2026)],
    ['enrollment', 'year', '2025-26', value(2026)],
    ['enrollment', 'year', '26x', refused('not a fiscal year: "26x"')],
    // dates
    ['funds', 'end_date', '2027-09-30', value('2027-09-30')],
    ['funds', 'end_date', '9/30/2027', value('2027-09-30')],
    ['funds', 'end_date', 'soon', refused('not a date: "soon"')],
    // yes/no
    ['funds', 'restricted', 'yes', value(true)],
    ['funds', 'restricted', 'maybe', refused('not yes/no: "maybe"')],
    // enums, with the workbook's aliases
    ['sites', 'level', 'elementary', value('ES')],
    ['sites', 'level', 'college', refused('"college" is not one of ES, MS, HS, K8, 6-12, Other, Central')],
    ['positions', 'status', 'open', value('vacant')],
    ['positions', 'status', '', value('filled')], // the field's default, as an import gives a blank
    // grades
    ['enrollment', 'grade', 'kindergarten', value('K')],
    ['enrollment', 'grade', '13', refused('not a grade (PK, K, 1–12): "13"')],
    // funding splits
    ['positions', 'funding', 'GEN:0.6; T1A:0.4', value([{ fund_code: 'GEN', share: 0.6 }, { fund_code: 'T1A', share: 0.4 }])],
    ['positions', 'funding', 'GEN 60%/T1A 40%', value([{ fund_code: 'GEN', share: 0.6 }, { fund_code: 'T1A', share: 0.4 }])],
    ['positions', 'funding', 'GEN:abc', refused('not a funding split (write "GEN:0.6; T1:0.4"): "GEN:abc"')],
    // lists
    ['funds', 'eligible_uses', 'econ_disadvantaged, english_learners', value(['econ_disadvantaged', 'english_learners'])],
    ['funds', 'eligible_uses', '', value(['any'])],
    // keys and text
    ['sites', 'site_id', ' 0101 ', value('0101')], // kept as written, trimmed
    ['sites', 'name', '', refused('missing name')],
    ['budget', 'site_id', '', value(undefined)], // optional: a district-wide line
  ] as const)('%s.%s %j', (table, key, text, want) => {
    expect(read(table, key, text)).toEqual(want);
  });

  it('reads a need count column as need-counts.ts does', () => {
    const rows = [{ site_id: '101', year: 2026, counts: { english_learners: 3 } }];
    const c = col('studentNeeds', 'counts:english_learners', rows);
    expect(parseCell('studentNeeds', c, '12')).toEqual(value(12));
    expect(parseCell('studentNeeds', c, '-1')).toEqual(refused('a count cannot be negative'));
    expect(parseCell('studentNeeds', c, 'many')).toEqual(refused('not a number: "many"'));
    expect(parseCell('studentNeeds', c, '')).toEqual(value(undefined));
  });

  it('reads a Drivers per-year column as year-values.ts does (a number or a percent)', () => {
    const rows = [{ driver: 'cola', by_year: { '2027': 0.035 } }];
    const c = col('drivers', 'by_year:2027', rows);
    expect(parseCell('drivers', c, '3.5%')).toEqual(value(0.035));
    expect(parseCell('drivers', c, 'high')).toEqual(refused('not a rate or percent: "high"'));
  });
});

describe('rowWithCell', () => {
  const row = { site_id: '101', year: 2026, grade: 'K', students: 40 };

  it('gives the row with the new value, leaving the old row as it was', () => {
    const r = rowWithCell('enrollment', row, col('enrollment', 'students'), '41');
    expect(r).toEqual({ ok: true, row: { ...row, students: 41 } });
    expect(row.students).toBe(40);
  });

  it('says "unchanged" when the text reads as the value the row already holds', () => {
    expect(rowWithCell('enrollment', row, col('enrollment', 'students'), ' 40 ')).toMatchObject({ ok: true, unchanged: true });
  });

  it('removes an optional value cleared to blank (no default is invented)', () => {
    const line = { fiscal_year: 2026, fund_code: 'GEN', object: 'supplies', amount: 100, site_id: '101' };
    const r = rowWithCell('budget', line, col('budget', 'site_id'), '');
    expect(r.ok && Object.hasOwn(r.row, 'site_id')).toBe(false);
  });

  it('sets and clears one need category inside the counts record', () => {
    const needs = { site_id: '101', year: 2026, counts: { econ_disadvantaged: 5, english_learners: 3 } };
    const c = col('studentNeeds', 'counts:english_learners', [needs]);
    const set = rowWithCell('studentNeeds', needs, c, '4');
    expect(set.ok && { ...(set.row.counts as object) }).toEqual({ econ_disadvantaged: 5, english_learners: 4 });
    const cleared = rowWithCell('studentNeeds', needs, c, '');
    expect(cleared.ok && { ...(cleared.row.counts as object) }).toEqual({ econ_disadvantaged: 5 });
  });
});

describe('rowFromTexts (a new row)', () => {
  const columns = gridColumns('needs', []);
  it('names each column that cannot be read, and a missing required one', () => {
    expect(rowFromTexts('needs', columns, { need_id: 'N9', cost: '$1,500', priority: 'first' })).toEqual({
      ok: false, messages: { category: 'missing category', priority: 'not a number: "first"' },
    });
  });
  it('builds the row when every column reads', () => {
    expect(rowFromTexts('needs', columns, { need_id: 'N9', category: 'english_learners', cost: '$1,500', priority: '2' })).toEqual({
      ok: true, row: { need_id: 'N9', category: 'english_learners', cost: 150000, priority: 2 },
    });
  });
});

describe('editText', () => {
  // Invariant: the text an editor starts with reads back as the value the cell holds, for every
  // cell of every table of the demo district — so opening a cell and pressing Enter changes nothing.
  it('round-trips every cell of the demo district', () => {
    const p = demoProject() as unknown as Record<string, Record<string, unknown>[]>;
    let cells = 0;
    for (const table of TABLE_KINDS) {
      if (table === 'settings') continue;
      const rows = p[table] ?? [];
      for (const c of gridColumns(table, rows)) {
        for (const row of rows) {
          const r = rowWithCell(table, row, c, editText(c, row));
          expect(r, `${table}.${c.key} = ${JSON.stringify(cellValue(c, row))} as "${editText(c, row)}"`).toMatchObject({ ok: true, unchanged: true });
          cells++;
        }
      }
    }
    expect(cells).toBeGreaterThan(40_000);
  });

  it('writes money in dollars, rates as percents, funding and lists as the workbook does', () => {
    const c = (table: TableKind, key: string) => col(table, key);
    expect(editText(c('budget', 'amount'), { amount: -123456 })).toBe('-1234.56');
    expect(editText(c('budget', 'amount'), { amount: 5 })).toBe('0.05');
    expect(editText(c('positions', 'benefits_rate'), { benefits_rate: 0.0825 })).toBe('8.25%');
    expect(editText(c('positions', 'funding'), { funding: [{ fund_code: 'GEN', share: 0.6 }, { fund_code: 'T1A', share: 0.4 }] })).toBe('GEN:0.6; T1A:0.4');
    expect(editText(c('funds', 'eligible_uses'), { eligible_uses: ['a', 'b'] })).toBe('a, b');
    expect(editText(c('funds', 'restricted'), { restricted: false })).toBe('no');
  });
});
