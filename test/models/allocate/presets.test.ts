import { describe, expect, it } from 'vitest';
import { allocate, type AllocationResult } from '../../../models/allocate/allocate';
import { PRESETS } from '../../../models/allocate/presets';
import { allocationJson } from '../../../models/allocate/sheets';
import { demoProject } from '../../../models/demo/district';
import type { Project } from '../../../models/project/project';
import { tinyProject } from './fixture';

const run = (p: Project, opts: Parameters<typeof allocate>[1] = {}): AllocationResult => {
  const r = allocate(p, opts);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe('general money a fixed-base preset leaves unallocated (issue 21, item 4)', () => {
  it('is a flag, a JSON field and says where the money goes', () => {
    // Boston: 100 first-graders × weight 1.40 = 140 weighted pupils × $4,028.47 = $563,985.80 (56,398,580 ¢).
    // GEN $1,000,000 → $436,014.20 (43,601,420 ¢) unallocated, 43.6% of the general funds.
    const v = run(tinyProject({ sites: [{ id: 'A', grades: { '1': 100 } }] }), { preset: 'boston' });
    expect(v.sites[0]!.formula_cents).toBe(56_398_580);
    expect(v.unallocated_general).toMatchObject({ cents: 43_601_420, share_of_general: 0.4360142, funds: [{ fund_code: 'GEN', cents: 43_601_420 }] });
    expect(v.unallocated_general.where).toContain('stays in the general fund');
    expect(v.flags[0]).toMatchObject({ severity: 'warning', code: 'general_unallocated' });
    expect(v.flags[0]!.message).toContain('$436,014.20 of general funds (43.6% of $1,000,000.00) is not allocated');
    expect(allocationJson(v)['unallocated_general']).toEqual(v.unallocated_general);
  });

  it('the demo with Houston leaves $56,188,881.85 unallocated; a solved base leaves nothing', () => {
    expect(run(demoProject(), { preset: 'houston' }).unallocated_general.cents).toBe(5_618_888_185);
    const solved = run(demoProject());
    expect(solved.unallocated_general.cents).toBe(0);
    expect(solved.flags.some((f) => f.code === 'general_unallocated')).toBe(false);
  });
});

describe('presets say which of their weights are approximations', () => {
  it('Boston lists its disability and missing poverty/EL weights, and every result repeats it', () => {
    expect(PRESETS.boston.approximations).toHaveLength(2);
    expect(PRESETS.boston.approximations!.join(' ')).toMatch(/poverty and English learners/);
    // BPS adds the disability program weight to the grade weight in full (moderate resource room 1.40).
    expect(PRESETS.boston.need_weights).toEqual({ students_with_disabilities: 1.4 });
    const v = run(tinyProject({ sites: [{ id: 'A', grades: { '1': 10 } }] }), { preset: 'boston' });
    expect(v.rules.approximations).toEqual(PRESETS.boston.approximations);
    expect(v.flags.find((f) => f.code === 'rules_approximation')!.message).toContain('approximate the published formula');
    expect(PRESETS.houston.approximations).toBeUndefined();
  });
});

describe('program cost-balance ratios over weighted categories only (issue 21, item 6)', () => {
  it('leaves unweighted categories out of the denominators', () => {
    // Default need weights: econ_disadvantaged 0.15, english_learners 0.30. A: 100 econ. disadvantaged, 50 EL
    // → weighted need 15 and 15 (shares 0.5 / 0.5). Register: econ $300, EL $100, facilities $600 (no weight).
    // Dollars over weighted categories: $400 → econ 0.75, EL 0.25 → ratios 0.75 ÷ 0.5 = 1.5 and 0.25 ÷ 0.5 = 0.5.
    // Before: facilities' $600 sat in the denominator: 0.3 ÷ 0.5 = 0.6 and 0.1 ÷ 0.5 = 0.2.
    const v = run(tinyProject({
      sites: [{ id: 'A', grades: { '1': 200 }, needs: { econ_disadvantaged: 100, english_learners: 50 } }],
      needs: [{ id: 'E', category: 'econ_disadvantaged', dollars: 300, priority: 1, site: 'A' }, { id: 'L', category: 'english_learners', dollars: 100, priority: 1, site: 'A' }, { id: 'F', category: 'facilities', dollars: 600, priority: 1, site: 'A' }],
    }));
    expect(v.programs.map((p) => [p.category, p.cost_balance_ratio])).toEqual([['econ_disadvantaged', 1.5], ['english_learners', 0.5], ['facilities', null]]);
  });
});

describe('a grant with no eligible needs (issue 21, item 6)', () => {
  it('is flagged with its money', () => {
    const v = run(tinyProject({
      sites: [{ id: 'A', grades: { '1': 10 } }],
      funds: [{ code: 'GEN', dollars: 1000 }, { code: 'STEM', dollars: 5000, restricted: true, uses: ['stem'] }, { code: 'TUT', dollars: 100, restricted: true, uses: ['tutoring'] }],
      needs: [{ id: 'N', category: 'tutoring', dollars: 50, priority: 1, site: 'A' }],
    }));
    expect(v.flags.filter((f) => f.code === 'no_eligible_needs').map((f) => [f.fund_code, f.message.includes('$5,000.00')])).toEqual([['STEM', true]]);
  });
});
