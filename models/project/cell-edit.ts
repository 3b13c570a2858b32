import { Bad, compileField, isPlaceholder } from '../import/convert';
import { fieldsOf } from '../import/table-fields';
import { parseNumber, parseRate } from '../parse/values';
import { TABLES, type TableKind } from '../schema/tables';
import type { GridColumn } from './grid-columns';
import { cellOf } from './to-sheets';

// A cell typed on the Data screen is read exactly as the importer reads that cell of a CSV: the
// column's compiled converter (models/import/convert.ts — "$1,234.56", "(12.00)", "8%", "FY26",
// "GEN:0.6; T1A:0.4"), a blank being a missing required value or the field's default, as in an
// import; spread columns as need-counts.ts and year-values.ts read them. The row is then checked
// against the table's zod schema, the same check applyEdit makes before any edit is kept.

export type CellParse = { ok: true; value: unknown } | { ok: false; message: string };
export type RowParse = { ok: true; row: Record<string, unknown> } | { ok: false; message: string };

const isBlank = (text: string) => text.trim() === '';

/** The typed value of `text` in `col`, or why it cannot be one (undefined = the cell is blank). */
export function parseCell(table: TableKind, col: GridColumn, text: string): CellParse {
  if (col.kind === 'need_counts') {
    if (isBlank(text) || isPlaceholder(text)) return { ok: true, value: undefined };
    const r = parseNumber(text);
    if (!r.ok) return { ok: false, message: r.reason };
    if (r.value === null) return { ok: true, value: undefined };
    return r.value < 0 ? { ok: false, message: 'a count cannot be negative' } : { ok: true, value: r.value };
  }
  if (col.kind === 'year_values') {
    if (isPlaceholder(text)) return { ok: true, value: undefined };
    const r = parseRate(text);
    if (!r.ok) return { ok: false, message: r.reason };
    return { ok: true, value: r.value ?? undefined };
  }
  const f = fieldsOf(table).find((x) => x.name === col.field);
  if (!f) return { ok: false, message: `${TABLES[table].sheet} has no column ${col.field}` };
  const compiled = compileField(f.name, f.schema, f.meta);
  const v = compiled.convert(text);
  if (v instanceof Bad) return { ok: false, message: v.reason };
  if (v !== undefined) return { ok: true, value: v };
  if (!compiled.optional) return { ok: false, message: `missing ${f.name}` };
  return { ok: true, value: compiled.makeDefault ? compiled.makeDefault() : undefined };
}

/** The value a row holds in a column (a spread column's value inside its record). */
export function cellValue(col: GridColumn, row: Record<string, unknown>): unknown {
  const v = row[col.field];
  if (col.sub === undefined) return v;
  if (v === null || typeof v !== 'object') return undefined;
  return Object.hasOwn(v, col.sub) ? (v as Record<string, unknown>)[col.sub] : undefined;
}

/** A rate as percent text that reads back as the same number ("8%", "-0.8%", "8.25%"). */
function percentText(v: number): string {
  return `${Number((v * 100).toPrecision(12))}%`;
}

/** Cents as dollars, straight from the digits ("1234.56", "-0.05"). */
export function centsText(c: number): string {
  const abs = Math.abs(c);
  return `${c < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * What an editor starts with: text that parseCell reads back as the same value (money in dollars,
 * rates as percents, funding as "GEN:0.6; T1A:0.4", lists comma-separated, booleans yes/no).
 */
export function editText(col: GridColumn, row: Record<string, unknown>): string {
  const v = cellValue(col, row);
  if (v === undefined || v === null) return '';
  switch (col.kind) {
    case 'money':
      return typeof v === 'number' ? centsText(v) : String(v);
    case 'rate':
    case 'share':
    case 'year_values':
      // Large values of rate columns (a driver that is an amount, not a rate) read better plain.
      return typeof v === 'number' && Math.abs(v) <= 5 ? percentText(v) : String(v);
    default: {
      const cell = cellOf(col.kind, v);
      return cell === null ? '' : String(cell);
    }
  }
}

/** Whether two typed values are the same (so an unchanged cell makes no edit). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A copy of a record with one key set, or removed when `value` is undefined (keys never on a normal prototype). */
function recordWith(old: unknown, sub: string, value: unknown): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  if (old !== null && typeof old === 'object') for (const [k, v] of Object.entries(old)) out[k] = v;
  if (value === undefined) delete out[sub];
  else out[sub] = value;
  return out;
}

/** The first schema message about `field` (or the row's first one), as the user should read it. */
function schemaMessage(table: TableKind, row: Record<string, unknown>, field: string): string | null {
  const r = TABLES[table].schema.safeParse(row);
  if (r.success) return null;
  const issue = r.error.issues.find((i) => i.path[0] === field) ?? r.error.issues[0]!;
  const path = issue.path.join('.');
  return path === '' || path === field ? issue.message : `${path}: ${issue.message}`;
}

/**
 * The row with `text` typed into `col`: converted as an import would read it, then checked with
 * the table's schema. `unchanged` when the value is the one the row already holds.
 */
export function rowWithCell(table: TableKind, row: Record<string, unknown>, col: GridColumn, text: string): RowParse & { unchanged?: boolean } {
  const parsed = parseCell(table, col, text);
  if (!parsed.ok) return parsed;
  if (sameValue(parsed.value, cellValue(col, row))) return { ok: true, row, unchanged: true };
  const next: Record<string, unknown> = { ...row };
  if (col.sub !== undefined) next[col.field] = recordWith(row[col.field], col.sub, parsed.value);
  else if (parsed.value === undefined) delete next[col.field];
  else next[col.field] = parsed.value;
  const problem = schemaMessage(table, next, col.field);
  return problem === null ? { ok: true, row: next } : { ok: false, message: problem };
}

/**
 * A new row from the text of each column (blank columns left out): every cell's problem by
 * column key, or the row when all of them read and the row fits its table's schema.
 */
export function rowFromTexts(table: TableKind, columns: readonly GridColumn[], texts: Readonly<Record<string, string>>): { ok: true; row: Record<string, unknown> } | { ok: false; messages: Record<string, string> } {
  const row: Record<string, unknown> = {};
  const messages: Record<string, string> = {};
  for (const col of columns) {
    const parsed = parseCell(table, col, texts[col.key] ?? '');
    if (!parsed.ok) messages[col.key] = parsed.message;
    else if (parsed.value !== undefined) {
      if (col.sub !== undefined) row[col.field] = recordWith(row[col.field], col.sub, parsed.value);
      else row[col.field] = parsed.value;
    }
  }
  // Spread fields with no column filled in are empty records, as an import gives them.
  for (const col of columns) if (col.sub !== undefined && row[col.field] === undefined) row[col.field] = Object.create(null) as Record<string, unknown>;
  if (Object.keys(messages).length > 0) return { ok: false, messages };
  const r = TABLES[table].schema.safeParse(row);
  if (r.success) return { ok: true, row };
  for (const issue of r.error.issues) {
    const field = String(issue.path[0] ?? '');
    const col = columns.find((c) => c.field === field);
    messages[col?.key ?? (columns[0]?.key ?? 'row')] ??= issue.message;
  }
  return { ok: false, messages };
}
