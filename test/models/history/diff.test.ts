import { describe, expect, it } from 'vitest';
import { applyEdit, type Edit } from '../../../models/project/edit';
import type { Project } from '../../../models/project/project';
import { diffHistory, takeSnapshot } from '../../../models/history/history';
import { diffInputs } from '../../../models/history/input-diff';
import { keyResults } from '../../../models/history/key-results';
import { diffResults } from '../../../models/history/result-diff';
import { smallDistrict } from './fixture';

function edited(p: Project, edits: Edit[]): Project {
  let out = p;
  for (const e of edits) {
    const r = applyEdit(out, e);
    if (!r.ok) throw new Error(r.reason);
    out = r.value;
  }
  return out;
}

const before = smallDistrict();
// A later version, by hand: COLA up a point, one more teacher at Birch, a second need, a higher reserve policy.
const after = edited(before, [
  { op: 'set-row', table: 'drivers', index: 0, row: { driver: 'cola', value: 0.03 } },
  { op: 'set-row', table: 'positions', index: 1, row: { ...before.positions[1]!, fte: 9 } },
  { op: 'insert-rows', table: 'needs', index: 1, rows: [{ need_id: 'N2', site_id: 'B', category: 'econ_disadvantaged', cost: 2_000_000, priority: 2 }] },
  { op: 'set-settings', settings: { ...before.settings, reserve_policy_pct: 0.1 } },
]);

describe('diff of two hand-built versions', () => {
  it('lists exactly the changed cells (rows numbered as on the Data screen: sheet rows below the header): settings first, then each table in workbook order', () => {
    expect(diffInputs(before, after)).toEqual([
      { table: 'Settings', change: 'changed', row: null, row_label: '', column: 'reserve_policy_pct', old: 0.08, new: 0.1 },
      { table: 'Positions', change: 'changed', row: 3, row_label: 'P2 · B · teacher', column: 'fte', old: 8, new: 9 },
      { table: 'Needs', change: 'added', row: 3, row_label: 'N2 · B · econ_disadvantaged', column: null, old: null, new: { need_id: 'N2', site_id: 'B', category: 'econ_disadvantaged', cost: 2_000_000, priority: 2 } },
      { table: 'Drivers', change: 'changed', row: 2, row_label: 'cola', column: 'value', old: 0.02, new: 0.03 },
    ]);
  });

  it('lists exactly the figures that moved, largest effect first', () => {
    const moves = diffResults(keyResults(before), keyResults(after));
    // The need moves Title I money from Alder to Birch; COLA lowers every projected balance the same in both scenarios; FY2026 is as adopted.
    expect(moves.map((m) => m.label).sort()).toEqual([
      'Aid freeze ending balance FY2027', 'Aid freeze ending balance FY2028', 'Aid freeze ending balance FY2029',
      'Allocation A', 'Allocation B',
      'Base ending balance FY2027', 'Base ending balance FY2028', 'Base ending balance FY2029',
      'Equity cv', 'Equity federal_range_ratio', 'Equity gini', 'Equity mcloone', 'Equity median', 'Equity range', 'Equity restricted_range', 'Equity theil',
      'teacher budgeted FTE',
    ]);
    const by = (label: string) => moves.find((m) => m.label === label)!;
    expect(by('teacher budgeted FTE')).toMatchObject({ old: 20, new: 21, delta: 1, unit: 'fte' });
    expect(by('Allocation A').delta).toBe(-by('Allocation B').delta!);
    for (const y of [2027, 2028, 2029]) {
      expect(by(`Base ending balance FY${y}`).delta).toBeLessThan(0);
      expect(by(`Base ending balance FY${y}`).delta).toBe(by(`Aid freeze ending balance FY${y}`).delta);
    }
    expect(by('Base ending balance FY2027').delta).toBe(-2_500_000); // 1% more on $2.5M of salaries
    const effects = moves.map((m) => m.effect);
    expect(effects).toEqual([...effects].sort((x, y) => y - x));
    // Balances order among themselves by dollars (one scale: the largest balance), whatever the size of each balance.
    const balances = moves.filter((m) => m.part === 'balance').map((m) => Math.abs(m.delta!));
    expect(balances).toEqual([...balances].sort((x, y) => y - x));
  });

  it('finds nothing between a version and itself, and pairs a moved row by its key', () => {
    expect(diffInputs(before, before)).toEqual([]);
    // Drivers reordered and one removed: the removal is reported, the rest match.
    const reordered = edited(before, [{ op: 'replace-table', table: 'drivers', rows: [...before.drivers.slice(2).reverse(), { ...before.drivers[0]!, value: 0.025 }] }]);
    expect(diffInputs(before, reordered)).toEqual([
      { table: 'Drivers', change: 'changed', row: 6, row_label: 'cola', column: 'value', old: 0.02, new: 0.025 },
      { table: 'Drivers', change: 'removed', row: 3, row_label: 'step_increase', column: null, old: before.drivers[1], new: null },
    ]);
  });

  it('diffs a snapshot against now and against another snapshot, checking each snapshot\'s figures', () => {
    const s1 = applyEdit(before, { op: 'take-snapshot', snapshot: takeSnapshot(before, { name: 'Adopted', presented: true, taken_at: '2026-06-15T18:00:00.000Z' }) });
    if (!s1.ok) throw new Error(s1.reason);
    const later = edited({ ...after, snapshots: s1.value.snapshots }, []);
    const s2 = applyEdit(later, { op: 'take-snapshot', snapshot: takeSnapshot(later, { name: 'January review', taken_at: '2027-01-20T18:00:00.000Z' }) });
    if (!s2.ok) throw new Error(s2.reason);
    const now = diffHistory(s2.value, 'Adopted');
    const between = diffHistory(s2.value, 'Adopted', 'January review');
    expect(now.ok && between.ok).toBe(true);
    if (!now.ok || !between.ok) return;
    expect(now.value.inputs).toEqual(diffInputs(before, after));
    expect(between.value.inputs).toEqual(now.value.inputs);
    expect(between.value.results).toEqual(now.value.results);
    expect(now.value.from).toMatchObject({ name: 'Adopted', presented: true });
    expect(now.value.to.name).toBe('now');
    expect(between.value.engine_checks.map((c) => [c.snapshot, c.same])).toEqual([['Adopted', true], ['January review', true]]);
    const missing = diffHistory(s2.value, 'Budget 2025');
    expect(!missing.ok && missing.reason).toBe('no snapshot named "Budget 2025" (snapshots: "Adopted", "January review")');
  });
});
