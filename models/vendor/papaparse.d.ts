// The slice of papaparse that models/ uses. @types/papaparse pulls in Node's types, which would
// make models/ silently impure; tsconfig.models.json maps 'papaparse' to this file instead.
export interface ParseError { type: string; code: string; message: string; row?: number }
export interface ParseMeta { delimiter: string; linebreak: string; aborted: boolean; truncated: boolean; cursor: number }
export interface ParseResult<T> { data: T[]; errors: ParseError[]; meta: ParseMeta }
export interface ParseConfig {
  delimiter?: string;
  delimitersToGuess?: string[];
  newline?: string;
  quoteChar?: string;
  escapeChar?: string;
  header?: false;
  dynamicTyping?: false;
  preview?: number;
  comments?: false | string;
  skipEmptyLines?: boolean | 'greedy';
  fastMode?: boolean;
}
export function parse(input: string, config?: ParseConfig): ParseResult<string[]>;
declare const Papa: { parse: typeof parse };
export default Papa;
