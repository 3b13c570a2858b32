import { describe, expect, it } from 'vitest';
import { compileTerm, TermError } from '../../../models/allocate/expressions';
import { computeFormula } from '../../../models/allocate/formula';
import { RuleSetSchema } from '../../../models/allocate/config';
import { siteProfiles } from '../../../models/allocate/profile';
import { compileCondition } from '../../../models/forecast/condition';
import { compileFormula, FormulaError } from '../../../models/forecast/formula';
import { forecastProject } from '../../../models/forecast/forecast';
import { asCents } from '../../../models/money/cents';
import { tinyProject as allocationProject } from '../allocate/fixture';
import { tinyProject } from '../forecast/fixtures';

// The cases found against the mathjs-based formulas (issue 12 §5), each through the three places a
// project's formulas are compiled: allocation custom terms, forecast revenue formulas and trigger
// conditions. Invariant: a hostile formula is refused when compiled (or, for a name the caller did
// not check, fails when evaluated) with an error naming the formula; it never runs a function
// outside the whitelist, never throws anything else, never changes another formula's result.
// Written to fail against the mathjs code: there `config`, `help`, ranges and assignments compiled.

const siteVars = new Set(['enrollment', 'base', 'english_learners']);
const indicators = new Set(['reserve_pct', 'surplus', 'enrollment', 'base']);

type Outcome = { refused: string } | { failed: string } | { value: number };

/** Compiles `text` the way each caller does. */
function compileEverywhere(text: string) {
  return {
    term: compileTerm({ name: 'hostile', expression: text }, siteVars),
    revenue: compileFormula(text, 'revenue source HOSTILE'),
    condition: compileCondition(text, indicators, 'trigger for plan X'),
  };
}

/** Compiles and, where that succeeded, evaluates `text` in each caller (only for formulas that are harmless to run). */
function everywhere(text: string): Record<'term' | 'revenue' | 'condition', Outcome> {
  const { term, revenue, condition } = compileEverywhere(text);
  const run = (f: () => number): Outcome => {
    try {
      return { value: f() };
    } catch (e) {
      // Each caller's own error class (the engines catch these); anything else is a bug.
      if (e instanceof FormulaError || e instanceof RangeError || e instanceof TermError) return { failed: (e as Error).message };
      throw e;
    }
  };
  return {
    term: term.ok ? run(() => term.value.evaluate({ enrollment: 300, base: 80_000, english_learners: 12 })) : { refused: term.reason },
    revenue: revenue.ok ? run(() => revenue.value(new Map([['enrollment', 300], ['base', 80_000]]))) : { refused: revenue.reason },
    condition: condition.ok ? run(() => Number(condition.value((n) => (n === 'reserve_pct' ? 0.05 : n === 'surplus' ? 1 : undefined)))) : { refused: condition.reason },
  };
}

/** Refused when compiled, by all three callers, naming the formula; nothing is evaluated. */
function expectRefusedEverywhere(text: string, why: RegExp): void {
  const { term, revenue, condition } = compileEverywhere(text);
  expect(term).toEqual({ ok: false, reason: expect.stringMatching(/^custom term "hostile": /) });
  expect(revenue).toEqual({ ok: false, reason: expect.stringMatching(/^revenue source HOSTILE: expression /) });
  expect(condition).toEqual({ ok: false, reason: expect.stringMatching(/^trigger for plan X: condition /) });
  for (const r of [term, revenue, condition]) if (!r.ok) expect(r.reason).toMatch(why);
}

describe('hostile formulas (issue 12 §5)', () => {
  it('help(cos) is refused when compiled (it crashed the CLI with a stack trace, exit 70)', () => {
    expectRefusedEverywhere('help(cos)', /function help\(\) is not allowed/);
    const r = forecastProject(tinyProject({ forecast: { enrollment: { method: 'growth' }, revenue: [{ id: 'AID', kind: 'formula', expression: 'help(cos)' }] } }));
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/revenue source AID: expression "help\(cos\)": function help\(\) is not allowed/) });
  });

  it('sum(1:1e9) is refused when compiled (it took 2.35 GB and killed the process)', () => {
    expectRefusedEverywhere('sum(1:1e9)', /function sum\(\) is not allowed/);
    expectRefusedEverywhere('1:1e9', /ranges like 1:10 are not allowed/);
  });

  it('sum(ones(1e4,1e4)) is refused when compiled (it hung for more than 90 s)', () => {
    expectRefusedEverywhere('sum(ones(1e4,1e4))', /function sum\(\) is not allowed/);
    expectRefusedEverywhere('ones(1e4,1e4)', /function ones\(\) is not allowed/);
  });

  it.each([
    'sum(1:1e9)', 'sum(ones(1e4, 1e4))', 'zeros(1e5, 1e5)', 'size(range(0, 1e9))', 'det(ones(3000, 3000))', 'prod(1:1e8)',
    'max(identity(1e5))', 'sum(random([1e4, 1e4]))', 'cumsum(1:1e9)', 'sort(1:1e8)', 'kron(ones(1e3, 1e3), ones(1e3, 1e3))',
    'factorial(1e7)', 'map(1:1e9, sin)', 'f(x) = f(x) + 1; f(1)', 'max([1:1e9])',
  ])('denial of service %s is refused in revenue formulas (8 of 9 got through)', (text) => {
    expect(compileFormula(text, 'revenue source X')).toEqual({ ok: false, reason: expect.stringMatching(/^revenue source X: expression .*not allowed/) });
  });

  it('config({relTol: 0.5, absTol: 0.5}) in one formula cannot change another formula\'s result ($0 became $1,000)', () => {
    const hostile = compileFormula('config({relTol: 0.5, absTol: 0.5})', 'revenue source A');
    expect(hostile.ok).toBe(false);
    if (hostile.ok) { try { hostile.value(new Map()); } catch { /* only the side effect mattered */ } }
    // 1,000 is not 600, whatever another formula tried: $0.
    const other = compileFormula('base == 600 ? 1000 : 0', 'revenue source B');
    if (!other.ok) throw new Error(other.reason);
    expect(other.value(new Map([['base', 1000]]))).toBe(0);
  });

  it('config({number: "BigNumber"}) cannot break the formulas compiled after it', () => {
    const hostile = compileFormula('config({number: "BigNumber"})', 'revenue source A');
    expect(hostile.ok).toBe(false);
    if (hostile.ok) { try { hostile.value(new Map()); } catch { /* only the side effect mattered */ } }
    const other = compileFormula('base * 2', 'revenue source B');
    if (!other.ok) throw new Error(other.reason);
    expect(other.value(new Map([['base', 1000]]))).toBe(2000);
    expectRefusedEverywhere('config({number: "BigNumber"})', /function config\(\) is not allowed/);
  });

  it('an assignment in one formula (base + 0*(enrollment = 1)) cannot change the next formula\'s result (80,000 became 10)', () => {
    // The engine hands every formula source of a year the same scope.
    const scope = new Map([['base', 1000], ['enrollment', 8000]]);
    const hostile = compileFormula('base + 0*(enrollment = 1)', 'revenue source A');
    expect(hostile).toEqual({ ok: false, reason: expect.stringMatching(/there is no assignment in a formula/) });
    if (hostile.ok) hostile.value(scope);
    const next = compileFormula('enrollment * 10', 'revenue source B');
    if (!next.ok) throw new Error(next.reason);
    // 8,000 × 10 = 80,000
    expect(next.value(scope)).toBe(80_000);
    // In a condition `=` compares, and still writes nothing.
    const cond = compileCondition('enrollment = 1', indicators);
    if (!cond.ok) throw new Error(cond.reason);
    expect(cond.value((n) => scope.get(n))).toBe(false);
    expect(scope.get('enrollment')).toBe(8000);
    // Through the engine: the project is refused, naming the source, instead of computing 10.
    const r = forecastProject(tinyProject({
      forecast: { enrollment: { method: 'growth' }, revenue: [{ id: 'A', kind: 'formula', expression: 'base + 0*(enrollment = 1)' }, { id: 'B', kind: 'formula', expression: 'enrollment * 10' }] },
    }));
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/revenue source A: .*there is no assignment/) });
  });

  it.each([
    ['import({evaluate: 1}, {override: true})', /function import\(\)/],
    ['evaluate("1 + 1")', /function evaluate\(\)/],
    ['parse("1").compile().evaluate()', /function parse\(\)/],
    ['compile("1")', /function compile\(\)/],
    ['createUnit("foo")', /function createUnit\(\)/],
    ['simplify("x + x")', /function simplify\(\)/],
    ['derivative("x^2", "x")', /function derivative\(\)/],
    ['resolve("x")', /function resolve\(\)/],
    ['chain(1).done()', /function chain\(\)/],
    ['rationalize("x")', /function rationalize\(\)/],
    ['reviver()', /function reviver\(\)/],
    ['config()', /function config\(\)/],
    ['e = evaluate; e("1")', /there is no assignment|unexpected ";/],
    ['matrix([1, 2])', /function matrix\(\)/],
    ['identity(3)', /function identity\(\)/],
    ['zeros(2)', /function zeros\(\)/],
    ['range(1, 10)', /function range\(\)/],
    ['sparse()', /function sparse\(\)/],
    ['[1, 2]', /arrays, matrices and lists/],
    ['f(x) = x ^ 2', /function f\(\) is not allowed/],
    ['"text"', /text in quotes/],
    ['cos.constructor("return process")()', /function cos\.constructor\(\) is not allowed/],
    ['(1).constructor', /property access/],
    ['a; b', /unexpected ";/],
  ])('%s is refused when compiled, in every kind of formula', (text, why) => {
    expectRefusedEverywhere(text, why);
  });

  it('cos.constructor and __proto__ are only unknown names: no function or prototype is ever reached', () => {
    for (const text of ['cos.constructor', '__proto__', 'constructor', 'enrollment.__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      const o = everywhere(text);
      expect(o.term).toEqual({ refused: expect.stringMatching(/unknown variable/) });
      expect(o.condition).toEqual({ refused: expect.stringMatching(/unknown indicator/) });
      // Revenue formulas check names when evaluated (a scenario may add drivers).
      expect(o.revenue).toEqual({ failed: `revenue source HOSTILE: expression "${text}": unknown variable "${text}"` });
    }
    // A plain-object scope (allocation's) is read by own keys only.
    const term = compileTerm({ name: 't', expression: 'base' }, new Set(['base']));
    if (!term.ok) throw new Error(term.reason);
    expect(() => term.value.evaluate({} as Record<string, number>)).toThrow(/variable "base" has no value/);
  });

  it('__proto__ writes are refused and nothing is polluted', () => {
    for (const text of ['__proto__.polluted = 1', 'x.__proto__.polluted = 1', '{}.__proto__.polluted = 1', 'constructor.prototype.polluted = 1']) {
      const o = everywhere(text);
      expect(o.term).toMatchObject({ refused: expect.any(String) });
      expect(o.revenue).toMatchObject({ refused: expect.any(String) });
      // In a condition `=` compares: refused for its unknown names.
      expect(o.condition).toMatchObject({ refused: expect.any(String) });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  });

  it('a hostile custom term makes the allocation fail naming the rule, and throws nothing', () => {
    const profiles = siteProfiles(allocationProject({ sites: [{ id: 'A', level: 'ES', grades: { '1': 100 } }] }), 2026);
    for (const expression of ['help(cos)', 'sum(1:1e9)', 'enrollment = 5', '1 / (enrollment - 100)']) {
      const r = computeFormula(profiles, RuleSetSchema.parse({ name: 'R', custom_terms: [{ name: 'bad', expression }] }), asCents(100_000_000), null);
      expect(r).toEqual({ ok: false, reason: expect.stringMatching(/^rules "R": custom term "bad": /) });
    }
  });
});
