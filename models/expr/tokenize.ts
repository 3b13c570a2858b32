// Formula text → tokens. Anything that is not a number, a name or one of the operators becomes a
// 'bad' token carrying the reason, placed where it occurs, so the parser reports the first problem
// in reading order (a refused function name before the brackets of its arguments).

export type Op =
  | '+' | '-' | '*' | '/' | '^' | '(' | ')' | ',' | '?' | ':'
  | '<' | '<=' | '>' | '>=' | '==' | '!=' | '='
  | 'and' | 'or' | 'not';

export type Token =
  | { t: 'num'; v: number; pct: boolean; raw: string; at: number; end: number }
  | { t: 'name'; v: string; at: number; end: number }
  | { t: 'op'; v: Op; at: number; end: number }
  | { t: 'bad'; why: string; at: number; end: number }
  | { t: 'end'; at: number; end: number };

// Numbers: 12, 1.5, .5, 1e6, 2.5E-3, and a percentage 8% (= 0.08).
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
// Names: letters, digits, _ and dots (trigger conditions have always allowed dots inside names).
// A dot is part of the name, never property access: `cos.constructor` is one (unknown) name.
const NAME = /[\p{L}_][\p{L}\p{Nd}_.]*/uy;
const SPACE = /\s+/y;
const OPS: readonly [string, Op][] = [
  ['<=', '<='], ['>=', '>='], ['==', '=='], ['!=', '!='], ['&&', 'and'], ['||', 'or'],
  ['<', '<'], ['>', '>'], ['=', '='], ['!', 'not'], ['+', '+'], ['-', '-'], ['*', '*'], ['/', '/'],
  ['^', '^'], ['(', '('], [')', ')'], [',', ','], ['?', '?'], [':', ':'],
];
const KEYWORDS: Readonly<Record<string, Op>> = Object.assign(Object.create(null) as Record<string, Op>, { and: 'and', or: 'or', not: 'not' });

function badReason(text: string, i: number): string {
  const c = text[i]!;
  const at = `at character ${i + 1}`;
  if (c === '[' || c === ']') return `arrays, matrices and lists ("${c}") are not allowed (${at})`;
  if (c === '{' || c === '}') return `objects ("${c}") are not allowed (${at})`;
  if (c === '"' || c === "'" || c === '`') return `text in quotes is not allowed ${at}: a formula works on numbers only`;
  if (c === '.') return `property access ("${text.slice(i, i + 12)}") is not allowed (${at})`;
  if (c === '%') return `"%" ${at} is not allowed here: it only marks a percentage directly after a number (8% = 0.08); there is no remainder operator`;
  if (c === '&' || c === '|') return `unexpected "${c}" ${at} (write and / && or or / ||)`;
  return `unexpected "${text.slice(i, i + 12).trim()}" ${at}`;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const at = (re: RegExp): string | null => {
    re.lastIndex = i;
    const m = re.exec(text);
    return m ? m[0] : null;
  };
  while (i < text.length) {
    const space = at(SPACE);
    if (space) { i += space.length; continue; }
    const num = at(NUMBER);
    if (num !== null) {
      const pct = text[i + num.length] === '%';
      const end = i + num.length + (pct ? 1 : 0);
      out.push({ t: 'num', v: pct ? Number(num) / 100 : Number(num), pct, raw: text.slice(i, end), at: i, end });
      i = end;
      continue;
    }
    const name = at(NAME);
    if (name !== null) {
      const kw = KEYWORDS[name.toLowerCase()];
      out.push(kw ? { t: 'op', v: kw, at: i, end: i + name.length } : { t: 'name', v: name, at: i, end: i + name.length });
      i += name.length;
      continue;
    }
    const op = OPS.find(([s]) => text.startsWith(s, i));
    if (op) {
      out.push({ t: 'op', v: op[1], at: i, end: i + op[0].length });
      i += op[0].length;
      continue;
    }
    out.push({ t: 'bad', why: badReason(text, i), at: i, end: i + 1 });
    return out; // nothing after the first unreadable character is read
  }
  out.push({ t: 'end', at: text.length, end: text.length });
  return out;
}
