import { describe, expect, it } from 'vitest';
import { importTable } from '../../../models/import/table';
import type { Grid } from '../../../models/import/types';

// A blank in an optional key column usually means "none": one filled cell above blanks is a
// sparse value, not a group key, so it must not be filled down (found on the demo's Plans sheet).
describe('fill-down of optional key columns', () => {
  it('leaves a sparse optional column blank', () => {
    const grid: Grid = { file: 'plans.csv', sheet: 'Plans', rows: [
      ['plan', 'action', 'start_year', 'role', 'pct'],
      ['Cuts', 'cut_positions', '2027', 'teacher', ''],
      ['Cuts', 'budget_pct', '2027', '', '-10%'],
      ['Cuts', 'budget_amount', '2027', '', ''],
    ] };
    const { rows, report } = importTable([grid], { kind: 'plans' });
    expect(report.accepted).toBe(3);
    expect(rows.map((r) => r.role)).toEqual(['teacher', undefined, undefined]);
  });

  it('does not fill a required key from the row above without a report layout: the blank is rejected', () => {
    const grid: Grid = { file: 'budget.csv', sheet: 'Budget', rows: [
      ['fiscal_year', 'fund_code', 'object', 'amount', 'description'],
      ['2026', 'GEN', 'supplies', '100.00', 'Paper'],
      ['2026', '', 'supplies', '50.00', 'Toner'],
      ['2026', 'T1A', 'supplies', '20.00', 'Books'],
      ['2026', '', 'supplies', '5.00', 'Pens'],
    ] };
    // Two groups of two lines, no subtotal rows, no merges: nothing shows that GEN is printed once
    // for a block (issue 12 §2), so the blank fund codes are missing data, named by row.
    const { rows, report } = importTable([grid], { kind: 'budget' });
    expect(rows.map((r) => r.fund_code)).toEqual(['GEN', 'T1A']);
    expect(report.errors.map((e) => [e.row, e.column, e.reason])).toEqual([[3, 'fund_code', 'missing fund_code'], [5, 'fund_code', 'missing fund_code']]);
    expect(report.filledDown).toEqual([]);
  });
});
