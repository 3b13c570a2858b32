import { describe, expect, it } from 'vitest';
import { allocate } from '../../../models/allocate/allocate';
import { rulesFromRows } from '../../../models/allocate/rules-sheet';
import type { AllocationRuleRow } from '../../../models/allocate/tables';
import { tinyProject } from './fixture';

const row = (setting: AllocationRuleRow['setting'], value: string, key?: string, n = 2): AllocationRuleRow => ({ rules: 'wsf', setting, value, ...(key ? { key } : {}), src: { sheet: 'AllocationRules', row: n } });

describe('AllocationRules sheet', () => {
  it('builds a rule set from one row per setting', () => {
    const r = rulesFromRows([row('base_mode', 'fixed'), row('base_per_pupil', '$4,000'), row('foundation', '$150,000', 'ES'), row('grade_weight', '1.6', 'k'), row('need_weight', '15%', 'econ_disadvantaged'), row('custom_term', 'max(0, 40 - enrollment) * 500', 'small floor'), row('small_school_threshold', '500', 'ES'), row('small_school_per_student', '850')]);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value[0]).toMatchObject({ name: 'wsf', base_mode: 'fixed', base_per_pupil_cents: 400_000, foundation_cents: { ES: 15_000_000 }, grade_weights: { K: 1.6 }, need_weights: { econ_disadvantaged: 0.15 }, small_school: { per_student_cents: 85_000, threshold_by_level: { ES: 500 } } });
    expect(r.value[0]!.custom_terms).toEqual([{ name: 'small floor', expression: 'max(0, 40 - enrollment) * 500' }]);
  });

  it('names the sheet row of a bad value', () => {
    const r = rulesFromRows([row('foundation', '$100', 'Elementary', 7)]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('AllocationRules row 7: foundation needs a level (ES, MS, HS, K8, 6-12, Other) in the key column, not "Elementary"');
  });

  it('allocate --rules NAME picks a set from the sheet', () => {
    // Fixed base $10 per pupil: A 10 pupils = $100, B 30 = $300 (pool $1,000, the rest stays in GEN).
    const p = tinyProject({ sites: [{ id: 'A', grades: { '1': 10 } }, { id: 'B', grades: { '1': 30 } }], funds: [{ code: 'GEN', dollars: 1000 }] });
    p.allocationRules = [row('base_mode', 'fixed'), row('base_per_pupil', '10')];
    const r = allocate(p, { rules: 'wsf' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.sites.map((s) => s.allocation_cents)).toEqual([10_000, 30_000]);
    expect(r.value.funds[0]!.leftover_cents).toBe(60_000);
    const missing = allocate(p, { rules: 'nope' });
    expect(missing.ok ? '' : missing.reason).toMatch(/no allocation rules named "nope" \(the project has: wsf/);
  });
});
