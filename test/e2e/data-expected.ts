// What the Data screen e2e expects, computed in Node from the project itself (never read off the
// screen): the Enrollment row it edits and the overview's student total before and after, the
// problem a Needs row at an unknown site makes (the checks `steward validate` runs), and a
// 100,000-line budget project written as a .steward file for the scrolling test. Prints JSON.
import { writeFileSync } from 'node:fs';
import { demoProject } from '../../models/demo/district';
import { applyEdit } from '../../models/project/edit';
import { checkProject } from '../../models/project/open';
import { withRowSources } from '../../models/project/row-sources';
import { serialiseProject } from '../../models/project/steward-file';
import { count } from '../../renderer/format';

const DELTA = 37;
const bigPath = process.argv[2]!;

// The demo as the app holds it (every row named by its workbook row).
const p = withRowSources(demoProject());
const base = p.settings.base_year;
const students = p.enrollment.filter((e) => e.year === base).reduce((a, e) => a + e.students, 0);
const allStudents = p.enrollment.reduce((a, e) => a + e.students, 0);
const i = p.enrollment.findIndex((e) => e.year === base);
const target = p.enrollment[i]!;

// A Needs row moved to site 999: the problems `validate` then lists, with the row they name.
const needIndex = 40;
const need = p.needs[needIndex]!;
const moved = applyEdit(p, { op: 'set-row', table: 'needs', index: needIndex, row: { ...need, site_id: '999' } });
if (!moved.ok) throw new Error(moved.reason);
const errors = checkProject(moved.value, 'demo').problems.filter((x) => x.severity === 'error');

// 100,000 budget lines: the demo's lines over and over, amounts varied, every one valid.
const demo = demoProject();
const lines = Array.from({ length: 100_000 }, (_, k) => {
  const b = demo.budget[k % demo.budget.length]!;
  return { ...b, amount: ((k * 7919) % 5_000_000) + 100, description: `${b.description ?? 'Line'} #${k + 1}` };
});
const big = { ...demo, budget: lines };
writeFileSync(bigPath, serialiseProject(big));
const bigCents = lines.filter((b) => b.fiscal_year === base).reduce((a, b) => a + b.amount, 0);

process.stdout.write(JSON.stringify({
  delta: DELTA,
  students: { before: count(students), after: count(students + DELTA) },
  allStudents: { before: count(allStudents), after: count(allStudents + DELTA) },
  target: { row: String(target.src!.row), site_id: target.site_id, year: target.year, grade: target.grade, students: target.students },
  need: { row: String(need.src!.row), need_id: need.need_id, site_id: need.site_id, rows: p.needs.length },
  needErrors: errors.map((e) => ({ message: e.message, sheet: e.sheet, row: e.row, column: e.column })),
  big: { path: bigPath, lines: lines.length, lastRow: String(lines.length + 1), baseYearCents: bigCents },
}));
