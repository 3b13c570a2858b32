import { compileExpression, quote, type Expression } from '../expr/expression';
import { ok, type Parsed } from '../result';

// Formula revenue ("per_pupil * enrollment * (1 + state_aid_per_pupil_growth) ^ t") goes through
// the project's one formula module (models/expr, docs/formulas.md): whitelisted functions only,
// a size budget, nothing shared between formulas. Compiled once per project; evaluation is a
// closure call over the year's scope. Names are checked when evaluated, because a scenario may
// bring drivers of its own.

export type Formula = (scope: ReadonlyMap<string, number>) => number;

/** Compiles `text`; `label` names the expression in every error (e.g. "revenue source STATE"). */
export function compileFormula(text: string, label: string): Parsed<Formula> {
  const c = compileExpression(text, { label: `${label}: expression ${quote(text)}` });
  if (!c.ok) return c;
  const expr: Expression = c.value;
  return ok((scope) => {
    const v = expr.evaluate((name) => scope.get(name));
    if (!v.ok) throw new FormulaError(v.reason);
    return v.value;
  });
}

/** Raised while evaluating (an unknown variable only shows then); the engine turns it into a value. */
export class FormulaError extends Error {}
