import { fail, ok, type Parsed } from '../result';

// Trigger conditions ("reserve_pct < 0.08 and state_aid_growth < 0") are parsed by this small
// recursive-descent parser, not by a general evaluator: only numbers, indicator names, + − × ÷,
// comparisons, and/or/not and parentheses exist, so a condition from a workbook cannot do anything
// but compare numbers. Compiled once to a closure over an indicator lookup.

export type Indicators = (name: string) => number | undefined;
export type Condition = (get: Indicators) => boolean;

const MAX_LENGTH = 500;
type Tok = { t: 'num'; v: number } | { t: 'id'; v: string } | { t: 'op'; v: string };

function tokenise(text: string): Tok[] | string {
  const out: Tok[] = [];
  const re = /\s*(?:(\d+(?:\.\d*)?|\.\d+)(%?)|([A-Za-z_][A-Za-z0-9_.]*)|(<=|>=|==|!=|&&|\|\||[<>=!+\-*/()]))/y;
  let i = 0;
  while (i < text.length) {
    if (/^\s*$/.test(text.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) return `unexpected "${text.slice(i).trim().slice(0, 12)}" at character ${i + 1}`;
    i = re.lastIndex;
    if (m[1] !== undefined) out.push({ t: 'num', v: Number(m[1]) / (m[2] ? 100 : 1) });
    else if (m[3] !== undefined) {
      const w = m[3].toLowerCase();
      if (w === 'and') out.push({ t: 'op', v: '&&' });
      else if (w === 'or') out.push({ t: 'op', v: '||' });
      else if (w === 'not') out.push({ t: 'op', v: '!' });
      else out.push({ t: 'id', v: m[3] });
    } else out.push({ t: 'op', v: m[4] === '=' ? '==' : m[4]! });
  }
  return out;
}

type Num = (get: Indicators) => number;

/** Compiles a condition; unknown indicator names are reported against `known` when given. */
export function compileCondition(text: string, known?: ReadonlySet<string>): Parsed<Condition> {
  if (text.length > MAX_LENGTH) return fail(`condition is longer than ${MAX_LENGTH} characters`);
  const toks = tokenise(text);
  if (typeof toks === 'string') return fail(`condition "${text}": ${toks}`);
  let pos = 0;
  const peek = () => toks[pos];
  const isOp = (v: string) => { const k = toks[pos]; return k !== undefined && k.t === 'op' && k.v === v; };
  const err = (msg: string): never => { throw new SyntaxError(msg); };

  // Precedence: or < and < not < comparison < + − < × ÷ < unary − < atom.
  const parseOr = (): Num => {
    let left = parseAnd();
    while (isOp('||')) { pos++; const l = left, r = parseAnd(); left = (g) => (l(g) !== 0 || r(g) !== 0 ? 1 : 0); }
    return left;
  };
  const parseAnd = (): Num => {
    let left = parseNot();
    while (isOp('&&')) { pos++; const l = left, r = parseNot(); left = (g) => (l(g) !== 0 && r(g) !== 0 ? 1 : 0); }
    return left;
  };
  const parseNot = (): Num => {
    if (isOp('!')) { pos++; const e = parseNot(); return (g) => (e(g) === 0 ? 1 : 0); }
    return parseCmp();
  };
  const parseCmp = (): Num => {
    const left = parseSum();
    const k = peek();
    if (k && k.t === 'op' && ['<', '<=', '>', '>=', '==', '!='].includes(k.v)) {
      pos++;
      const right = parseSum();
      switch (k.v) {
        case '<': return (g) => (left(g) < right(g) ? 1 : 0);
        case '<=': return (g) => (left(g) <= right(g) ? 1 : 0);
        case '>': return (g) => (left(g) > right(g) ? 1 : 0);
        case '>=': return (g) => (left(g) >= right(g) ? 1 : 0);
        case '==': return (g) => (left(g) === right(g) ? 1 : 0);
        default: return (g) => (left(g) !== right(g) ? 1 : 0);
      }
    }
    return left;
  };
  const parseSum = (): Num => {
    let left = parseProd();
    while (isOp('+') || isOp('-')) {
      const op = (toks[pos++] as { v: string }).v; const l = left, r = parseProd();
      left = op === '+' ? (g) => l(g) + r(g) : (g) => l(g) - r(g);
    }
    return left;
  };
  const parseProd = (): Num => {
    let left = parseUnary();
    while (isOp('*') || isOp('/')) {
      const op = (toks[pos++] as { v: string }).v; const l = left, r = parseUnary();
      left = op === '*' ? (g) => l(g) * r(g) : (g) => l(g) / r(g);
    }
    return left;
  };
  const parseUnary = (): Num => {
    if (isOp('-')) { pos++; const e = parseUnary(); return (g) => -e(g); }
    return parseAtom();
  };
  const parseAtom = (): Num => {
    const k = toks[pos++];
    if (!k) return err('the condition ends too early');
    if (k.t === 'num') { const v = k.v; return () => v; }
    if (k.t === 'id') {
      const name = k.v;
      if (known && !known.has(name)) err(`unknown indicator "${name}" (known: ${[...known].sort().join(', ')})`);
      return (g) => {
        const v = g(name);
        if (v === undefined) throw new RangeError(`indicator "${name}" has no value`);
        return v;
      };
    }
    if (k.v === '(') {
      const e = parseOr();
      if (!isOp(')')) err('missing ")"');
      pos++;
      return e;
    }
    return err(`unexpected "${k.v}"`);
  };

  try {
    const root = parseOr();
    if (pos < toks.length) err(`unexpected "${String((toks[pos] as Tok).v)}"`);
    return ok((g) => root(g) !== 0);
  } catch (e) {
    return fail(`condition "${text}": ${(e as Error).message}`);
  }
}
