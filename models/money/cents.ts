import { fail, ok, type Parsed } from '../result';

/** Money inside Steward: a whole number of cents. The brand stops dollars and rates mixing in. */
export type Cents = number & { readonly __unit: 'cents' };

/** Asserts an integer number of cents (an internal invariant, so it throws). */
export function asCents(n: number): Cents {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole number of cents: ${n}`);
  return n as Cents;
}

export const ZERO = 0 as Cents;

/**
 * Every amount Steward reads is under $10 trillion in size: |cents| < 1e15. Far beyond any
 * district's budget, and far inside the integers a double holds exactly (2^53 ≈ 9e15), so a sum of
 * millions of amounts stays finite and a cell of 1e20 or 1.797e308 is an error, not a salary of
 * 1e22 cents or Infinity (issue 16 item 4). The table schemas (cents() in schema/fields.ts) and
 * the salary-matrix reader both check it.
 */
export const MAX_CENTS = 1e15;

/** Whether a number of cents is a whole number within ±MAX_CENTS (exclusive). */
export const isCentsInRange = (c: number): boolean => Number.isInteger(c) && Math.abs(c) < MAX_CENTS;

export function addCents(a: Cents, b: Cents): Cents {
  return (a + b) as Cents;
}

export function sumCents(values: Iterable<Cents>): Cents {
  let total = 0;
  for (const v of values) total += v;
  return total as Cents;
}

/**
 * Dollars held in a float (a spreadsheet number cell, a rate product) to cents, half away from zero.
 * toPrecision(15) first removes binary noise such as 1234.5600000000002 or 1.005 stored as 1.00499….
 */
export function dollarsToCents(dollars: number): Cents {
  if (!Number.isFinite(dollars)) throw new RangeError(`not a finite amount: ${dollars}`);
  const scaled = Number((dollars * 100).toPrecision(15));
  const rounded = Math.sign(scaled) * Math.round(Math.abs(scaled));
  return (rounded === 0 ? 0 : rounded) as Cents;
}

/** cents × a rate (a COLA, a benefits rate, a share), rounded half away from zero. */
export function scaleCents(amount: Cents, rate: number): Cents {
  return dollarsToCents((amount * rate) / 100);
}

export function centsToDollars(c: Cents): number {
  return c / 100;
}

/** "$1,234.56", "-$1,234.56"; cents → display text for reports and the app. */
// Made once: toLocaleString builds an ICU formatter on every call (~60× slower), and the app formats
// every money cell of a screen or a scrolling grid with this.
const GROUPED = new Intl.NumberFormat('en-US');

export function formatCents(c: Cents, opts: { symbol?: boolean; parensNegative?: boolean } = {}): string {
  const neg = c < 0;
  const abs = Math.abs(c);
  const whole = Math.floor(abs / 100);
  const frac = String(abs % 100).padStart(2, '0');
  const body = `${opts.symbol === false ? '' : '$'}${GROUPED.format(whole)}.${frac}`;
  if (!neg) return body;
  return opts.parensNegative ? `(${body})` : `-${body}`;
}

// Sign forms seen in finance exports: -1, (1), 1-, −1 (U+2212), and a currency sign on either side.
const AMOUNT = /^(\()?\s*([-+\u2212])?\s*\$?\s*([-+\u2212])?\s*(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?\s*(?:[eE]([-+]?\d{1,3}))?\s*(-)?\s*(\))?$/;
const DASH_ONLY = /^\$?\s*[-\u2012\u2013\u2014]+\s*\$?$/;

/**
 * Text from a finance export to cents, straight from the digits (never through a float unless the
 * text is in scientific notation). Blank → null. "$ -" and "-" (Excel's accounting zero) → 0.
 * More than two decimals are rounded half away from zero (float noise such as 1234.5600000001).
 * Anything else is refused with a reason; the caller adds the cell's address.
 */
export function parseAmount(raw: string | number | null | undefined): Parsed<Cents | null> {
  if (raw === null || raw === undefined) return ok(null);
  if (typeof raw === 'number') {
    return Number.isFinite(raw) ? ok(dollarsToCents(raw)) : fail(`not a number: ${raw}`);
  }
  const text = raw.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  if (text === '') return ok(null);
  if (DASH_ONLY.test(text)) return ok(ZERO);
  const m = AMOUNT.exec(text.replace(/^\$\s*\(/, '($'));
  if (!m) return fail(`not an amount: "${truncate(raw)}"`);
  const [, open, sign1, sign2, intPart, fracPart, exp, trailingMinus, close] = m;
  if (Boolean(open) !== Boolean(close)) return fail(`unbalanced parentheses: "${truncate(raw)}"`);
  if (intPart === undefined && (fracPart === undefined || fracPart === '')) return fail(`no digits: "${truncate(raw)}"`);
  const signs = [sign1, sign2, trailingMinus].filter((s): s is string => s !== undefined);
  if (signs.length > 1) return fail(`more than one sign: "${truncate(raw)}"`);
  const negative = Boolean(open) || signs.some((s) => s !== '+');
  if (open && signs.length > 0) return fail(`sign inside parentheses: "${truncate(raw)}"`);
  let centsAbs: number;
  const digits = (intPart ?? '0').replace(/,/g, '');
  if (exp !== undefined) {
    const value = Number(`${digits}.${fracPart ?? ''}e${exp}`);
    if (!Number.isFinite(value)) return fail(`amount out of range: "${truncate(raw)}"`);
    centsAbs = dollarsToCents(value);
  } else {
    const frac = fracPart ?? '';
    const firstTwo = (frac + '00').slice(0, 2);
    const roundUp = frac.length > 2 && frac.charCodeAt(2) >= 53; // third decimal ≥ 5
    centsAbs = Number(digits) * 100 + Number(firstTwo) + (roundUp ? 1 : 0);
  }
  if (!Number.isSafeInteger(centsAbs)) return fail(`amount out of range: "${truncate(raw)}"`);
  return ok((negative && centsAbs !== 0 ? -centsAbs : centsAbs) as Cents);
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
