// A formula that compiled but cannot give a number for these values (division by zero, an
// unknown name, a square root of a negative number). It is thrown inside the compiled closures,
// where unwinding is the cheapest way out, and caught by `Expression.evaluate`, which returns it
// as a `Parsed` failure: it never leaves the module.
export class ExprError extends Error {}

/** A piece of formula text for an error message, shortened so a 500-character formula stays readable. */
export function quote(text: string): string {
  return `"${clip(text.trim(), 60)}"`;
}

/** A name or number echoed in an error, cut to `max` characters (whole code points). */
export function clip(text: string, max = 40): string {
  if (text.length <= max) return text;
  return `${[...text].slice(0, max - 3).join('')}...`;
}
