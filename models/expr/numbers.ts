// Number semantics of formulas. Custom terms and revenue formulas used to run in mathjs, whose
// comparisons and rounding forgive the last bits of floating-point error (0.1 + 0.2 == 0.3,
// floor(0.29 * 100) = 29, round(2.345, 2) = 2.35); the same rules are kept here so that existing
// projects give the same cents, and so that a budget formula means what its author read.

const REL_TOL = 1e-12;
const ABS_TOL = 1e-15;

/** |a − b| ≤ max(1e-12 × max(|a|, |b|), 1e-15): equal for every comparison operator. */
export function nearlyEqual(a: number, b: number): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= Math.max(REL_TOL * Math.max(Math.abs(a), Math.abs(b)), ABS_TOL);
}

/**
 * x rounded half away from zero to n decimals, on x's shortest decimal form (String(x)), as one
 * would by hand: 2.345 → 2.35, although 2.345 × 100 is 234.49999999999997 in binary.
 */
export function roundDecimals(x: number, n: number): number {
  if (!Number.isFinite(x)) return x;
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) return x; // String() of a finite number always matches; kept total for safety
  const digits = m[2]! + (m[3] ?? '');
  const point = m[2]!.length + Number(m[4] ?? 0); // digits before the decimal point
  const keep = point + n;
  if (keep >= digits.length) return x;
  if (keep < 0) return 0;
  // At most 16 significant digits are kept (String() gives at most 17), so this stays exact.
  const head = Number(digits.slice(0, keep) || '0') + (digits.charCodeAt(keep) >= 53 /* '5' */ ? 1 : 0);
  return Number(`${m[1]}${head}e${point - keep}`);
}

/** Decimals a formula may round to: 0 to 15 (what a double can hold). */
export const validDecimals = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= 15;

/** round(x, n): first snapped to 12 decimals when that is within tolerance, then rounded. */
export function roundTo(x: number, n = 0): number {
  if (n >= 12) return roundDecimals(x, n);
  const snapped = roundDecimals(x, 12);
  return roundDecimals(nearlyEqual(x, snapped) ? snapped : x, n);
}

/** floor(x): an x a rounding error away from an integer (28.999999999999996) is that integer. */
export function floorOf(x: number): number {
  const f = Math.floor(x);
  const r = roundTo(x);
  return f !== r && nearlyEqual(x, r) && !nearlyEqual(x, f) ? r : f;
}

export function ceilOf(x: number): number {
  const c = Math.ceil(x);
  const r = roundTo(x);
  return c !== r && nearlyEqual(x, r) && !nearlyEqual(x, c) ? r : c;
}
