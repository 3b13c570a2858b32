import { all, create, type FactoryFunctionMap, type MathNode } from 'mathjs';
import { fail, ok, type Parsed } from '../result';
import type { CustomTerm } from './config';

// Custom formula terms are user-written text saved in a project file someone may send around, so
// they run in a locked-down mathjs: the functions that reach outside an expression (import,
// createUnit, evaluate, parse, compile, simplify, derivative, …) are replaced by ones that throw,
// and every parsed expression is checked node by node against a whitelist before it is compiled
// (numbers, the site's variables, arithmetic, comparisons, a ternary and a few math functions).
// That also rules out assignments, function definitions, property access, strings and matrices.

export const MAX_EXPRESSION_LENGTH = 400;

const math = create(all as FactoryFunctionMap);
// Keep the real parser for our own use before disabling it inside expressions.
const parseExpression = math.parse;
const disabled = (name: string) => () => {
  throw new Error(`${name} is not allowed in a formula`);
};
math.import(
  Object.fromEntries(['import', 'createUnit', 'evaluate', 'parse', 'compile', 'simplify', 'derivative', 'resolve', 'reviver', 'chain', 'rationalize', 'help']
    .map((n) => [n, disabled(n)])),
  { override: true },
);

const FUNCTIONS = new Set(['min', 'max', 'abs', 'sqrt', 'floor', 'ceil', 'round', 'log', 'exp', 'pow', 'sign']);
const NODE_TYPES = new Set(['ConstantNode', 'SymbolNode', 'OperatorNode', 'ParenthesisNode', 'FunctionNode', 'ConditionalNode', 'RelationalNode']);

export interface CompiledTerm {
  name: string;
  expression: string;
  /** Variables it reads; a term reading `base` is re-evaluated while the base is solved. */
  symbols: string[];
  evaluate: (scope: Record<string, number>) => number;
}

const cache = new Map<string, { symbols: string[]; code: { evaluate: (scope: Record<string, number>) => unknown } }>();

/** Checks and compiles one custom term against the variables a site offers; errors name the rule. */
export function compileTerm(term: CustomTerm, variables: ReadonlySet<string>): Parsed<CompiledTerm> {
  const where = `custom term "${term.name}"`;
  const text = term.expression;
  if (text.length > MAX_EXPRESSION_LENGTH) return fail(`${where}: expression is ${text.length} characters, the limit is ${MAX_EXPRESSION_LENGTH}`);
  let entry = cache.get(text);
  if (!entry) {
    let root: MathNode;
    try {
      root = parseExpression(text);
    } catch (e) {
      return fail(`${where}: cannot read "${text}": ${(e as Error).message}`);
    }
    const problems: string[] = [];
    const symbols = new Set<string>();
    root.traverse((node, path, parent) => {
      if (!NODE_TYPES.has(node.type)) {
        problems.push(`${node.type.replace(/Node$/, '').toLowerCase()} "${node.toString()}" is not allowed`);
        return;
      }
      if (node.type === 'ConstantNode' && typeof (node as unknown as { value: unknown }).value !== 'number') {
        problems.push(`only numbers may be written as constants, not ${node.toString()}`);
      }
      if (node.type === 'SymbolNode') {
        const name = (node as unknown as { name: string }).name;
        if (parent?.type === 'FunctionNode' && path === 'fn') {
          if (!FUNCTIONS.has(name)) problems.push(`function ${name}() is not allowed (allowed: ${[...FUNCTIONS].join(', ')})`);
        } else {
          symbols.add(name);
        }
      }
      if (node.type === 'FunctionNode' && (node as unknown as { fn: MathNode }).fn.type !== 'SymbolNode') {
        problems.push('only named functions may be called');
      }
    });
    if (problems.length > 0) return fail(`${where}: ${problems[0]}`);
    let code: { evaluate: (scope: Record<string, number>) => unknown };
    try {
      code = root.compile();
    } catch (e) {
      return fail(`${where}: ${(e as Error).message}`);
    }
    entry = { symbols: [...symbols].sort(), code };
    if (cache.size > 500) cache.clear();
    cache.set(text, entry);
  }
  const unknown = entry.symbols.filter((s) => !variables.has(s));
  if (unknown.length > 0) return fail(`${where}: unknown variable ${unknown.map((u) => `"${u}"`).join(', ')} (see docs/allocate.md for the site variables)`);
  const { code, symbols } = entry;
  return ok({
    name: term.name,
    expression: text,
    symbols,
    evaluate: (scope) => {
      const v = code.evaluate({ ...scope });
      const n = typeof v === 'boolean' ? Number(v) : v;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw new TermError(`${where}: gave ${String(v)}, not a finite number of dollars`);
      return n;
    },
  });
}

/** A term that compiled but failed for one site's values (e.g. divided by zero): a user error, caught by the engine. */
export class TermError extends Error {}

export function compileTerms(terms: readonly CustomTerm[], variables: ReadonlySet<string>): Parsed<CompiledTerm[]> {
  const out: CompiledTerm[] = [];
  for (const t of terms) {
    const r = compileTerm(t, variables);
    if (!r.ok) return r;
    out.push(r.value);
  }
  return ok(out);
}
