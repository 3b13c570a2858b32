import { checkingMarkdown } from './checking-doc';
import { commandsNeeding } from './requirements';
import { fieldMeta, isOptionalField, type FieldKind } from '../schema/fields';
import { STANDARD_NEEDS, TABLES, type TableKind } from '../schema/tables';
import type { Cell } from '../import/types';
import { demoProject } from '../demo/district';
import { SETTINGS_KEYS, projectToSheets, tableColumns, type Sheet } from './to-sheets';
import { BLANKS_AND_TOTALS_MD } from './workbook-notes';

// The empty district workbook (`steward template`) and the format reference (docs/workbook.md),
// both derived from the table schemas' field metadata, so a sheet an engine adds shows up in
// both without anyone editing them.

const SETTINGS_DOCS: Record<(typeof SETTINGS_KEYS)[number], [required: boolean, doc: string, example: string]> = {
  district_name: [false, 'Name shown on reports', 'Riverbend Unified School District'],
  base_year: [true, 'Fiscal year the budget is for (2026 = FY 2025–26)', '2026'],
  horizon_years: [false, 'Years the forecast runs, 1–10 (default 5)', '5'],
  beginning_fund_balance: [false, 'General fund balance at the start of the base year (dollars)', '11220000'],
  reserve_policy_pct: [false, 'Reserve the board requires, as a share of spending (default 8%)', '0.08'],
  seed: [false, 'Seed for simulations, so results repeat (default 1)', '2026'],
};

const KIND_EXAMPLE: Record<FieldKind, string> = {
  id: 'ABC1', text: 'text', money: '1234.56', fte: '1.0', rate: '0.03 or 3%', share: '60%', year: '2026', date: '2026-06-30',
  int: '12', number: '27.5', bool: 'yes', enum: '', grade: 'K', funding: 'GEN:0.6; T1A:0.4', list: 'econ_disadvantaged, english_learners',
  need_counts: '112', year_values: '0.03',
};

export interface ColumnNote {
  sheet: string;
  column: string;
  required: boolean;
  kind: string;
  doc: string;
  synonyms: string;
  example: string;
}

/** Examples come from the demo district, built once. */
let demoSheets: Sheet[] | undefined;

/** One note per sheet × column, in workbook order. */
export function columnNotes(): ColumnNote[] {
  demoSheets ??= projectToSheets(demoProject());
  const demo = demoSheets;
  const notes: ColumnNote[] = [];
  for (const kind of Object.keys(TABLES) as TableKind[]) {
    const sheet = TABLES[kind].sheet;
    if (kind === 'settings') {
      for (const key of SETTINGS_KEYS) {
        const [required, doc, example] = SETTINGS_DOCS[key];
        notes.push({ sheet, column: key, required, kind: 'setting (key/value row)', doc, synonyms: '', example });
      }
      continue;
    }
    const demoRows = demo.find((s) => s.name === sheet)?.rows ?? [];
    for (const col of tableColumns(kind)) {
      const meta = fieldMeta(col.schema);
      // Required when the sheet is there (an optional sheet may be missing altogether).
      const required = !isOptionalField(col.schema);
      const base = { sheet, required, kind: col.kind ?? 'text', doc: meta?.doc ?? '', synonyms: (meta?.synonyms ?? []).join(', ') };
      if (col.kind === 'need_counts') {
        for (const need of STANDARD_NEEDS) notes.push({ ...base, column: need, required: false, doc: `Students with the need "${need}"; ${base.doc}`, example: exampleFrom(demoRows, need) ?? '112' });
        continue;
      }
      if (col.kind === 'year_values') {
        notes.push({ ...base, column: '2027, 2028, …', required: false, example: '0.03' });
        continue;
      }
      // An example from the demo district: this sheet's own column, else a same-named column elsewhere (site_id, role, …).
      const example = meta?.example ?? exampleFrom(demoRows, col.key) ?? enumExample(meta?.values)
        ?? (BORROWABLE.has(col.kind ?? 'text') ? firstDefined(demo.map((s) => exampleFrom(s.rows, col.key))) : undefined)
        ?? KIND_EXAMPLE[col.kind ?? 'text'];
      notes.push({ ...base, column: col.key, example });
    }
  }
  return notes;
}

function exampleFrom(rows: readonly Cell[][], column: string): string | undefined {
  const i = rows[0]?.indexOf(column) ?? -1;
  if (i < 0) return undefined;
  for (const r of rows.slice(1)) {
    const v = r[i];
    if (v !== null && v !== undefined && v !== '') return String(v);
  }
  return undefined;
}

/** Kinds whose values mean the same on every sheet (a site_id is a site_id), so an example may come from another sheet. */
const BORROWABLE = new Set<FieldKind>(['id', 'date', 'year', 'grade', 'fte']);
const firstDefined = (xs: readonly (string | undefined)[]) => xs.find((x) => x !== undefined);

const enumExample = (values: Readonly<Record<string, string>> | undefined) => (values ? Object.values(values)[0] : undefined);

/** Every sheet with its header row only (Settings lists its keys), plus a Notes sheet. */
export function templateSheets(): Sheet[] {
  const sheets: Sheet[] = [];
  for (const kind of Object.keys(TABLES) as TableKind[]) {
    const name = TABLES[kind].sheet;
    if (kind === 'settings') {
      sheets.push({ name, rows: [['key', 'value'], ...SETTINGS_KEYS.map((k): Cell[] => [k, null])] });
      continue;
    }
    const header: string[] = [];
    for (const col of tableColumns(kind)) {
      if (col.kind === 'need_counts') header.push(...STANDARD_NEEDS);
      else if (col.kind !== 'year_values') header.push(col.key);
    }
    sheets.push({ name, rows: [header] });
  }
  const notes = columnNotes();
  sheets.push({
    name: 'Notes',
    rows: [
      ['sheet', 'column', 'required', 'kind', 'description', 'example', 'also recognised as'],
      ...notes.map((n): Cell[] => [n.sheet, n.column, n.required ? 'yes' : 'no', n.kind, n.doc, n.example, n.synonyms]),
    ],
  });
  return sheets;
}

/** docs/workbook.md: the same notes as Markdown. Regenerate with `npm run fixtures`. */
export function workbookMarkdown(): string {
  const notes = columnNotes();
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const out: string[] = [
    '# The district workbook: every sheet and column',
    '',
    '<!-- Generated from the table schemas by `npm run fixtures` (models/project/template.ts). Do not edit by hand. -->',
    '',
    'One sheet per table in an .xlsx/.xls/.ods workbook, or one CSV per sheet in a folder (budget.csv, positions.csv, …).',
    'Sheet and column names match case-insensitively, ignoring spaces and underscores; the "also recognised as" headers',
    'are matched too. Money is dollars in the file. `steward template OUT.xlsx` writes an empty workbook with these',
    'sheets and a Notes sheet holding this table.',
    '',
    checkingMarkdown(),
  ];
  for (const kind of Object.keys(TABLES) as TableKind[]) {
    const { sheet } = TABLES[kind];
    const users = commandsNeeding(kind);
    out.push(`## ${sheet}`, '', kind === 'settings' ? 'Every project needs this sheet.' : users.length > 0 ? `Needed by ${users.join(', ')}; otherwise optional.` : 'Optional.', '');
    if (kind === 'settings') out.push('Two columns, **key** and **value**; one row per setting. Further keys are kept as text.', '');
    out.push('| column | required | kind | description | example | also recognised as |', '|---|---|---|---|---|---|');
    for (const n of notes.filter((x) => x.sheet === sheet)) {
      out.push(`| ${n.required ? `**${esc(n.column)}**` : esc(n.column)} | ${n.required ? 'yes' : 'no'} | ${esc(n.kind)} | ${esc(n.doc)} | ${esc(n.example)} | ${esc(n.synonyms)} |`);
    }
    out.push('');
  }
  out.push(...BLANKS_AND_TOTALS_MD);
  return out.join('\n');
}
