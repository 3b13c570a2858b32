import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { closeParseWorkers, importFileInWorker } from '../../host/read-file';
import { writeFileAtomic } from '../../host/write-workbook';
import { applyTemplate, templateFromReport } from '../../models/import/mapping';
import { MappingTemplateSchema, ReadError, type ImportOptions, type ImportReport, type MappingTemplate } from '../../models/import/types';
import { TABLES, TABLE_KINDS, type TableKind } from '../../models/schema/tables';
import { formatCents, type Cents } from '../../models/money/cents';
import { filledDownText, tiesText, unclassifiedText } from '../../models/import/report-text';
import { normaliseHeader } from '../../models/schema/fields';
import { EXIT, InputError, UsageError, flagString, parseArgs, parsePairs } from '../args';

export const HELP = `usage: steward import FILE [--as KIND] [--sheet NAME|all] [--header-row N] [--map field=Column,…] [--set field=value,…]
                      [--template T.json] [--save-template T.json] [--no-fill-down] [--strict] [--json] [--verbose]

Reads one table from a finance/HR/student-system export (.csv, .xlsx, .xls, .ods) and reports
what it found: the column mapping with a confidence, rows read / accepted / rejected, every
rejected row with sheet, row, column, value and reason, totals (amount, FTE) and whether the
amount ties to the file's own total, the columns filled down and the rows kept as unclassified.

  --as KIND       the table: ${TABLE_KINDS.join(', ')} (default: guessed from the header)
  --sheet NAME    the sheet to read; "all" reads every same-shaped sheet (e.g. one per fund),
                  each with the fund/year of its own title rows
  --header-row N  the header is on spreadsheet row N (default: the row among the first 30 that
                  best names the table's columns)
  --map f=Col,…   use column "Col" for field f (overrides the suggestion); "f=" leaves f unmapped
  --set f=v,…     give field f the value v on every row (e.g. --set fiscal_year=2026,fund_code=GEN)
  --template T.json       reuse a saved mapping (its table, columns and set values; --as, --map
                          and --set still win)
  --save-template T.json  save this import's mapping as a named template for the next export
  --no-fill-down  never fill a blank key from the row above (by default keys shown once per
                  group are filled down where the layout shows grouping: subtotal rows, merged
                  cells or show-once runs; each fill is reported with its rows)
  --strict        reject Budget/Actuals rows with a blank object instead of keeping them as
                  "unclassified" (listed as warnings)
  --json          print the import report as JSON
  --verbose       when the file cannot be read, also print what the reader said underneath
                  (for a bug report; the message itself says what to do with the file)

Exit codes: 0 the file was read and at least one row accepted (rejected rows are listed, not fatal);
1 the file cannot be read, no row was accepted, or a required column is missing everywhere;
2 usage error.`;

function kindOf(text: string): TableKind {
  const t = text.trim();
  const hit = TABLE_KINDS.find((k) => k.toLowerCase() === t.toLowerCase() || TABLES[k].sheet.toLowerCase() === t.toLowerCase());
  if (hit) return hit;
  throw new UsageError(`--as must be one of ${TABLE_KINDS.join(', ')}; got "${text}"`);
}

export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP + '\n');
    return EXIT.ok;
  }
  const args = parseArgs(argv, { as: 'value', sheet: 'value', 'header-row': 'value', map: 'value', set: 'value', template: 'value', 'save-template': 'value', 'no-fill-down': 'bool', strict: 'bool', json: 'bool', verbose: 'bool' });
  if (args.positional.length !== 1) throw new UsageError(args.positional.length === 0 ? 'expected a FILE to import' : `expected one FILE, got ${args.positional.length}`);
  const path = args.positional[0]!;
  const opts: ImportOptions = {};
  const as = flagString(args, 'as');
  if (as !== undefined) opts.kind = kindOf(as);
  const sheet = flagString(args, 'sheet');
  if (sheet !== undefined) opts.sheet = sheet;
  const headerRow = flagString(args, 'header-row');
  if (headerRow !== undefined) {
    if (!/^\d+$/.test(headerRow.trim()) || Number(headerRow) < 1) throw new UsageError(`--header-row must be a row number (1 or more); got "${headerRow}"`);
    opts.headerRow = Number(headerRow);
  }
  const map = flagString(args, 'map');
  if (map !== undefined) opts.map = parsePairs(map, 'map');
  const set = flagString(args, 'set');
  if (set !== undefined) opts.set = parsePairs(set, 'set');
  if (args.flags.has('no-fill-down')) opts.fillDown = false;
  if (args.flags.has('strict')) opts.strict = true;
  const templatePath = flagString(args, 'template');
  const options = templatePath !== undefined ? applyTemplate(await loadTemplate(templatePath), opts) : opts;

  let imported;
  try {
    // Read and imported in the parse worker (size and time limits); only the report comes back.
    // A long import shows how far it has got, on a terminal only (never in piped or --json output).
    const progress = process.stderr.isTTY === true ? progressLine(basename(path)) : null;
    try {
      imported = await importFileInWorker(path, options, progress ? { onProgress: progress.show } : {});
    } finally {
      progress?.clear();
    }
  } catch (e) {
    if (e instanceof ReadError) throw new InputError(args.flags.has('verbose') && e.detail ? `${e.message}\n  detail: ${e.detail}` : e.message);
    throw e;
  } finally {
    await closeParseWorkers();
  }
  if (sheet !== undefined && sheet !== 'all') {
    const norm = (t: string) => normaliseHeader(t);
    if (!imported.sheets.some((s) => s === sheet || norm(s) === norm(sheet))) {
      throw new InputError(`${path}: no sheet named "${sheet}" (sheets: ${imported.sheets.join(', ')})`);
    }
  }
  const report = imported.report;
  const savePath = flagString(args, 'save-template');
  if (savePath !== undefined) {
    const name = basename(savePath).replace(/\.json$/i, '');
    await writeFileAtomic(savePath, JSON.stringify(templateFromReport(name, report), null, 2) + '\n');
  }
  if (args.flags.has('json')) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else process.stdout.write(summary(report));
  const missing = report.warnings.filter((w) => w.startsWith('required field')).map((w) => /^required field (\S+):/.exec(w)?.[1] ?? '?');
  if (report.accepted === 0 || missing.length > 0) {
    const why = missing.length > 0
      ? `no column for the required field${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: give ${missing.length > 1 ? 'them' : 'it'} for every row with --set ${missing.map((m) => `${m}=…`).join(',')} or name the column with --map ${missing[0]}=<column>`
      : report.rows === 0 ? 'no data rows found' : `none of ${report.rows} rows accepted`;
    process.stderr.write(`steward import: ${path}: ${why}\n`);
    return EXIT.rejected;
  }
  return EXIT.ok;
}

/** A template file written by --save-template (or by hand): checked against its schema. */
async function loadTemplate(path: string): Promise<MappingTemplate> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new InputError(`--template ${path}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InputError(`--template ${path}: not JSON`);
  }
  const parsed = MappingTemplateSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`--template ${path}: ${issue.path.join('.') || 'template'}: ${issue.message}`);
  }
  if (!(TABLE_KINDS as readonly string[]).includes(parsed.data.kind)) throw new InputError(`--template ${path}: kind "${parsed.data.kind}" is not one of ${TABLE_KINDS.join(', ')}`);
  return parsed.data;
}

/** The readable report: mapping with confidence, counts, the first 20 problems, totals in dollars. */
export function summary(r: ImportReport): string {
  const out: string[] = [];
  out.push(`${r.file}: ${TABLES[r.kind].sheet} from ${r.sheets.length > 1 ? `sheets ${r.sheet}` : `sheet "${r.sheet}"`}${Object.keys(r.headerRow).length === 1 ? ` (header on row ${Object.values(r.headerRow)[0]})` : ''}`);
  const title = Object.entries(r.titleValues).filter(([k]) => k !== 'title');
  if (title.length > 0) out.push(`title block: ${title.map(([k, v]) => `${k}=${v}`).join(', ')}`);
  out.push('', 'field                 column                          confidence  how');
  for (const m of r.mapping) {
    const col = m.column ?? (m.value !== undefined ? `= ${m.value}` : '—');
    out.push(`${m.field.padEnd(21)} ${col.slice(0, 31).padEnd(31)} ${m.via === 'missing' ? '    ' : m.confidence.toFixed(2)}        ${m.via}`);
  }
  if (r.unknownColumns.length > 0) out.push(`columns not used: ${r.unknownColumns.join(', ')}`);
  out.push('', `rows ${r.rows}   accepted ${r.accepted}   rejected ${r.rejected}${r.excluded > 0 ? ` (of which ${r.excluded} totals/subtotals/footers excluded)` : ''}`);
  const hasFte = r.mapping.some((m) => m.field === 'fte' && m.via !== 'missing');
  const money = (c: number) => formatCents(c as Cents);
  out.push(`total amount ${money(r.totals.amountCents)}${hasFte ? `   total FTE ${r.totals.fte}` : ''}`);
  const ties = tiesText(r, money);
  if (ties !== null) out.push(`total amount ${ties}`);
  const multi = new Set(r.filledDown.map((f) => f.sheet)).size > 1;
  for (const f of r.filledDown) out.push(`filled down: ${filledDownText(f, multi)}; --no-fill-down leaves them blank`);
  for (const w of r.warnings) out.push(`warning: ${w}`);
  const unclassified = unclassifiedText(r);
  if (unclassified !== null) {
    const n = r.rowWarnings.length;
    out.push('', `${unclassified}; fix them in the file, or reject them with --strict${n > 20 ? ` (first 20 of ${n})` : ''}:`);
    for (const w of r.rowWarnings.slice(0, 20)) out.push(`  ${w.sheet} row ${w.row}${w.column ? `, ${w.column}` : ''}: ${w.reason}`);
  }
  if (r.errors.length > 0) {
    out.push('', `${r.errors.length > 20 ? `first 20 of ${r.errors.length}` : `${r.errors.length}`} problem${r.errors.length === 1 ? '' : 's'} (row, column, value, reason):`);
    for (const e of r.errors.slice(0, 20)) {
      out.push(`  ${e.sheet} row ${e.row}${e.column ? `, ${e.column}` : ''}${e.value ? ` ("${e.value}")` : ''}: ${e.reason}`);
    }
  }
  return out.join('\n') + '\n';
}

/** "reading budget.xlsx: 42%" rewritten in place on stderr, and wiped when done. */
function progressLine(file: string): { show: (done: number, total: number) => void; clear: () => void } {
  let shown = -1;
  return {
    show: (done, total) => {
      const pct = total > 0 ? Math.min(100, Math.floor((100 * done) / total)) : 0;
      if (pct === shown) return;
      shown = pct;
      process.stderr.write(`\rreading ${file}: ${pct}%`);
    },
    clear: () => {
      if (shown >= 0) process.stderr.write('\r\x1b[K');
    },
  };
}
