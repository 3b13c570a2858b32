import { closeMonteCarloWorkers, MAX_TRIALS, runMonteCarlo } from '../../host/monte-carlo-pool';
import { writeReportWorkbook } from '../../host/write-report';
import type { MonteCarloSummary } from '../../models/forecast/monte-carlo';
import { focusScenario, gatherReport, REPORT_TRIALS, type ReportOptions } from '../../models/report/gather';
import { reportBook } from '../../models/report/sheets';
import { snapshotReportProject } from '../../models/report/from-snapshot';
import { EXIT, InputError, UsageError, flagInt, flagString, parseArgs } from '../args';
import { PROJECT_FLAGS, projectFor } from '../project';

/**
 * `report PROJECT --out board.xlsx|board.pdf [--scenario NAME[,NAME…]] [--years N] [--trials N]
 * [--seed S] [--date YYYY-MM-DD] [--snapshot NAME] [--json]`: the board report — the same content the app's Reports
 * screen exports — as a formatted workbook (one sheet per view) or a PDF. --scenario limits the
 * scenarios to Base and those named (the first is the one the tornado and Monte Carlo are about);
 * --trials 0 leaves Monte Carlo out. --snapshot NAME rebuilds the report from that snapshot's inputs,
 * dated the day it was taken (unless --date): the report as it was presented.
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { out: 'value', scenario: 'value', years: 'value', trials: 'value', seed: 'value', workers: 'value', date: 'value', snapshot: 'value', json: 'bool', ...PROJECT_FLAGS });
  const out = flagString(args, 'out');
  if (!out) throw new UsageError('--out board.xlsx or --out board.pdf is required');
  const kind = out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : out.toLowerCase().endsWith('.pdf') ? 'pdf' : null;
  if (!kind) throw new UsageError(`--out must name an .xlsx or a .pdf file, not "${out}"`);
  let date = flagString(args, 'date') ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw new UsageError(`--date must be YYYY-MM-DD, not "${date}"`);
  const scenarioText = flagString(args, 'scenario');
  const opts: ReportOptions = {
    ...(scenarioText ? { scenarios: scenarioText.split(',').map((s) => s.trim()).filter((s) => s !== '') } : {}),
    ...(args.flags.has('years') ? { years: flagInt(args, 'years', 1, 10) } : {}),
  };
  const trials = flagInt(args, 'trials', 0, MAX_TRIALS) ?? REPORT_TRIALS;
  // The allocation's gate (Sites, Enrollment, Funds), plus the Budget the forecast projects from.
  const loaded = await projectFor('allocate', args);
  const { target, warnings } = loaded;
  let project = loaded.project;
  const snapshotName = flagString(args, 'snapshot');
  if (snapshotName !== undefined) {
    const s = snapshotReportProject(project, snapshotName);
    if (!s.ok) throw new InputError(`${target}: ${s.reason}`);
    project = s.value.project;
    opts.snapshot = s.value.snapshot;
    if (!args.flags.has('date')) date = s.value.date;
  }
  if (project.budget.length === 0) throw new InputError(`${target} has no Budget rows: the report's forecast projects from them (a Budget sheet is needed)`);
  const known = new Set(['Base', ...project.scenarios.map((s) => s.scenario)]);
  const unknown = (opts.scenarios ?? []).filter((s) => !known.has(s));
  if (unknown.length > 0) throw new InputError(`no scenario ${unknown.map((s) => `"${s}"`).join(', ')} in ${target} (scenarios: ${[...known].join(', ')})`);
  const seed = flagInt(args, 'seed', -2147483648, 4294967295) ?? project.settings.seed;

  let mc: MonteCarloSummary | null = null;
  if (trials > 0) {
    try {
      const r = await runMonteCarlo({ project, scenario: focusScenario(opts), years: opts.years, trials, seed, workers: flagInt(args, 'workers', 0, 16) ?? 2 });
      if (!r.ok) throw new InputError(`Monte Carlo: ${r.reason}`);
      mc = r.value;
    } finally {
      await closeMonteCarloWorkers();
    }
  }
  const data = gatherReport(project, target, opts, mc);
  if (!data.ok) throw new InputError(data.reason);
  const book = reportBook(data.value, { date });
  const created = new Date(`${date}T00:00:00Z`);
  let pages: number | undefined;
  if (kind === 'xlsx') await writeReportWorkbook(out, book, created);
  else {
    try {
      pages = (await (await import('../../host/report-pdf')).writeReportPdf(out, data.value, book, { date })).pages;
    } catch (e) {
      throw new InputError(`cannot write ${out}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (args.flags.has('json')) {
    process.stdout.write(JSON.stringify({ project: target, out, format: kind, date, scenarios: data.value.forecast.scenarios.map((s) => s.name), focus: data.value.focus,
      trials, seed: data.value.seed, sheets: book.sheets.map((s) => ({ name: s.name, rows: s.rows.length })), ...(pages !== undefined ? { pages } : {}), warnings: [...warnings, ...data.value.forecast.warnings] }, null, 2) + '\n');
  } else {
    process.stdout.write(`wrote ${out}: ${kind === 'xlsx' ? `${book.sheets.length} sheets` : `${pages} pages`} — ${data.value.district}, ${data.value.forecast.scenarios.length} scenario(s), ${mc ? `${trials} Monte Carlo trials of ${data.value.focus} (seed ${seed})` : 'no Monte Carlo'}\n`);
  }
  return EXIT.ok;
}
