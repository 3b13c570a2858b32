import { normaliseHeader } from '../schema/fields';
import { TABLES, type TableKind } from '../schema/tables';
import type { Cell, FieldMapping, Grid, ImportOptions, ImportReport, MappingTemplate, RowError } from './types';
import { cellText, headerCandidates } from './header';
import { guessKind, kindScore } from './kind-guess';
import { importTable, MAX_ERRORS, type ImportProgress } from './table';
import { fieldsOf } from './table-fields';
import { isBlank } from './fill-down';
import { excludeReason } from './exclude';

// The import wizard's steps as pure functions over a file's grids: what the file holds (sheets,
// their guessed tables and header rows), and an import planned with the user's choices — the
// mapping with its confidence, a preview of the first rows with their parsed values, the full
// report, the rows to add. The app's engine worker runs these on untrusted bytes; the choices map
// one to one onto `steward import` options, so the CLI with the same flags gives the same result.

/** Tables a single export can be added to (Settings is edited on the Data screen, not imported). */
export const WIZARD_KINDS: readonly TableKind[] = (Object.keys(TABLES) as TableKind[]).filter((k) => k !== 'settings');

export interface SheetSummary {
  sheet: string;
  /** Non-blank rows, header and titles included. */
  rows: number;
  hidden: boolean;
  /** The table its header looks like, or null. */
  guess: TableKind | null;
}

export interface WizardFile {
  name: string;
  format: string;
  /** What the reader noticed (encoding, delimiter). */
  notes: string[];
  sheets: SheetSummary[];
  /** The sheets to start with: every non-empty sheet holding the same table as the first one. */
  defaultSheets: string[];
}

/** What the user chose in the wizard; each maps onto an ImportOptions field (and a CLI flag). */
export interface WizardChoices {
  /** Sheets to read (one table from all of them); empty = the file's default sheets. */
  sheets: string[];
  /** 1-based header row (--header-row); undefined = found. */
  headerRow?: number;
  /** The table (--as); undefined = guessed. */
  kind?: TableKind;
  /** field → header text (--map); '' = no column for this field. */
  map: Record<string, string>;
  /** field → value for every row (--set). */
  set: Record<string, string>;
  template?: MappingTemplate;
  fillDown: boolean;
  strict: boolean;
}

export const NO_CHOICES: WizardChoices = { sheets: [], map: {}, set: {}, fillDown: true, strict: false };

export interface WizardField {
  name: string;
  required: boolean;
  /** The field kind (money, id, year, …), for formatting and the value input. */
  kind: string;
  doc: string;
  example?: string;
}

/** One data row of the preview: what the import made of it. */
export interface PreviewRow {
  sheet: string;
  /** 1-based spreadsheet row. */
  row: number;
  status: 'accepted' | 'rejected' | 'excluded';
  /** The rows it became (several for a spread: one per grade, per lane…), first few only. */
  values: Record<string, unknown>[];
  /** Why it was rejected or excluded; notes on accepted rows (unclassified). */
  reasons: { column: string; value: string; reason: string }[];
}

export interface WizardPlan {
  kind: TableKind;
  /** The table the header suggests (null when nothing fits), and how well each table fits (best first). */
  guessed: TableKind | null;
  scores: { kind: TableKind; score: number }[];
  /** Sheets read. */
  sheets: string[];
  /** 1-based header row of the first sheet read, and its header texts. */
  headerRow: number;
  headers: string[];
  /** The first rows of the first sheet, to confirm the header on (1-based row numbers). */
  headerCandidates: { row: number; cells: string[] }[];
  fields: WizardField[];
  mapping: FieldMapping[];
  /** A few values of each header column, for the mapping's column choices. */
  columnSamples: string[][];
  preview: PreviewRow[];
  report: ImportReport;
  /** Distinct keys the rows name in other tables (fund_code, site_id), first 200 each, for checking against the project. */
  keys: Record<string, string[]>;
  /** Names of the given templates whose columns all appear in this header (same table). */
  matchingTemplates: string[];
  /** The same import on the command line. */
  command: string;
}

const PREVIEW_ROWS = 20;
const PREVIEW_VALUES_PER_ROW = 14;
const CANDIDATE_COLUMNS = 16;
const SAMPLE_VALUES = 4;
const REFERENCES = ['fund_code', 'site_id'];

const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function nonBlankRows(grid: Grid): number {
  let n = 0;
  for (const row of grid.rows) if (row.some((c) => !isBlank(c))) n++;
  return n;
}

/** The sheets of a file and what each looks like. */
export function describeFile(grids: readonly Grid[], name: string, format: string, notes: readonly string[]): WizardFile {
  const sheets = grids.map((g) => ({ sheet: g.sheet, rows: nonBlankRows(g), hidden: g.hidden ?? false, guess: nonBlankRows(g) > 0 ? guessKind(g) : null }));
  const filled = sheets.filter((s) => s.rows > 0);
  const first = filled.find((s) => s.guess !== null && !s.hidden) ?? filled[0];
  const defaultSheets = first === undefined ? [] : first.guess === null ? [first.sheet] : filled.filter((s) => s.guess === first.guess && !s.hidden).map((s) => s.sheet);
  return { name, format, notes: [...notes], sheets, defaultSheets };
}

/** The ImportOptions the choices stand for (what `steward import` gets from the same flags). */
export function wizardOptions(choices: WizardChoices): ImportOptions {
  const opts: ImportOptions = {};
  if (choices.kind) opts.kind = choices.kind;
  if (choices.headerRow !== undefined) opts.headerRow = choices.headerRow;
  if (Object.keys(choices.map).length > 0) opts.map = { ...choices.map };
  if (Object.keys(choices.set).length > 0) opts.set = { ...choices.set };
  if (choices.template) {
    opts.template = choices.template;
    opts.kind ??= choices.template.kind as TableKind;
  }
  if (!choices.fillDown) opts.fillDown = false;
  if (choices.strict) opts.strict = true;
  return opts;
}

/** The grids and sheet option for the chosen sheets: one sheet by name, several as 'all' over just those. */
function chosenGrids(grids: readonly Grid[], choices: WizardChoices, file: WizardFile | null): { grids: readonly Grid[]; sheet: string | undefined } {
  const names = choices.sheets.length > 0 ? choices.sheets : (file?.defaultSheets ?? []);
  const picked = grids.filter((g) => names.includes(g.sheet));
  if (picked.length === 0) return { grids, sheet: undefined };
  if (picked.length === 1) return { grids, sheet: picked[0]!.sheet };
  return { grids: picked, sheet: 'all' };
}

const shellQuote = (s: string) => (/^[\w./:@%+=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** `steward import FILE --as budget --map … --set …`: the wizard's choices as the CLI's flags. */
export function wizardCommand(file: string, choices: WizardChoices, kind: TableKind, sheet: string | undefined): string {
  const parts = ['steward', 'import', shellQuote(file), '--as', kind];
  if (sheet) parts.push('--sheet', shellQuote(sheet));
  if (choices.headerRow !== undefined) parts.push('--header-row', String(choices.headerRow));
  const pairs = (o: Record<string, string>) => Object.entries(o).map(([k, v]) => `${k}=${v}`).join(',');
  if (Object.keys(choices.map).length > 0) parts.push('--map', shellQuote(pairs(choices.map)));
  if (Object.keys(choices.set).length > 0) parts.push('--set', shellQuote(pairs(choices.set)));
  if (choices.template) parts.push('--template', shellQuote(`${choices.template.name}.json`));
  if (!choices.fillDown) parts.push('--no-fill-down');
  if (choices.strict) parts.push('--strict');
  return parts.join(' ');
}

/** Templates (of the same table, when one is given) whose every column is in the header. */
export function matchingTemplates(templates: readonly MappingTemplate[], headers: readonly string[], kind?: TableKind): string[] {
  const have = new Set(headers.map(normaliseHeader).filter((h) => h !== ''));
  return templates
    .filter((t) => (kind === undefined || t.kind === kind) && Object.values(t.columns).length > 0 && Object.values(t.columns).every((c) => c === '' || have.has(normaliseHeader(c))))
    .map((t) => t.name);
}

/** The import with the user's choices: what every wizard step shows. */
export function planWizard(
  grids: readonly Grid[], file: WizardFile | null, choices: WizardChoices, templates: readonly MappingTemplate[] = [], progress?: ImportProgress,
): { plan: WizardPlan; rows: Record<string, unknown>[] } {
  const chosen = chosenGrids(grids, choices, file);
  const opts = { ...wizardOptions(choices), ...(chosen.sheet ? { sheet: chosen.sheet } : {}) };
  const { rows, report } = importTable(chosen.grids, opts, progress);
  const kind = report.kind;
  const first = chosen.grids.find((g) => g.sheet === report.sheets[0]) ?? chosen.grids[0];
  const headerRow = first ? (report.headerRow[first.sheet] ?? 1) : 1;
  const headerCells = first ? headerCandidates(first).find((c) => c.row === headerRow - 1)?.cells ?? [] : [];
  // The header texts the mapping saw (a two-row header fills blanks from its band above).
  const headers = report.mapping.length > 0 ? headersOf(report, headerCells) : headerCells;
  const guessed = first ? guessKind(first, choices.headerRow) : null;
  const scores = first
    ? WIZARD_KINDS.map((k) => ({ kind: k, score: Math.round(kindScore(first, k, choices.headerRow) * 100) / 100 })).filter((s) => s.score > 0).sort((a, b) => b.score - a.score).slice(0, 6)
    : [];
  const plan: WizardPlan = {
    kind,
    guessed,
    scores,
    sheets: report.sheets,
    headerRow,
    headers,
    headerCandidates: first ? headerCandidates(first).map((c) => ({ row: c.row + 1, cells: c.cells.slice(0, CANDIDATE_COLUMNS).map((x) => clip(x, 40)) })) : [],
    fields: fieldsOf(kind).map((f) => ({ name: f.name, required: f.required, kind: f.meta.kind, doc: f.meta.doc, ...(f.meta.example !== undefined ? { example: f.meta.example } : {}) })),
    mapping: report.mapping,
    columnSamples: first ? columnSamples(first, headerRow, headers.length) : [],
    preview: first ? preview(first, headerRow, rows, report) : [],
    report,
    keys: referencedKeys(rows),
    matchingTemplates: matchingTemplates(templates, headers, choices.kind ?? guessed ?? undefined),
    command: wizardCommand(first?.file ?? report.file, choices, kind, chosen.sheet),
  };
  return { plan, rows };
}

/** Header texts by column: the mapped columns' texts as the import read them, the rest from the row. */
function headersOf(report: ImportReport, cells: readonly string[]): string[] {
  const out = cells.slice();
  for (const m of report.mapping) if (m.index !== null && m.column !== null) out[m.index] = m.column;
  for (let c = 0; c < out.length; c++) out[c] ??= '';
  return out;
}

function columnSamples(grid: Grid, headerRow: number, width: number): string[][] {
  const out: string[][] = Array.from({ length: width }, () => []);
  // Distinct values from the first few hundred data rows.
  for (let r = headerRow; r < Math.min(grid.rows.length, headerRow + 400) && out.some((s) => s.length < SAMPLE_VALUES); r++) {
    const row = grid.rows[r] ?? [];
    if (excludeReason(row)) continue;
    for (let c = 0; c < width; c++) {
      const v = row[c];
      if (isBlank(v ?? null) || out[c]!.length >= SAMPLE_VALUES) continue;
      const t = clip(cellText(v));
      if (!out[c]!.includes(t)) out[c]!.push(t);
    }
  }
  return out;
}

/** The first data rows of a sheet with the rows they became, or why not. */
function preview(grid: Grid, headerRow: number, rows: readonly Record<string, unknown>[], report: ImportReport): PreviewRow[] {
  const wanted: number[] = [];
  for (let r = headerRow; r < grid.rows.length && wanted.length < PREVIEW_ROWS; r++) {
    if ((grid.rows[r] ?? []).some((c) => !isBlank(c))) wanted.push(r + 1);
  }
  const want = new Set(wanted);
  const out = new Map<number, PreviewRow>(wanted.map((row) => [row, { sheet: grid.sheet, row, status: 'accepted', values: [], reasons: [] }]));
  for (const x of rows) {
    const src = x.src as { sheet?: string; row?: number } | undefined;
    if (src?.sheet !== grid.sheet || src.row === undefined || !want.has(src.row)) continue;
    const p = out.get(src.row)!;
    if (p.values.length < PREVIEW_VALUES_PER_ROW) {
      const { src: _src, ...values } = x;
      p.values.push(values);
    }
  }
  const note = (e: RowError, status: PreviewRow['status'] | null) => {
    if (e.sheet !== grid.sheet || !want.has(e.row)) return;
    const p = out.get(e.row)!;
    if (status !== null) p.status = status;
    p.reasons.push({ column: e.column, value: e.value, reason: e.reason });
  };
  for (const e of report.errors) note(e, isExclusion(e) ? 'excluded' : 'rejected');
  for (const w of report.rowWarnings) note(w, null);
  return wanted.map((r) => out.get(r)!);
}

/** Rows left out on purpose (totals, subtotals, footers), as against rows rejected for bad data. */
export const isExclusion = (e: Pick<RowError, 'reason'>) => /^excluded\b/.test(e.reason);

function referencedKeys(rows: readonly Record<string, unknown>[]): Record<string, string[]> {
  const out: Record<string, Set<string>> = Object.create(null) as Record<string, Set<string>>;
  for (const row of rows) {
    for (const k of REFERENCES) {
      const v = row[k];
      if (typeof v !== 'string' || v === '') continue;
      const s = (out[k] ??= new Set());
      if (s.size < 200) s.add(v);
    }
  }
  const result: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const k of Object.keys(out)) result[k] = [...out[k]!];
  return result;
}

const csvField = (v: string) => {
  // A cell that a spreadsheet would run as a formula is written as text (CSV injection).
  const safe = /^[=+@\t\r]/.test(v) || /^-[^\d.]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * The rows the import left out, as a CSV to fix and import again: status (rejected, or excluded
 * as a total/subtotal/footer), sheet, row, every reason, then the row's own cells under the
 * file's header. Rejected rows first.
 */
export function leftOutRowsCsv(grids: readonly Grid[], report: ImportReport): string {
  const bySheet = new Map(grids.map((g) => [g.sheet, g]));
  const rows = new Map<string, { status: 'rejected' | 'excluded'; sheet: string; row: number; reasons: string[] }>();
  for (const e of report.errors) {
    const key = `${e.sheet}\u0000${e.row}`;
    const hit = rows.get(key) ?? { status: isExclusion(e) ? 'excluded' as const : 'rejected' as const, sheet: e.sheet, row: e.row, reasons: [] };
    hit.reasons.push(`${e.column ? `${e.column}: ` : ''}${e.value ? `"${e.value}" ` : ''}${e.reason}`);
    rows.set(key, hit);
  }
  const first = bySheet.get(report.sheets[0] ?? '');
  const headerRow = first ? (report.headerRow[first.sheet] ?? 1) - 1 : 0;
  const header = first ? (first.rows[headerRow] ?? []).map(cellText) : [];
  const lines = [['status', 'sheet', 'row', 'reasons', ...header].map(csvField).join(',')];
  const ordered = [...rows.values()].sort((a, b) => Number(a.status === 'excluded') - Number(b.status === 'excluded') || a.sheet.localeCompare(b.sheet) || a.row - b.row);
  for (const r of ordered) {
    const cells: Cell[] = bySheet.get(r.sheet)?.rows[r.row - 1] ?? [];
    lines.push([r.status, r.sheet, String(r.row), r.reasons.join('; '), ...cells.map((c) => cellText(c))].map(csvField).join(','));
  }
  if (report.errors.length >= MAX_ERRORS) lines.push(csvField(`only the first ${report.errors.length} problems are listed`));
  return `${lines.join('\r\n')}\r\n`;
}
