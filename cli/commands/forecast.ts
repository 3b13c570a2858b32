import { runMonteCarlo, closeMonteCarloWorkers, MAX_TRIALS } from '../../host/monte-carlo-pool';
import { writeWorkbook } from '../../host/write-workbook';
import type { PlanSwitch } from '../../models/forecast/engine';
import { forecastProject, type ForecastReport, type ScenarioResult } from '../../models/forecast/forecast';
import { describeTrialFailure, share, type MonteCarloSummary } from '../../models/forecast/monte-carlo';
import type { Cell } from '../../models/import/types';
import type { Project } from '../../models/project/project';
import { EXIT, InputError, UsageError, flagInt, flagString, parseArgs } from '../args';
import { PROJECT_FLAGS, projectFor } from '../project';
import { measureBreachLines, measureLines, measureSheet, schoolLines, schoolSheet } from './forecast-network';

export function forecastOrFail(project: Project, opts: Parameters<typeof forecastProject>[1]): ForecastReport {
  const r = forecastProject(project, opts);
  if (!r.ok) throw new InputError(r.reason);
  const broken = r.value.scenarios.find((s) => s.error);
  if (broken) throw new InputError(`scenario ${broken.name}: ${broken.error}`);
  return r.value;
}

const dollars = (c: number) => (c / 100).toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 0 });
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (x: number) => String(Number(x.toPrecision(4)));

/**
 * `forecast PROJECT [--scenario NAME|--all] [--years N] [--trials N --seed S] [--workers N]
 * [--allow-failed-trials] [--staffing] [--json] [--out report.xlsx]`: the multi-year forecast per
 * scenario, which plan ran when and why, and with --trials the Monte Carlo bands and the chance of
 * breaching the policy. A failed trial fails the run (exit 1, the first failure on stderr) unless
 * --allow-failed-trials, which summarises the successful trials and reports the failures.
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { scenario: 'value', all: 'bool', years: 'value', trials: 'value', seed: 'value', workers: 'value', 'allow-failed-trials': 'bool', staffing: 'bool', json: 'bool', out: 'value', ...PROJECT_FLAGS });
  if (args.flags.has('all') && args.flags.has('scenario')) throw new UsageError('give --scenario NAME or --all, not both');
  if (args.flags.has('seed') && !args.flags.has('trials')) throw new UsageError('--seed goes with --trials');
  if (args.flags.has('allow-failed-trials') && !args.flags.has('trials')) throw new UsageError('--allow-failed-trials goes with --trials');
  const { project, target, warnings } = await projectFor('forecast', args);
  const years = flagInt(args, 'years', 1, 10);
  const trials = flagInt(args, 'trials', 1, MAX_TRIALS);
  const seed = flagInt(args, 'seed', -2147483648, 4294967295) ?? project.settings.seed;
  const workers = flagInt(args, 'workers', 0, 16) ?? 2;
  const scenario = flagString(args, 'scenario') ?? 'Base';
  const report = forecastOrFail(project, { years, scenarios: args.flags.has('all') ? 'all' : [scenario], staffing: args.flags.has('staffing') });

  let mc: MonteCarloSummary | undefined;
  if (trials !== undefined) {
    try {
      const r = await runMonteCarlo({ project, scenario, years, trials, seed, workers, allowFailedTrials: args.flags.has('allow-failed-trials') });
      if (!r.ok) throw new InputError(r.reason);
      mc = r.value;
    } finally {
      await closeMonteCarloWorkers();
    }
  }

  if (args.flags.has('json')) {
    const out: Record<string, unknown> = { project: target, ...report, warnings: [...warnings, ...report.warnings] };
    if (mc) Object.assign(out, { monte_carlo: { scenario, ...mc }, bands: mc.bands, breach_probability: mc.breach_probability });
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  } else {
    process.stdout.write(textReport(report, mc, scenario));
  }
  const outPath = flagString(args, 'out');
  if (outPath) await writeWorkbook(outPath, reportSheets(report, mc));
  return EXIT.ok;
}

function textReport(r: ForecastReport, mc: MonteCarloSummary | undefined, mcScenario: string): string {
  const lines: string[] = [`${r.district} — forecast from FY${r.base_year}, reserve policy ${pct(r.reserve_policy_pct)} (${r.reserve_policy_basis} fund balance ÷ expenditures and transfers out)`];
  for (const s of r.scenarios) {
    lines.push('', `Scenario: ${s.name}${s.based_on ? ` (based on ${s.based_on})` : ''}`);
    lines.push(`  ${'year'.padEnd(6)}${'revenue'.padStart(16)}${'expenditure'.padStart(16)}${'surplus'.padStart(15)}${'ending bal.'.padStart(16)}${'reserve'.padStart(9)}${'FTE'.padStart(9)}  plan`);
    for (const y of s.years) {
      lines.push(`  ${String(y.year).padEnd(6)}${dollars(y.revenue_cents).padStart(16)}${dollars(y.expenditure_cents).padStart(16)}${dollars(y.surplus_cents).padStart(15)}${dollars(y.ending_balance_cents).padStart(16)}${pct(y.reserve_pct).padStart(9)}${y.fte.toFixed(1).padStart(9)}  ${y.plan ?? '-'}${y.below_policy ? '  BELOW POLICY' : ''}`);
    }
    lines.push(...fundBalanceLines(s));
    lines.push(...measureLines(s), ...schoolLines(s));
    lines.push(...reconcilingLines(s));
    if (s.years.some((y) => y.staffing && !('error' in y.staffing))) lines.push(...staffingLines(s));
    for (const sw of s.plan_switches) lines.push(...switchLines(sw));
    for (const sw of s.plan_switches_not_run) lines.push(`  (${sw.plan}: "${sw.condition}" fired in ${sw.trigger_year}, not run: ${sw.reason})`);
  }
  if (mc) {
    lines.push('', `Monte Carlo: ${mc.trials} trials of ${mcScenario}, seed ${mc.seed}`);
    if (mc.failed_trials > 0) {
      lines.push(`  ${mc.failed_trials} trials (${share(mc.failed_share)}) FAILED and are left out: the figures below are over the ${mc.successful_trials} successful trials.`);
      if (mc.first_failure) lines.push(`  First failure: ${describeTrialFailure(mc.first_failure)}`);
    }
    if (mc.distributions.length > 0) {
      const level = Math.round(mc.distributions[0]!.interval * 100);
      lines.push(`  Each driver is drawn around its value (the plain forecast's), low–high read as a ${level}% interval:`);
      lines.push(`    ${mc.distributions.map((d) => `${d.driver} ${d.kind} at ${num(d.center)} [${num(d.low)}, ${num(d.high)}]${Math.abs(d.p_low - (1 - d.interval) / 2) > 0.02 || Math.abs(d.p_high - (1 + d.interval) / 2) > 0.02 ? ` (low P${Math.round(d.p_low * 100)}, high P${Math.round(d.p_high * 100)})` : ''}`).join('; ')}`);
    }
    lines.push(`  ${'year'.padEnd(6)}${'P5'.padStart(15)}${'P25'.padStart(15)}${'P50'.padStart(15)}${'P75'.padStart(15)}${'P95'.padStart(15)}${'P(breach)'.padStart(11)}`);
    mc.bands.forEach((b, i) => lines.push(`  ${String(b.year).padEnd(6)}${[b.p5, b.p25, b.p50, b.p75, b.p95].map((v) => dollars(v).padStart(15)).join('')}${pct(mc.breach_probability[i]!.p).padStart(11)}`));
    for (const b of mc.backup_probability) lines.push(`  P(${b.plan} needed): ${b.by_year.map((y) => `${y.year} ${pct(y.p)}`).join(', ')}`);
    lines.push(...measureBreachLines(mc));
  }
  if (r.vacancies.length > 0) {
    const how = (k: string) => r.vacancies.filter((v) => v.costed_at === k).length;
    lines.push('', `Positions with no salary and no schedule step (vacancies): ${how('hiring_step')} costed at the role's hiring step, ${how('role_average')} at the role's average pay (warnings list each).`);
  }
  if (r.signposts.unfolding) lines.push('', `Signposts point to: ${r.signposts.unfolding}`);
  if (r.warnings.length > 0) lines.push('', ...r.warnings.slice(0, 10).map((w) => `warning: ${w}`));
  return lines.join('\n') + '\n';
}

/** A plan switch: what fired it, with which figures, and whether the decision can wait for them. */
function switchLines(sw: PlanSwitch): string[] {
  const values = Object.entries(sw.trigger_values ?? {}).map(([k, v]) => `${k} ${k.endsWith('_pct') || k.endsWith('_growth') || k.endsWith('_change') ? pct(v) : num(v)}`).join(', ');
  const out = [`  → ${sw.plan} from ${sw.year}: "${sw.condition}" fired in ${sw.trigger_year}${values ? ` (${values})` : ''}`];
  if (sw.decide_by) {
    out.push(sw.too_late
      ? `    decide by ${sw.decide_by}: TOO LATE to wait for FY${sw.figure_known_in}'s figure (known ${sw.figure_known_on}); decide on the projection made in FY${sw.decide_on_projection_made_in}`
      : `    decide by ${sw.decide_by}: in time — FY${sw.figure_known_in}'s figure is known ${sw.figure_known_on}`);
  }
  return out;
}

/** Staffing and schedule figures under a scenario's budget table (forecast --staffing); caseloads as 1:students per FTE. */
function staffingLines(s: ScenarioResult): string[] {
  const caseRoles = [...new Set(s.years.flatMap((y) => (y.staffing && !('error' in y.staffing) ? Object.keys(y.staffing.caseloads) : [])))].filter((r) => r !== 'teacher');
  const out = [`  ${'year'.padEnd(6)}${'staff Δ FTE'.padStart(12)}${'personnel'.padStart(16)}${'class size'.padStart(11)}${'teacher load'.padStart(13)}${'collab min/wk'.padStart(14)}${'instr. min/yr'.padStart(14)}${caseRoles.map((r) => r.slice(0, 20).padStart(22)).join('')}`];
  for (const y of s.years) {
    const m = y.staffing;
    if (!m || 'error' in m) { out.push(`  ${String(y.year).padEnd(6)}  ${m ? m.error : 'no staffing figures'}`); continue; }
    out.push(`  ${String(y.year).padEnd(6)}${y.staffing_change_fte.toFixed(2).padStart(12)}${dollars(y.personnel_cents).padStart(16)}${m.avgClassSize.toFixed(2).padStart(11)}${m.teacherLoad.toFixed(1).padStart(13)}${String(m.collaborationMinutesPerWeek).padStart(14)}${m.instructionalMinutesPerYear.toLocaleString('en-US').padStart(14)}${caseRoles.map((r) => (m.caseloads[r] === undefined ? '-' : `1:${Math.round(m.caseloads[r]!)}`).padStart(22)).join('')}`);
  }
  return out;
}

export function reportSheets(r: ForecastReport, mc?: MonteCarloSummary): { name: string; rows: Cell[][] }[] {
  const d = (c: number) => c / 100;
  const summary: Cell[][] = [['scenario', 'year', 'plan', 'enrollment', 'revenue', 'expenditure', 'surplus', 'beginning_balance', 'ending_balance', 'reserve_pct', 'below_policy', 'fte', 'positions_added_fte', 'positions_cut_fte', 'avg_class_size', 'per_pupil', 'personnel', 'staffing_change_fte', 'reconciling', 'reserve_balance', 'nonspendable', 'restricted', 'committed', 'assigned', 'unassigned']];
  const staffing: Cell[][] = [['scenario', 'year', 'required_fte', 'class_size', 'sections', 'teacher_load', 'collaboration_minutes_per_week', 'instructional_minutes_per_year', 'role', 'required_role_fte', 'caseload']];
  const bySource: Cell[][] = [['scenario', 'year', 'source', 'amount']];
  const byObject: Cell[][] = [['scenario', 'year', 'object', 'amount', 'of_which_reconciling']];
  // Every fund, restricted ones too, by object class: the base year is the Budget sheet fund by fund,
  // and the reconciling line (budget personnel lines − positions' cost) is shown where it sits.
  const classes = Object.keys(r.scenarios[0]?.years[0]?.funds?.[0]?.expenditure_by_object ?? {}); // the engine's object classes, in order
  const byFund: Cell[][] = [['scenario', 'year', 'fund', 'revenue', 'expenditure', ...classes, 'reconciling_salaries', 'reconciling_benefits', 'reconciling']];
  const byRole: Cell[][] = [['scenario', 'year', 'role', 'fte']];
  const switches: Cell[][] = [['scenario', 'effective_year', 'plan', 'condition', 'trigger_year', 'lag', 'decide_by', 'trigger_values', 'figure_known_on', 'too_late', 'decide_on_projection_made_in', 'ran']];
  for (const s of r.scenarios as ScenarioResult[]) {
    for (const y of s.years) {
      summary.push([s.name, y.year, y.plan ?? '', y.enrollment, d(y.revenue_cents), d(y.expenditure_cents), d(y.surplus_cents), d(y.beginning_balance_cents), d(y.ending_balance_cents), y.reserve_pct, y.below_policy ? 'yes' : 'no', y.fte, y.positions_added_fte, y.positions_cut_fte, y.avg_class_size, d(y.per_pupil_cents), d(y.personnel_cents), y.staffing_change_fte, d(y.reconciling_cents ?? 0), d(y.reserve_balance_cents), d(y.fund_balance.nonspendable), d(y.fund_balance.restricted), d(y.fund_balance.committed), d(y.fund_balance.assigned), d(y.fund_balance.unassigned)]);
      const m = y.staffing;
      if (m && !('error' in m)) {
        const required = Math.round(Object.values(m.requiredFteByRole).reduce((a, b) => a + b, 0) * 100) / 100;
        for (const [role, fte] of Object.entries(m.requiredFteByRole)) staffing.push([s.name, y.year, required, m.avgClassSize, m.sections, m.teacherLoad, m.collaborationMinutesPerWeek, m.instructionalMinutesPerYear, role, fte, m.caseloads[role] ?? null]);
      }
      for (const [k, v] of Object.entries(y.revenue_by_source ?? {})) bySource.push([s.name, y.year, k, d(v)]);
      const rec: Record<string, number> = y.reconciling_by_object ?? {};
      for (const [k, v] of Object.entries(y.expenditure_by_object ?? {})) byObject.push([s.name, y.year, k, d(v), rec[k] === undefined ? null : d(rec[k])]);
      for (const f of y.funds ?? []) {
        const by = f.expenditure_by_object;
        const fr = f.reconciling_by_object;
        byFund.push([s.name, y.year, f.fund_code, d(f.revenue_cents), d(f.expenditure_cents), ...classes.map((o) => d(by[o] ?? 0)), d(fr.salaries), d(fr.benefits), d(f.reconciling_cents)]);
      }
      for (const [k, v] of Object.entries(y.fte_by_role ?? {})) byRole.push([s.name, y.year, k, v]);
    }
    const row = (sw: PlanSwitch, ran: string): Cell[] => [s.name, sw.year, sw.plan, sw.condition, sw.trigger_year, sw.lag, sw.decide_by ?? '', JSON.stringify(sw.trigger_values ?? {}), sw.figure_known_on ?? '', sw.too_late ? 'yes' : 'no', sw.decide_on_projection_made_in ?? null, ran];
    for (const sw of s.plan_switches) switches.push(row(sw, 'yes'));
    for (const sw of s.plan_switches_not_run) switches.push(row(sw, `no: ${sw.reason}`));
  }
  const sheets = [
    { name: 'Forecast', rows: summary }, { name: 'Revenue by source', rows: bySource }, { name: 'Expenditure by object', rows: byObject },
    { name: 'Expenditure by fund', rows: byFund }, { name: 'FTE by role', rows: byRole }, { name: 'Plan switches', rows: switches },
  ];
  if (staffing.length > 1) sheets.push({ name: 'Staffing', rows: staffing });
  const measures = measureSheet(r.scenarios);
  if (measures) sheets.push(measures);
  const schools = schoolSheet(r.scenarios);
  if (schools) sheets.push(schools);
  if (mc) {
    const bands: Cell[][] = [['year', 'balance_p5', 'balance_p25', 'balance_p50', 'balance_p75', 'balance_p95', 'reserve_p5', 'reserve_p50', 'reserve_p95', 'breach_probability']];
    mc.bands.forEach((b, i) => { const rb = mc.reserve_bands[i]!; bands.push([b.year, d(b.p5), d(b.p25), d(b.p50), d(b.p75), d(b.p95), rb.p5, rb.p50, rb.p95, mc.breach_probability[i]!.p]); });
    sheets.push({ name: 'Monte Carlo', rows: bands });
    const trials: Cell[][] = [['field', 'value', 'driver', 'year'], ['trials', mc.trials], ['seed', mc.seed], ['successful_trials', mc.successful_trials], ['failed_trials', mc.failed_trials], ['failed_share', mc.failed_share]];
    const f = mc.first_failure;
    if (f) {
      trials.push(['first_failure_trial_index', f.trial_index], ['first_failure_year', f.year], ['first_failure_error', f.error]);
      for (const dr of f.drivers) {
        if (dr.by_year) for (const y of dr.by_year) trials.push(['first_failure_draw', y.value, dr.driver, y.year]);
        else trials.push(['first_failure_draw', dr.value ?? null, dr.driver, null]);
      }
    }
    for (const dd of mc.distributions) trials.push(['driver_distribution', `${dd.kind}, centred on ${dd.center}; low ${dd.low} (P${(dd.p_low * 100).toFixed(1)}), high ${dd.high} (P${(dd.p_high * 100).toFixed(1)}); ${dd.interval * 100}% interval`, dd.driver, null]);
    sheets.push({ name: 'Monte Carlo trials', rows: trials });
  }
  return sheets;
}

/** The last year's ending balance in its GASB 54 classes (when any class but unassigned is set). */
function fundBalanceLines(s: ScenarioResult): string[] {
  const last = s.years[s.years.length - 1];
  if (!last) return [];
  const f = last.fund_balance;
  if (f.nonspendable === 0 && f.restricted === 0 && f.committed === 0 && f.assigned === 0) return [];
  return [`  Fund balance at the end of FY${last.year} (GASB 54): nonspendable ${money(f.nonspendable)}, restricted ${money(f.restricted)}, committed ${money(f.committed)}, assigned ${money(f.assigned)}, unassigned ${money(f.unassigned)}`];
}

const money = (c: number) => `${c < 0 ? '-' : ''}$${(Math.abs(c) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/**
 * Under a scenario's table: the base year to the cent (all funds and the general fund, which the
 * Budget sheet should match) and, where positions are costed beside the budget's salary and benefit
 * lines, the reconciling line each year, so a finance user sees the difference, not a lost one.
 */
function reconcilingLines(s: ScenarioResult): string[] {
  const base = s.years[0];
  if (!base?.funds) return [];
  const all = base.funds.reduce((a, f) => a + f.expenditure_cents, 0);
  const out = [`  FY${base.year} (base year, the adopted budget): ${money(all)} in all funds, ${money(base.expenditure_cents)} in the general fund`];
  const other = (y: ScenarioResult['years'][number]) => (y.funds ?? []).reduce((a, f) => a + (f.reconciling_cents ?? 0), 0) - (y.reconciling_cents ?? 0);
  if (!s.years.some((y) => (y.funds ?? []).some((f) => (f.reconciling_cents ?? 0) !== 0))) return out;
  out.push('  Reconciling line (Budget sheet salary and benefit lines less the positions\' cost; in expenditure, grown with the positions\' pay):');
  out.push(`    general fund   ${s.years.map((y) => `${y.year} ${money(y.reconciling_cents ?? 0)}`).join(' · ')}`);
  if (s.years.some((y) => other(y) !== 0)) out.push(`    other funds    ${s.years.map((y) => `${y.year} ${money(other(y))}`).join(' · ')}`);
  return out;
}
