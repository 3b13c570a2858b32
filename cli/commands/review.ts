import { saveProject } from '../../host/project-io';
import { readFileGrids } from '../../host/read-file';
import { acceptNeeds, type AcceptedNeed } from '../../models/allocate/review/accept-needs';
import { runReview, type ReviewInput, type ReviewResult } from '../../models/allocate/review/review';
import { importTable } from '../../models/import/table';
import { ReadError, type ImportOptions } from '../../models/import/types';
import { reportProblems } from '../../models/project/problems';
import { basename } from 'node:path';
import { parseAmount } from '../../models/money/cents';
import type { Actual } from '../../models/schema/tables';
import { EXIT, InputError, ReportedError, UsageError, flagString, parseArgs } from '../args';
import { PROJECT_FLAGS, loadOptions, printProblems, projectFor } from '../project';

/**
 * `review PROJECT --actuals FILE --as-of DATE [--json]`: an in-year review — year-end projection per
 * line, variances, interim certification, time-and-effort duties, proposed reallocations.
 * Added: --enrollment N, --attendance RATE, --state-revenue $, --other-revenue $ (current figures
 * for the changes-since-adoption check), --save FILE (the project with this review's record appended
 * to its Reviews sheet, .steward or .xlsx). Without --actuals, the project's own Actuals sheet is used.
 * --accept NEED[,NEED…] (with --save): accepts the proposed reallocations to those needs as the
 * Allocate screen's Accept does — the money moves in the Budget table and the decision is recorded —
 * and the review shown and saved is the one run after them (JSON key `accepted`).
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { actuals: 'value', 'as-of': 'value', json: 'bool', enrollment: 'value', attendance: 'value', 'state-revenue': 'value', 'other-revenue': 'value', save: 'value', name: 'value', accept: 'value', ...PROJECT_FLAGS });
  const asOf = flagString(args, 'as-of');
  if (asOf === undefined) throw new UsageError('--as-of DATE is required (yyyy-mm-dd)');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) throw new UsageError(`--as-of must be a date yyyy-mm-dd, not "${asOf}"`);
  const save = flagString(args, 'save');
  if (save !== undefined && !/\.(steward|xlsx)$/i.test(save)) throw new UsageError('--save must name a .steward or .xlsx file');
  const acceptList = flagString(args, 'accept');
  const toAccept = acceptList === undefined ? [] : [...new Set(acceptList.split(',').map((x) => x.trim()).filter((x) => x !== ''))];
  if (acceptList !== undefined && toAccept.length === 0) throw new UsageError('--accept takes need ids, e.g. --accept N056,N003');
  if (toAccept.length > 0 && save === undefined) throw new UsageError('--accept needs --save FILE: accepting moves money in the Budget table, so the result must be saved');

  const { project, warnings } = await projectFor('review', args);

  const input: ReviewInput = { asOf, current: current(args.flags) };
  const name = flagString(args, 'name');
  if (name !== undefined) input.reviewId = name;
  const file = flagString(args, 'actuals');
  if (file !== undefined) input.actuals = await readActuals(file, loadOptions(args));

  let reviewed = project;
  let accepted: AcceptedNeed[] = [];
  if (toAccept.length > 0) {
    const a = acceptNeeds(project, input, toAccept);
    if (!a.ok) throw new InputError(`--accept: ${a.reason}`);
    reviewed = a.value.project;
    accepted = a.value.accepted;
  }
  const r = runReview(reviewed, input);
  if (!r.ok) throw new InputError(r.reason);
  if (save !== undefined) await saveProject(save, { ...reviewed, allocationReviews: [...reviewed.allocationReviews, ...r.value.record] });
  if (args.flags.has('json')) process.stdout.write(JSON.stringify({ ...r.value, ...(toAccept.length > 0 ? { accepted } : {}), warnings }, null, 2) + '\n');
  else process.stdout.write(acceptedText(accepted) + summary(r.value) + (save !== undefined ? `saved the review record${accepted.length > 0 ? ' and the moved budget' : ''} to ${save}\n` : ''));
  return EXIT.ok;
}

async function readActuals(file: string, opts: ImportOptions): Promise<Actual[]> {
  let grids;
  try {
    grids = (await readFileGrids(file)).grids;
  } catch (e) {
    if (e instanceof ReadError) throw new InputError(`${file}: ${e.message}`);
    throw e;
  }
  const actualsSheet = grids.filter((g) => g.sheet.toLowerCase() === 'actuals');
  const imp = importTable(actualsSheet.length > 0 ? actualsSheet : grids, { ...opts, kind: 'actuals' });
  // The same rule as the project's own sheets: a row that could not be read stops the review.
  const problems = reportProblems([{ ...imp.report, file: imp.report.file || basename(file) }]);
  printProblems(problems, process.stderr);
  if (problems.some((p) => p.severity === 'error')) throw new ReportedError(`${file}: ${imp.report.rejected - imp.report.excluded} actuals rows could not be read`);
  if (imp.rows.length === 0) throw new InputError(`${file}: no actuals rows could be read (${imp.report.rejected} rejected)`);
  return imp.rows;
}

function current(flags: Map<string, string | true>): NonNullable<ReviewInput['current']> {
  const out: NonNullable<ReviewInput['current']> = {};
  const num = (name: string) => {
    const v = flags.get(name);
    if (typeof v !== 'string') return undefined;
    const n = Number(v.replace(/%$/, ''));
    if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number, not "${v}"`);
    return v.endsWith('%') ? n / 100 : n;
  };
  const money = (name: string) => {
    const v = flags.get(name);
    if (typeof v !== 'string') return undefined;
    const p = parseAmount(v);
    if (!p.ok || p.value === null) throw new UsageError(`--${name} must be an amount in dollars, not "${v}"`);
    return p.value;
  };
  const e = num('enrollment');
  if (e !== undefined) out.enrollment = e;
  const a = num('attendance');
  if (a !== undefined) out.attendance = a;
  const s = money('state-revenue');
  if (s !== undefined) out.state_revenue_cents = s;
  const o = money('other-revenue');
  if (o !== undefined) out.other_revenue_cents = o;
  return out;
}

const usd = (c: number) => `${c < 0 ? '-' : ''}$${(Math.abs(c) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** What --accept did, before the review run after it. */
function acceptedText(accepted: readonly AcceptedNeed[]): string {
  if (accepted.length === 0) return '';
  const lines = accepted.map((a) => `accepted: ${usd(a.amount_cents)} of ${a.fund_code} → need ${a.need_id}, from ${a.moves.length} budget row(s); new budget line: ${a.added.description ?? ''}`);
  return `${lines.join('\n')}\n\n`;
}

function summary(r: ReviewResult): string {
  const lines = [`In-year review as of ${r.as_of} (FY${r.fiscal_year}, ${(r.elapsed_share * 100).toFixed(1)}% of the year, ${r.method.replace('_', '-')} projection)`, ''];
  lines.push(`${'fund'.padEnd(10)}${'budget'.padStart(18)}${'spent'.padStart(18)}${'projected'.padStart(18)}${'variance'.padStart(18)}`);
  for (const f of r.funds) lines.push(`${f.fund_code.padEnd(10)}${usd(f.budget_cents).padStart(18)}${usd(f.ytd_cents).padStart(18)}${usd(f.projected_cents).padStart(18)}${usd(f.variance_cents).padStart(18)}`);
  lines.push('', `interim certification: ${r.certification.status.toUpperCase()} — ${r.certification.reason}`);
  for (const y of r.certification.years) lines.push(`  FY${y.fiscal_year}: revenue ${usd(y.revenue_cents)}, spending ${usd(y.expenditure_cents)}, ending balance ${usd(y.ending_balance_cents)} (reserve ${usd(y.reserve_required_cents)})`);
  for (const c of r.changes) lines.push(`  ${c.measure}: ${(c.change_share * 100).toFixed(1)}% since adoption${c.flagged ? '  ← explain' : ''}`);
  const ended = [...new Set(r.lines.filter((l) => l.fund_end_date !== undefined).map((l) => `${l.fund_code} (ends ${l.fund_end_date})`))];
  if (ended.length > 0) lines.push('', `grants ending before 30 June, projected only to their end date: ${ended.join(', ')}`);
  lines.push('', `lines: ${r.lines.filter((l) => l.flag === 'over').length} over, ${r.lines.filter((l) => l.flag === 'under').length} under, ${r.lines.filter((l) => l.flag === 'unbudgeted').length} unbudgeted of ${r.lines.length}`);
  lines.push(`time and effort: ${r.time_effort.filter((t) => t.documentation === 'monthly_par').length} positions need monthly PARs, ${r.time_effort.filter((t) => t.documentation === 'semi_annual_certification').length} semi-annual certifications`);
  if (r.reallocations.length > 0) {
    lines.push('', 'proposed reallocations:');
    for (const p of r.reallocations) lines.push(`  ${usd(p.cents)} of ${p.fund_code} → need ${p.need_id}${p.site_id ? ` (site ${p.site_id})` : ''}`);
  }
  return lines.join('\n') + '\n';
}
