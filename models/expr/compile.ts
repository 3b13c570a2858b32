import type { Compare, Node } from './ast';
import { clip, ExprError, quote } from './errors';
import { FUNCTIONS } from './functions';
import { nearlyEqual } from './numbers';

// Parsed formula → one closure per node. The closures only read the values they are given
// through `get` and return a number: there is nothing to assign, nothing shared between formulas
// and no loop, so evaluating costs one visit per node. A result that is not a finite number stops
// the evaluation where it arises, naming that part of the formula.

/** Where a formula gets the value of a name; undefined = no such value. */
export type Lookup = (name: string) => number | undefined;
export type Evaluator = (get: Lookup) => number;

export interface NameWording {
  /** 'variable', or 'indicator' in trigger conditions. */
  noun: string;
  /** Whether names were checked when compiled (then a missing value "has no value"; else the name is unknown). */
  checked: boolean;
}

const COMPARE: Record<Compare, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b && !nearlyEqual(a, b),
  '<=': (a, b) => a <= b || nearlyEqual(a, b),
  '>': (a, b) => a > b && !nearlyEqual(a, b),
  '>=': (a, b) => a >= b || nearlyEqual(a, b),
  '==': (a, b) => nearlyEqual(a, b),
  '!=': (a, b) => !nearlyEqual(a, b),
};

export function compileNode(n: Node, text: string, wording: NameWording): Evaluator {
  const sub = (m: Node) => compileNode(m, text, wording);
  const finite = (v: number): number => {
    if (Number.isFinite(v)) return v;
    throw new ExprError(`${quote(text.slice(n.at, n.end))} is not a finite number (${Number.isNaN(v) ? 'it has no real value' : 'it is infinite'})`);
  };
  switch (n.k) {
    case 'num': {
      const v = n.v;
      return () => v;
    }
    case 'var': {
      const name = n.name;
      const shown = `"${clip(name)}"`;
      return (get) => {
        const v = get(name);
        if (typeof v !== 'number') throw new ExprError(wording.checked ? `${wording.noun} ${shown} has no value` : `unknown ${wording.noun} ${shown}`);
        if (!Number.isFinite(v)) throw new ExprError(`${wording.noun} ${shown} is ${v}, not a finite number`);
        return v;
      };
    }
    case 'neg': {
      const e = sub(n.e);
      return (get) => -e(get);
    }
    case 'not': {
      const e = sub(n.e);
      return (get) => (e(get) === 0 ? 1 : 0);
    }
    case 'and': {
      const l = sub(n.l), r = sub(n.r);
      return (get) => (l(get) !== 0 && r(get) !== 0 ? 1 : 0);
    }
    case 'or': {
      const l = sub(n.l), r = sub(n.r);
      return (get) => (l(get) !== 0 || r(get) !== 0 ? 1 : 0);
    }
    case 'if': {
      const c = sub(n.c), a = sub(n.a), b = sub(n.b);
      return (get) => (c(get) !== 0 ? a(get) : b(get));
    }
    case 'cmp': {
      const args = n.args.map(sub);
      const tests = n.ops.map((op) => COMPARE[op]);
      return (get) => {
        let left = args[0]!(get);
        for (let i = 0; i < tests.length; i++) {
          const right = args[i + 1]!(get);
          if (!tests[i]!(left, right)) return 0;
          left = right;
        }
        return 1;
      };
    }
    case 'arith': {
      const l = sub(n.l), r = sub(n.r);
      switch (n.op) {
        case '+': return (get) => finite(l(get) + r(get));
        case '-': return (get) => finite(l(get) - r(get));
        case '*': return (get) => finite(l(get) * r(get));
        case '^': return (get) => finite(l(get) ** r(get));
        case '/': return (get) => {
          const a = l(get), b = r(get);
          if (b === 0) throw new ExprError(`${quote(text.slice(n.at, n.end))} is not a finite number (division by zero)`);
          return finite(a / b);
        };
      }
      break;
    }
    case 'call': {
      const spec = FUNCTIONS.get(n.fn);
      if (!spec) throw new Error(`function ${n.fn} passed the parser but is not in the whitelist`); // broken invariant
      const args = n.args.map(sub);
      const call = spec.call;
      if (args.length === 1) {
        const a = args[0]!;
        return (get) => finite(call([a(get)]));
      }
      return (get) => finite(call(args.map((a) => a(get))));
    }
  }
  throw new Error(`unknown formula node ${(n as { k: string }).k}`); // broken invariant
}
