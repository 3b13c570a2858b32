import { ExprError } from './errors';
import { ceilOf, floorOf, roundTo, validDecimals } from './numbers';
import { LIMITS } from './limits';

// The only functions a formula can call. Each takes and gives plain numbers; a call to any other
// name is refused when the formula is compiled, before its arguments are read.

export interface FunctionSpec {
  /** Fewest and most arguments. */
  min: number;
  max: number;
  /** Returns NaN or ±Infinity for no real answer; the caller turns that into an error. */
  call: (args: readonly number[]) => number;
}

const decimals = (name: string, args: readonly number[]): number => {
  const n = args[1] ?? 0;
  if (!validDecimals(n)) throw new ExprError(`${name}(x, n): n is the number of decimals, a whole number from 0 to 15, not ${n}`);
  return n;
};
const shifted = (name: string, f: (x: number) => number) => (a: readonly number[]): number => {
  const n = decimals(name, a);
  if (n === 0) return f(a[0]!);
  const shift = 10 ** n;
  return f(a[0]! * shift) / shift;
};

const unary = (f: (x: number) => number): FunctionSpec => ({ min: 1, max: 1, call: (a) => f(a[0]!) });

export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map<string, FunctionSpec>([
  ['min', { min: 1, max: LIMITS.args, call: (a) => Math.min(...a) }],
  ['max', { min: 1, max: LIMITS.args, call: (a) => Math.max(...a) }],
  ['abs', unary(Math.abs)],
  ['sqrt', unary(Math.sqrt)],
  ['exp', unary(Math.exp)],
  ['sign', unary(Math.sign)],
  ['floor', { min: 1, max: 2, call: shifted('floor', floorOf) }],
  ['ceil', { min: 1, max: 2, call: shifted('ceil', ceilOf) }],
  ['round', { min: 1, max: 2, call: (a) => roundTo(a[0]!, decimals('round', a)) }],
  // log(x) is the natural logarithm; log(x, b) the logarithm to base b.
  ['log', { min: 1, max: 2, call: (a) => (a.length === 2 ? Math.log(a[0]!) / Math.log(a[1]!) : Math.log(a[0]!)) }],
  ['pow', { min: 2, max: 2, call: (a) => a[0]! ** a[1]! }],
]);

export const FUNCTION_NAMES: readonly string[] = [...FUNCTIONS.keys()];
