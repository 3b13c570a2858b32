import { describe, expect, it } from 'vitest';
import { compileTerm, MAX_EXPRESSION_LENGTH } from '../../../models/allocate/expressions';

const vars = new Set(['enrollment', 'base', 'english_learners']);
const compile = (expression: string) => compileTerm({ name: 'rule X', expression }, vars);

describe('custom formula terms (one formula module, models/expr)', () => {
  it('evaluates arithmetic, comparisons and whitelisted functions over site variables', () => {
    const r = compile('max(0, 500 - enrollment) * 850 + (english_learners > 10 ? 1000 : 0)');
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.evaluate({ enrollment: 300, base: 0, english_learners: 20 })).toBe(200 * 850 + 1000);
  });

  it.each([
    ['import({x: 1}, {override: true})', /import/],
    ['evaluate("1 + 1")', /evaluate/],
    ['createUnit("foo")', /createUnit/],
    ['parse("1")', /parse/],
    ['compile("1")', /compile/],
    ['simplify("x + x")', /simplify/],
    ['f(x) = x', /functionassignment|not allowed/],
    ['enrollment = 5', /assignment/],
    ['enrollment.constructor', /unknown variable "enrollment.constructor"/],
    ['"text"', /numbers/],
    ['[1, 2]', /array/],
  ])('refuses %s, naming the rule', (expression, why) => {
    const r = compile(expression);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toMatch(/^custom term "rule X": /);
      expect(r.reason).toMatch(why);
    }
  });

  it('refuses an expression over the length limit', () => {
    const r = compile('1 + '.repeat(MAX_EXPRESSION_LENGTH) + '1');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/limit is 400/);
  });

  it('reports a term that gives no finite number for a site', () => {
    const r = compile('1 / (enrollment - 300)');
    if (!r.ok) throw new Error(r.reason);
    expect(() => r.value.evaluate({ enrollment: 300, base: 0, english_learners: 0 })).toThrow(/rule X.*not a finite number/);
  });
});
