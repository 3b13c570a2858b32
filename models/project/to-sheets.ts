import type { z } from 'zod';
import { fieldMeta, type FieldKind } from '../schema/fields';
import { STANDARD_NEEDS, TABLES, type TableKind } from '../schema/tables';
import type { Cell } from '../import/types';
import type { Project } from './project';

// A project written back out as the district workbook (shared/district-workbook.md): one sheet per
// TABLES entry, money in dollars, funding as "GEN:0.6; T1A:0.4", lists comma-separated, need
// counts and per-year driver values as columns of their own. Reading the result with
// projectFromGrids gives the same project back (test/models/project/to-sheets.test.ts).

export interface Sheet {
  name: string;
  rows: Cell[][];
}

export interface SheetColumn {
  /** The schema property. */
  key: string;
  kind: FieldKind | undefined;
  schema: z.ZodType;
}

/** The columns of a table in workbook order (the schema's order), without `src`. */
export function tableColumns(kind: TableKind): SheetColumn[] {
  const shape = (TABLES[kind].schema as z.ZodObject).shape as Record<string, z.ZodType>;
  return Object.entries(shape)
    .filter(([key]) => key !== 'src')
    .map(([key, schema]) => ({ key, schema, kind: fieldMeta(schema)?.kind }));
}

/** Settings keys in the order the workbook lists them. */
export const SETTINGS_KEYS = ['district_name', 'base_year', 'horizon_years', 'beginning_fund_balance', 'reserve_policy_pct', 'seed'] as const;

export function settingsRows(settings: Project['settings']): Cell[][] {
  const rows: Cell[][] = [['key', 'value']];
  for (const key of SETTINGS_KEYS) {
    const v = settings[key];
    rows.push([key, key === 'beginning_fund_balance' ? centsToDollarCell(v as number) : (v as Cell)]);
  }
  for (const [k, v] of Object.entries(settings.extra)) rows.push([k, v]);
  return rows;
}

export function projectToSheets(project: Project): Sheet[] {
  const sheets: Sheet[] = [];
  for (const kind of Object.keys(TABLES) as TableKind[]) {
    const name = TABLES[kind].sheet;
    if (kind === 'settings') {
      sheets.push({ name, rows: settingsRows(project.settings) });
      continue;
    }
    const value = (project as Record<string, unknown>)[kind];
    const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
    sheets.push({ name, rows: tableRows(kind, rows) });
  }
  return sheets;
}

/** Header + one row per record. Columns that expand (need counts, per-year values) take their keys from the data. */
export function tableRows(kind: TableKind, records: readonly Record<string, unknown>[]): Cell[][] {
  const columns = tableColumns(kind);
  const header: string[] = [];
  const writers: ((r: Record<string, unknown>) => Cell[])[] = [];
  for (const col of columns) {
    if (col.kind === 'need_counts' || col.kind === 'year_values') {
      const keys = expandedKeys(records, col.key, col.kind);
      header.push(...keys);
      writers.push((r) => {
        const m = (r[col.key] ?? {}) as Record<string, number>;
        return keys.map((k) => (Object.prototype.hasOwnProperty.call(m, k) ? m[k]! : null));
      });
    } else {
      header.push(col.key);
      writers.push((r) => [cellOf(col.kind, r[col.key])]);
    }
  }
  const rows: Cell[][] = [header];
  for (const r of records) rows.push(writers.flatMap((w) => w(r)));
  return rows;
}

export function expandedKeys(records: readonly Record<string, unknown>[], key: string, kind: FieldKind): string[] {
  const seen = new Set<string>(kind === 'need_counts' ? STANDARD_NEEDS : []);
  for (const r of records) for (const k of Object.keys((r[key] ?? {}) as object)) seen.add(k);
  const keys = [...seen];
  // Standard needs first, in their usual order; further categories and years sorted.
  if (kind === 'need_counts') return [...STANDARD_NEEDS, ...keys.filter((k) => !(STANDARD_NEEDS as readonly string[]).includes(k)).sort()];
  return keys.sort();
}

const centsToDollarCell = (c: number): number => Math.round(c) / 100;

/** One value to one cell by its field kind. */
export function cellOf(kind: FieldKind | undefined, v: unknown): Cell {
  if (v === undefined || v === null) return null;
  switch (kind) {
    case 'money':
      return typeof v === 'number' ? centsToDollarCell(v) : null;
    case 'bool':
      return v === true ? 'yes' : v === false ? 'no' : null;
    case 'funding':
      return Array.isArray(v) ? (v as { fund_code: string; share: number }[]).map((f) => `${f.fund_code}:${round6(f.share)}`).join('; ') : null;
    case 'list':
      return Array.isArray(v) ? v.map(String).join(', ') : String(v);
    default:
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
      if (Array.isArray(v) && v.every((x) => typeof x !== 'object')) return v.map(String).join(', ');
      return JSON.stringify(v);
  }
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
