import { normaliseHeader } from '../schema/fields';
import { SettingsSchema, TABLES, TABLE_KINDS, type TableKind } from '../schema/tables';
import { ProjectSchema, type Project } from './project';
import type { Problem } from './problems';
import type { Grid, ImportReport } from '../import/types';
import { importTable } from '../import/table';
import { parseAmount } from '../money/cents';
import { parseFiscalYear, parseInteger, parseRate, parseText } from '../parse/values';

/** Sheet names each table is found under, normalised (the workbook's name, the kind, a few aliases). */
function sheetNames(kind: TableKind): string[] {
  const names = [TABLES[kind].sheet, kind];
  if (kind === 'salary') names.push('Salary Schedule', 'Salaries', 'SalarySchedules');
  if (kind === 'studentNeeds') names.push('Student Needs', 'Needs by site');
  return names.map(normaliseHeader);
}

type SettingParser = (text: string) => { ok: true; value: unknown } | { ok: false; reason: string };

/** How each known setting's text is read; other keys are kept as text in `extra`. */
export const SETTING_PARSERS: Readonly<Record<string, SettingParser>> = {
  district_name: (t) => parseText(t),
  base_year: (t) => parseFiscalYear(t),
  horizon_years: (t) => parseInteger(t),
  seed: (t) => parseInteger(t),
  beginning_fund_balance: (t) => parseAmount(t),
  reserve_policy_pct: (t) => parseRate(t, { percentIfAbove1: true }),
};

/** A Settings key as it is stored ("Base Year" → "base_year"); '' for a key of punctuation only. */
export function settingKey(text: string): string {
  return normaliseHeader(text).length > 0 ? text.trim().toLowerCase().replace(/[\s-]+/g, '_') : '';
}

function settingsFrom(rows: readonly Record<string, unknown>[], report: ImportReport | null, problems: Problem[]): Project['settings'] | null {
  const values: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const extra: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const row of rows) {
    const key = settingKey(String(row.key));
    const text = String(row.value ?? '');
    const src = row.src as { sheet: string; row: number } | undefined;
    const parse = Object.hasOwn(SETTING_PARSERS, key) ? SETTING_PARSERS[key] : undefined;
    if (!parse) {
      extra[key] = text;
      continue;
    }
    const r = parse(text);
    if (!r.ok || r.value === null) {
      problems.push({ severity: 'error', table: 'settings', file: report?.file, sheet: src?.sheet, row: src?.row, column: 'value', value: text, message: `${key}: ${r.ok ? 'blank' : r.reason}` });
      continue;
    }
    values[key] = r.value;
  }
  const parsed = SettingsSchema.safeParse({ ...values, extra: { ...extra } });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ severity: 'error', table: 'settings', file: report?.file, sheet: report?.sheet, message: `setting ${issue.path.join('.') || '?'}: ${issue.message}${issue.path[0] === 'base_year' ? ' (add a row "base_year" with the fiscal year, e.g. 2026)' : ''}` });
    }
    return null;
  }
  return parsed.data;
}

/** What projectFromGrids gives back: the project (null only without usable settings), each sheet's report, problems, and the tables no sheet held. */
export interface ProjectFromGrids {
  project: Project | null;
  reports: ImportReport[];
  problems: Problem[];
  /** Tables with no sheet in the workbook: read as empty; a command that needs one says so (models/project/requirements.ts). */
  missing: TableKind[];
}

/**
 * A district workbook (or a folder of CSVs) as grids → a project. One sheet per TABLES entry,
 * matched by normalised sheet name; Settings key/value rows become typed settings. Rows with
 * errors are left out and listed in their sheet's report (models/project/open.ts turns them into
 * problems, so no command computes on a project that lost rows). A table with no sheet is empty
 * and listed in `missing`; which tables a command needs is decided by the gate, not here. The
 * project is null only when the settings are unusable.
 * `opts` is passed to every table's import: `fillDown: false` (CLI --no-fill-down) turns fill-down
 * off, `strict: true` (CLI --strict) rejects a blank Budget/Actuals object instead of keeping it
 * as "unclassified".
 */
export function projectFromGrids(grids: readonly Grid[], file: string, opts: ProjectImportOptions = {}): ProjectFromGrids {
  const reports: ImportReport[] = [];
  const problems: Problem[] = [];
  const tables: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const missing: TableKind[] = [];
  let settings: Project['settings'] | null = null;
  const used = new Set<Grid>();
  for (const kind of TABLE_KINDS) {
    const names = sheetNames(kind);
    const grid = grids.find((g) => !used.has(g) && names.includes(normaliseHeader(g.sheet)));
    const spec = TABLES[kind];
    if (!grid) {
      missing.push(kind);
      if (kind === 'settings') {
        problems.push({ severity: 'error', table: kind, file, message: `no ${spec.sheet} sheet: every project needs one with at least base_year (\`steward template\` writes an empty workbook with every sheet)` });
      } else tables[kind] = [];
      continue;
    }
    used.add(grid);
    const { rows, report } = importTable([kind === 'settings' ? withSettingsHeader(grid) : grid], { kind, ...importFlags(opts) });
    report.file = file;
    reports.push(report);
    const missingColumns = report.mapping.filter((m) => m.via === 'missing' && requiredField(kind, m.field));
    if (missingColumns.length > 0 && missingColumns.length === report.mapping.filter((m) => requiredField(kind, m.field)).length && report.rows > 0) {
      // Not one required column found: the header itself was not recognised.
      problems.push({ severity: 'error', table: kind, file, sheet: grid.sheet, row: (report.headerRow[grid.sheet] ?? 1), message: `no header like the ${spec.sheet} table's was found (expected columns ${missingColumns.map((m) => m.field).join(', ')}); its ${report.rows} rows were not read` });
    } else {
      for (const m of missingColumns) problems.push({ severity: 'error', table: kind, file, sheet: grid.sheet, column: m.field, message: `${spec.sheet} has no ${m.field} column` });
    }
    if (report.unknownColumns.length > 0) {
      problems.push({ severity: 'warning', table: kind, file, sheet: grid.sheet, message: `columns not used: ${report.unknownColumns.join(', ')}` });
    }
    if (kind === 'settings') settings = settingsFrom(rows, report, problems);
    else tables[kind] = rows;
  }
  for (const g of grids) {
    if (!used.has(g) && !g.hidden) problems.push({ severity: 'warning', table: 'project', file, sheet: g.sheet, message: `sheet "${g.sheet}" is not a Steward table and was not read` });
  }
  if (settings === null) return { project: null, reports, problems, missing };
  const shape = ProjectSchema.shape as Record<string, unknown>;
  const candidate: Record<string, unknown> = { settings };
  for (const [kind, rows] of Object.entries(tables)) if (kind in shape) candidate[kind] = rows;
  const parsed = ProjectSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 50)) {
      problems.push({ severity: 'error', table: String(issue.path[0] ?? 'project'), file, message: `${issue.path.join('.')}: ${issue.message}` });
    }
    return { project: null, reports, problems, missing };
  }
  return { project: parsed.data, reports, problems, missing };
}

/** How every table of a project is imported (see ImportOptions.fillDown and .strict). */
export interface ProjectImportOptions {
  fillDown?: boolean;
  strict?: boolean;
}

/** Only the flags that were given, so an import's options stay exactly what the caller said. */
function importFlags(opts: ProjectImportOptions): ProjectImportOptions {
  const out: ProjectImportOptions = {};
  if (opts.fillDown !== undefined) out.fillDown = opts.fillDown;
  if (opts.strict !== undefined) out.strict = opts.strict;
  return out;
}

/** A Settings sheet written as bare key/value pairs (no header row) gets one, so no setting is lost. */
function withSettingsHeader(grid: Grid): Grid {
  const first = grid.rows.find((r) => r.some((c) => c !== null && String(c).trim() !== ''));
  const key = String(first?.[0] ?? '').trim().toLowerCase().replace(/[\s-]+/g, '_');
  return Object.hasOwn(SETTING_PARSERS, key) ? { ...grid, rows: [['key', 'value'], ...grid.rows] } : grid;
}

function requiredField(kind: TableKind, field: string): boolean {
  const shape = (TABLES[kind].schema as unknown as { shape: Record<string, { safeParse: (v: unknown) => { success: boolean } }> }).shape;
  const s = shape[field];
  return s !== undefined && !s.safeParse(undefined).success;
}
