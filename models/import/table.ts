import { normaliseHeader } from '../schema/fields';
import { TABLES, type RowOf, type TableKind } from '../schema/tables';
import type { Cell, FieldMapping, Grid, ImportOptions, ImportReport, RowError, TableImport } from './types';
import { Bad, compileField, type CompiledField, type Converter } from './convert';
import { fieldsOf, isSpreadKind, type FieldInfo } from './table-fields';
import { findHeader, type HeaderInfo } from './header';
import { readTitleBlock } from './title-block';
import { excludeReason } from './exclude';
import { FillDown, groupedColumns, isBlank } from './fill-down';
import { suggestMapping } from './mapping';
import type { Spread } from './spread';
import { needCountsSpread } from './need-counts';
import { yearValuesSpread } from './year-values';
import { looksLikeSalaryColumn, salaryMatrixSpread } from './salary-matrix';
import { gradeColumns, gradeColumnsSpread } from './grade-columns';
import { fastRowReader, rowBuilder } from './row-builder';
import { guessKind, kindScore } from './kind-guess';

// Stage 2 of import: grids (from the readers) → typed table rows and an ImportReport.
// The per-row loop is the hot path (100,000 rows × 9 columns in well under 0.1 s): converters are
// compiled once per column (convert.ts), rows are plain objects, and nothing else is allocated for
// a good row. accepted + rejected === rows is asserted before returning.

/** The money field whose sum is the report's amount total, per table. */
export const PRIMARY_MONEY: Partial<Record<TableKind, string>> = {
  budget: 'amount', positions: 'salary', salary: 'salary', needs: 'cost', funds: 'available', actuals: 'ytd_amount',
};

/** Errors kept in a report; the counts stay exact beyond it (a warning says how many were left out). */
export const MAX_ERRORS = 10_000;
const SAMPLE_ROWS = 60;

function emptyReport(file: string, kind: TableKind): ImportReport {
  return {
    file, kind, sheet: '', sheets: [], headerRow: {}, mapping: [], rows: 0, accepted: 0, rejected: 0, excluded: 0,
    errors: [], warnings: [], titleValues: {}, unknownColumns: [], totals: { amountCents: 0, fte: 0 },
  };
}

interface SheetPlan {
  grid: Grid;
  header: HeaderInfo;
  titleValues: Record<string, string>;
  mapping: FieldMapping[];
  warnings: string[];
  unmapped: number[];
  spread: Spread | null;
}

function sampleRows(grid: Grid, from: number): Cell[][] {
  const out: Cell[][] = [];
  for (let r = from; r < grid.rows.length && out.length < SAMPLE_ROWS; r++) {
    const row = grid.rows[r];
    if (row && row.some((c) => !isBlank(c)) && !excludeReason(row)) out.push(row);
  }
  return out;
}

function planSheet(grid: Grid, kind: TableKind, fields: readonly FieldInfo[], opts: ImportOptions): SheetPlan {
  const header = findHeader(grid, fields.filter((f) => !isSpreadKind(f)));
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

function pickSheets(grids: readonly Grid[], kind: TableKind, fields: readonly FieldInfo[], opts: ImportOptions, report: ImportReport): SheetPlan[] {
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
  const scored = grids.map((g) => ({ g, s: kindScore(g, kind) - (g.hidden ? 0.5 : 0) }));
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
export function importTable<K extends TableKind>(grids: readonly Grid[], opts: ImportOptions & { kind: K }): TableImport<RowOf<K>>;
export function importTable(grids: readonly Grid[], opts?: ImportOptions): TableImport<Record<string, unknown>>;
export function importTable(grids: readonly Grid[], opts: ImportOptions = {}): TableImport<Record<string, unknown>> {
  const file = grids[0]?.file ?? '';
  let kind = opts.kind ?? (opts.template?.kind as TableKind | undefined);
  let guessNote: string | null = null;
  if (kind === undefined || !(kind in TABLES)) {
    const named = opts.sheet && opts.sheet !== 'all' ? grids.filter((g) => g.sheet === opts.sheet) : grids;
    let best: TableKind | null = null;
    for (const g of named) {
      best = guessKind(g);
      if (best) break;
    }
    kind = best ?? 'budget';
    guessNote = best ? `read as ${TABLES[kind].sheet} (guessed from the header; use --as to choose)` : 'could not tell which table this is; read as Budget (use --as to choose)';
  }
  const fields = fieldsOf(kind);
  const report = emptyReport(file, kind);
  if (guessNote) report.warnings.push(guessNote);
  const rows: Record<string, unknown>[] = [];
  const plans = pickSheets(grids, kind, fields, opts, report);
  for (const plan of plans) importSheet(plan, kind, fields, report, rows);
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
  if (report.errors.length >= MAX_ERRORS) report.warnings.push(`only the first ${MAX_ERRORS} problems are listed`);
  if (report.accepted + report.rejected !== report.rows) {
    throw new Error(`import accounting broken: ${report.accepted} + ${report.rejected} ≠ ${report.rows}`);
  }
  return { rows, report };
}

function importSheet(plan: SheetPlan, kind: TableKind, fields: readonly FieldInfo[], report: ImportReport, out: Record<string, unknown>[]): void {
  const { grid, header, mapping, spread } = plan;
  const sheet = grid.sheet;
  const file = grid.file;
  report.headerRow[sheet] = header.row + 1;
  for (const w of plan.warnings) if (!report.warnings.includes(w)) report.warnings.push(w);
  if (spread?.note) report.warnings.push(plans1(sheet, spread.note));
  for (const c of plan.unmapped) {
    const h = header.headers[c]!;
    if (h !== '' && !report.unknownColumns.includes(h)) report.unknownColumns.push(h);
  }
  const errors = report.errors;
  const pushError = (e: RowError) => {
    if (errors.length < MAX_ERRORS) errors.push(e);
  };
  const supplied = new Set(spread?.supplies ?? []);
  const fieldByName = new Map(fields.map((f) => [f.name, f]));
  const ctx = { date1904: grid.date1904 ?? false };

  // Column fields, constants (--set / title), defaults and missing fields, compiled once.
  const colField: string[] = [];
  const colIndex: number[] = [];
  const colHeader: string[] = [];
  const colConvert: Converter[] = [];
  const colOptional: boolean[] = [];
  const colDefault: ((() => unknown) | null)[] = [];
  const constants: { name: string; value: unknown }[] = [];
  const defaults: { name: string; make: () => unknown }[] = [];
  const missing: string[] = [];
  for (const m of mapping) {
    const f = fieldByName.get(m.field)!;
    if (isSpreadKind(f) || supplied.has(f.name)) continue;
    const compiled: CompiledField = compileField(f.name, f.schema, f.meta, ctx);
    if (m.index !== null) {
      colField.push(f.name);
      colIndex.push(m.index);
      colHeader.push(m.column ?? '');
      colConvert.push(compiled.convert);
      colOptional.push(compiled.optional);
      colDefault.push(compiled.makeDefault);
    } else if (m.value !== undefined) {
      const v = compiled.convert(m.value);
      if (v instanceof Bad || v === undefined) {
        report.warnings.push(`${m.via === 'set' ? '--set' : 'title value'} ${f.name}=${m.value}: ${v instanceof Bad ? v.reason : 'blank'}`);
        if (!compiled.optional) missing.push(f.name);
      } else constants.push({ name: f.name, value: v });
    } else if (compiled.makeDefault) defaults.push({ name: f.name, make: compiled.makeDefault });
    else if (!compiled.optional) missing.push(f.name);
  }
  for (const name of missing) {
    const msg = `required field ${name}: no column found${name === 'fund_code' || name === 'fiscal_year' || name === 'site_id' ? ' and no value in the title block' : ''} — give it for every row with --set ${name}=… or name its column with --map ${name}=<column>`;
    if (!report.warnings.includes(msg)) report.warnings.push(msg);
  }
  const missingReason = missing.map((name) => `no ${name} column: supply it with --set ${name}=… or --map ${name}=<column>`);

  // Fill-down: id columns showing the show-once pattern; witnesses: every mapped id/text column (see fill-down.ts).
  const fillCols: number[] = [];
  const witnesses: number[] = [];
  for (let i = 0; i < colField.length; i++) {
    const f = fieldByName.get(colField[i]!)!;
    if (f.meta.kind === 'id') fillCols.push(colIndex[i]!);
    if (f.meta.kind === 'id' || f.meta.kind === 'text') witnesses.push(colIndex[i]!);
  }
  // A blank in an optional column (a plan row with no role, a district-wide budget line) usually
  // means "none": such a column is filled down only when several groups show the pattern.
  const optionalCols = new Set<number>();
  for (let i = 0; i < colField.length; i++) if (!fieldByName.get(colField[i]!)!.required) optionalCols.add(colIndex[i]!);
  const grouped = fillCols.length > 0 ? groupedColumns(grid.rows, header.row + 1, fillCols, (c) => (optionalCols.has(c) ? 3 : 1)) : [];
  fillCols.length = 0;
  fillCols.push(...grouped);
  const fill = fillCols.length > 0 ? new FillDown(fillCols, witnesses) : null;
  const fillPos = colIndex.map((c) => fillCols.indexOf(c));
  const filledKeys: Cell[] = fillCols.map(() => null);

  const primary = PRIMARY_MONEY[kind] ?? fields.find((f) => f.meta.kind === 'money')?.name;
  const hasFte = fields.some((f) => f.name === 'fte');
  let amount = 0;
  let fte = 0;
  let rowsRead = 0;
  let accepted = 0;
  let rejected = 0;
  let excluded = 0;
  const nCols = colField.length;
  const data = grid.rows;

  // Row objects: column fields, then constants, then defaults, then src — one shape for all rows.
  const build = rowBuilder([...colField, ...constants.map((k) => k.name), ...defaults.map((d) => d.name)]);
  const nConst = constants.length;
  const values: unknown[] = new Array<unknown>(nCols + nConst + defaults.length).fill(undefined);

  const fast = missing.length === 0 && spread === null
    ? fastRowReader(
      colField.map((name, i) => ({ name, index: colIndex[i]!, fillPos: fillPos[i]!, optional: colOptional[i]!, hasDefault: colDefault[i] !== null })),
      colConvert, colDefault, constants, defaults, Bad, file, sheet)
    : null;

  for (let r = header.row + 1; r < data.length; r++) {
    const row = data[r];
    if (row === undefined) continue;
    // One pass: is the row blank, how many cells are filled, might a label say "total"?
    let filled = 0;
    let texts = 0;
    let maybeTotal = false;
    // Labels sit in the first text cells: stop once three are seen and the row is clearly not a footer.
    for (let c = 0; c < row.length && (texts < 3 || filled < 3); c++) {
      const v = row[c];
      if (v === null || v === undefined || v === '') continue;
      if (typeof v === 'string') {
        if (v.charCodeAt(0) <= 32 && v.trim() === '') continue;
        if (texts < 3 && v.length >= 5 && (v.includes('otal') || v.includes('OTAL'))) maybeTotal = true;
        texts++;
      }
      filled++;
    }
    if (filled === 0) continue;
    rowsRead++;
    const rowNo = r + 1;
    const ex = maybeTotal || filled <= 2 ? excludeReason(row) : null;
    if (ex) {
      excluded++;
      rejected++;
      fill?.reset();
      pushError({ file, sheet, row: rowNo, column: header.headers[ex.column] ?? '', value: ex.label.slice(0, 80), reason: `excluded: ${ex.kind === 'footer' ? 'footer line' : ex.kind === 'subtotal' ? 'subtotal row' : 'totals row'}` });
      continue;
    }
    if (witnesses.length > 0 && accepted > 0) {
      // An unlabelled totals row: no key or label at all, only figures (DCPS-style sums under the data).
      let anyKey = false;
      for (let w = 0; w < witnesses.length; w++) {
        if (!isBlank(row[witnesses[w]!] ?? null)) {
          anyKey = true;
          break;
        }
      }
      if (!anyKey && row.some((v) => typeof v === 'number' || (typeof v === 'string' && /^\s*[-$(]*[\d,]+(\.\d+)?\)?\s*$/.test(v)))) {
        excluded++;
        rejected++;
        fill?.reset();
        pushError({ file, sheet, row: rowNo, column: '', value: '', reason: 'excluded: unlabelled totals row (figures with no key columns)' });
        continue;
      }
    }
    if (fill) fill.fill(row, filledKeys);
    if (fast !== null) {
      const quick = fast(row, filledKeys, rowNo);
      if (quick !== null) {
        if (spread === null) {
          accepted++;
          out.push(quick);
          if (primary !== undefined) {
            const a = quick[primary];
            if (typeof a === 'number') amount += a;
          }
          if (hasFte) {
            const f = quick.fte;
            if (typeof f === 'number') fte += f;
          }
          continue;
        }
      }
    }
    // The careful way: every cell's problem reported (and rows with a spread).
    let ok = true;
    for (let i = 0; i < nCols; i++) {
      const fp = fillPos[i]!;
      const raw: Cell = fp >= 0 ? filledKeys[fp]! : (row[colIndex[i]!] ?? null);
      const v = colConvert[i]!(raw);
      if (v === undefined) {
        if (!colOptional[i]) {
          ok = false;
          pushError({ file, sheet, row: rowNo, column: colHeader[i]!, value: '', reason: `missing ${colField[i]}` });
          values[i] = undefined;
        } else {
          const d = colDefault[i];
          values[i] = d ? d() : undefined;
        }
      } else if (v instanceof Bad) {
        ok = false;
        values[i] = undefined;
        pushError({ file, sheet, row: rowNo, column: colHeader[i]!, value: cellString(raw), reason: v.reason });
      } else values[i] = v;
    }
    if (missing.length > 0) {
      ok = false;
      for (let i = 0; i < missing.length; i++) pushError({ file, sheet, row: rowNo, column: '', value: '', reason: missingReason[i]! });
    }
    if (!ok && spread === null) {
      rejected++;
      continue;
    }
    for (let i = 0; i < nConst; i++) {
      const k = constants[i]!.value;
      values[nCols + i] = Array.isArray(k) ? k.slice() : k;
    }
    for (let i = 0; i < defaults.length; i++) values[nCols + nConst + i] = defaults[i]!.make();
    const obj = build(values, { file, sheet, row: rowNo });
    let emitted: Record<string, unknown>[] | null = null;
    if (spread && ok) {
      emitted = spread.apply(row, obj, (c, value, reason) =>
        pushError({ file, sheet, row: rowNo, column: header.headers[c] ?? '', value: cellString(value), reason }));
      if (emitted === null) ok = false;
      else if (emitted.length === 0 && spread.emptyReason) {
        ok = false;
        pushError({ file, sheet, row: rowNo, column: '', value: '', reason: spread.emptyReason });
      }
    }
    if (!ok) {
      rejected++;
      continue;
    }
    accepted++;
    if (emitted === null) {
      out.push(obj);
      if (primary !== undefined) {
        const a = obj[primary];
        if (typeof a === 'number') amount += a;
      }
      if (hasFte) {
        const f = obj.fte;
        if (typeof f === 'number') fte += f;
      }
    } else {
      for (const e of emitted) {
        out.push(e);
        if (primary !== undefined && typeof e[primary] === 'number') amount += e[primary];
        if (hasFte && typeof e.fte === 'number') fte += e.fte;
      }
    }
  }
  report.rows += rowsRead;
  report.accepted += accepted;
  report.rejected += rejected;
  report.excluded += excluded;
  report.totals.amountCents += amount;
  report.totals.fte += fte;
}

function plans1(sheet: string, note: string): string {
  return `${sheet}: ${note}`;
}

function cellString(raw: Cell): string {
  if (raw === null) return '';
  const s = String(raw);
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}
