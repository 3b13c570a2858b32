import { compileExpression, quote } from '../expr/expression';
import { ok, type Parsed } from '../result';

// Trigger conditions ("reserve_pct < 0.08 and state_aid_growth < 0") are formulas of the project's
// one formula module (models/expr, docs/formulas.md), read as conditions: `=` also compares, and a
// condition holds when its value is not 0. Compiled once to a closure over an indicator lookup.

export type Indicators = (name: string) => number | undefined;
export type Condition = (get: Indicators) => boolean;

/**
 * Compiles a condition; unknown indicator names are reported against `known` when given. `where`
 * (e.g. "Triggers row 4", "trigger for Reduction plan") starts every error, at compile time and
 * when a value is missing while the forecast runs (then a RangeError the engine reports).
 */
export function compileCondition(text: string, known?: ReadonlySet<string>, where?: string): Parsed<Condition> {
  const c = compileExpression(text, {
    label: `${where ? `${where}: ` : ''}condition ${quote(text)}`,
    kind: 'condition',
    noun: 'indicator',
    ...(known ? { known, hint: `(known: ${[...known].sort().join(', ')})` } : {}),
  });
  if (!c.ok) return c;
  const expr = c.value;
  return ok((get) => {
    const v = expr.evaluate(get);
    if (!v.ok) throw new RangeError(v.reason);
    return v.value !== 0;
  });
}
