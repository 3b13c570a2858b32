import type { z } from 'zod';
import { parseAmount, dollarsToCents, MAX_CENTS } from '../money/cents';
import { parseBoolean, parseDate, parseFiscalYear, parseInteger, parseNumber, parseRate } from '../parse/values';
import type { FieldKind, FieldMeta } from '../schema/fields';
import type { Cell } from './types';
import { parseGrade } from './grade';
import { fastCents, fastNumber } from './text-numbers';
import { parseFunding } from './funding';

// Cell → field value converters, compiled once per column from the field's metadata (kind) and its
// zod schema (bounds, lengths, enum options). The import loop calls them 100,000s of times, so they
// allocate nothing on the happy path: a converted value, `undefined` for a blank cell, or a `Bad`
// (allocated only for a bad cell). The zod constraints are checked here instead of a per-row
// zod.parse, which would cost more than the whole CSV parse.

/** A cell that could not be converted, with the reason shown to the user. */
export class Bad {
  constructor(readonly reason: string) {}
}

export type Converter = (raw: Cell) => unknown;

export interface ConvertContext {
  /** The workbook uses the 1904 date system. */
  date1904?: boolean;
}

/** Placeholders finance and state exports write for "no value" in numeric columns. */
const PLACEHOLDERS = new Set(['na', 'n/a', '#n/a', 'no data', '(blank)', 'null', 'none', '--', '—', '–', '†', '‡', 'n.a.', '*']);

export function isPlaceholder(text: string): boolean {
  return text.length <= 8 && PLACEHOLDERS.has(text.trim().toLowerCase());
}

/** The schema under optional() / default() / nullable() wrappers, and the default value if any. */
export function unwrapSchema(schema: z.ZodType): { inner: z.ZodType; optional: boolean; defaultValue: unknown } {
  let s = schema as z.ZodType;
  let optional = false;
  let defaultValue: unknown = undefined;
  for (let i = 0; i < 6; i++) {
    const def = (s as unknown as { _zod: { def: { type: string; innerType?: z.ZodType; defaultValue?: unknown } } })._zod.def;
    if (def.type === 'optional' || def.type === 'nullable') optional = true;
    else if (def.type === 'default' || def.type === 'prefault') {
      optional = true;
      const parsed = schema.safeParse(undefined);
      if (parsed.success) defaultValue = parsed.data;
    } else break;
    if (!def.innerType) break;
    s = def.innerType;
  }
  return { inner: s, optional, defaultValue };
}

function isBlankCell(raw: Cell): boolean {
  return raw === null || raw === '' || (typeof raw === 'string' && raw.trim() === '');
}

/** Text as a key: trimmed; numbers as written (0101 stays "0101" when it arrives as text). */
function toId(raw: Cell): unknown {
  if (typeof raw === 'string') {
    const c0 = raw.charCodeAt(0);
    const cl = raw.charCodeAt(raw.length - 1);
    const t = c0 <= 32 || cl <= 32 || c0 === 160 || cl === 160 ? raw.trim() : raw;
    return t === '' ? undefined : t;
  }
  if (typeof raw === 'number') return Number.isInteger(raw) ? String(raw) : String(Number(raw.toPrecision(15)));
  if (raw === null) return undefined;
  return raw ? 'TRUE' : 'FALSE';
}

/** Inner runs of whitespace, tabs, line breaks or no-break spaces in text[a, b): one pass over the characters. */
function needsCollapse(text: string, a = 0, b = text.length): boolean {
  let prevSpace = false;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return true;
      prevSpace = true;
    } else if (c < 32 || c === 160) return true;
    else prevSpace = false;
  }
  return false;
}

function toText(raw: Cell): unknown {
  if (typeof raw === 'string') {
    if (needsCollapse(raw)) {
      const t = raw.replace(/\s+/g, ' ').trim();
      return t === '' ? undefined : t;
    }
    // Nothing to trim when neither end is a space: skip trim's call (a 100,000-row import's descriptions).
    const n = raw.length;
    if (n > 0 && !isTrimmed(raw.charCodeAt(0)) && !isTrimmed(raw.charCodeAt(n - 1))) return raw;
    const t = raw.trim();
    return t === '' ? undefined : t;
  }
  return toId(raw);
}

/**
 * Whether text[a, b) (not empty) is a text cell toText gives back as it is: no control
 * character, no-break space or double space inside, and no space at either end.
 */
export function isPlainTextAt(text: string, a: number, b: number): boolean {
  return !isTrimmed(text.charCodeAt(a)) && !isTrimmed(text.charCodeAt(b - 1)) && !needsCollapse(text, a, b);
}

/** Whether String.prototype.trim removes this character (JavaScript's white space and line terminators). */
export function isTrimmed(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function fromParsed(r: { ok: true; value: unknown } | { ok: false; reason: string }): unknown {
  if (!r.ok) return new Bad(r.reason);
  return r.value === null ? undefined : r.value;
}

function numeric(raw: Cell, careful: (raw: Cell) => unknown): unknown {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : new Bad(`not a number: ${raw}`);
  if (typeof raw === 'string') {
    const f = fastNumber(raw);
    if (f !== undefined) return f;
    if (raw.trim() === '' || isPlaceholder(raw)) return undefined;
  }
  return careful(raw);
}

function money(raw: Cell): unknown {
  if (typeof raw === 'number') {
    // A spreadsheet number of dollars: 1234.56 × 100 is 123456.00000000001; within a millionth of a
    // cent it is that cent (what dollarsToCents' toPrecision(15) gives), without a string per cell.
    const x = raw * 100;
    const r = Math.round(x);
    if (Math.abs(x - r) < 1e-6 && Number.isSafeInteger(r)) return r === 0 ? 0 : r;
    // Range first: 1.797e308 dollars is Infinity cents, which no check after this one would name.
    if (!Number.isFinite(x) || Math.abs(x) >= MAX_CENTS) return new Bad('amount out of range (Steward reads amounts under $10 trillion)');
    return dollarsToCents(raw);
  }
  if (typeof raw === 'string') {
    const f = fastCents(raw);
    if (f !== undefined) return f;
    if (raw.trim() === '' || (isPlaceholder(raw) && !/^\s*[-—–]+\s*$/.test(raw))) return undefined;
    return fromParsed(parseAmount(raw));
  }
  if (raw === null) return undefined;
  return new Bad('expected an amount, found TRUE/FALSE');
}

function list(raw: Cell): unknown {
  const t = toText(raw);
  if (typeof t !== 'string') return t;
  const parts = t.split(/\s*[,;]\s*/).filter((p) => p !== '');
  return parts.length === 0 ? undefined : parts;
}

/** Enum lookup: the options and meta.values aliases, matched case- and punctuation-insensitively. */
function enumConverter(options: readonly string[], aliases: Readonly<Record<string, string>> = {}): Converter {
  const byKey = new Map<string, string>();
  const squash = (s: string) => s.toLowerCase().replace(/[\s_\-.]+/g, '');
  for (const o of options) {
    byKey.set(o.toLowerCase(), o);
    byKey.set(squash(o), o);
  }
  for (const [alias, target] of Object.entries(aliases)) {
    byKey.set(alias.toLowerCase(), target);
    if (!byKey.has(squash(alias))) byKey.set(squash(alias), target);
  }
  const shown = options.join(', ');
  return (raw) => {
    const t = toId(raw);
    if (typeof t !== 'string') return t;
    const lower = t.toLowerCase();
    const hit = byKey.get(lower) ?? byKey.get(squash(lower));
    return hit ?? new Bad(`"${t.slice(0, 40)}" is not one of ${shown}`);
  };
}

/** The converter for one kind, before the schema's bounds are checked. */
function baseConverter(kind: FieldKind, meta: FieldMeta, inner: z.ZodType, ctx: ConvertContext): Converter {
  switch (kind) {
    case 'id':
      return toId;
    case 'text':
      return toText;
    case 'money':
      return money;
    case 'fte':
      return (raw) => numeric(raw, (r) => fromParsed(parseNumber(r)));
    case 'number':
      return (raw) => numeric(raw, (r) => fromParsed(parseNumber(r)));
    case 'int':
      return (raw) => {
        const v = numeric(raw, (r) => fromParsed(parseInteger(r)));
        if (typeof v !== 'number' || Number.isInteger(v)) return v;
        const rounded = Math.round(v);
        return Math.abs(v - rounded) < 1e-9 ? rounded : new Bad(`not a whole number: ${v}`);
      };
    case 'rate':
      return (raw) => (typeof raw === 'string' && isPlaceholder(raw) ? undefined : fromParsed(parseRate(raw)));
    case 'share':
      return (raw) => (typeof raw === 'string' && isPlaceholder(raw) ? undefined : fromParsed(parseRate(raw, { percentIfAbove1: true })));
    case 'year':
      return (raw) => {
        if (typeof raw === 'string' && raw.length === 4) {
          const f = fastNumber(raw);
          if (f !== undefined && f >= 1900 && f <= 2200) return f;
        }
        return fromParsed(parseFiscalYear(raw));
      };
    case 'date':
      return (raw) => fromParsed(parseDate(raw, { date1904: ctx.date1904 ?? false }));
    case 'bool':
      return (raw) => fromParsed(parseBoolean(raw));
    case 'enum': {
      const options = (inner as unknown as { options?: readonly string[] }).options ?? Object.values(meta.values ?? {});
      return enumConverter(options, meta.values);
    }
    case 'grade':
      return (raw) => {
        if (isBlankCell(raw)) return undefined;
        const g = parseGrade(raw);
        return g ?? new Bad(`not a grade (PK, K, 1–12): "${String(raw).trim().slice(0, 40)}"`);
      };
    case 'funding':
      return (raw) => {
        const t = toText(raw);
        if (typeof t !== 'string') return t;
        const r = parseFunding(t);
        return r.ok ? r.value : new Bad(r.reason);
      };
    case 'list':
      return list;
    case 'need_counts':
    case 'year_values':
      // Spread over many columns: table.ts reads them (need-counts.ts, year-values.ts).
      return () => undefined;
  }
}

/** Bounds of the zod schema checked on the converted value, so no per-row zod.parse is needed. */
function boundsCheck(inner: z.ZodType, show: (v: number) => string = String): ((v: unknown) => string | null) | null {
  const type = (inner as unknown as { _zod: { def: { type: string } } })._zod.def.type;
  if (type === 'number') {
    const n = inner as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
    const min = n.minValue ?? -Infinity;
    const max = n.maxValue ?? Infinity;
    const int = n.isInt;
    // zod's positive() is an exclusive minimum; ask zod about the edge only.
    return (v) => {
      if (typeof v !== 'number') return 'expected a number';
      if (int && !Number.isInteger(v)) return `not a whole number: ${v}`;
      if (v < min) return `${show(v)} is below the minimum ${show(min)}`;
      if (v > max) return `${show(v)} is above the maximum ${show(max)}`;
      if (v === min && !inner.safeParse(v).success) return `${show(v)} must be above ${show(min)}`;
      return null;
    };
  }
  if (type === 'string') {
    const s = inner as unknown as { minLength: number | null; maxLength: number | null };
    const max = s.maxLength ?? Infinity;
    const hasRegex = ((inner as unknown as { _zod: { def: { checks?: unknown[] } } })._zod.def.checks?.length ?? 0) > (s.minLength !== null ? 1 : 0) + (s.maxLength !== null ? 1 : 0);
    return (v) => {
      if (typeof v !== 'string') return 'expected text';
      if (v.length > max) return `longer than ${max} characters`;
      if (hasRegex && !inner.safeParse(v).success) return `not in the expected form: "${v.slice(0, 40)}"`;
      return null;
    };
  }
  if (type === 'enum' || type === 'boolean') return null; // the converter only produces valid values
  // Arrays, records, objects: rare columns, so zod itself is cheap enough here.
  return (v) => {
    const r = inner.safeParse(v);
    return r.success ? null : (r.error.issues[0]?.message ?? 'invalid value');
  };
}

export interface CompiledField {
  name: string;
  kind: FieldKind;
  optional: boolean;
  /** A fresh default for a blank optional cell (arrays are copied per row), or undefined. */
  makeDefault: (() => unknown) | null;
  convert: Converter;
  /**
   * For number columns: how `convert` reads plain text first (cents or a number, the bounds with
   * min exclusive), so a caller holding the text in place can do the same without a string.
   */
  numeric: { cents: boolean; year: boolean; min: number; max: number; int: boolean } | null;
  /**
   * For key and text columns whose only check is a length: `convert` gives a text cell back
   * unchanged when it is at most `max` long and needs no trimming (nor, for text, collapsing), so a
   * caller holding the text in place can test that on the characters and skip the call.
   */
  plain: { collapse: boolean; max: number } | null;
}

/** Low-cardinality kinds are memoised. */
const compiledFields = new WeakMap<z.ZodType, Map<string, CompiledField>>();

/**
 * A column's converter with the schema's bounds folded in, made once per field and date system:
 * the generated row readers call the same converter functions on every import, so V8's optimised
 * code for them (which inlines the converters it has seen) stays valid from one file to the next.
 */
export function compileField(name: string, schema: z.ZodType, meta: FieldMeta, ctx: ConvertContext = {}): CompiledField {
  let byKey = compiledFields.get(schema);
  if (byKey === undefined) compiledFields.set(schema, (byKey = new Map()));
  const key = `${name}\u0000${meta.kind}\u0000${ctx.date1904 ? 1904 : 1900}`;
  let compiled = byKey.get(key);
  if (compiled === undefined) byKey.set(key, (compiled = compileFieldNow(name, schema, meta, ctx)));
  return compiled;
}

function compileFieldNow(name: string, schema: z.ZodType, meta: FieldMeta, ctx: ConvertContext): CompiledField {
  const { inner, optional, defaultValue } = unwrapSchema(schema);
  const base = baseConverter(meta.kind, meta, inner, ctx);
  // Money is checked in cents but spoken of in dollars, as the file writes it.
  const check = boundsCheck(inner, meta.kind === 'money' ? (c) => (c / 100).toFixed(2) : String);
  let convert: Converter = check
    ? (raw) => {
        const v = base(raw);
        // typeof first: instanceof on every good cell costs more than the conversion itself.
        if (v === undefined || (typeof v === 'object' && v instanceof Bad)) return v;
        const problem = check(v);
        return problem === null ? v : new Bad(problem);
      }
    : base;
  const nb = numberBounds(inner);
  let textNumber: CompiledField['numeric'] = null;
  let plain: CompiledField['plain'] = null;
  if (meta.kind === 'text' && isPlainBoundedString(inner)) plain = { collapse: true, max: (inner as unknown as { maxLength: number | null }).maxLength ?? Infinity };
  if (nb && (meta.kind === 'money' || meta.kind === 'fte' || meta.kind === 'number' || meta.kind === 'year' || meta.kind === 'int')) {
    // Numbers: the fast text path and the bounds inline; anything unusual goes the careful way.
    const careful = convert;
    const { min, max, int } = nb;
    const cents = meta.kind === 'money';
    const year = meta.kind === 'year';
    textNumber = { cents, year, min, max, int };
    convert = (raw) => {
      if (typeof raw === 'string') {
        const v = cents ? fastCents(raw) : year && raw.length !== 4 ? undefined : fastNumber(raw);
        if (v !== undefined && v > min && v <= max && (!int || Number.isInteger(v))) return v;
      }
      return careful(raw);
    };
  } else if (meta.kind === 'id' && isPlainBoundedString(inner)) {
    // Keys are the most common columns: one closure, the length bound inline.
    const max = (inner as unknown as { maxLength: number | null }).maxLength ?? Infinity;
    plain = { collapse: false, max };
    convert = (raw) => {
      const v = toId(raw);
      return typeof v === 'string' && v.length > max ? new Bad(`longer than ${max} characters`) : v;
    };
  } else if (meta.kind === 'enum' || meta.kind === 'grade' || meta.kind === 'bool' || meta.kind === 'date') {
    convert = memoise(convert);
  }
  let makeDefault: (() => unknown) | null = null;
  if (defaultValue !== undefined) {
    makeDefault = Array.isArray(defaultValue) ? () => (defaultValue as unknown[]).slice() : () => defaultValue;
  }
  return { name, kind: meta.kind, optional, makeDefault, convert, numeric: textNumber, plain };
}

/** min/max/int of a number schema (min exclusive here: the edge goes the careful way), or null. */
function numberBounds(inner: z.ZodType): { min: number; max: number; int: boolean } | null {
  const n = inner as unknown as { _zod: { def: { type: string } }; minValue: number | null; maxValue: number | null; isInt: boolean };
  if (n._zod.def.type !== 'number') return null;
  return { min: n.minValue ?? -Infinity, max: n.maxValue ?? Infinity, int: n.isInt };
}

/** A string schema with at most min/max length checks (no regex), so a length compare validates it. */
function isPlainBoundedString(inner: z.ZodType): boolean {
  const s = inner as unknown as { _zod: { def: { type: string; checks?: unknown[] } }; minLength: number | null; maxLength: number | null };
  if (s._zod.def.type !== 'string') return false;
  const n = s._zod.def.checks?.length ?? 0;
  return n <= (s.minLength !== null ? 1 : 0) + (s.maxLength !== null ? 1 : 0) && (s.minLength ?? 0) <= 1;
}

/** Caches results for text cells of columns with few distinct values (years, enums, grades). */
function memoise(convert: Converter): Converter {
  const cache = new Map<string, unknown>();
  return (raw) => {
    if (typeof raw !== 'string') return convert(raw);
    const hit = cache.get(raw);
    if (hit !== undefined || cache.has(raw)) return hit;
    const v = convert(raw);
    if (cache.size < 4096) cache.set(raw, v);
    return v;
  };
}
