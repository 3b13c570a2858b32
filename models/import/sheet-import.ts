import type { TableKind } from '../schema/tables';
import type { Cell, FieldMapping, Grid, ImportReport, RowError } from './types';
import { Bad, compileField, type CompiledField, type Converter } from './convert';
import { isSpreadKind, type FieldInfo } from './table-fields';
import type { HeaderInfo } from './header';
import { excludeReason } from './exclude';
import { FillDown, groupedColumns, isBlank } from './fill-down';
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
  /** Id columns that may be keys shown once per group, and how many groups each must show. */
  readonly fillCandidates: number[] = [];
  readonly minStarts: (c: number) => number;
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

  private readonly colConvert: Converter[] = [];
  private readonly fill: FillDown | null;
  private readonly fillPos: number[];
  private readonly filledKeys: Cell[];
  private readonly missingReason: string[];
  private readonly values: unknown[];

  /**
   * `groups`: 'scan' decides fill-down from the grid's rows (all of them are there); 'none' reads
   * without fill-down — csv-direct.ts then checks with a GroupTracker that none was needed.
   */
  constructor(
    readonly plan: SheetPlan,
    kind: TableKind,
    fields: readonly FieldInfo[],
    readonly report: ImportReport,
    readonly out: Record<string, unknown>[],
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

    // Fill-down: id columns showing the show-once pattern; witnesses: every mapped id/text column (see fill-down.ts).
    // A blank in an optional column (a plan row with no role, a district-wide budget line) usually
    // means "none": such a column is filled down only when several groups show the pattern.
    const optionalCols = new Set<number>();
    for (let i = 0; i < this.colField.length; i++) {
      const f = fieldByName.get(this.colField[i]!)!;
      if (f.meta.kind === 'id') this.fillCandidates.push(this.colIndex[i]!);
      if (f.meta.kind === 'id' || f.meta.kind === 'text') this.witnesses.push(this.colIndex[i]!);
      if (!f.required) optionalCols.add(this.colIndex[i]!);
    }
    this.minStarts = (c) => (optionalCols.has(c) ? 3 : 1);
    const fillCols = groups === 'scan' && this.fillCandidates.length > 0 ? groupedColumns(grid.rows, header.row + 1, this.fillCandidates, this.minStarts) : [];
    this.fill = fillCols.length > 0 ? new FillDown(fillCols, this.witnesses) : null;
    this.fillPos = this.colIndex.map((c) => fillCols.indexOf(c));
    this.filledKeys = fillCols.map(() => null);

    this.primary = PRIMARY_MONEY[kind] ?? fields.find((f) => f.meta.kind === 'money')?.name;
    this.hasFte = fields.some((f) => f.name === 'fte');

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
    const witnesses = this.witnesses;
    if (witnesses.length > 0 && this.accepted > 0) {
      // An unlabelled totals row: no key or label at all, only figures (DCPS-style sums under the data).
      let anyKey = false;
      for (let w = 0; w < witnesses.length; w++) {
        if (!isBlank(row[witnesses[w]!] ?? null)) {
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
    if (this.fill) this.fill.fill(row, filledKeys);
    const spread = this.plan.spread;
    if (this.fast !== null && spread === null) {
      const quick = this.fast(row, filledKeys, rowNo);
      if (quick !== null) return this.accept(quick);
    }
    // The careful way: every cell's problem reported (and rows with a spread).
    const { colField, colIndex, colHeader, colCompiled, colConvert, fillPos, values, constants, defaults, missing } = this;
    const nCols = colField.length;
    const nConst = constants.length;
    let ok = true;
    for (let i = 0; i < nCols; i++) {
      const fp = fillPos[i]!;
      const raw: Cell = fp >= 0 ? filledKeys[fp]! : (row[colIndex[i]!] ?? null);
      const v = colConvert[i]!(raw);
      if (v === undefined) {
        if (!colCompiled[i]!.optional) {
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
    if (!ok && spread === null) {
      this.rejected++;
      return;
    }
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
    if (!ok) {
      this.rejected++;
      return;
    }
    if (emitted === null) return this.accept(obj);
    this.accepted++;
    for (const e of emitted) {
      this.out.push(e);
      if (this.primary !== undefined && typeof e[this.primary] === 'number') this.amount += e[this.primary] as number;
      if (this.hasFte && typeof e.fte === 'number') this.fte += e.fte;
    }
  }

  /** Adds this sheet's counts and totals to the report. */
  finish(): void {
    const report = this.report;
    report.rows += this.rowsRead;
    report.accepted += this.accepted;
    report.rejected += this.rejected;
    report.excluded += this.excluded;
    report.totals.amountCents += this.amount;
    report.totals.fte += this.fte;
  }

  pushError(e: RowError): void {
    if (this.report.errors.length < MAX_ERRORS) this.report.errors.push(e);
  }
}

function cellString(raw: Cell): string {
  if (raw === null) return '';
  const s = String(raw);
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}
