// Numbers read straight from a cell's characters, with no allocation: the import's fast paths.
// Anything unusual returns undefined and the careful parsers (money/cents.ts, parse/values.ts) decide.

/**
 * Fast path for the amounts exports usually hold — "1234.56", "-12", "$1,234.56", "(1,234.56)",
 * "1,234.56-" — read straight from the characters with no allocation. Anything else (more than
 * two decimals, spaces, exponents, odd grouping) returns undefined and goes to parseAmount, which
 * gives the same cents for everything accepted here.
 */
export function fastCents(s: string): number | undefined {
  return fastCentsAt(s, 0, s.length);
}

/** fastCents of s.slice(start, end), read in place (the direct CSV importer's cells). */
export function fastCentsAt(s: string, start: number, end: number): number | undefined {
  const n = end;
  if (n === start || n - start > 24) return undefined;
  let i = start;
  let neg = false;
  let paren = false;
  let c = s.charCodeAt(i);
  if (c === 40) {
    paren = true;
    c = s.charCodeAt(++i);
  }
  if (c === 45) {
    neg = true;
    c = s.charCodeAt(++i);
  }
  if (c === 36) {
    c = s.charCodeAt(++i);
    if (c === 45 && !neg) {
      neg = true;
      c = s.charCodeAt(++i);
    }
  }
  let whole = 0;
  let digits = 0;
  let group = 0;
  let commas = 0;
  for (; i < n; i++) {
    c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      whole = whole * 10 + (c - 48);
      digits++;
      group++;
    } else if (c === 44) {
      if (commas === 0 ? group === 0 || group > 3 : group !== 3) return undefined;
      commas++;
      group = 0;
    } else break;
  }
  if (commas > 0 && group !== 3) return undefined;
  let frac = 0;
  if (i < n && s.charCodeAt(i) === 46) {
    i++;
    let fd = 0;
    for (; i < n; i++) {
      c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      if (++fd > 2) return undefined;
      frac = frac * 10 + (c - 48);
    }
    if (fd === 1) frac *= 10;
    if (fd === 0 && digits === 0) return undefined;
  } else if (digits === 0) return undefined;
  if (paren) {
    if (neg || i !== n - 1 || s.charCodeAt(i) !== 41) return undefined;
    neg = true;
  } else if (i === n - 1 && s.charCodeAt(i) === 45 && !neg) neg = true;
  else if (i !== n) return undefined;
  if (digits > 13) return undefined;
  const cents = whole * 100 + frac;
  return neg && cents !== 0 ? -cents : cents;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Fast path for plain decimals ("0.5", "12", "-3.25"); undefined means "ask the careful parser".
 * Up to 15 significant digits the integer mantissa is exact and one division by an exact power of
 * ten is correctly rounded, so the result equals Number(s).
 */
export function fastNumber(s: string): number | undefined {
  return fastNumberAt(s, 0, s.length);
}

/** fastNumber of s.slice(start, end), read in place. */
export function fastNumberAt(s: string, start: number, end: number): number | undefined {
  const n = end;
  if (n === start || n - start > 16) return undefined;
  let i = start;
  let neg = false;
  if (s.charCodeAt(i) === 45) {
    neg = true;
    i++;
  }
  let mant = 0;
  let digits = 0;
  let scale = -1;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mant = mant * 10 + (c - 48);
      digits++;
    } else if (c === 46 && scale < 0) scale = n - i - 1;
    else return undefined;
  }
  if (digits === 0 || digits > 15) return undefined;
  const v = scale > 0 ? mant / POW10[scale]! : mant;
  return neg ? (v === 0 ? 0 : -v) : v;
}
