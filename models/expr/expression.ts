import { compileNode, type Evaluator, type Lookup } from './compile';
import { clip, ExprError } from './errors';
import { parseExpression, type Kind } from './parse';
import { fail, ok, type Parsed } from '../result';

// The one way a formula written by a user becomes a number: allocation custom terms, forecast
// revenue formulas and trigger conditions all compile here (docs/formulas.md). Nothing is kept
// between calls: each compile builds its own closures, and a compiled formula only reads the
// values it is handed.

export type { Lookup } from './compile';
export { quote } from './errors';
export type { Kind } from './parse';

export interface ExpressionOptions {
  /** Names the formula in every error: `revenue source STATE`, `custom term "EL floor"`, `trigger for plan X`. */
  label: string;
  /** 'condition': a single `=` also compares and `x + 5%` is x + 0.05 (as conditions always read them). */
  kind?: Kind;
  /** The names the caller will supply; any other name is refused when compiling. */
  known?: ReadonlySet<string>;
  /** What a name is called in errors (default 'variable'; conditions say 'indicator'). */
  noun?: string;
  /** Added after an unknown-name error, e.g. "(see docs/allocate.md for the site variables)". */
  hint?: string;
  /** A length limit below the 500 characters every formula is held to. */
  maxLength?: number;
}

export interface Expression {
  readonly text: string;
  /** The names it reads, sorted, each once. */
  readonly symbols: readonly string[];
  /** Its value for these names: a finite number, or a failure naming the label and the reason. */
  evaluate(get: Lookup): Parsed<number>;
}

export function compileExpression(text: string, options: ExpressionOptions): Parsed<Expression> {
  const { label } = options;
  const noun = options.noun ?? 'variable';
  const parsed = parseExpression(text, { kind: options.kind, maxLength: options.maxLength });
  if (!parsed.ok) return fail(`${label}: ${parsed.reason}`);
  const { root, symbols } = parsed.value;
  if (options.known) {
    const unknown = symbols.filter((s) => !options.known!.has(s));
    if (unknown.length > 0) {
      const listed = unknown.slice(0, 10).map((u) => `"${clip(u)}"`).join(', ') + (unknown.length > 10 ? ` and ${unknown.length - 10} more` : '');
      return fail(`${label}: unknown ${noun}${unknown.length > 1 ? 's' : ''} ${listed}${options.hint ? ` ${options.hint}` : ''}`);
    }
  }
  const run: Evaluator = compileNode(root, text, { noun, checked: options.known !== undefined });
  const frozenSymbols = Object.freeze([...symbols]);
  return ok(Object.freeze({
    text,
    symbols: frozenSymbols,
    evaluate: (get: Lookup): Parsed<number> => {
      try {
        // + 0 turns -0 into 0: round(-0.0000002) or -(0) must not reach a report as "-$0.00".
        return ok(run(get) + 0);
      } catch (e) {
        if (e instanceof ExprError) return fail(`${label}: ${e.message}`);
        throw e;
      }
    },
  }));
}

/** The names a formula reads (sorted, each once), for a validator; fails as compiling would on unreadable text. */
export function expressionSymbols(text: string, kind: Kind = 'formula'): Parsed<string[]> {
  const parsed = parseExpression(text, { kind });
  return parsed.ok ? ok(parsed.value.symbols) : parsed;
}

/** A lookup over a Map or a plain record; only the record's own keys count (never `constructor`, `__proto__`). */
export function lookupIn(scope: ReadonlyMap<string, number> | Readonly<Record<string, number>>): Lookup {
  if (scope instanceof Map) return (name) => scope.get(name);
  const rec = scope as Readonly<Record<string, number>>;
  return (name) => (Object.hasOwn(rec, name) ? rec[name] : undefined);
}
