import { z } from 'zod';
import { TABLES, type TableKind } from '../schema/tables';
import { MappingTemplateSchema, type MappingTemplate } from '../import/types';
import { fail, ok, type Parsed } from '../result';
import { SettingsSchema } from '../schema/tables';
import type { Project } from './project';
import { applySnapshotEdit, describeSnapshotEdit, type SnapshotEdit } from './snapshot-edit';
import { AllocateConfigSchema, type AllocateConfigInput } from '../allocate/config';

/**
 * Every change the app makes to a project, as plain data: the store applies it to make the next
 * project version, the engine worker applies the same edit to its copy (so an edit never has to
 * send the whole project across), and undo keeps the versions. A table row is replaced whole and
 * checked against the table's schema first, so no edit can put a malformed row into a project.
 */
export type Edit =
  | { op: 'set-row'; table: TableKind; index: number; row: Record<string, unknown> }
  | { op: 'insert-rows'; table: TableKind; index: number; rows: Record<string, unknown>[] }
  | { op: 'delete-rows'; table: TableKind; indexes: number[] }
  | { op: 'replace-table'; table: TableKind; rows: Record<string, unknown>[] }
  | { op: 'set-settings'; settings: Project['settings'] }
  /** The saved column mappings (the import wizard's "save as template"; the CLI's --save-template shape). */
  | { op: 'set-templates'; templates: MappingTemplate[] }
  /** Take, rename or annotate, mark presented, or delete a snapshot (./snapshot-edit.ts). */
  | SnapshotEdit
  /** The allocation settings (active rule set, Title I options, site floors and caps): the Allocate screen's editor. */
  | { op: 'set-allocate'; config: AllocateConfigInput };

/** What an edit does, in a few words (undo/redo menu items: "Undo edit Budget row 12"). */
export function describeEdit(edit: Edit): string {
  switch (edit.op) {
    case 'set-row': return `edit ${TABLES[edit.table].sheet} row ${edit.index + 1}`;
    case 'insert-rows': return `add ${edit.rows.length} ${TABLES[edit.table].sheet} row${edit.rows.length === 1 ? '' : 's'}`;
    case 'delete-rows': return `delete ${edit.indexes.length} ${TABLES[edit.table].sheet} row${edit.indexes.length === 1 ? '' : 's'}`;
    case 'replace-table': return `replace the ${TABLES[edit.table].sheet} table`;
    case 'set-settings': return 'edit the settings';
    case 'set-templates': return 'save the column mappings';
    case 'take-snapshot': case 'edit-snapshot': case 'delete-snapshot': return describeSnapshotEdit(edit);
    case 'set-allocate': return 'edit the allocation settings';
  }
}

const rowsOf = (project: Project, table: TableKind): readonly Record<string, unknown>[] =>
  (project as unknown as Record<string, readonly Record<string, unknown>[]>)[table] ?? [];

function checkRows(table: TableKind, rows: readonly Record<string, unknown>[]): Parsed<Record<string, unknown>[]> {
  const schema = TABLES[table].schema;
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = schema.safeParse(rows[i]);
    if (!r.success) return fail(`${TABLES[table].sheet}: ${r.error.issues.map((x) => `${x.path.join('.') || 'row'}: ${x.message}`).join('; ')}`);
    out.push(r.data as Record<string, unknown>);
  }
  return ok(out);
}

/**
 * The project after `edit`: a new object sharing every untouched table with the old one (the old
 * version stays intact for undo). Refused, with a reason, when a row does not fit its table's schema
 * or an index is out of range.
 */
export function applyEdit(project: Project, edit: Edit): Parsed<Project> {
  if (edit.op === 'take-snapshot' || edit.op === 'edit-snapshot' || edit.op === 'delete-snapshot') return applySnapshotEdit(project, edit);
  if (edit.op === 'set-templates') {
    const t = z.array(MappingTemplateSchema).safeParse(edit.templates);
    if (!t.success) return fail(`mapping templates: ${t.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    const names = t.data.map((x) => x.name);
    if (new Set(names).size !== names.length) return fail('mapping templates: two templates have the same name');
    return ok({ ...project, mappingTemplates: t.data });
  }
  if (edit.op === 'set-allocate') {
    const c = AllocateConfigSchema.safeParse(edit.config);
    return c.success ? ok({ ...project, allocate: c.data }) : fail(`allocation settings: ${c.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
  }
  if (edit.op === 'set-settings') {
    const s = SettingsSchema.safeParse(edit.settings);
    return s.success ? ok({ ...project, settings: s.data }) : fail(`Settings: ${s.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
  }
  if (!Object.hasOwn(TABLES, edit.table) || edit.table === 'settings') return fail(`no table "${String(edit.table)}"`);
  const rows = rowsOf(project, edit.table);
  let next: Record<string, unknown>[];
  switch (edit.op) {
    case 'set-row': {
      if (!Number.isInteger(edit.index) || edit.index < 0 || edit.index >= rows.length) return fail(`${TABLES[edit.table].sheet} has no row ${edit.index + 1}`);
      const checked = checkRows(edit.table, [edit.row]);
      if (!checked.ok) return checked;
      next = rows.slice();
      next[edit.index] = checked.value[0]!;
      break;
    }
    case 'insert-rows': {
      if (!Number.isInteger(edit.index) || edit.index < 0 || edit.index > rows.length) return fail(`cannot insert at row ${edit.index + 1} of ${TABLES[edit.table].sheet}`);
      const checked = checkRows(edit.table, edit.rows);
      if (!checked.ok) return checked;
      next = [...rows.slice(0, edit.index), ...checked.value, ...rows.slice(edit.index)];
      break;
    }
    case 'delete-rows': {
      const drop = new Set(edit.indexes);
      for (const i of drop) if (!Number.isInteger(i) || i < 0 || i >= rows.length) return fail(`${TABLES[edit.table].sheet} has no row ${i + 1}`);
      next = rows.filter((_, i) => !drop.has(i));
      break;
    }
    case 'replace-table': {
      const checked = checkRows(edit.table, edit.rows);
      if (!checked.ok) return checked;
      next = checked.value;
      break;
    }
  }
  return ok({ ...project, [edit.table]: next } as Project);
}
