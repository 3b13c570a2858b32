import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { compileTerm, TermError } from '../../../models/allocate/expressions';
import { compileCondition } from '../../../models/forecast/condition';
import { compileFormula, FormulaError } from '../../../models/forecast/formula';
import { compileExpression, type Kind, type Lookup } from '../../../models/expr/expression';
import { MATHJS_NAMES } from './mathjs-names';

/**
 * Invariant (hostile input): whatever text arrives — token soup from the grammar mixed with hostile
 * tokens, every mathjs name, deep or unbalanced nesting, huge numbers, long names, arbitrary
 * unicode — compiling and evaluating it ends in a finite number or a `Parsed` failure that starts
 * with the formula's label; never a thrown exception, never NaN or ±Infinity as a value, and in
 * far less than a second (the 1 s bound only catches a hang: it is not a speed test, see
 * CONTRIBUTING; `npm run bench` measures speed).
 *
 * Invariant (meaning): a formula generated from the grammar and printed with the fewest
 * parentheses its precedence needs (plus some extra at random) evaluates to exactly what an
 * independent evaluator of the generated tree gives, or fails where that evaluator fails.
 */

const stats = { expressions: 0, maxMs: 0, slowest: '', times: [] as number[] };
afterAll(() => {
  const t = [...stats.times].sort((a, b) => a - b);
  const at = (q: number) => t[Math.min(t.length - 1, Math.floor(q * t.length))]!.toFixed(3);
  console.log(`expression fuzz: ${stats.expressions} compile+evaluate runs; median ${at(0.5)} ms, 99.9th percentile ${at(0.999)} ms, slowest ${stats.maxMs.toFixed(3)} ms (${JSON.stringify(stats.slowest.slice(0, 80))})`);
});

const LABEL = 'fuzz formula';

/** Compiles and evaluates `text` both as a formula and as a condition, checking the invariant. */
function check(text: string, get: Lookup): void {
  for (const kind of ['formula', 'condition'] as Kind[]) {
    const t0 = performance.now();
    const c = compileExpression(text, { label: LABEL, kind });
    let outcome: { ok: true; value: number } | { ok: false; reason: string };
    if (!c.ok) outcome = c;
    else outcome = c.value.evaluate(get);
    const ms = performance.now() - t0;
    stats.expressions++;
    stats.times.push(ms);
    if (ms > stats.maxMs) { stats.maxMs = ms; stats.slowest = text; }
    expect(ms).toBeLessThan(1000);
    if (outcome.ok) {
      expect(Number.isFinite(outcome.value), `${JSON.stringify(text)} gave ${outcome.value}`).toBe(true);
    } else {
      expect(outcome.reason.startsWith(`${LABEL}: `), outcome.reason).toBe(true);
      // An error stays readable: the formula is quoted shortened, never echoed whole.
      expect(outcome.reason.length, outcome.reason).toBeLessThan(400);
    }
  }
}

/** The three callers: compile never throws; evaluation throws only each caller's own error class. */
function checkCallers(text: string, values: Record<string, number>): void {
  const map = new Map(Object.entries(values));
  const names = new Set(Object.keys(values));
  const runs: (() => number | boolean)[] = [];
  const term = compileTerm({ name: 't', expression: text }, names);
  const revenue = compileFormula(text, 'revenue source F');
  const cond = compileCondition(text, names, 'trigger for plan P');
  if (term.ok) runs.push(() => term.value.evaluate(values));
  if (revenue.ok) runs.push(() => revenue.value(map));
  if (cond.ok) runs.push(() => cond.value((n) => map.get(n)));
  for (const run of runs) {
    try {
      const v = run();
      if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
    } catch (e) {
      expect(e instanceof TermError || e instanceof FormulaError || e instanceof RangeError, String(e)).toBe(true);
    }
  }
}

// ---- hostile text ---------------------------------------------------------------------------

const GRAMMAR = ['+', '-', '*', '/', '^', '(', ')', ',', '?', ':', '<', '<=', '>', '>=', '==', '!=', '=', '!', '&&', '||', 'and', 'or', 'not',
  '0', '1', '2.5', '.5', '1e6', '8%', '100%', '1e308', '5e-324', 'x', 'y', 'z', 'enrollment', 'base', 'a.b'];
const FUNCS = ['min', 'max', 'abs', 'sqrt', 'floor', 'ceil', 'round', 'log', 'exp', 'pow', 'sign', 'min(', 'max(', 'round(', 'log(', 'pow('];
const HOSTILE = ['__proto__', 'constructor', 'prototype', '.constructor', '.__proto__', '[', ']', '{', '}', '"', "'", '`', ';', '1:1e9', '1e999', '-1e999',
  'Infinity', 'NaN', 'true', 'null', 'undefined', 'this', 'process', 'globalThis', 'require', 'import', 'eval', 'Function', '$', '#', '@', '\\', '%', '&', '|',
  '\u0000', '\u202e', 'é', 'π', '💥', '\ufeff', '\u00a0', '\n', '\t', '0x10', '0b11', '1_000', '=>', '...', 'new', 'delete', 'typeof', '!!', '~', 'mod', 'xor',
  '9'.repeat(400), 'a'.repeat(300), `${'x'.repeat(60)}.y`, '1e-400', '0.0000000000000000000001', '１', 'ℯ', 'Ⅻ', '٣'];
const MATHJS_CALLS = MATHJS_NAMES.flatMap((n) => [n, `${n}(`]);

const separator = fc.constantFrom('', ' ', ' ', '  ', '\t', '\n');
const token = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...GRAMMAR) },
  { weight: 3, arbitrary: fc.constantFrom(...FUNCS) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.constantFrom(...MATHJS_CALLS) },
);
const soup = fc.array(fc.tuple(token, separator), { maxLength: 60 }).map((ts) => ts.map(([t, s]) => t + s).join(''));

const NESTING: ((n: number) => string)[] = [
  (n) => `${'('.repeat(n)}x${')'.repeat(n)}`,
  (n) => `${'('.repeat(n)}x`,
  (n) => `x${')'.repeat(n)}`,
  (n) => `${'('.repeat(n)}${')'.repeat(n)}`,
  (n) => `${'-'.repeat(n)}x`,
  (n) => `${'- '.repeat(n)}x`,
  (n) => `${'not '.repeat(n)}x`,
  (n) => `${'!'.repeat(n)}x`,
  (n) => `${'2^'.repeat(n)}2`,
  (n) => `${'abs('.repeat(n)}x${')'.repeat(n)}`,
  (n) => `${'max(x, '.repeat(n)}x${')'.repeat(n)}`,
  (n) => `${'x ? '.repeat(n)}1${' : 2'.repeat(n)}`,
  (n) => `max(${'x,'.repeat(n)}x)`,
  (n) => `${'x+'.repeat(n)}x`,
  (n) => `${'x*'.repeat(n)}x`,
  (n) => `${'x < '.repeat(n)}x`,
  (n) => `${'x and '.repeat(n)}x`,
  (n) => `1e${'9'.repeat(n)}`,
  (n) => '9'.repeat(n),
  (n) => 'a'.repeat(n),
  (n) => `x${'.x'.repeat(n)}`,
  (n) => `${'8%'.repeat(n)}`,
  (n) => `${'(x'.repeat(n)}`,
  (n) => `${'[['.repeat(n)}`,
];
const nesting = fc.tuple(fc.nat({ max: NESTING.length - 1 }), fc.oneof(fc.nat({ max: 40 }), fc.nat({ max: 600 }))).map(([i, n]) => NESTING[i]!(n));

const special = fc.constantFrom(0, -0, 1, -1, 0.1, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER, Number.NaN, Infinity, -Infinity);
const values = fc.oneof(special, fc.double());
/** Values for any name: by a hash of the name into a generated list, sometimes missing. */
const lookup = fc.array(fc.option(values, { freq: 6 }), { minLength: 1, maxLength: 8 }).map((vs): Lookup => (name) => {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) | 0;
  return vs[Math.abs(h) % vs.length] ?? undefined;
});

describe('hostile formulas, generated', () => {
  it('token soup from the grammar, functions, hostile tokens and mathjs names', () => {
    fc.assert(fc.property(soup, lookup, (text, get) => check(text, get)), { numRuns: 4000 });
  });

  it('deep, unbalanced and repeated nesting, huge numbers and long names', () => {
    fc.assert(fc.property(nesting, lookup, (text, get) => check(text, get)), { numRuns: 1500 });
    // The 400-deep cases named in the issue, each shape once (over 500 characters or 32 levels: refused).
    for (const shape of NESTING) check(shape(400), () => 1);
    for (const shape of NESTING) check(shape(120), () => 1);
  });

  it('arbitrary unicode and binary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 600 }), lookup, (text, get) => check(text, get)), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), lookup, (text, get) => check(text, get)), { numRuns: 1000 });
  });

  it('valid formulas with a hostile token spliced in', () => {
    fc.assert(fc.property(tree, fc.nat(), fc.constantFrom(...HOSTILE, ...MATHJS_CALLS), lookup, (t, at, bad, get) => {
      const text = print(t);
      const i = at % (text.length + 1);
      check(text.slice(0, i) + bad + text.slice(i), get);
    }), { numRuns: 1500 });
  });

  it('every mathjs name, called or read, is refused unless it is one of the whitelisted functions', () => {
    const allowed = new Set(['min', 'max', 'abs', 'sqrt', 'floor', 'ceil', 'round', 'log', 'exp', 'pow', 'sign']);
    for (const name of MATHJS_NAMES) {
      for (const text of [name, `${name}(1)`, `${name}(x)`, `${name}(1:1e9)`, `${name}(ones(1e4, 1e4))`, `${name}.constructor`, `${name}("x")`, `x + ${name}(2, 3)`]) check(text, () => 2);
      const call = compileExpression(name === 'pow' ? 'pow(1, 2)' : `${name}(1)`, { label: LABEL });
      if (allowed.has(name)) expect(call.ok).toBe(true);
      else if (['and', 'or', 'not'].includes(name)) continue; // operators here: not(1) is 0, and(1) is refused as a syntax error
      else expect(call).toEqual({ ok: false, reason: `${LABEL}: function ${name}() is not allowed (allowed: min, max, abs, sqrt, exp, sign, floor, ceil, round, log, pow)` });
    }
  });

  it('through the three callers: compiling never throws, evaluating throws only the error each engine catches', () => {
    fc.assert(fc.property(fc.oneof(soup, nesting), fc.dictionary(fc.constantFrom('x', 'y', 'enrollment', 'base', 'a.b'), values), (text, vals) => {
      checkCallers(text, vals);
    }), { numRuns: 1500 });
    expect(Object.getOwnPropertyNames(Object.prototype).filter((k) => !['constructor', '__defineGetter__', '__defineSetter__', 'hasOwnProperty', '__lookupGetter__', '__lookupSetter__', 'isPrototypeOf', 'propertyIsEnumerable', 'toString', 'valueOf', '__proto__', 'toLocaleString'].includes(k))).toEqual([]);
  });
});

// ---- meaning: generated trees against an independent evaluator ---------------------------------

type T =
  | { k: 'num'; text: string; v: number; p: boolean }
  | { k: 'var'; name: string; p: boolean }
  | { k: 'neg' | 'not'; e: T; p: boolean }
  | { k: 'bin'; op: '+' | '-' | '*' | '/' | '^'; l: T; r: T; p: boolean }
  | { k: 'cmp'; ops: string[]; args: T[]; p: boolean }
  | { k: 'and' | 'or'; l: T; r: T; p: boolean }
  | { k: 'if'; c: T; a: T; b: T; p: boolean }
  | { k: 'call'; fn: string; args: T[]; p: boolean };

const VARS: Record<string, number> = { x: 3, y: -2.5, z: 0, big: 1e6, small: 0.001, 'a.b': 7 };
const NUMS: [string, number][] = [['0', 0], ['1', 1], ['2', 2], ['3', 3], ['10', 10], ['100', 100], ['0.5', 0.5], ['.25', 0.25], ['2.25', 2.25], ['1e6', 1e6], ['1e-3', 0.001], ['25%', 25 / 100], ['8%', 8 / 100], ['0.1', 0.1], ['0.7', 0.7]];
const paren = fc.nat(9).map((n) => n === 0);

const { tree } = fc.letrec<{ tree: T }>((tie) => {
  const sub = tie('tree');
  return {
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.tuple(fc.constantFrom(...NUMS), paren).map(([[text, v], p]): T => ({ k: 'num', text, v, p })),
      fc.tuple(fc.constantFrom(...Object.keys(VARS)), paren).map(([name, p]): T => ({ k: 'var', name, p })),
      fc.tuple(fc.constantFrom('neg', 'not') as fc.Arbitrary<'neg' | 'not'>, sub, paren).map(([k, e, p]): T => ({ k, e, p })),
      fc.tuple(fc.constantFrom('+', '-', '*', '/', '^') as fc.Arbitrary<'+' | '-' | '*' | '/' | '^'>, sub, sub, paren).map(([op, l, r, p]): T => ({ k: 'bin', op, l, r, p })),
      fc.tuple(fc.array(fc.constantFrom('<', '<=', '>', '>=', '==', '!='), { minLength: 1, maxLength: 3 }), fc.array(sub, { minLength: 4, maxLength: 4 }), paren)
        .map(([ops, args, p]): T => ({ k: 'cmp', ops, args: args.slice(0, ops.length + 1), p })),
      fc.tuple(fc.constantFrom('and', 'or') as fc.Arbitrary<'and' | 'or'>, sub, sub, paren).map(([k, l, r, p]): T => ({ k, l, r, p })),
      fc.tuple(sub, sub, sub, paren).map(([c, a, b, p]): T => ({ k: 'if', c, a, b, p })),
      fc.tuple(fc.constantFrom('min', 'max'), fc.array(sub, { minLength: 1, maxLength: 4 }), paren).map(([fn, args, p]): T => ({ k: 'call', fn, args, p })),
      fc.tuple(fc.constantFrom('abs', 'sqrt', 'exp', 'sign', 'log', 'round', 'floor', 'ceil'), sub, paren).map(([fn, a, p]): T => ({ k: 'call', fn, args: [a], p })),
      fc.tuple(fc.constantFrom('pow', 'log'), sub, sub, paren).map(([fn, a, b, p]): T => ({ k: 'call', fn, args: [a, b], p })),
      fc.tuple(fc.constantFrom('round', 'floor', 'ceil'), sub, fc.constantFrom(0, 1, 2, 3), paren)
        .map(([fn, a, n, p]): T => ({ k: 'call', fn, args: [a, { k: 'num', text: String(n), v: n, p: false }], p })),
    ),
  };
});

// Precedence levels, lowest first, as docs/formulas.md lists them.
const L = { if: 1, or: 2, and: 3, not: 4, cmp: 5, add: 6, mul: 7, unary: 8, pow: 9, atom: 10 };

function printed(t: T): { s: string; level: number } {
  const at = (c: T, min: number): string => {
    const r = printed(c);
    return r.level < min ? `(${r.s})` : r.s;
  };
  let s: string;
  let level: number;
  switch (t.k) {
    case 'num': s = t.text; level = L.atom; break;
    case 'var': s = t.name; level = L.atom; break;
    case 'neg': s = `-${at(t.e, L.unary)}`; level = L.unary; break;
    case 'not': s = `not ${at(t.e, L.not)}`; level = L.not; break;
    case 'bin':
      if (t.op === '^') { s = `${at(t.l, L.atom)}^${at(t.r, L.unary)}`; level = L.pow; break; }
      if (t.op === '*' || t.op === '/') { s = `${at(t.l, L.mul)} ${t.op} ${at(t.r, L.unary)}`; level = L.mul; break; }
      // A percentage right after + or − is refused in formulas (mathjs read x + 5% as x × 1.05).
      { const r = at(t.r, L.mul); s = `${at(t.l, L.add)} ${t.op} ${/^[-+ ]*[\d.]+%/.test(r) ? `(${r})` : r}`; }
      level = L.add;
      break;
    case 'cmp': s = t.args.map((a, i) => (i === 0 ? '' : ` ${t.ops[i - 1]} `) + at(a, L.add)).join(''); level = L.cmp; break;
    case 'and': s = `${at(t.l, L.and)} and ${at(t.r, L.not)}`; level = L.and; break;
    case 'or': s = `${at(t.l, L.or)} or ${at(t.r, L.and)}`; level = L.or; break;
    case 'if': s = `${at(t.c, L.or)} ? ${at(t.a, L.if)} : ${at(t.b, L.if)}`; level = L.if; break;
    case 'call': s = `${t.fn}(${t.args.map((a) => at(a, L.if)).join(', ')})`; level = L.atom; break;
  }
  return t.p ? { s: `(${s})`, level: L.atom } : { s, level };
}
const print = (t: T): string => printed(t).s;
const size = (t: T): number => {
  switch (t.k) {
    case 'num': case 'var': return 1;
    case 'neg': case 'not': return 1 + size(t.e);
    case 'bin': case 'and': case 'or': return 1 + size(t.l) + size(t.r);
    case 'cmp': case 'call': return 1 + t.args.reduce((a, c) => a + size(c), 0);
    case 'if': return 1 + size(t.c) + size(t.a) + size(t.b);
  }
};

class RefError extends Error {}
const near = (a: number, b: number) => a === b || Math.abs(a - b) <= Math.max(1e-12 * Math.max(Math.abs(a), Math.abs(b)), 1e-15);
const fin = (v: number) => { if (!Number.isFinite(v)) throw new RefError(); return v; };

/** x rounded half away from zero to n decimals of its shortest decimal form, in exact BigInt arithmetic. */
function decRound(x: number, n: number): number {
  const [mant, e] = String(x).split('e') as [string, string | undefined];
  const neg = mant.startsWith('-');
  const [int, frac = ''] = mant.replace('-', '').split('.') as [string, string | undefined];
  const digits = BigInt(int + frac);
  const exp = Number(e ?? 0) - frac.length; // x = ±digits × 10^exp
  if (exp >= -n) return x;
  const p = 10n ** BigInt(-n - exp);
  const q = digits / p + ((digits % p) * 2n >= p ? 1n : 0n);
  return Number(`${neg ? '-' : ''}${q}e${-n}`);
}
const refRound = (x: number, n: number) => (n >= 12 ? decRound(x, n) : decRound(near(x, decRound(x, 12)) ? decRound(x, 12) : x, n));
const refFloor = (x: number) => { const f = Math.floor(x), r = refRound(x, 0); return f !== r && near(x, r) && !near(x, f) ? r : f; };
const refCeil = (x: number) => { const c = Math.ceil(x), r = refRound(x, 0); return c !== r && near(x, r) && !near(x, c) ? r : c; };
const CMP: Record<string, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b && !near(a, b), '<=': (a, b) => a <= b || near(a, b), '>': (a, b) => a > b && !near(a, b),
  '>=': (a, b) => a >= b || near(a, b), '==': near, '!=': (a, b) => !near(a, b),
};

function ref(t: T): number {
  switch (t.k) {
    case 'num': return t.v;
    case 'var': return VARS[t.name]!;
    case 'neg': return -ref(t.e);
    case 'not': return ref(t.e) === 0 ? 1 : 0;
    case 'and': return ref(t.l) !== 0 && ref(t.r) !== 0 ? 1 : 0;
    case 'or': return ref(t.l) !== 0 || ref(t.r) !== 0 ? 1 : 0;
    case 'if': return ref(t.c) !== 0 ? ref(t.a) : ref(t.b);
    case 'cmp': {
      let l = ref(t.args[0]!);
      for (let i = 0; i < t.ops.length; i++) {
        const r = ref(t.args[i + 1]!);
        if (!CMP[t.ops[i]!]!(l, r)) return 0;
        l = r;
      }
      return 1;
    }
    case 'bin': {
      const l = ref(t.l), r = ref(t.r);
      switch (t.op) {
        case '+': return fin(l + r);
        case '-': return fin(l - r);
        case '*': return fin(l * r);
        case '^': return fin(Math.pow(l, r));
        case '/': if (r === 0) throw new RefError(); return fin(l / r);
      }
      throw new Error(`no reference for ${t.op}`);
    }
    case 'call': {
      const c = t;
      const a = c.args.map(ref);
      const n = a[1] ?? 0;
      switch (c.fn) {
        case 'min': return fin(Math.min(...a));
        case 'max': return fin(Math.max(...a));
        case 'abs': return fin(Math.abs(a[0]!));
        case 'sqrt': return fin(Math.sqrt(a[0]!));
        case 'exp': return fin(Math.exp(a[0]!));
        case 'sign': return fin(Math.sign(a[0]!));
        case 'pow': return fin(Math.pow(a[0]!, a[1]!));
        case 'log': return fin(a.length === 2 ? Math.log(a[0]!) / Math.log(a[1]!) : Math.log(a[0]!));
        case 'round': return fin(refRound(a[0]!, n));
        case 'floor': return fin(n === 0 ? refFloor(a[0]!) : refFloor(a[0]! * 10 ** n) / 10 ** n);
        case 'ceil': return fin(n === 0 ? refCeil(a[0]!) : refCeil(a[0]! * 10 ** n) / 10 ** n);
      }
      throw new Error(`no reference for ${c.fn}`);
    }
  }
}

describe('generated formulas mean what the grammar says', () => {
  it('evaluate exactly as an independent evaluator of the same tree, or fail where it fails', () => {
    let compared = 0;
    let values = 0;
    fc.assert(fc.property(tree, (t) => {
      const text = print(t);
      fc.pre(text.length <= 500 && size(t) <= 256);
      let want: number | 'error';
      try { want = ref(t); } catch (e) { if (!(e instanceof RefError)) throw e; want = 'error'; }
      for (const kind of ['formula', 'condition'] as Kind[]) {
        const c = compileExpression(text, { label: 'eq', kind });
        if (!c.ok) throw new Error(`${JSON.stringify(text)} did not compile: ${c.reason}`);
        expect(c.value.symbols).toEqual([...new Set(text.match(/[a-z]+(?:\.[a-z]+)?(?![a-z(])/g)?.filter((w) => w in VARS))].sort());
        const v = c.value.evaluate((n) => VARS[n]);
        const t0 = performance.now();
        if (want === 'error') expect(v.ok, `${text} gave ${v.ok && v.value}`).toBe(false);
        else expect(v, text).toEqual({ ok: true, value: want + 0 }); // the engine never returns -0
        stats.maxMs = Math.max(stats.maxMs, performance.now() - t0);
      }
      compared++;
      if (want !== 'error') values++;
    }), { numRuns: 3000 });
    // Most generated formulas are compared, and most of those by value (not only as failures).
    expect(compared).toBeGreaterThan(2000);
    expect(values).toBeGreaterThan(compared / 2);
  });

  it('prints and reads back the precedence the docs state (spot checks of the printer itself)', () => {
    const n = (v: number): T => ({ k: 'num', text: String(v), v, p: false });
    // −(2^2): unary minus binds looser than ^
    expect(print({ k: 'neg', e: { k: 'bin', op: '^', l: n(2), r: n(2), p: false }, p: false })).toBe('-2^2');
    // (2^3)^2 needs its parentheses; 2^(3^2) does not
    expect(print({ k: 'bin', op: '^', l: { k: 'bin', op: '^', l: n(2), r: n(3), p: false }, r: n(2), p: false })).toBe('(2^3)^2');
    expect(print({ k: 'bin', op: '^', l: n(2), r: { k: 'bin', op: '^', l: n(3), r: n(2), p: false }, p: false })).toBe('2^3^2');
    // 1 − (2 − 3)
    expect(print({ k: 'bin', op: '-', l: n(1), r: { k: 'bin', op: '-', l: n(2), r: n(3), p: false }, p: false })).toBe('1 - (2 - 3)');
  });
});
