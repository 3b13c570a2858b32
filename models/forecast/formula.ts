import { all, create, type EvalFunction } from 'mathjs';
import { fail, ok, type Parsed } from '../result';

// Formula revenue ("per_pupil * enrollment * idx_state_aid_per_pupil_growth") in a restricted
// mathjs: the functions that reach the parser or change the instance are replaced by ones that
// refuse (the recipe in mathjs' security docs), and expressions are length-limited. Compiled once
// per project; evaluation is a closure call.

const MAX_LENGTH = 500;
const math = create(all ?? {}, { number: 'number' });
const { compile } = math;
const refuse = (name: string) => () => { throw new Error(`${name} is not allowed in a forecast expression`); };
math.import({
  import: refuse('import'), createUnit: refuse('createUnit'), evaluate: refuse('evaluate'), parse: refuse('parse'),
  simplify: refuse('simplify'), derivative: refuse('derivative'), compile: refuse('compile'), resolve: refuse('resolve'),
  reviver: refuse('reviver'), chain: refuse('chain'),
}, { override: true });

export type Formula = (scope: Map<string, number>) => number;

/** Compiles `text`; `label` names the expression in every error (e.g. "revenue source STATE"). */
export function compileFormula(text: string, label: string): Parsed<Formula> {
  if (text.length > MAX_LENGTH) return fail(`${label}: expression is longer than ${MAX_LENGTH} characters`);
  if (/\b(import|createUnit|evaluate|parse|simplify|derivative|compile|resolve|reviver|chain)\s*\(/.test(text)) {
    return fail(`${label}: expression "${text}" calls a function that is not allowed`);
  }
  let code: EvalFunction;
  try {
    code = compile(text);
  } catch (e) {
    return fail(`${label}: cannot read expression "${text}": ${(e as Error).message}`);
  }
  return ok((scope) => {
    let v: unknown;
    try {
      v = code.evaluate(scope);
    } catch (e) {
      throw new FormulaError(`${label}: expression "${text}" failed: ${(e as Error).message}`);
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new FormulaError(`${label}: expression "${text}" gave ${String(v)}, not a finite number`);
    return v;
  });
}

/** Raised while evaluating (an unknown variable only shows then); the engine turns it into a value. */
export class FormulaError extends Error {}
