import { describe, expect, it } from 'vitest';
import { compileExpression, expressionSymbols, lookupIn, type Kind } from '../../../models/expr/expression';
import { LIMITS } from '../../../models/expr/limits';
import { roundDecimals } from '../../../models/expr/numbers';

const scope = { x: 10, y: 4, enrollment: 300, base: 80_000, reserve_pct: 0.05, 'state.aid': 2 };

function value(text: string, kind: Kind = 'formula'): number {
  const c = compileExpression(text, { label: 'test', kind });
  if (!c.ok) throw new Error(c.reason);
  const v = c.value.evaluate(lookupIn(scope));
  if (!v.ok) throw new Error(v.reason);
  return v.value;
}
function refusal(text: string, kind: Kind = 'formula'): string {
  const c = compileExpression(text, { label: 'test', kind });
  if (c.ok) throw new Error(`"${text}" compiled`);
  return c.reason;
}
function evalFailure(text: string, kind: Kind = 'formula'): string {
  const c = compileExpression(text, { label: 'test', kind });
  if (!c.ok) throw new Error(c.reason);
  const v = c.value.evaluate(lookupIn(scope));
  if (v.ok) throw new Error(`"${text}" gave ${v.value}`);
  return v.reason;
}

describe('the formula grammar', () => {
  it.each([
    // numbers
    ['12', 12], ['1.5', 1.5], ['.5', 0.5], ['1e6', 1_000_000], ['2.5E-3', 0.0025], ['8%', 0.08], ['12.5%', 0.125],
    // arithmetic and precedence: 2 + 3 × 4 = 14; (2 + 3) × 4 = 20; 2^3^2 = 2^9 = 512; −2^2 = −(2^2) = −4; 2^−1 = 0.5
    ['2 + 3 * 4', 14], ['(2 + 3) * 4', 20], ['2^3^2', 512], ['-2^2', -4], ['2^-1', 0.5], ['10 - 4 - 3', 3], ['24 / 4 / 2', 3],
    ['+-3', -3], ['- -3', 3], ['x * -y', -40], ['50% * 2', 1],
    // variables, including a dotted name (conditions have always allowed dots inside names)
    ['x * y + enrollment', 340], ['state.aid * 3', 6],
    // comparisons give 1 or 0; a chain a < b < c means a < b and b < c
    ['x > y', 1], ['x < y', 0], ['x >= 10', 1], ['x <= 9', 0], ['x == 10', 1], ['x != 10', 0], ['1 < 2 < 3', 1], ['3 > 2 > 2', 0],
    // comparisons forgive the last bits of float error: 0.1 + 0.2 is 0.30000000000000004
    ['0.1 + 0.2 == 0.3', 1], ['0.1 + 0.2 > 0.3', 0], ['0.1 + 0.2 <= 0.3', 1],
    // logic: and/&&, or/||, not/!; not binds looser than a comparison (not (x > 5))
    ['x > 5 and y > 5', 0], ['x > 5 && y < 5', 1], ['x > 50 or y > 3', 1], ['x > 50 || y > 30', 0], ['not x > 5', 0], ['!(x > 50)', 1], ['NOT 0', 1],
    // ternary, right to left: 0 ? 1 : (0 ? 2 : 3)
    ['x > 5 ? 100 : 200', 100], ['0 ? 1 : 0 ? 2 : 3', 3], ['(x > 5 ? 1 : 2) * 10', 10],
    // functions
    ['min(3, 1, 2)', 1], ['max(0, 500 - enrollment) * 850', 170_000], ['abs(-2)', 2], ['sqrt(16)', 4], ['exp(0)', 1], ['sign(-3)', -1],
    ['pow(2, 10)', 1024], ['log(exp(2))', 2], ['log(8, 2)', 3], ['log(100, 10)', 2],
    // rounding: half away from zero on the decimal form (2.345 is 2.34499999999999997 in binary)
    ['round(2.5)', 3], ['round(-2.5)', -3], ['round(2.345, 2)', 2.35], ['round(1.2345, 2)', 1.23], ['round(1.005, 2)', 1.01],
    // floor/ceil forgive float error: 0.29 × 100 is 28.999999999999996
    ['floor(0.29 * 100)', 29], ['floor(2.7)', 2], ['floor(-2.5)', -3], ['ceil(0.07 * 100)', 7], ['ceil(1.1)', 2], ['floor(2.567, 2)', 2.56], ['ceil(2.561, 2)', 2.57],
  ])('%s = %s', (text, want) => {
    expect(value(text)).toBe(want);
  });

  it('reads a single = as a comparison in a condition, and x + 5% as x + 0.05 there', () => {
    expect(value('x = 10', 'condition')).toBe(1);
    expect(value('reserve_pct < 0.08 and x = 9', 'condition')).toBe(0);
    // 0.05 < 0.1 − 0.02 = 0.08
    expect(value('reserve_pct < 10% - 2%', 'condition')).toBe(1);
  });

  it.each([
    ['x = 10', /"=" at character 3 is not allowed: there is no assignment in a formula \(to compare, write ==\)/],
    ['base + 5%', /"\+ 5%" at character 6 is ambiguous: write \+ 0.05 to add 0.05, or \* 1.05 to add 5%/],
    ['base - -5%', /"- -5%" at character 6 is ambiguous: write \+ 0.05 to add 0.05, or \* 1.05 to add 5%/],
    ['base - 5%', /"- 5%" at character 6 is ambiguous: write - 0.05 to subtract 0.05, or \* 0.95 to take off 5%/],
    ['10 % 3', /there is no remainder operator/],
    ['2x', /unexpected "x" at character 2: nothing joins it to "2" before it/],
    ['2 (x)', /unexpected "\(" at character 3/],
    ['5!', /there is no factorial/],
    ['x +', /ends too early/],
    ['(x + 1', /"\(" is not closed/],
    ['x + 1)', /unexpected "\)" at character 6/],
    ['min(x', /min\( is missing its "\)"/],
    ['max(1,)', /unexpected "\)"/],
    ['x ? 1', /a "\?" needs its ":"/],
    ['1:10', /ranges like 1:10 are not allowed/],
    ['"text"', /text in quotes is not allowed/],
    ['[1, 2]', /arrays, matrices and lists/],
    ['{a: 1}', /objects/],
    ['(x).constructor', /property access/],
    ['x & y', /write and/],
    ['1e999', /the number 1e999 at character 1 is too large/],
    ['', /empty/],
    ['   ', /empty/],
    ['max()', /max\(\) takes at least 1 argument/],
    ['sqrt(1, 2)', /sqrt\(\) takes 1 argument, not 2/],
    ['round(1, 2, 3)', /round\(\) takes 1 or 2 arguments, not 3/],
    ['sum(x)', /function sum\(\) is not allowed \(allowed: min, max, abs, sqrt, exp, sign, floor, ceil, round, log, pow\)/],
  ])('refuses %s', (text, why) => {
    const r = refusal(text);
    expect(r).toMatch(/^test: /);
    expect(r).toMatch(why);
  });

  it('fails a value that is not a finite number, quoting the part that failed', () => {
    expect(evalFailure('x / (enrollment - 300)')).toBe('test: "x / (enrollment - 300)" is not a finite number (division by zero)');
    expect(evalFailure('1 + sqrt(-x)')).toBe('test: "sqrt(-x)" is not a finite number (it has no real value)');
    expect(evalFailure('1e308 * x')).toBe('test: "1e308 * x" is not a finite number (it is infinite)');
    expect(evalFailure('log(0)')).toMatch(/"log\(0\)" is not a finite number/);
    expect(evalFailure('round(x, 0.5)')).toMatch(/round\(x, n\): n is the number of decimals, a whole number from 0 to 15, not 0.5/);
    expect(evalFailure('nosuch * 2')).toBe('test: unknown variable "nosuch"');
  });

  it('does not evaluate the branch a condition skips, or the right side of a decided and/or', () => {
    expect(value('enrollment > 0 ? x / enrollment : 0')).toBeCloseTo(10 / 300, 15);
    expect(value('0 ? 1 / 0 : 7')).toBe(7);
    expect(value('0 and 1 / 0')).toBe(0);
    expect(value('1 or 1 / 0')).toBe(1);
  });

  it('checks names against the known set when compiling, all unknown names at once', () => {
    const c = compileExpression('enrolment * 2 + bse', { label: 'custom term "t"', known: new Set(['enrollment', 'base']), hint: '(see the docs)' });
    expect(c).toEqual({ ok: false, reason: 'custom term "t": unknown variables "bse", "enrolment" (see the docs)' });
    const i = compileExpression('reserve < 1', { label: 'condition', known: new Set(['reserve_pct']), noun: 'indicator' });
    expect(i).toEqual({ ok: false, reason: 'condition: unknown indicator "reserve"' });
  });

  it('says a known name has no value when the caller does not supply it', () => {
    const c = compileExpression('a + b', { label: 'L', known: new Set(['a', 'b']) });
    if (!c.ok) throw new Error(c.reason);
    expect(c.value.evaluate((n) => (n === 'a' ? 1 : undefined))).toEqual({ ok: false, reason: 'L: variable "b" has no value' });
    expect(c.value.evaluate((n) => (n === 'a' ? 1 : Number.NaN))).toEqual({ ok: false, reason: 'L: variable "b" is NaN, not a finite number' });
    expect(c.value.evaluate((n) => (n === 'a' ? 1 : Infinity))).toEqual({ ok: false, reason: 'L: variable "b" is Infinity, not a finite number' });
  });

  it('lists the names an expression reads, for a validator', () => {
    expect(expressionSymbols('max(0, 500 - enrollment) * 850 + (english_learners > 10 ? base : 0)')).toEqual({ ok: true, value: ['base', 'english_learners', 'enrollment'] });
    expect(expressionSymbols('reserve_pct < 8% and state.aid = 0', 'condition')).toEqual({ ok: true, value: ['reserve_pct', 'state.aid'] });
    expect(expressionSymbols('round(2.5)')).toEqual({ ok: true, value: [] });
    expect(expressionSymbols('help(x)')).toMatchObject({ ok: false, reason: expect.stringMatching(/function help\(\) is not allowed/) });
    const c = compileExpression('b * a + a', { label: 'L' });
    expect(c.ok && c.value.symbols).toEqual(['a', 'b']);
  });
});

describe('the size budget', () => {
  it('refuses a formula over the length limit, or over a lower limit the caller sets', () => {
    expect(refusal('1+'.repeat(250) + '1')).toMatch(/longer than 500 characters: it has 501, and the limit is 500/);
    const c = compileExpression('x'.repeat(401), { label: 'L', maxLength: 400 });
    expect(c).toMatchObject({ ok: false, reason: expect.stringMatching(/limit is 400/) });
    // A caller cannot raise the limit above 500.
    expect(compileExpression('x'.repeat(501), { label: 'L', maxLength: 10_000 }).ok).toBe(false);
  });

  it('refuses nesting deeper than the limit, counting parentheses, calls, signs, not and powers', () => {
    const n = LIMITS.depth;
    expect(value('('.repeat(n) + 'x' + ')'.repeat(n))).toBe(10);
    expect(refusal('('.repeat(n + 1) + 'x' + ')'.repeat(n + 1))).toMatch(/nested more than 32 levels deep/);
    expect(refusal('-'.repeat(n + 1) + 'x')).toMatch(/nested more than 32/);
    expect(refusal('not '.repeat(n + 1) + 'x')).toMatch(/nested more than 32/);
    expect(refusal('abs('.repeat(n + 1) + 'x' + ')'.repeat(n + 1))).toMatch(/nested more than 32/);
    expect(refusal('2^'.repeat(n + 1) + '1')).toMatch(/nested more than 32/);
    expect(refusal('1 ? '.repeat(n + 1) + '1' + ' : 1'.repeat(n + 1))).toMatch(/nested more than 32/);
  });

  it('refuses more than 256 parts and more than 32 arguments', () => {
    // 1+1+…: 128 ones and 127 pluses = 255 parts pass; one more "+1" makes 257.
    expect(value(Array(128).fill('1').join('+'))).toBe(128);
    expect(refusal(Array(129).fill('1').join('+'))).toMatch(/more than 256 parts/);
    expect(value(`max(${Array(32).fill('1').join(',')})`)).toBe(1);
    expect(refusal(`max(${Array(33).fill('1').join(',')})`)).toMatch(/max\(\) is given more than 32 arguments/);
  });
});

describe('no state between formulas', () => {
  it('never writes to the values it is given, and compiled formulas are frozen', () => {
    const vars = new Map([['enrollment', 8000], ['base', 80_000]]);
    const a = compileExpression('base + 0 * (enrollment = 1)', { label: 'A', kind: 'condition' });
    if (!a.ok) throw new Error(a.reason);
    expect(a.value.evaluate((n) => vars.get(n))).toEqual({ ok: true, value: 80_000 });
    expect([...vars]).toEqual([['enrollment', 8000], ['base', 80_000]]);
    expect(Object.isFrozen(a.value)).toBe(true);
    expect(Object.isFrozen(a.value.symbols)).toBe(true);
  });

  it('gives the same answer compiled twice, in any order', () => {
    const texts = ['x / y', 'round(x / 3, 2)', 'x > y ? x : y', '0.1 + 0.2 == 0.3'];
    const first = texts.map((t) => value(t));
    const again = [...texts].reverse().map((t) => value(t)).reverse();
    expect(again).toEqual(first);
  });
});

describe('decimal rounding', () => {
  it.each([
    [2.345, 2, 2.35], [-2.345, 2, -2.35], [1.005, 2, 1.01], [0.005, 2, 0.01], [0.004, 2, 0], [123.456, 0, 123], [0.5, 0, 1], [-0.5, 0, -1],
    [9.995, 2, 10], [1e21, 2, 1e21], [5e-7, 6, 0.000001], [4e-7, 6, 0], [99.99, 1, 100], [1.23, 5, 1.23],
  ])('roundDecimals(%s, %s) = %s', (x, n, want) => {
    expect(roundDecimals(x, n)).toBe(want);
  });
});

describe('negative zero', () => {
  // Found by the property test (seed 2117248641): the engine gave +0, the reference -0. A report
  // must never print "-$0.00", so every result that is zero is +0.
  it.each(['round(-.25 / 1e6, 0)', '-(0)', '0 * -1', 'round(-0.4)', 'ceil(-0.5)'])('%s evaluates to +0', (text) => {
    const c = compileExpression(text, { label: 'test', kind: 'formula' });
    if (!c.ok) throw new Error(c.reason);
    const v = c.value.evaluate(() => undefined);
    expect(v.ok && Object.is(v.value, 0)).toBe(true);
  });
});

describe('docs/formulas.md', () => {
  it('its examples compile and evaluate in their context', async () => {
    const { readFileSync } = await import('node:fs');
    const md = readFileSync(new URL('../../../docs/formulas.md', import.meta.url), 'utf8');
    const examples = (heading: string) => {
      const part = md.slice(md.indexOf(heading)).split('\n### ')[0]!.split('\n## ')[0]!;
      return part.split('\n').filter((l) => l.startsWith('    ')).map((l) => l.trim());
    };
    const site = new Set(['enrollment', 'weighted_pupils', 'needs_index', 'base', 'english_learners', 'econ_disadvantaged', 'is_hs']);
    const forecastNames = ['enrollment', 'enrollment_base', 't', 'year', 'cola_index', 'base', 'idx', 'state_aid_per_pupil_growth', 'cpi'];
    const indicators = new Set(['year', 't', 'reserve_pct', 'policy', 'surplus', 'deficit_pct', 'state_aid_growth', 'enrollment_change']);
    const cases: [string, Kind, ReadonlySet<string>][] = [
      ...examples('### Allocation custom terms').map((t): [string, Kind, ReadonlySet<string>] => [t, 'formula', site]),
      ...examples('### Revenue formulas').map((t): [string, Kind, ReadonlySet<string>] => [t, 'formula', new Set(forecastNames)]),
      ...examples('### Trigger conditions').map((t): [string, Kind, ReadonlySet<string>] => [t, 'condition', indicators]),
    ];
    expect(cases.length).toBeGreaterThanOrEqual(11);
    for (const [text, kind, known] of cases) {
      const c = compileExpression(text, { label: 'doc', kind, known });
      if (!c.ok) throw new Error(c.reason);
      const v = c.value.evaluate(() => 2);
      expect(v.ok, `${text}: ${!v.ok && v.reason}`).toBe(true);
    }
  });
});
