import { describe, expect, it } from 'vitest';
import { demoProject } from '../../models/demo/district';
import { gridColumns } from '../../models/project/grid-columns';
import { formatCents, type Cents } from '../../models/money/cents';
import { countText, displayText, fteText, moneyText } from '../../renderer/features/data/cell-display';
import { count, fteColumn } from '../../renderer/format';
import { viewOrder } from '../../renderer/features/data/table-view';
import { columnSums, sumsAfterEdit, totalTexts } from '../../renderer/features/data/totals';
import { editorKey, moveFor } from '../../renderer/ui/data-table/grid-keys';
import { EMPTY_VIEW } from '../../renderer/store/data-slice';

// The Data screen's grid logic, under Node: which rows are in view (filters, search, sort), the
// totals row, how cells read, and the spreadsheet keys.

const budget = [
  { fiscal_year: 2026, fund_code: 'GEN', object: 'supplies', amount: 1_000_00, site_id: '101', description: 'Paper', fte: 0.1 },
  { fiscal_year: 2026, fund_code: 'T1A', object: 'salaries', amount: 55_000_00, site_id: '1001', description: 'Tutor', fte: 0.2 },
  { fiscal_year: 2025, fund_code: 'GEN', object: 'supplies', amount: -12_00, description: 'Refund' },
  { fiscal_year: 2026, fund_code: 'GEN', object: 'capital', amount: 9_99, site_id: '99', fte: 1 },
];
const columns = gridColumns('budget', budget);
const order = (view: Partial<typeof EMPTY_VIEW>) => viewOrder('budget', budget, columns, { ...EMPTY_VIEW, ...view });

describe('viewOrder', () => {
  it('keeps every row in table order with no filter or sort', () => {
    expect(order({})).toEqual({ order: [0, 1, 2, 3], messages: [] });
  });

  it('filters a column by text, and a number column by a comparison read as the cell would be', () => {
    expect(order({ filters: { fund_code: 'gen' } }).order).toEqual([0, 2, 3]);
    expect(order({ filters: { amount: '>$999' } }).order).toEqual([0, 1]); // $1,000.00 and $55,000.00
    expect(order({ filters: { amount: '<0' } }).order).toEqual([2]);
    expect(order({ filters: { amount: '1000' } }).order).toEqual([0]); // text: "$1,000.00" / "1000.00"
    expect(order({ filters: { fiscal_year: '=2025' } }).order).toEqual([2]);
    expect(order({ filters: { amount: '>lots' } })).toEqual({ order: [0, 1, 2, 3], messages: ['amount: not an amount: "lots"'] });
  });

  it('searches every column with the quick filter, combined with the column filters', () => {
    expect(order({ quick: 'tutor' }).order).toEqual([1]);
    expect(order({ quick: 'supplies', filters: { fiscal_year: '=2026' } }).order).toEqual([0]);
  });

  it('sorts numbers as numbers, keys of digits as numbers, blanks last, and keeps ties in table order', () => {
    expect(order({ sort: { column: 'amount', desc: false } }).order).toEqual([2, 3, 0, 1]);
    expect(order({ sort: { column: 'amount', desc: true } }).order).toEqual([1, 0, 3, 2]);
    expect(order({ sort: { column: 'site_id', desc: false } }).order).toEqual([3, 0, 1, 2]); // 99, 101, 1001, blank
    expect(order({ sort: { column: 'fund_code', desc: false } }).order).toEqual([0, 2, 3, 1]);
  });
});

describe('the totals row', () => {
  it('sums money in cents and FTE in ten-thousandths over the rows in view', () => {
    // 1,000.00 + 55,000.00 − 12.00 + 9.99 = 55,997.99; FTE 0.1 + 0.2 + 1 = 1.30 (not 1.3000000000000003)
    const sums = columnSums(columns, budget, [0, 1, 2, 3]);
    expect(sums[columns.findIndex((c) => c.key === 'amount')]).toBe(5_599_799);
    expect(totalTexts(columns, sums).filter((t) => t !== null)).toEqual(['$55,997.99', '1.30']);
    expect(totalTexts(columns, columnSums(columns, budget, [2]))[columns.findIndex((c) => c.key === 'amount')]).toBe('-$12.00');
  });

  it('counts students and need counts; leaves steps and priorities empty', () => {
    const p = demoProject();
    const enrollment = gridColumns('enrollment', p.enrollment);
    const all = p.enrollment.map((_, i) => i);
    const students = p.enrollment.reduce((a, e) => a + e.students, 0);
    expect(columnSums(enrollment, p.enrollment, all)).toEqual([null, null, null, students]);
    const needs = gridColumns('studentNeeds', p.studentNeeds);
    const el = needs.findIndex((c) => c.key === 'counts:english_learners');
    expect(columnSums(needs, p.studentNeeds, p.studentNeeds.map((_, i) => i))[el]).toBe(p.studentNeeds.reduce((a, n) => a + (n.counts.english_learners ?? 0), 0));
    const positions = gridColumns('positions', p.positions);
    expect(columnSums(positions, p.positions, [0])[positions.findIndex((c) => c.key === 'step')]).toBeNull();
  });
});

describe('totals carried through an edit', () => {
  // Invariant: the sums after an edit, carried from the sums before it, equal the sums added up again.
  it('equal the sums added up again, and give up when rows were added or removed', () => {
    const p = demoProject();
    const cols = gridColumns('budget', p.budget);
    const all = p.budget.map((_, i) => i);
    let rows = p.budget;
    let sums = columnSums(cols, rows, all);
    for (let k = 0; k < 50; k++) {
      const i = (k * 977) % rows.length;
      const next = rows.slice();
      next[i] = { ...rows[i]!, amount: (k * 7919) % 1_000_000 - 300_000, fte: (k % 7) / 10 };
      const carried = sumsAfterEdit(cols, rows, next, sums);
      expect(carried).toEqual(columnSums(cols, next, all));
      rows = next;
      sums = carried!;
    }
    expect(sumsAfterEdit(cols, rows, rows.slice(1), sums)).toBeNull();
  });
});

describe('displayText', () => {
  it('shows each kind as the app shows figures', () => {
    const p = demoProject();
    const c = (table: 'budget' | 'positions' | 'funds', key: string) => gridColumns(table, []).find((x) => x.key === key)!;
    expect(displayText(c('budget', 'amount'), { amount: 123456 })).toBe(formatCents(123456 as Cents));
    expect(displayText(c('positions', 'fte'), { fte: 1 })).toBe('1.00');
    expect(displayText(c('positions', 'benefits_rate'), { benefits_rate: 0.245 })).toBe('24.5%');
    expect(displayText(c('funds', 'end_date'), { end_date: '2027-09-30' })).toBe('2027-09-30');
    expect(displayText(c('positions', 'funding'), p.positions[0]!)).toBe('GEN:1');
  });
});

describe('the grid\'s formatters', () => {
  it('write exactly what the app\'s formatters write (made once instead of per cell)', () => {
    for (const c of [0, 5, -5, 99, 100, 123456, -123456, 100_000_000_00, -1, 2_496_240_500_00]) expect(moneyText(c)).toBe(formatCents(c as Cents));
    for (const n of [0, 0.1, 0.125, 0.3, 1, 1.005, 12.345, 1234.5]) expect(fteText(n)).toBe(fteColumn(n));
    for (const n of [0, 7, 1234, 41_281, 1_000_000]) expect(countText(n)).toBe(count(n));
  });
});

describe('spreadsheet keys', () => {
  const b = { rows: 100, cols: 5, page: 10 };
  const none = { ctrl: false, shift: false };
  it('moves with arrows, Home/End and pages, and stops at the edges', () => {
    expect(moveFor('ArrowDown', none, { row: 0, col: 0 }, b)).toEqual({ row: 1, col: 0 });
    expect(moveFor('ArrowUp', none, { row: 0, col: 2 }, b)).toEqual({ row: 0, col: 2 });
    expect(moveFor('End', { ctrl: true, shift: false }, { row: 3, col: 1 }, b)).toEqual({ row: 99, col: 4 });
    expect(moveFor('PageDown', none, { row: 95, col: 1 }, b)).toEqual({ row: 99, col: 1 });
    expect(moveFor('a', none, { row: 0, col: 0 }, b)).toBeNull();
  });
  it('commits with Enter (down), Shift+Enter (up), Tab (right, and out of the grid past the last column); Escape cancels', () => {
    expect(editorKey('Enter', none, 'edit', { row: 4, col: 1 }, b)).toEqual({ kind: 'commit', move: { row: 5, col: 1 } });
    expect(editorKey('Enter', { ctrl: false, shift: true }, 'edit', { row: 4, col: 1 }, b)).toEqual({ kind: 'commit', move: { row: 3, col: 1 } });
    expect(editorKey('Tab', none, 'edit', { row: 4, col: 1 }, b)).toEqual({ kind: 'commit', move: { row: 4, col: 2 } });
    expect(editorKey('Tab', none, 'edit', { row: 4, col: 4 }, b)).toEqual({ kind: 'commit', move: 'leave' });
    expect(editorKey('Escape', none, 'edit', { row: 4, col: 1 }, b)).toEqual({ kind: 'cancel' });
  });
  it('lets Left/Right move the caret after Enter or F2, and leave the cell after typing over it', () => {
    expect(editorKey('ArrowLeft', none, 'edit', { row: 4, col: 1 }, b)).toEqual({ kind: 'none' });
    expect(editorKey('ArrowLeft', none, 'enter', { row: 4, col: 1 }, b)).toEqual({ kind: 'commit', move: { row: 4, col: 0 } });
  });
});
