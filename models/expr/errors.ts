// A formula that compiled but cannot give a number for these values (division by zero, an
// unknown name, a square root of a negative number). It is thrown inside the compiled closures,
// where unwinding is the cheapest way out, and caught by `Expression.evaluate`, which returns it
// as a `Parsed` failure: it never leaves the module.
export class ExprError extends Error {}

/** A piece of formula text for an error message, shortened so a 500-character formula stays readable. */
export function quote(text: string): string {
  const t = text.trim();
  return `"${t.length > 60 ? `${t.slice(0, 57)}...` : t}"`;
}
