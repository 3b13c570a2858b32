import { describe, expect, it } from 'vitest';
import { demoProject } from '../../../models/demo/district';
import { applyEdit } from '../../../models/project/edit';
import { locateProblem } from '../../../models/project/locate-problem';
import { validateProject } from '../../../models/project/validate';
import { nextSources, withRowSources } from '../../../models/project/row-sources';
import type { Problem } from '../../../models/project/problems';

// Every problem leads to its row: rows without a source (the demo's, rows added in the app) get
// the row they would have in the workbook, and a problem is found again by that source wherever
// the row has moved.

describe('withRowSources', () => {
  it('names each row of the demo by its workbook row (header on row 1), and keeps tables that have sources', () => {
    const p = withRowSources(demoProject());
    expect(p.needs[0]!.src).toEqual({ sheet: 'Needs', row: 2 });
    expect(p.needs[40]!.src).toEqual({ sheet: 'Needs', row: 42 });
    expect(p.budget.at(-1)!.src).toEqual({ sheet: 'Budget', row: p.budget.length + 1 });
    expect(withRowSources(p)).toBe(p); // nothing left to name: the same object
  });

  it('keeps an imported row\'s own source', () => {
    const p = demoProject();
    const needs = [{ ...p.needs[0]!, src: { file: 'needs.xlsx', sheet: 'Register', row: 14 } }, p.needs[1]!];
    const q = withRowSources({ ...p, needs });
    expect(q.needs.map((n) => n.src)).toEqual([{ file: 'needs.xlsx', sheet: 'Register', row: 14 }, { sheet: 'Needs', row: 3 }]);
  });

  it('gives new rows the rows after the table\'s last', () => {
    const p = withRowSources(demoProject());
    expect(nextSources(p, 'needs', 2)).toEqual([{ sheet: 'Needs', row: p.needs.length + 2 }, { sheet: 'Needs', row: p.needs.length + 3 }]);
    expect(nextSources({ ...p, needs: [] }, 'needs', 1)).toEqual([{ sheet: 'Needs', row: 2 }]);
  });
});

describe('locateProblem', () => {
  it('finds the row a cross-table problem names, after rows before it were deleted', () => {
    const p = withRowSources(demoProject());
    const moved = applyEdit(p, { op: 'set-row', table: 'needs', index: 40, row: { ...p.needs[40]!, site_id: '999' } });
    if (!moved.ok) throw new Error(moved.reason);
    const shrunk = applyEdit(moved.value, { op: 'delete-rows', table: 'needs', indexes: [0, 1, 2] });
    if (!shrunk.ok) throw new Error(shrunk.reason);
    const problem = validateProject(shrunk.value).find((x) => x.message.includes('"999"'))!;
    expect(problem).toMatchObject({ sheet: 'Needs', row: 42, column: 'site_id' });
    expect(locateProblem(shrunk.value, problem)).toEqual({ table: 'needs', index: 37, column: 'site_id' });
  });

  it('tells a row the import left out (no such row) and a whole-project problem apart', () => {
    const p = withRowSources(demoProject());
    const leftOut: Problem = { severity: 'error', table: 'budget', sheet: 'Budget', row: 99_999, column: 'amount', message: 'not an amount: "12abc"' };
    expect(locateProblem(p, leftOut)).toEqual({ table: 'budget', column: 'amount' });
    expect(locateProblem(p, { severity: 'error', table: 'project', message: 'no Settings sheet' })).toBeNull();
  });

  it('matches the file when two imports name the same sheet and row', () => {
    const p = demoProject();
    const needs = [
      { ...p.needs[0]!, src: { file: 'a.xlsx', sheet: 'Needs', row: 2 } },
      { ...p.needs[1]!, src: { file: 'b.xlsx', sheet: 'Needs', row: 2 } },
    ];
    const problem: Problem = { severity: 'error', table: 'needs', file: 'b.xlsx', sheet: 'Needs', row: 2, column: 'site_id', message: 'x' };
    expect(locateProblem({ ...p, needs }, problem)?.index).toBe(1);
  });
});
