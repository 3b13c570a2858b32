import { describe, expect, it } from 'vitest';
import { StaffingRuleSchema } from '../../models/staffing/tables';
import { ruleText } from '../../renderer/features/staffing/rule-text';

// The rule behind each requirement, in the words and arithmetic the Staffing screen shows.
const rule = (x: Record<string, unknown>) => StaffingRuleSchema.parse(x);

describe('ruleText', () => {
  it('a ratio: "1 counselor per 250 students: 800 ÷ 250 = 3.2 → 3.0 (…)"', () => {
    const r = rule({ role: 'counselor', ratio: 250, rounding: 'nearest', minimum_fte: 1 });
    expect(ruleText(r, { rule: 0, basis: 'students', counted: 800, ratio: 250, high_poverty: false, raw_fte: 3.2, required_fte: 3 }))
      .toBe('1 counselor per 250 students: 800 ÷ 250 = 3.2 → 3.0 (rounded to the nearest whole, at least 1.0)');
  });
  it('a caseload, a high-poverty ratio, a half-FTE step', () => {
    const r = rule({ role: 'el_teacher', basis: 'subgroup', subgroup: 'english_learners', ratio: 55, ratio_high_poverty: 40, increment: 0.5 });
    expect(ruleText(r, { rule: 0, basis: 'subgroup', counted: 283, ratio: 40, high_poverty: true, raw_fte: 7.075, required_fte: 7.5 }))
      .toBe('1 el teacher per 40 english learners (high-poverty ratio): 283 ÷ 40 = 7.08 → 7.5 (rounded up to 0.5)');
  });
  it('a fixed FTE per site and a grade ratio', () => {
    expect(ruleText(rule({ role: 'principal', basis: 'site', minimum_fte: 1 }), { rule: 0, basis: 'site', counted: 500, ratio: null, high_poverty: false, raw_fte: 1, required_fte: 1 }))
      .toBe('1.0 principal per site → 1.0 (rounded up, at least 1.0)');
    expect(ruleText(rule({ role: 'teacher', basis: 'grade', grades: ['K', '1'], ratio: 21 }), { rule: 0, basis: 'grade', counted: 157, ratio: 21, high_poverty: false, raw_fte: 7.4762, required_fte: 8 }))
      .toBe('1 teacher per 21 students in grades K, 1, each grade on its own: 157 students = 7.48 → 8.0 (rounded up)');
  });
});
