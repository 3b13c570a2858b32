// The parsed form of a formula. Every node keeps where it came from in the text ([at, end)), so an
// error while evaluating can quote the part that failed ("1 / (enrollment - 300)").

export type Arith = '+' | '-' | '*' | '/' | '^';
export type Compare = '<' | '<=' | '>' | '>=' | '==' | '!=';

export type Node =
  | { k: 'num'; v: number; at: number; end: number }
  | { k: 'var'; name: string; at: number; end: number }
  | { k: 'neg'; e: Node; at: number; end: number }
  | { k: 'not'; e: Node; at: number; end: number }
  | { k: 'arith'; op: Arith; l: Node; r: Node; at: number; end: number }
  /** a < b <= c: true when every neighbouring pair holds (as mathjs read a chain). */
  | { k: 'cmp'; ops: Compare[]; args: Node[]; at: number; end: number }
  | { k: 'and' | 'or'; l: Node; r: Node; at: number; end: number }
  | { k: 'if'; c: Node; a: Node; b: Node; at: number; end: number }
  | { k: 'call'; fn: string; args: Node[]; at: number; end: number };
