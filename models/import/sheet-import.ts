import type { TableKind } from '../schema/tables';
import type { Cell, FieldMapping, Grid, ImportOptions, ImportReport, RowError } from './types';
import { Bad, compileField, type CompiledField, type Converter } from './convert';
import { isSpreadKind, type FieldInfo } from './table-fields';
import type { HeaderInfo } from './header';
import { excludeReason } from './exclude';
import { FillDown, groupedColumns, isBlank, type GroupedColumn } from './fill-down';
import type { Spread } from './spread';
import { fastRowReader, rowBuilder, type FastRowReader, type RowBuilder } from './row-builder';

// One sheet's data rows → typed rows and report entries. The per-row step is the hot path
// (100,000 rows × 9 columns): converters are compiled once per column (convert.ts), rows are
// plain objects, and nothing else is allocated for a good row. table.ts feeds it a grid's rows;
// csv-direct.ts feeds it only the CSV rows it cannot read straight from the text.

/** The money field whose sum is the report's amount total, per table. */
export const PRIMARY_MONEY: Partial<Record<TableKind, string>> = {
  budget: 'amount', positions: 'salary', salary: 'salary', needs: 'cost', funds: 'available', actuals: 'ytd_amount',
};

/** Errors kept in a report; the counts stay exact beyond it (a warning says how many were left out). */
export const MAX_ERRORS = 10_000;

/**
 * The value a blank classification cell is kept as (unless ImportOptions.strict).
 * Money tables only, and only their required classification field: `object` in Budget and
 * Actuals. Their other classification columns (function, program) are optional, so a blank there
 * is already kept as no function / no program; a blank site_id is a district-wide line; a blank
 * fund_code, fiscal_year or amount is still an error.
 */
export const UNCLASSIFIED = 'unclassified';
export const UNCLASSIFIED_FIELDS: Partial<Record<TableKind, readonly string[]>> = { budget: ['object'], actuals: ['object'] };

/** What table.ts decided about one sheet before reading its rows. */
export interface SheetPlan {
  grid: Grid;
  header: HeaderInfo;
  titleValues: Record<string, string>;
  mapping: FieldMapping[];
  warnings: string[];
  unmapped: number[];
  spread: Spread | null;
}

export class SheetImport {
  readonly file: string;
  readonly sheet: string;
  /** Per mapped column: field name, cell index, header text, compiled converter. */
  readonly colField: string[] = [];
  readonly colIndex: number[] = [];
  readonly colHeader: string[] = [];
  readonly colCompiled: CompiledField[] = [];
  /** Values given for the whole sheet (--set, title block) and defaults of unmapped fields. */
  readonly constants: { name: string; value: unknown }[] = [];
  readonly defaults: { name: string; make: () => unknown }[] = [];
  /** Required fields with no column and no value: every row is rejected. */
  readonly missing: string[] = [];
  /** Cell indexes of mapped id/text columns: a row with one filled is a line, not a stray total. */
  readonly witnesses: number[] = [];
  /**
   * Cell indexes of mapped columns that label a row (witnesses, and year, date, grade and enum
   * columns): a row with figures and none of these filled is an unlabelled totals row. A data row
   * with only its key blank ("2026, 99" in StudentNeeds) is not one: it is rejected for the key.
   */
  readonly labels: number[] = [];
  /** Id columns that may be keys shown once per group (none when ImportOptions.fillDown is false). */
  readonly fillCandidates: number[] = [];
  /** The generated row reader for the happy path, or null (spreads, missing fields, no codegen). */
  readonly fast: FastRowReader | null;
  /** Builds a row object in the one shape every row of this sheet has. */
  readonly build: RowBuilder;
  readonly primary: string | undefined;
  readonly hasFte: boolean;
  rowsRead = 0;
  accepted = 0;
  rejected = 0;
  excluded = 0;
  amount = 0;
  fte = 0;
  /** Valid amounts on rejected data rows: with `amount`, the file's own total (ImportTotals.fileAmountCents). */
  rejectedAmount = 0;
  unclassified = 0;
  /** Index of the primary money field among the column fields, or -1 when no column gives it. */
  private readonly primaryCol: number;
  /** Per column field: a blank is kept as UNCLASSIFIED (with a row warning) instead of rejected. */
  private readonly classify: boolean[];
  private readonly pendingUnclassified: number[] = [];

  private readonly colConvert: Converter[] = [];
  private readonly fill: FillDown | null;
  private readonly fillCols: readonly GroupedColumn[];
  private readonly fillPos: number[];
  private readonly filledKeys: Cell[];
  private readonly missingReason: string[];
  private readonly values: unknown[];

  /**
   * `groups`: 'scan' decides fill-down from the grid's rows (all of them are there); 'none' reads
   * without fill-down — csv-direct.ts then checks with a GroupTracker that none was needed.
   * `opts.fillDown` false: no fill-down at all; `opts.strict`: a blank classification is rejected.
   */
  constructor(
    readonly plan: SheetPlan,
    kind: TableKind,
    fields: readonly FieldInfo[],
    readonly report: ImportReport,
    readonly out: Record<string, unknown>[],
    opts: Pick<ImportOptions, 'fillDown' | 'strict'> = {},
    groups: 'scan' | 'none' = 'scan',
  ) {
    const { grid, header, mapping, spread } = plan;
    const sheet = (this.sheet = grid.sheet);
    const file = (this.file = grid.file);
    report.headerRow[sheet] = header.row + 1;
    for (const w of plan.warnings) if (!report.warnings.includes(w)) report.warnings.push(w);
    if (spread?.note) report.warnings.push(`${sheet}: ${spread.note}`);
    for (const c of plan.unmapped) {
      const h = header.headers[c]!;
      if (h !== '' && !report.unknownColumns.includes(h)) report.unknownColumns.push(h);
    }
    const supplied = new Set(spread?.supplies ?? []);
    const fieldByName = new Map(fields.map((f) => [f.name, f]));
    const ctx = { date1904: grid.date1904 ?? false };

    // Column fields, constants (--set / title), defaults and missing fields, compiled once.
    for (const m of mapping) {
      const f = fieldByName.get(m.field)!;
      if (isSpreadKind(f) || supplied.has(f.name)) continue;
      const compiled = compileField(f.name, f.schema, f.meta, ctx);
      if (m.index !== null) {
        this.colField.push(f.name);
        this.colIndex.push(m.index);
        this.colHeader.push(m.column ?? '');
        this.colCompiled.push(compiled);
        this.colConvert.push(compiled.convert);
      } else if (m.value !== undefined) {
        const v = compiled.convert(m.value);
        if (v instanceof Bad || v === undefined) {
          report.warnings.push(`${m.via === 'set' ? '--set' : 'title value'} ${f.name}=${m.value}: ${v instanceof Bad ? v.reason : 'blank'}`);
          if (!compiled.optional) this.missing.push(f.name);
        } else this.constants.push({ name: f.name, value: v });
      } else if (compiled.makeDefault) this.defaults.push({ name: f.name, make: compiled.makeDefault });
      else if (!compiled.optional) this.missing.push(f.name);
    }
    for (const name of this.missing) {
      const msg = `required field ${name}: no column found${name === 'fund_code' || name === 'fiscal_year' || name === 'site_id' ? ' and no value in the title block' : ''} — give it for every row with --set ${name}=… or name its column with --map ${name}=<column>`;
      if (!report.warnings.includes(msg)) report.warnings.push(msg);
    }
    this.missingReason = this.missing.map((name) => `no ${name} column: supply it with --set ${name}=… or --map ${name}=<column>`);

    // Fill-down: id columns whose layout shows grouping; witnesses: every mapped id/text column (see fill-down.ts).
    for (let i = 0; i < this.colField.length; i++) {
      const f = fieldByName.get(this.colField[i]!)!;
      if (f.meta.kind === 'id' && opts.fillDown !== false) this.fillCandidates.push(this.colIndex[i]!);
      if (f.meta.kind === 'id' || f.meta.kind === 'text') this.witnesses.push(this.colIndex[i]!);
      if (LABEL_KINDS.has(f.meta.kind)) this.labels.push(this.colIndex[i]!);
    }
    const fillCols = (this.fillCols = groups === 'scan' && this.fillCandidates.length > 0 ? groupedColumns(grid, header.row + 1, this.fillCandidates, this.witnesses) : []);
    this.fill = fillCols.length > 0 ? new FillDown(fillCols, this.witnesses, grid.rows) : null;
    this.fillPos = this.colIndex.map((c) => fillCols.findIndex((g) => g.col === c));
    this.filledKeys = fillCols.map(() => null);
    const classified = opts.strict ? [] : (UNCLASSIFIED_FIELDS[kind] ?? []);
    this.classify = this.colField.map((name) => classified.includes(name));

    this.primary = PRIMARY_MONEY[kind] ?? fields.find((f) => f.meta.kind === 'money')?.name;
    this.hasFte = fields.some((f) => f.name === 'fte');
    this.primaryCol = spread === null && this.primary !== undefined ? this.colField.indexOf(this.primary) : -1;

    // Row objects: column fields, then constants, then defaults, then src — one shape for all rows.
    this.build = rowBuilder([...this.colField, ...this.constants.map((k) => k.name), ...this.defaults.map((d) => d.name)]);
    this.values = new Array<unknown>(this.colField.length + this.constants.length + this.defaults.length).fill(undefined);
    this.fast = this.missing.length === 0 && spread === null
      ? fastRowReader(
        this.colField.map((name, i) => ({ name, index: this.colIndex[i]!, fillPos: this.fillPos[i]!, optional: this.colCompiled[i]!.optional, hasDefault: this.colCompiled[i]!.makeDefault !== null })),
        this.colConvert, this.colCompiled.map((c) => c.makeDefault), this.constants, this.defaults, Bad, file, sheet)
      : null;
  }

  /** An accepted row without a spread (already counted as read): kept and added to the totals. */
  accept(obj: Record<string, unknown>): void {
    this.accepted++;
    this.out.push(obj);
    if (this.primary !== undefined) {
      const a = obj[this.primary];
      if (typeof a === 'number') this.amount += a;
    }
    if (this.hasFte) {
      const f = obj.fte;
      if (typeof f === 'number') this.fte += f;
    }
  }

  /** Grid row r (0-based): skipped when blank, else counted as accepted or rejected (with reasons). */
  row(row: readonly Cell[], r: number): void {
    const { file, sheet } = this;
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
    if (filled === 0) return;
    this.rowsRead++;
    const rowNo = r + 1;
    const ex = maybeTotal || filled <= 2 ? excludeReason(row) : null;
    if (ex) {
      this.excluded++;
      this.rejected++;
      this.fill?.reset();
      this.pushError({ file, sheet, row: rowNo, column: this.plan.header.headers[ex.column] ?? '', value: ex.label.slice(0, 80), reason: `excluded: ${ex.kind === 'footer' ? 'footer line' : ex.kind === 'subtotal' ? 'subtotal row' : 'totals row'}` });
      return;
    }
    const labels = this.labels;
    if (this.witnesses.length > 0 && this.accepted > 0) {
      // An unlabelled totals row: no key or label at all, only figures (DCPS-style sums under the data).
      let anyKey = false;
      for (let w = 0; w < labels.length; w++) {
        if (!isBlank(row[labels[w]!] ?? null)) {
          anyKey = true;
          break;
        }
      }
      if (!anyKey && row.some((v) => typeof v === 'number' || (typeof v === 'string' && /^\s*[-$(]*[\d,]+(\.\d+)?\)?\s*$/.test(v)))) {
        this.excluded++;
        this.rejected++;
        this.fill?.reset();
        this.pushError({ file, sheet, row: rowNo, column: '', value: '', reason: 'excluded: unlabelled totals row (figures with no key columns)' });
        return;
      }
    }
    const filledKeys = this.filledKeys;
    if (this.fill) this.fill.fill(row, r, filledKeys);
    const spread = this.plan.spread;
    if (this.fast !== null && spread === null) {
      const quick = this.fast(row, filledKeys, rowNo);
      if (quick !== null) return this.accept(quick);
    }
    // The careful way: every cell's problem reported (and rows with a spread).
    const { colField, colIndex, colHeader, colCompiled, colConvert, fillPos, values, constants, defaults, missing, classify, pendingUnclassified } = this;
    const nCols = colField.length;
    const nConst = constants.length;
    let ok = true;
    pendingUnclassified.length = 0;
    for (let i = 0; i < nCols; i++) {
      const fp = fillPos[i]!;
      const raw: Cell = fp >= 0 ? filledKeys[fp]! : (row[colIndex[i]!] ?? null);
      const v = colConvert[i]!(raw);
      if (v === undefined) {
        if (classify[i]) {
          // A blank classification: the row is kept as "unclassified" (if nothing else is wrong) and listed.
          values[i] = UNCLASSIFIED;
          pendingUnclassified.push(i);
        } else if (!colCompiled[i]!.optional) {
          ok = false;
          this.pushError({ file, sheet, row: rowNo, column: colHeader[i]!, value: '', reason: `missing ${colField[i]}` });
          values[i] = undefined;
        } else {
          const d = colCompiled[i]!.makeDefault;
          values[i] = d ? d() : undefined;
        }
      } else if (v instanceof Bad) {
        ok = false;
        values[i] = undefined;
        this.pushError({ file, sheet, row: rowNo, column: colHeader[i]!, value: cellString(raw), reason: v.reason });
      } else values[i] = v;
    }
    if (missing.length > 0) {
      ok = false;
      for (let i = 0; i < missing.length; i++) this.pushError({ file, sheet, row: rowNo, column: '', value: '', reason: this.missingReason[i]! });
    }
    if (!ok && spread === null) return this.reject();
    for (let i = 0; i < nConst; i++) {
      const k = constants[i]!.value;
      values[nCols + i] = Array.isArray(k) ? k.slice() : k;
    }
    for (let i = 0; i < defaults.length; i++) values[nCols + nConst + i] = defaults[i]!.make();
    const obj = this.build(values, { file, sheet, row: rowNo });
    let emitted: Record<string, unknown>[] | null = null;
    if (spread && ok) {
      emitted = spread.apply(row, obj, (c, value, reason) =>
        this.pushError({ file, sheet, row: rowNo, column: this.plan.header.headers[c] ?? '', value: cellString(value), reason }));
      if (emitted === null) ok = false;
      else if (emitted.length === 0 && spread.emptyReason) {
        ok = false;
        this.pushError({ file, sheet, row: rowNo, column: '', value: '', reason: spread.emptyReason });
      }
    }
    if (!ok) return this.reject();
    if (pendingUnclassified.length > 0) this.noteUnclassified(rowNo);
    if (emitted === null) return this.accept(obj);
    this.accepted++;
    for (const e of emitted) {
      this.out.push(e);
      if (this.primary !== undefined && typeof e[this.primary] === 'number') this.amount += e[this.primary] as number;
      if (this.hasFte && typeof e.fte === 'number') this.fte += e.fte;
    }
  }

  /** A data row rejected after its cells were converted: its amount, if valid, is still part of the file's total. */
  private reject(): void {
    this.rejected++;
    const p = this.primaryCol;
    if (p >= 0) {
      const a = this.values[p];
      if (typeof a === 'number') this.rejectedAmount += a;
    }
  }

  private noteUnclassified(rowNo: number): void {
    this.unclassified++;
    const w = this.report.rowWarnings;
    for (const i of this.pendingUnclassified) {
      if (w.length < MAX_ERRORS) {
        w.push({ file: this.file, sheet: this.sheet, row: rowNo, column: this.colHeader[i]!, value: '', reason: `blank ${this.colField[i]}: kept as "${UNCLASSIFIED}" (--strict rejects it)` });
      }
    }
  }

  /** Adds this sheet's counts, totals and fill-downs to the report. */
  finish(): void {
    const report = this.report;
    report.rows += this.rowsRead;
    report.accepted += this.accepted;
    report.rejected += this.rejected;
    report.excluded += this.excluded;
    report.unclassified += this.unclassified;
    report.totals.amountCents += this.amount;
    report.totals.fte += this.fte;
    if (this.primaryCol >= 0) report.totals.fileAmountCents = (report.totals.fileAmountCents ?? 0) + this.amount + this.rejectedAmount;
    const fill = this.fill;
    if (fill) {
      this.fillCols.forEach((g, i) => {
        if (fill.counts[i] === 0) return;
        const k = this.colIndex.indexOf(g.col);
        report.filledDown.push({ sheet: this.sheet, column: this.colHeader[k]!, field: this.colField[k]!, count: fill.counts[i]!, rows: fill.filled[i]!, via: g.via });
      });
    }
  }

  pushError(e: RowError): void {
    if (this.report.errors.length < MAX_ERRORS) this.report.errors.push(e);
  }
}

const LABEL_KINDS = new Set(['id', 'text', 'year', 'date', 'grade', 'enum']);

function cellString(raw: Cell): string {
  if (raw === null) return '';
  const s = String(raw);
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}
