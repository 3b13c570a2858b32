import { compileExpression, lookupIn } from '../expr/expression';
import { ok, type Parsed } from '../result';
import type { CustomTerm } from './config';

// Custom formula terms are user-written text saved in a project file someone may send around, so
// they go through the project's one formula module (models/expr, docs/formulas.md): numbers, the
// site's variables, arithmetic, comparisons, ?: and a whitelist of functions, within a size budget.
// Unknown variables are refused when the rules are compiled, naming the term.

export const MAX_EXPRESSION_LENGTH = 400;

export interface CompiledTerm {
  name: string;
  expression: string;
  /** Variables it reads; a term reading `base` is re-evaluated while the base is solved. */
  symbols: string[];
  evaluate: (scope: Record<string, number>) => number;
}

/** Checks and compiles one custom term against the variables a site offers; errors name the rule. */
export function compileTerm(term: CustomTerm, variables: ReadonlySet<string>): Parsed<CompiledTerm> {
  const c = compileExpression(term.expression, {
    label: `custom term "${term.name}"`,
    known: variables,
    hint: '(see docs/allocate.md for the site variables)',
    maxLength: MAX_EXPRESSION_LENGTH,
  });
  if (!c.ok) return c;
  const expr = c.value;
  return ok({
    name: term.name,
    expression: term.expression,
    symbols: [...expr.symbols],
    evaluate: (scope) => {
      const v = expr.evaluate(lookupIn(scope));
      if (!v.ok) throw new TermError(v.reason);
      return v.value;
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
