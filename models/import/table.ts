import { normaliseHeader } from '../schema/fields';
import { TABLES, type RowOf, type TableKind } from '../schema/tables';
import type { Grid, ImportOptions, ImportReport, TableImport } from './types';
import { fieldsOf, isSpreadKind, type FieldInfo } from './table-fields';
import { findHeader, headerAt } from './header';
import { readTitleBlock } from './title-block';
import { suggestMapping } from './mapping';
import type { Spread } from './spread';
import { needCountsSpread } from './need-counts';
import { yearValuesSpread } from './year-values';
import { looksLikeSalaryColumn, salaryMatrixSpread } from './salary-matrix';
import { gradeColumns, gradeColumnsSpread } from './grade-columns';
import { guessKind, kindScore } from './kind-guess';
import { sampleRows, spreadLabelOf } from './sample';

export { SAMPLE_ROWS, sampleRows } from './sample';

// Stage 2 of import: grids (from the readers) → typed table rows and an ImportReport. This file
// plans each sheet (header, title block, mapping, spreads); sheet-import.ts reads its rows.
// accepted + rejected === rows is asserted before returning.

import { MAX_ERRORS, SheetImport, type SheetPlan } from './sheet-import';

export { MAX_ERRORS, PRIMARY_MONEY } from './sheet-import';

export function emptyReport(file: string, kind: TableKind): ImportReport {
  return {
    file, kind, sheet: '', sheets: [], headerRow: {}, mapping: [], rows: 0, accepted: 0, rejected: 0, excluded: 0,
    errors: [], rowWarnings: [], unclassified: 0, filledDown: [], warnings: [], titleValues: {}, unknownColumns: [],
    totals: { amountCents: 0, fte: 0, fileAmountCents: null, ties: null },
  };
}

function planSheet(grid: Grid, kind: TableKind, fields: readonly FieldInfo[], opts: ImportOptions): SheetPlan {
  const columnFields = fields.filter((f) => !isSpreadKind(f));
  const header = opts.headerRow !== undefined && opts.headerRow >= 1 && opts.headerRow <= grid.rows.length
    ? headerAt(grid, opts.headerRow - 1, columnFields, spreadLabelOf(kind))
    : findHeader(grid, columnFields, spreadLabelOf(kind));
  const titleValues = readTitleBlock(grid, header.firstRow);
  const sample = sampleRows(grid, header.row + 1);
  const m = suggestMapping({ fields, headers: header.headers, sample, options: opts, titleValues });
  const mapping = m.mapping;
  let unmapped = m.unmappedColumns;
  const byField = new Map(mapping.map((x) => [x.field, x]));
  let spread: Spread | null = null;
  if (kind === 'studentNeeds') spread = needCountsSpread(header.headers, unmapped, sample);
  else if (kind === 'drivers') spread = yearValuesSpread(header.headers, unmapped);
  else if (kind === 'salary' && byField.get('salary')?.via !== 'set') {
    const stepMap = byField.get('step');
    const stepCol = stepMap?.index ?? 0;
    const scheduleCol = byField.get('schedule')?.index ?? -1;
    const lanes: number[] = [];
    for (let c = 0; c < header.headers.length; c++) {
      if (c === stepCol || c === scheduleCol || header.headers[c] === '' || /^(grand\s+)?totals?\b/i.test(header.headers[c]!)) continue;
      if (looksLikeSalaryColumn(sample.map((r) => r[c] ?? null))) lanes.push(c);
    }
    const longForm = byField.get('salary')?.index != null && byField.get('lane')?.index != null;
    if (lanes.length >= 2 && !longForm) spread = salaryMatrixSpread(header.headers, stepCol, lanes);
  } else if (kind === 'enrollment' && byField.get('grade')?.via !== 'set') {
    const keyCols = new Set(mapping.filter((x) => x.field === 'site_id' && x.index !== null).map((x) => x.index!));
    const cols = gradeColumns(header.headers, header.headers.map((_, c) => c).filter((c) => !keyCols.has(c)));
    if (cols.length >= 2) spread = gradeColumnsSpread(header.headers, cols);
  }
  if (spread) {
    for (const name of spread.replaces ?? []) {
      const x = byField.get(name);
      if (x && x.via !== 'set') Object.assign(x, { column: null, index: null, confidence: 0.5, via: 'shape' as const, value: undefined });
    }
    const used = new Set([...spread.columns, ...mapping.filter((x) => x.index !== null).map((x) => x.index!)]);
    unmapped = header.headers.map((_, c) => c).filter((c) => !used.has(c));
    for (const name of spread.supplies) {
      const x = byField.get(name);
      if (x && x.via === 'missing') Object.assign(x, { confidence: 0.5, via: 'shape' as const });
    }
  }
  // A salary schedule's name: its title line or the sheet's name when no column gives it.
  const schedule = byField.get('schedule');
  if (kind === 'salary' && schedule?.via === 'missing') {
    Object.assign(schedule, { via: 'title' as const, confidence: 0.6, value: titleValues.title ?? grid.sheet });
  }
  return { grid, header, titleValues, mapping, warnings: m.warnings, unmapped, spread };
}

export function pickSheets(grids: readonly Grid[], kind: TableKind, fields: readonly FieldInfo[], opts: ImportOptions, report: ImportReport): SheetPlan[] {
  if (grids.length === 0) {
    report.warnings.push('the file has no sheets with data');
    return [];
  }
  if (opts.sheet && opts.sheet !== 'all') {
    const want = opts.sheet;
    const grid = grids.find((g) => g.sheet === want) ?? grids.find((g) => normaliseHeader(g.sheet) === normaliseHeader(want));
    if (!grid) {
      report.warnings.push(`no sheet named "${want}" (sheets: ${grids.map((g) => g.sheet).join(', ')})`);
      return [];
    }
    return [planSheet(grid, kind, fields, opts)];
  }
  const scored = grids.map((g) => ({ g, s: kindScore(g, kind, opts.headerRow) - (g.hidden ? 0.5 : 0) }));
  const ordered = scored.slice().sort((a, b) => b.s - a.s);
  const first = planSheet(ordered[0]!.g, kind, fields, opts);
  if (opts.sheet !== 'all') return [first];
  // Every same-shaped sheet: the same fields found in columns as on the best sheet.
  const shape = (p: SheetPlan) => p.mapping.filter((x) => x.index !== null || (x.via === 'shape')).map((x) => x.field).sort().join(',');
  const want = shape(first);
  const plans = [first];
  for (const { g, s } of ordered.slice(1)) {
    if (s <= 0) {
      report.warnings.push(`sheet "${g.sheet}" skipped: no header like the ${TABLES[kind].sheet} table`);
      continue;
    }
    const p = planSheet(g, kind, fields, opts);
    if (shape(p) === want) plans.push(p);
    else report.warnings.push(`sheet "${g.sheet}" skipped: its columns differ from "${first.grid.sheet}"`);
  }
  // Keep the workbook's sheet order in the report.
  return plans.sort((a, b) => grids.indexOf(a.grid) - grids.indexOf(b.grid));
}

/**
 * Grid(s) → typed rows of one table with a complete report. `opts.sheet` picks a sheet (default:
 * the best-matching one) or 'all' (every same-shaped sheet, each with its own title values).
 */
export function importTable<K extends TableKind>(grids: readonly Grid[], opts: ImportOptions & { kind: K }, progress?: ImportProgress): TableImport<RowOf<K>>;
export function importTable(grids: readonly Grid[], opts?: ImportOptions, progress?: ImportProgress): TableImport<Record<string, unknown>>;
export function importTable(grids: readonly Grid[], opts: ImportOptions = {}, progress?: ImportProgress): TableImport<Record<string, unknown>> {
  const job = planImport(grids, opts);
  const total = job.plans.reduce((n, p) => n + Math.max(0, p.grid.rows.length - p.header.row - 1), 0);
  let done = 0;
  for (const plan of job.plans) {
    const sheet = new SheetImport(plan, job.kind, job.fields, job.report, job.rows, opts);
    const data = plan.grid.rows;
    for (let r = plan.header.row + 1; r < data.length; r++) {
      const row = data[r];
      if (row !== undefined) sheet.row(row, r);
      if (progress !== undefined && (++done & PROGRESS_EVERY) === 0) progress(done, total);
    }
    sheet.finish();
  }
  progress?.(total, total);
  return finishImport(job);
}

/** Called as rows are read (every 8,192 rows and at the end): the app's progress bar on a long import. */
export type ImportProgress = (done: number, total: number) => void;
const PROGRESS_EVERY = 8191;

/** An import between planning and its rows: what both importTable and csv-direct.ts fill in. */
export interface ImportJob {
  kind: TableKind;
  fields: readonly FieldInfo[];
  report: ImportReport;
  plans: SheetPlan[];
  rows: Record<string, unknown>[];
}

/** The table (given or guessed from the header), the sheets to read and each one's plan. */
export function planImport(grids: readonly Grid[], opts: ImportOptions): ImportJob {
  const file = grids[0]?.file ?? '';
  let kind = opts.kind ?? (opts.template?.kind as TableKind | undefined);
  let guessNote: string | null = null;
  if (kind === undefined || !(kind in TABLES)) {
    const named = opts.sheet && opts.sheet !== 'all' ? grids.filter((g) => g.sheet === opts.sheet) : grids;
    let best: TableKind | null = null;
    for (const g of named) {
      best = guessKind(g, opts.headerRow);
      if (best) break;
    }
    kind = best ?? 'budget';
    guessNote = best ? `read as ${TABLES[kind].sheet} (guessed from the header; use --as to choose)` : 'could not tell which table this is; read as Budget (use --as to choose)';
  }
  const fields = fieldsOf(kind);
  const report = emptyReport(file, kind);
  if (guessNote) report.warnings.push(guessNote);
  const plans = pickSheets(grids, kind, fields, opts, report);
  return { kind, fields, report, plans, rows: [] };
}

/** The report's sheet names, mapping and totals, once every sheet's rows are read. */
export function finishImport(job: ImportJob): TableImport<Record<string, unknown>> {
  const { report, plans, rows } = job;
  report.sheets = plans.map((p) => p.grid.sheet);
  report.sheet = report.sheets.join(', ');
  if (plans[0]) {
    report.mapping = plans[0].mapping;
    report.titleValues = plans[0].titleValues;
  }
  if (plans.length > 1) {
    // Each sheet's own title values, so the user sees which fund/year each sheet's rows were given.
    for (const p of plans) {
      const t = Object.entries(p.titleValues).filter(([k]) => k !== 'title');
      if (t.length > 0) report.warnings.push(`sheet "${p.grid.sheet}": ${t.map(([k, v]) => `${k}=${v}`).join(', ')} from its title rows`);
    }
  }
  report.totals.fte = Number(report.totals.fte.toFixed(6));
  report.totals.ties = report.totals.fileAmountCents === null ? null : report.totals.fileAmountCents === report.totals.amountCents;
  if (report.errors.length >= MAX_ERRORS) report.warnings.push(`only the first ${MAX_ERRORS} problems are listed`);
  if (report.accepted + report.rejected !== report.rows) {
    throw new Error(`import accounting broken: ${report.accepted} + ${report.rejected} ≠ ${report.rows}`);
  }
  return { rows, report };
}
