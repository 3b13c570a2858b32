import { normaliseHeader } from '../schema/fields';
import type { TableKind } from '../schema/tables';
import type { Cell, FieldMapping, ImportOptions, ImportReport, MappingTemplate } from './types';
import { tokens, type FieldInfo } from './table-fields';
import { Bad, compileField } from './convert';
import { headerScore } from './match';
import { cellText } from './header';
import { parseFiscalYear } from '../parse/values';

/** A value shape score: how many of a column's sample values look like the field wants. */
const MONEY_SHAPE = /^\(?\s*-?\s*\$?\s*-?\s*(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\s*-?\)?$/;
const BUDGET_WORDS = /\b(adopted|budget|budgeted|proposed|approved|revised|amended|amount|projected|estimate|estimated|request|requested|actual|allocation|cost|fy\s*'?\d{2,4})\b|\$/i;

function shareMatching(values: readonly Cell[], test: (v: Cell) => boolean): number {
  let n = 0;
  let hit = 0;
  for (const v of values) {
    if (isBlankish(v)) continue;
    n++;
    if (test(v)) hit++;
  }
  return n === 0 ? 0 : hit / n;
}

const isMoney = (v: Cell) => typeof v === 'number' || (typeof v === 'string' && MONEY_SHAPE.test(v.trim()));
const isBlankish = (v: Cell) => v === null || (typeof v === 'string' && (v.trim() === '' || /^(na|n\/a|--?|no data)$/i.test(v.trim())));
const isCurrencyText = (v: Cell) => typeof v === 'string' && /\$/.test(v);
const isYear = (v: Cell) => {
  const r = parseFiscalYear(v);
  return r.ok && r.value !== null;
};

/**
 * How a column's values bear on a money field, added to a partial header match: dollars (a currency
 * sign, cents, or amounts in the thousands) +0.05; numbers under 1,000 without cents — counts or
 * FTE (112.5 positions), as in Chicago's "Total FY25" beside "Operational Budget FY25" — −0.2.
 */
function moneyValueAdjust(values: readonly Cell[]): number {
  const nums: number[] = [];
  let dollars = 0;
  for (const v of values) {
    if (isBlankish(v)) continue;
    if (typeof v === 'number') { nums.push(v); continue; }
    if (typeof v !== 'string') continue;
    const t = v.trim();
    if (/\$|\.\d\d\)?$/.test(t)) dollars++;
    const x = Number(t.replace(/[$,()\s]/g, ''));
    if (Number.isFinite(x)) nums.push(x);
  }
  if (nums.length === 0) return 0;
  const sorted = nums.map(Math.abs).sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1]!;
  if (dollars > 0 || median >= 1000) return 0.05;
  return -0.2;
}

/** Share of a column's non-blank values that are measures rather than codes: negative or fractional numbers. */
export function measureShare(values: readonly Cell[]): number {
  return shareMatching(values, (v) => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\(?\s*-?\s*[\d,]*\.?\d+\s*\)?\s*$/.test(v) ? Number(v.replace(/[,()\s]/g, '')) * (/\(/.test(v) ? -1 : 1) : NaN;
    return Number.isFinite(n) && (n < 0 || !Number.isInteger(n));
  });
}

/** Field kinds whose values say plainly whether a column holds them. */
const CHECKED_KINDS = new Set(['enum', 'bool', 'grade', 'date']);

/** Share of a column's non-blank values the field's own converter reads. */
function readableShare(f: FieldInfo, values: readonly Cell[]): number {
  const convert = compileField(f.name, f.schema, f.meta).convert;
  return shareMatching(values, (v) => {
    const x = convert(v);
    return x !== undefined && !(x instanceof Bad);
  });
}

/** "Positions", "SPED Positions": the plural of the id's name counts those things; it is not their id. */
function namesACount(header: string, f: FieldInfo): boolean {
  const words = tokens(header);
  return f.phrases.some((p) => p.length === 1 && p[0]!.length >= 3 && words.includes(`${p[0]}s`));
}

export interface MappingInput {
  fields: readonly FieldInfo[];
  headers: readonly string[];
  /** Sample of data rows (a few dozen) for value shapes. */
  sample: readonly (readonly Cell[])[];
  options: ImportOptions;
  /** Values read from the title block (fund_code, fiscal_year, site_id). */
  titleValues: Readonly<Record<string, string>>;
}

export interface MappingResult {
  mapping: FieldMapping[];
  warnings: string[];
  /** Column indexes not mapped to any single-column field. */
  unmappedColumns: number[];
}

function findColumn(headers: readonly string[], text: string, taken: ReadonlySet<number>): number {
  const want = normaliseHeader(text);
  for (let c = 0; c < headers.length; c++) if (!taken.has(c) && headers[c]!.trim().toLowerCase() === text.trim().toLowerCase()) return c;
  for (let c = 0; c < headers.length; c++) if (!taken.has(c) && normaliseHeader(headers[c]!) === want) return c;
  // A column letter (A, B, …, AA) as a last resort for headerless files.
  if (/^[A-Z]{1,2}$/.test(text.trim())) {
    const letters = text.trim();
    const c = letters.length === 1 ? letters.charCodeAt(0) - 65 : (letters.charCodeAt(0) - 64) * 26 + letters.charCodeAt(1) - 65;
    if (c < headers.length && !taken.has(c)) return c;
  }
  return -1;
}

/** Title block key → the field it fills. */
function titleValueFor(f: FieldInfo, titleValues: Readonly<Record<string, string>>): string | undefined {
  if (f.name === 'fund_code') return titleValues.fund_code;
  if (f.name === 'site_id') return titleValues.site_id;
  if (f.meta.kind === 'year' && (f.name === 'fiscal_year' || f.name === 'year')) return titleValues.fiscal_year;
  return undefined;
}

/**
 * Decides which column feeds each field. In order: the user's --map, a saved template, headers
 * (exact 1, synonym 0.9, partial 0.6–0.8) assigned greedily best-first so each field and each
 * column is used once, then value shapes (0.5) for money and year fields. --set overrides any
 * column; a title-block value fills a field no column supplies.
 */
export function suggestMapping(input: MappingInput): MappingResult {
  const { fields, headers, sample, options, titleValues } = input;
  const warnings: string[] = [];
  const taken = new Set<number>();
  const byField = new Map<string, FieldMapping>();
  const known = new Set(fields.map((f) => f.name));
  const set = { ...(options.template?.set ?? {}), ...(options.set ?? {}) };
  const fixed: [string, string, 'user' | 'template'][] = [
    ...Object.entries(options.template?.columns ?? {}).map(([f, col]): [string, string, 'template'] => [f, col, 'template']),
    ...Object.entries(options.map ?? {}).map(([f, col]): [string, string, 'user'] => [f, col, 'user']),
  ];
  for (const name of [...Object.keys(set), ...fixed.map((x) => x[0])]) {
    if (!known.has(name)) warnings.push(`"${name}" is not a column of this table (known: ${[...known].join(', ')})`);
  }
  // The user's --map comes last so it replaces a template's choice for the same field.
  for (const [name, text, via] of fixed) {
    if (!known.has(name)) continue;
    const prev = byField.get(name);
    if (prev?.index !== null && prev?.index !== undefined) taken.delete(prev.index);
    if (text.trim() === '') {
      // "--map function=": the user says no column gives this field.
      byField.set(name, { field: name, column: null, index: null, confidence: 1, via });
      continue;
    }
    const c = findColumn(headers, text, taken);
    if (c < 0) {
      warnings.push(`${via === 'user' ? '--map' : `template "${options.template?.name}"`} ${name}=${text}: no column "${text}" in the header`);
      continue;
    }
    taken.add(c);
    byField.set(name, { field: name, column: headers[c]!, index: c, confidence: 1, via });
  }
  const candidates: { f: FieldInfo; c: number; score: number; via: 'exact' | 'synonym' }[] = [];
  for (const f of fields) {
    if (byField.has(f.name) || f.meta.kind === 'need_counts' || f.meta.kind === 'year_values') continue;
    for (let c = 0; c < headers.length; c++) {
      if (taken.has(c) || headers[c] === '') continue;
      const { score, via } = headerScore(headers[c]!, f);
      if (score >= 0.6) candidates.push({ f, c, score, via });
    }
  }
  // Value-shape veto on partial matches: a text field is not read from a column of numbers, nor a
  // numeric field from a column of words ("Total School Budget Allocation" is not a description).
  const numericShare = new Map<number, number>();
  const numericOf = (c: number) => {
    let v = numericShare.get(c);
    if (v === undefined) {
      v = shareMatching(sample.map((r) => r[c] ?? null), isMoney);
      numericShare.set(c, v);
    }
    return v;
  };
  for (let i = candidates.length - 1; i >= 0; i--) {
    const { f, c, score } = candidates[i]!;
    if (score >= 0.9 || sample.length === 0) continue;
    const kind = f.meta.kind;
    const numeric = numericOf(c);
    const wantsNumber = kind === 'money' || kind === 'fte' || kind === 'int' || kind === 'number' || kind === 'rate' || kind === 'share';
    const values = () => sample.map((r) => r[c] ?? null);
    if ((kind === 'text' && numeric >= 0.8) || (wantsNumber && numeric < 0.5 && sample.some((r) => !isBlankish(r[c] ?? null)))) candidates.splice(i, 1);
    // An id is a code, not a measure: a column where negative or fractional numbers are common
    // ("Position loss/gain (budgeted)": -10.0, -11.5; "Positions": 119.0, 113.5) does not give
    // position_id however its header reads. One in five is plenty: codes are never written so.
    else if (kind === 'id' && (measureShare(values()) >= 0.2 || namesACount(headers[c]!, f))) candidates.splice(i, 1);
    // A status, a level, a grade, a yes/no or a date is read only from a column whose values read so.
    else if (CHECKED_KINDS.has(kind) && readableShare(f, values()) < 0.5) candidates.splice(i, 1);
    // Among partial matches for money, a budget word in the header ("Operational Budget FY25") and
    // values that look like dollars decide, so a count column named "Total …" does not win.
    else if (kind === 'money') candidates[i]!.score = Math.min(0.89, score + moneyValueAdjust(sample.map((r) => r[c] ?? null)) + (BUDGET_WORDS.test(headers[c]!) ? 0.05 : 0));
  }
  candidates.sort((a, b) => b.score - a.score || Number(b.f.required) - Number(a.f.required) || a.c - b.c);
  for (const cand of candidates) {
    if (byField.has(cand.f.name) || taken.has(cand.c)) continue;
    taken.add(cand.c);
    byField.set(cand.f.name, { field: cand.f.name, column: headers[cand.c]!, index: cand.c, confidence: cand.score, via: cand.via });
  }
  // Value shapes: a money column with budget words in its header ("FY26 Adopted"), a column of fiscal years.
  for (const f of fields) {
    if (byField.has(f.name) || set[f.name] !== undefined) continue;
    if (f.meta.kind !== 'money' && f.meta.kind !== 'year') continue;
    let best = -1;
    for (let c = 0; c < headers.length && best < 0; c++) {
      if (taken.has(c)) continue;
      const values = sample.map((r) => r[c] ?? null);
      if (f.meta.kind === 'money' && shareMatching(values, isMoney) >= 0.8 && (BUDGET_WORDS.test(headers[c]!) || shareMatching(values, isCurrencyText) >= 0.8)) best = c;
      if (f.meta.kind === 'year' && f.required && shareMatching(values, isYear) >= 0.9 && values.some((v) => typeof v === 'string' && /fy|-/i.test(v))) best = c;
    }
    if (best >= 0) {
      taken.add(best);
      byField.set(f.name, { field: f.name, column: headers[best]!, index: best, confidence: 0.5, via: 'shape' });
    }
  }
  const mapping: FieldMapping[] = [];
  for (const f of fields) {
    const setValue = set[f.name];
    if (setValue !== undefined) {
      const prev = byField.get(f.name);
      if (prev?.index !== null && prev?.index !== undefined) {
        taken.delete(prev.index);
        warnings.push(`--set ${f.name}=${setValue} replaces the column "${prev.column}"`);
      }
      mapping.push({ field: f.name, column: null, index: null, confidence: 1, via: 'set', value: setValue });
      continue;
    }
    const m = byField.get(f.name);
    if (m) {
      mapping.push(m);
      continue;
    }
    const title = titleValueFor(f, titleValues);
    if (title !== undefined) {
      mapping.push({ field: f.name, column: null, index: null, confidence: 0.8, via: 'title', value: title });
      continue;
    }
    mapping.push({ field: f.name, column: null, index: null, confidence: 0, via: 'missing' });
  }
  const unmappedColumns: number[] = [];
  for (let c = 0; c < headers.length; c++) if (!taken.has(c)) unmappedColumns.push(c);
  return { mapping, warnings, unmappedColumns };
}

/** A named template from a report's mapping: the columns found (not guessed values) and any set values. */
export function templateFromReport(name: string, report: Pick<ImportReport, 'kind' | 'mapping'>): MappingTemplate {
  const columns: Record<string, string> = Object.create(null) as Record<string, string>;
  const set: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const m of report.mapping) {
    if (m.column !== null) columns[m.field] = m.column;
    else if (m.via === 'set' && m.value !== undefined) set[m.field] = m.value;
    // A field the user left without a column ("--map f="): kept so the template does not match it again.
    else if (m.via === 'user' || m.via === 'template') columns[m.field] = '';
  }
  return { name, kind: report.kind, columns, set };
}

/** Options that apply a saved template (the user's own --map and --set still win). */
export function applyTemplate(template: MappingTemplate, options: ImportOptions = {}): ImportOptions {
  return { ...options, kind: options.kind ?? (template.kind as TableKind), template };
}

/** Header text of a grid row, for callers that show a header. */
export const headerTexts = (row: readonly Cell[]) => row.map(cellText);
