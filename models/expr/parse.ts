import type { Arith, Compare, Node } from './ast';
import { clip } from './errors';
import { FUNCTION_NAMES, FUNCTIONS } from './functions';
import { LIMITS } from './limits';
import { tokenize, type Op, type Token } from './tokenize';
import { fail, ok, type Parsed } from '../result';

// Recursive descent over the one formula grammar (docs/formulas.md), lowest precedence first:
//   ternary  := or ['?' ternary ':' ternary]
//   or       := and {('or' | '||') and}
//   and      := not {('and' | '&&') not}
//   not      := ('not' | '!') not | compare
//   compare  := sum {('<' | '<=' | '>' | '>=' | '==' | '!=') sum}      ('=' too in conditions)
//   sum      := product {('+' | '-') product}
//   product  := unary {('*' | '/') unary}
//   unary    := ('-' | '+') unary | power
//   power    := atom ['^' unary]                                       (right to left: 2^3^2 = 2^9)
//   atom     := number | number% | name | function '(' ternary {',' ternary} ')' | '(' ternary ')'
// Every limit (length, depth, parts, arguments) is checked while parsing, so no input can make the
// parser itself recurse or allocate beyond them.

export type Kind = 'formula' | 'condition';

export interface ParseOptions {
  /** 'condition': a single `=` compares, as trigger conditions always allowed; in a formula it is refused. */
  kind?: Kind;
  /** A limit below LIMITS.length (allocation's custom terms keep 400). */
  maxLength?: number;
}

export interface ParsedExpression {
  root: Node;
  /** Names the formula reads, sorted, each once. */
  symbols: string[];
}

class Refusal extends Error {}

const COMPARE: ReadonlySet<string> = new Set(['<', '<=', '>', '>=', '==', '!=', '=']);

export function parseExpression(text: string, options: ParseOptions = {}): Parsed<ParsedExpression> {
  if (typeof text !== 'string') return fail('a formula must be text');
  const maxLength = Math.min(options.maxLength ?? LIMITS.length, LIMITS.length);
  if (text.length > maxLength) return fail(`the formula is longer than ${maxLength} characters: it has ${text.length}, and the limit is ${maxLength}`);
  if (text.trim() === '') return fail('the formula is empty');
  const condition = options.kind === 'condition';
  const toks: Token[] = tokenize(text);
  let pos = 0;
  let depth = 0;
  let nodes = 0;
  const symbols = new Set<string>();

  const refuse = (why: string): never => { throw new Refusal(why); };
  const where = (k: Token) => (k.t === 'end' ? 'at the end' : `at character ${k.at + 1}`);
  const show = (k: Token) => (k.t === 'end' ? 'the end' : `"${clip(text.slice(k.at, k.end))}"`);
  const unexpected = (k: Token): never => {
    if (k.t === 'bad') return refuse(k.why);
    if (k.t === 'end') return refuse('the formula ends too early');
    if (k.t === 'op' && k.v === ':') return refuse(`unexpected ":" ${where(k)} (a ":" only follows "?"; ranges like 1:10 are not allowed)`);
    if (k.t === 'op' && k.v === 'not' && text[k.at] === '!') return refuse(`unexpected "!" ${where(k)} ("!" means not and goes before a condition; there is no factorial)`);
    const prev = toks[pos - 1];
    if (prev && (k.t === 'num' || k.t === 'name' || (k.t === 'op' && k.v === '('))) {
      return refuse(`unexpected ${show(k)} ${where(k)}: nothing joins it to ${show(prev)} before it (write 2 * x, not 2x)`);
    }
    return refuse(`unexpected ${show(k)} ${where(k)}`);
  };
  const isOp = (v: Op): boolean => { const k = toks[pos]!; return k.t === 'op' && k.v === v; };
  const node = <N extends Node>(n: N): N => {
    if (++nodes > LIMITS.nodes) refuse(`the formula has more than ${LIMITS.nodes} parts (numbers, names, operators and calls)`);
    return n;
  };
  const nested = <T>(f: () => T): T => {
    if (++depth > LIMITS.depth) refuse(`the formula is nested more than ${LIMITS.depth} levels deep`);
    const v = f();
    depth--;
    return v;
  };

  const ternary = (): Node => {
    const c = or();
    if (!isOp('?')) return c;
    pos++;
    const a = nested(ternary);
    if (!isOp(':')) {
      const k = toks[pos]!;
      return refuse(k.t === 'end' ? 'a "?" needs its ":" (c ? a : b)' : `expected ":" ${where(k)}, found ${show(k)}`);
    }
    pos++;
    const b = nested(ternary);
    return node({ k: 'if', c, a, b, at: c.at, end: b.end });
  };
  const or = (): Node => {
    let l = and();
    while (isOp('or')) { pos++; const r = and(); l = node({ k: 'or', l, r, at: l.at, end: r.end }); }
    return l;
  };
  const and = (): Node => {
    let l = not();
    while (isOp('and')) { pos++; const r = not(); l = node({ k: 'and', l, r, at: l.at, end: r.end }); }
    return l;
  };
  const not = (): Node => {
    if (!isOp('not')) return compare();
    const at = toks[pos++]!.at;
    const e = nested(not);
    return node({ k: 'not', e, at, end: e.end });
  };
  const compare = (): Node => {
    const first = sum();
    const ops: Compare[] = [];
    const args: Node[] = [first];
    for (let k = toks[pos]!; k.t === 'op' && COMPARE.has(k.v); k = toks[pos]!) {
      if (k.v === '=' && !condition) refuse(`"=" ${where(k)} is not allowed: there is no assignment in a formula (to compare, write ==)`);
      pos++;
      ops.push(k.v === '=' ? '==' : (k.v as Compare));
      args.push(sum());
    }
    if (ops.length === 0) return first;
    return node({ k: 'cmp', ops, args, at: first.at, end: args[args.length - 1]!.end });
  };
  const sum = (): Node => {
    let l = product();
    while (isOp('+') || isOp('-')) {
      const op = (toks[pos++] as { v: Arith }).v;
      // mathjs read `x + 5%` as x × 1.05, conditions as x + 0.05; 5% is 0.05 everywhere now. Rather
      // than change what an old formula means without a word, formulas refuse the ambiguous form
      // (signs in between too: `x + -5%`).
      let j = pos;
      let sign = op === '+' ? 1 : -1;
      for (let k = toks[j]!; k.t === 'op' && (k.v === '-' || k.v === '+'); k = toks[++j]!) if (k.v === '-') sign = -sign;
      const next = toks[j]!;
      if (!condition && next.t === 'num' && next.pct) {
        const opTok = toks[pos - 1]!;
        const delta = sign * next.v;
        const factor = Number((1 + delta).toPrecision(12));
        const part = clip(text.slice(opTok.at, next.end));
        refuse(`"${part}" ${where(opTok)} is ambiguous: write ${delta < 0 ? '-' : '+'} ${Math.abs(delta)} to ${delta < 0 ? 'subtract' : 'add'} ${Math.abs(delta)}, or * ${factor} to ${delta < 0 ? 'take off' : 'add'} ${clip(next.raw)}`);
      }
      const r = product();
      l = node({ k: 'arith', op, l, r, at: l.at, end: r.end });
    }
    return l;
  };
  const product = (): Node => {
    let l = unary();
    while (isOp('*') || isOp('/')) {
      const op = (toks[pos++] as { v: Arith }).v;
      const r = unary();
      l = node({ k: 'arith', op, l, r, at: l.at, end: r.end });
    }
    return l;
  };
  const unary = (): Node => {
    if (isOp('+') || isOp('-')) {
      const k = toks[pos++]!;
      const e = nested(unary);
      return k.t === 'op' && k.v === '-' ? node({ k: 'neg', e, at: k.at, end: e.end }) : e;
    }
    return power();
  };
  const power = (): Node => {
    const base = atom();
    if (!isOp('^')) return base;
    pos++;
    const exp = nested(unary);
    return node({ k: 'arith', op: '^', l: base, r: exp, at: base.at, end: exp.end });
  };
  const atom = (): Node => {
    const k = toks[pos]!;
    if (k.t === 'num') {
      pos++;
      if (!Number.isFinite(k.v)) refuse(`the number ${clip(k.raw)} ${where(k)} is too large`);
      return node({ k: 'num', v: k.v, at: k.at, end: k.end });
    }
    if (k.t === 'name') {
      pos++;
      if (!isOp('(')) {
        symbols.add(k.v);
        return node({ k: 'var', name: k.v, at: k.at, end: k.end });
      }
      const spec = FUNCTIONS.get(k.v);
      const fn = clip(k.v);
      if (!spec) refuse(`function ${fn}() is not allowed (allowed: ${FUNCTION_NAMES.join(', ')})`);
      pos++;
      const args: Node[] = [];
      if (!isOp(')')) {
        nested(() => {
          while (true) {
            if (args.length === LIMITS.args) refuse(`${fn}() is given more than ${LIMITS.args} arguments`);
            args.push(ternary());
            if (!isOp(',')) break;
            pos++;
          }
        });
      }
      const close = toks[pos]!;
      if (!isOp(')')) return close.t === 'end' ? refuse(`${fn}( is missing its ")"`) : unexpected(close);
      pos++;
      if (args.length < spec!.min || args.length > spec!.max) {
        const want = spec!.min === spec!.max ? `${spec!.min}` : spec!.max === LIMITS.args ? `at least ${spec!.min}` : `${spec!.min} or ${spec!.max}`;
        refuse(`${fn}() takes ${want} argument${spec!.max === 1 ? '' : 's'}, not ${args.length}`);
      }
      return node({ k: 'call', fn: k.v, args, at: k.at, end: close.end });
    }
    if (k.t === 'op' && k.v === '(') {
      pos++;
      const e = nested(ternary);
      const close = toks[pos]!;
      if (!isOp(')')) return close.t === 'end' ? refuse('a "(" is not closed') : unexpected(close);
      pos++;
      // The parentheses belong to the node's text, so an error quotes "(a - b)" whole.
      return { ...e, at: k.at, end: close.end };
    }
    return unexpected(k);
  };

  try {
    const root = ternary();
    const k = toks[pos]!;
    if (k.t !== 'end') unexpected(k);
    return ok({ root, symbols: [...symbols].sort() });
  } catch (e) {
    if (e instanceof Refusal) return fail(e.message);
    throw e;
  }
}
