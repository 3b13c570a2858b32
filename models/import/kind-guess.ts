import { normaliseHeader } from '../schema/fields';
import { STANDARD_NEEDS, TABLES, TABLE_KINDS, type TableKind } from '../schema/tables';
import { findHeader, headerAt, type HeaderInfo } from './header';
import { fieldsOf, isSpreadKind, tokens } from './table-fields';
import { PRIMARY_MONEY } from './sheet-import';
import { readTitleBlock } from './title-block';
import { suggestMapping } from './mapping';
import { sampleRows, spreadLabelOf } from './sample';
import { gradeColumns } from './grade-columns';
import { looksLikeMoney, needCategory } from './need-counts';
import { parseFiscalYear } from '../parse/values';
import type { Cell, FieldMapping, Grid } from './types';

// Which table a sheet holds, from its header and a sample of its values: used when the user gives
// no --as, and to pick the best sheet (or every same-shaped sheet) of a workbook. The evidence is
// the mapping the import itself would make (mapping.ts: header names, value-shape vetoes, money
// and year columns found by their values), plus the spread layouts a table can have.

const STANDARD = new Set<string>(STANDARD_NEEDS);

const isBlankCell = (v: Cell | undefined) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** A step column holds steps (1, 2, "10+", "A"), not school years: "YEAR" with 2015, 2016 is not a salary matrix. */
function looksLikeSteps(values: readonly Cell[]): boolean {
  let n = 0;
  let years = 0;
  for (const v of values) {
    if (isBlankCell(v)) continue;
    n++;
    const t = typeof v === 'string' ? v.trim() : v;
    if ((typeof t === 'number' && t >= 1900 && t <= 2200) || (typeof t === 'string' && /^(19|20)\d\d\b/.test(t) && parseFiscalYear(t).ok)) years++;
  }
  return n === 0 || years / n < 0.5;
}

/** Distinct standard need categories named by numeric columns ("ELLENROLLMENT", "# Students with Disabilities"). */
function standardNeedColumns(header: HeaderInfo, unmapped: readonly number[], sample: readonly Cell[][]): number {
  const found = new Set<string>();
  for (const c of unmapped) {
    const h = header.headers[c] ?? '';
    if (h.trim() === '') continue;
    const category = needCategory(h);
    if (!STANDARD.has(category)) continue;
    let n = 0;
    let numeric = 0;
    for (const r of sample) {
      const v = r[c];
      if (isBlankCell(v)) continue;
      n++;
      if (typeof v === 'number' || (typeof v === 'string' && /^\s*-?[\d,]*\.?\d+\s*%?\s*$/.test(v))) numeric++;
    }
    if ((n === 0 || numeric / n >= 0.8) && !looksLikeMoney(sample.map((r) => r[c] ?? null))) found.add(category);
  }
  return found.size;
}

/**
 * How well a grid fits a table: the header columns the table's mapping explains (each field and
 * column used once, best pairs first, partial matches the values contradict left out; money and
 * year columns found by their values count half), scaled by the share of required fields found (in
 * a column, by value shape, or in the title block). A table with one required field cannot win on
 * that one column against a table that explains the whole header. Spread layouts count as their
 * fields: a salary matrix (a step column and lanes across), grades across (Enrollment), need
 * counts named like the standard needs (StudentNeeds). A sheet named after the table adds 2.
 */
export function kindScore(grid: Grid, kind: TableKind, headerRow?: number): number {
  const fields = fieldsOf(kind).filter((f) => !isSpreadKind(f));
  const header = headerRow !== undefined && headerRow >= 1 && headerRow <= grid.rows.length
    ? headerAt(grid, headerRow - 1, fields, spreadLabelOf(kind))
    : findHeader(grid, fields, spreadLabelOf(kind));
  const sheet = normaliseHeader(grid.sheet);
  const named = sheet === normaliseHeader(TABLES[kind].sheet) || sheet === normaliseHeader(kind) ? 2 : 0;
  if (header.score === 0) return named;
  const titleValues = readTitleBlock(grid, header.firstRow);
  const sample = sampleRows(grid, header.row + 1);
  const { mapping, unmappedColumns } = suggestMapping({ fields, headers: header.headers, sample, options: {}, titleValues });
  const byField = new Map(mapping.map((m) => [m.field, m]));
  const fieldByName = new Map(fields.map((f) => [f.name, f]));
  // A column found only by its values is evidence for the table when the field needs it and the
  // header shares a word with the field's names ("FY14 Revised Base" for a budget amount, not for
  // an actual spent to date).
  const counts = (m: FieldMapping) => {
    if (m.via === 'missing') return false;
    if (m.via !== 'shape' || m.index === null) return true;
    const f = fieldByName.get(m.field)!;
    if (!f.required) return false;
    const words = new Set(tokens(header.headers[m.index] ?? ''));
    return f.phrases.some((p) => p.some((w) => words.has(w)));
  };
  let explained = 0;
  for (const m of mapping) if (m.index !== null && counts(m)) explained += m.confidence;
  let required = 0;
  let found = 0;
  for (const f of fields) {
    if (!f.required) continue;
    required++;
    if (counts(byField.get(f.name)!)) found++;
  }
  // A money table without its money column (a budget's amount, an actual's spent to date) is not that table.
  const primary = PRIMARY_MONEY[kind];
  const moneyFactor = primary !== undefined && fieldByName.get(primary)?.required && !counts(byField.get(primary)!) ? 0.5 : 1;
  const filled = header.headers.filter((h) => h.trim() !== '').length;
  if (kind === 'salary') {
    // A matrix (steps down, lanes across) names only its step column: the lanes are the others,
    // the schedule name is the title or sheet name. Only a column named like a step (not
    // "School Year", a partial match) whose values are steps (not 2015, 2016) starts one.
    const step = byField.get('step');
    const salary = byField.get('salary');
    const others = filled - 1;
    if (step?.index != null && step.confidence >= 0.9 && others >= 2 && (salary?.index == null || salary.via === 'shape') && looksLikeSteps(sample.map((r) => r[step.index!] ?? null))) {
      // The lanes are salary columns: whatever the header matching made of them, the matrix explains them.
      return (step.confidence + Math.min(others, 4) * 0.5) + named;
    }
  } else if (kind === 'enrollment') {
    // One column per grade (PK | K | 1 … 12, "Grade 3 Students … 2019-20"): grade and students.
    const site = byField.get('site_id')?.index;
    const grades = gradeColumns(header.headers, unmappedColumns.filter((c) => c !== site));
    if (grades.length >= 2) {
      for (const name of ['grade', 'students']) if (byField.get(name)?.via === 'missing') found++;
      explained += Math.min(grades.length, 4) * 0.5;
    }
  } else if (kind === 'studentNeeds') {
    // The need counts are the table's substance: columns named like the standard needs.
    required++;
    const needs = standardNeedColumns(header, unmappedColumns, sample);
    if (needs > 0) found++;
    explained += 0.9 * needs;
  }
  const coverage = required === 0 ? 1 : found / required;
  return explained * (0.25 + 0.75 * coverage) * moneyFactor + named;
}

/** The table a grid most likely holds, by header match across TABLES (null when nothing fits). */
export function guessKind(grid: Grid, headerRow?: number): TableKind | null {
  let best: TableKind | null = null;
  let bestScore = 0.85;
  for (const kind of TABLE_KINDS) {
    const s = kindScore(grid, kind, headerRow);
    if (s > bestScore + 1e-9) {
      best = kind;
      bestScore = s;
    }
  }
  return best;
}
