import { describe, expect, it } from 'vitest';
import { allocate } from '../../../models/allocate/allocate';
import { PRESETS, DEFAULT_RULES } from '../../../models/allocate/presets';
import { copyName, ruleRowProblem, ruleSetFor, ruleSetToRows } from '../../../models/allocate/rule-rows';
import { rulesFromRows } from '../../../models/allocate/rules-sheet';
import { demoProject } from '../../../models/demo/district';
import { applyEdit } from '../../../models/project/edit';

describe('rule sets as AllocationRules rows (the Allocate screen\'s editor)', () => {
  it('reads back every preset and the default as the same rule set (approximations aside)', () => {
    for (const set of [...Object.values(PRESETS), DEFAULT_RULES]) {
      const back = rulesFromRows(ruleSetToRows(set));
      expect(back.ok).toBe(true);
      if (!back.ok) continue;
      const { approximations: _a, ...want } = set;
      expect(back.value[0]).toEqual(want);
    }
  });

  it('an edited copy made active allocates as the preset does until a weight changes', () => {
    const p = demoProject();
    const name = copyName(p, 'boston');
    expect(name).toBe('boston-edited');
    const copied = applyEdit(p, { op: 'insert-rows', table: 'allocationRules', index: 0, rows: ruleSetToRows(PRESETS.boston, name) });
    expect(copied.ok).toBe(true);
    if (!copied.ok) return;
    const active = applyEdit(copied.value, { op: 'set-allocate', config: { active_rules: name } });
    expect(active.ok).toBe(true);
    if (!active.ok) return;
    expect(ruleSetFor(active.value, undefined)?.name).toBe(name);
    const a = allocate(active.value);
    const b = allocate(p, { preset: 'boston' });
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(a.value.sites.map((s) => s.allocation_cents)).toEqual(b.value.sites.map((s) => s.allocation_cents));
  });

  it('says what is wrong with a row: an unknown need category, a grade that is none, a value that is no number', () => {
    const p = demoProject();
    expect(ruleRowProblem(p, { rules: 'x', setting: 'need_weight', key: 'english_learner', value: '0.3' })).toMatch(/no need category/);
    expect(ruleRowProblem(p, { rules: 'x', setting: 'grade_weight', key: '13', value: '1.2' })).toMatch(/no grade/);
    expect(ruleRowProblem(p, { rules: 'x', setting: 'need_weight', key: 'english_learners', value: 'lots' })).toMatch(/number/);
    expect(ruleRowProblem(p, { rules: 'x', setting: 'need_weight', key: 'english_learners', value: '0.3' })).toBeNull();
  });

  it('refuses allocation settings that do not fit their schema', () => {
    const r = applyEdit(demoProject(), { op: 'set-allocate', config: { title1: { threshold: 2 } } as never });
    expect(r.ok).toBe(false);
  });
});
