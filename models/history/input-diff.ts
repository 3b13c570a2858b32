import type { ProjectInputs } from '../project/project';
import { TABLE_KINDS, TABLES, type TableKind } from '../schema/tables';
import { canonicalJson } from './canonical';

/** One changed input: a cell (table, row, column, old → new), or a row added or removed whole. */
export interface InputChange {
  /** The sheet name (Drivers, Budget, …), or Settings / Allocate rules / Forecast settings / Staffing settings / Mappings. */
  table: string;
  change: 'changed' | 'added' | 'removed';
  /**
   * The row as the Data screen and the workbook number it: its sheet row (where it was imported
   * from, else its position + 2, below the header) in the later version — in the earlier one for a
   * removed row; null for settings.
   */
  row: number | null;
  /** What identifies the row to a person: its key columns ("cola", "101 · 2026 · K"). */
  row_label: string;
  /** The column (a dotted path inside a setting or a cell holding a record); null for a whole row. */
  column: string | null;
  old: unknown;
  new: unknown;
}

// Columns that name a row, in the order they are shown; a row's label is the ones it has.
const KEY_COLUMNS = [
  'review_id', 'rules', 'setting', 'plan', 'signpost', 'scenario', 'driver', 'need_id', 'position_id', 'site_id', 'fund_code',
  'fiscal_year', 'year', 'grade', 'object', 'schedule', 'lane', 'step', 'function', 'owner_role', 'role', 'level', 'subject', 'activity', 'action', 'key', 'category',
];
const MAX_LABEL_PARTS = 4;

function rowLabel(row: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const k of KEY_COLUMNS) {
    const v = row[k];
    if (v !== undefined && v !== null && v !== '' && parts.length < MAX_LABEL_PARTS) parts.push(String(v));
  }
  return parts.join(' · ');
}

const sheetRow = (row: Record<string, unknown>, index: number): number => {
  const src = row.src as { row?: unknown } | undefined;
  return typeof src?.row === 'number' ? src.row : index + 2;
};

// Where a row came from (file, sheet, row) is not an input: a re-import of the same figures is no change.
const IGNORED = new Set(['src']);
const cellOf = (row: Record<string, unknown>) => canonicalJson(Object.fromEntries(Object.entries(row).filter(([k]) => !IGNORED.has(k))));

/** The changed leaves of two plain values, as dotted paths ('' = the value itself). */
function leafChanges(a: unknown, b: unknown, path: string, out: { path: string; old: unknown; new: unknown }[]): void {
  const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObj(a) && isObj(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      if (IGNORED.has(k)) continue;
      leafChanges(a[k], b[k], path ? `${path}.${k}` : k, out);
    }
    return;
  }
  if (canonicalJson(a ?? null) !== canonicalJson(b ?? null)) out.push({ path, old: a ?? null, new: b ?? null });
}

function cellChanges(table: string, row: number, label: string, a: Record<string, unknown>, b: Record<string, unknown>, out: InputChange[]): void {
  const leaves: { path: string; old: unknown; new: unknown }[] = [];
  for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
    if (IGNORED.has(k)) continue;
    // A record-valued cell (by_year, counts) is compared per entry: "by_year.2028".
    leafChanges(a[k], b[k], k, leaves);
  }
  for (const l of leaves) out.push({ table, change: 'changed', row, row_label: label, column: l.path, old: l.old, new: l.new });
}

/**
 * The changed rows of one table. Rows the two versions share at the start and the end are
 * skipped; in between, rows are paired by position when both sides have as many (an edited
 * cell), else identical rows are matched, rows with the same key paired cell by cell, and the
 * rest reported added or removed.
 */
function tableChanges(kind: TableKind, a: readonly Record<string, unknown>[], b: readonly Record<string, unknown>[], out: InputChange[]): void {
  const sheet = TABLES[kind].sheet;
  const ka = a.map(cellOf);
  const kb = b.map(cellOf);
  let start = 0;
  while (start < a.length && start < b.length && ka[start] === kb[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && ka[endA - 1] === kb[endB - 1]) { endA--; endB--; }
  if (endA - start === endB - start) {
    for (let i = start; i < endA; i++) if (ka[i] !== kb[i]) cellChanges(sheet, sheetRow(b[i]!, i), rowLabel(b[i]!), a[i]!, b[i]!, out);
    return;
  }
  // Unequal middles: identical rows matched as a multiset, then same-key rows paired.
  const pool = new Map<string, number[]>();
  for (let i = start; i < endA; i++) pool.set(ka[i]!, [...(pool.get(ka[i]!) ?? []), i]);
  const removed = new Set<number>(Array.from({ length: endA - start }, (_, k) => start + k));
  const added: number[] = [];
  for (let j = start; j < endB; j++) {
    const same = pool.get(kb[j]!);
    if (same && same.length > 0) removed.delete(same.shift()!);
    else added.push(j);
  }
  const byLabel = new Map<string, number[]>();
  for (const i of removed) { const l = rowLabel(a[i]!); byLabel.set(l, [...(byLabel.get(l) ?? []), i]); }
  for (const j of added) {
    const l = rowLabel(b[j]!);
    const partner = l === '' ? undefined : byLabel.get(l)?.shift();
    if (partner !== undefined) { removed.delete(partner); cellChanges(sheet, sheetRow(b[j]!, j), l, a[partner]!, b[j]!, out); }
    else out.push({ table: sheet, change: 'added', row: sheetRow(b[j]!, j), row_label: l, column: null, old: null, new: b[j] });
  }
  for (const i of [...removed].sort((x, y) => x - y)) out.push({ table: sheet, change: 'removed', row: sheetRow(a[i]!, i), row_label: rowLabel(a[i]!), column: null, old: a[i], new: null });
}

/** The settings-like parts of a project (not tables), with the name a change is listed under. */
const OBJECTS = [['settings', 'Settings'], ['allocate', 'Allocate settings'], ['forecast', 'Forecast settings'], ['staffing', 'Staffing settings'], ['mappingTemplates', 'Mappings']] as const;

/** Every input that differs between two versions of a project: settings first, then each table in workbook order. */
export function diffInputs(a: ProjectInputs, b: ProjectInputs): InputChange[] {
  const out: InputChange[] = [];
  for (const [key, name] of OBJECTS) {
    const leaves: { path: string; old: unknown; new: unknown }[] = [];
    leafChanges(a[key] ?? null, b[key] ?? null, '', leaves);
    for (const l of leaves) out.push({ table: name, change: 'changed', row: null, row_label: '', column: l.path || null, old: l.old, new: l.new });
  }
  const rows = (p: ProjectInputs, k: TableKind) => (p as unknown as Record<string, Record<string, unknown>[] | undefined>)[k] ?? [];
  for (const kind of TABLE_KINDS) {
    if (kind === 'settings') continue;
    const ra = rows(a, kind);
    const rb = rows(b, kind);
    if (ra === rb) continue; // a table an edit did not touch is the same array
    tableChanges(kind, ra, rb, out);
  }
  return out;
}
