/**
 * The names an expression reads (variables, not functions): `per_pupil * enrollment * idx` →
 * per_pupil, enrollment, idx. Used only to see which drivers a project's formulas and conditions
 * refer to; compiling the expression is what checks it.
 */
export function expressionNames(text: string): string[] {
  const out = new Set<string>();
  const re = /[A-Za-z_][A-Za-z0-9_.]*/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const name = m[0];
    const after = text.slice(re.lastIndex).trimStart();
    if (after.startsWith('(')) continue; // a function call
    if (/^(and|or|not)$/i.test(name)) continue;
    // A number's exponent ("1e6") is matched from "e6" only after a digit: skip it.
    const before = text[m.index - 1];
    if (before !== undefined && /[0-9.]/.test(before)) continue;
    out.add(name);
  }
  return [...out];
}
