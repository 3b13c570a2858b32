import { allocate, type AllocateOptions, type AllocationResult } from '../allocate/allocate';
import { caseloadMetrics, compareScenarios, DEFAULT_COMPARE_METRICS, type Comparison } from '../forecast/compare';
import { scenarioPaths } from '../forecast/drivers';
import { forecastProject, type ForecastReport } from '../forecast/forecast';
import { acceptTrials, runTrials, summariseTrials, type MonteCarloSummary } from '../forecast/monte-carlo';
import { prepareTrials } from '../forecast/trials';
import { prepareForecast } from '../forecast/prepare';
import { breakEven, tornado, type BreakEven, type Tornado } from '../forecast/sensitivity';
import { staffingCosterFor } from '../forecast/staffing-link';
import type { Project } from '../project/project';
import { fail, ok, type Parsed } from '../result';
import { withStaffingDefaults } from '../staffing/defaults';
import { defaultStaffingYear, staffingPlan, type StaffingPlan } from '../staffing/plan';
import { timeStudyReport, type TimeReport } from '../staffing/time';
import { selfCheck } from '../selfcheck/selfcheck';
import type { SelfCheck } from '../selfcheck/types';

// Everything a board report shows, computed by the same engine calls the CLI commands make
// (allocate, forecast --all --staffing, compare, sensitivity, staffing, schedule, timestudy), so
// each figure in the report equals the one the command prints. Monte Carlo runs on worker threads
// in the host and is passed in.

export interface ReportOptions {
  /** Scenario names to show (Base is always first); default every scenario. */
  scenarios?: string[];
  years?: number;
  allocate?: AllocateOptions;
  /** The report is regenerated from this snapshot's inputs (models/report/from-snapshot.ts): named on the cover and the summary. */
  snapshot?: ReportSnapshot;
}

/** The snapshot a report was regenerated from, and whether this engine still gives its stored figures. */
export interface ReportSnapshot {
  name: string;
  taken_at: string;
  note: string;
  presented: boolean;
  engine_version: string;
  /** verifySnapshot's sentence: the figures recompute exactly as stored, or which moved. */
  engine_check: string;
  same: boolean;
}

export interface ReportData {
  district: string;
  /** PROJECT as given (a file name or "demo"). */
  source: string;
  seed: number;
  allocation: AllocationResult;
  forecast: ForecastReport;
  comparison: Comparison;
  /** The scenario the tornado and the Monte Carlo bands are for (the first asked, else Base). */
  focus: string;
  tornado: Tornado;
  breakEven: BreakEven[];
  monteCarlo: MonteCarloSummary | null;
  staffing: StaffingPlan;
  /** Staffing sheets the project lacks, filled with illustrative defaults (named in the summary). */
  defaulted: string[];
  time: TimeReport;
  /** The Drivers sheet as the summary lists it: each driver's value (null when it varies by year) and its range. */
  assumptions: { driver: string; value: number | null; note: string }[];
  /** Practices 13–15 (`steward selfcheck --json`'s practices): one page of the report. */
  selfCheck: SelfCheck;
  snapshot: ReportSnapshot | null;
}

/** The scenario the report's uncertainty figures are about. */
export const focusScenario = (opts: ReportOptions): string => opts.scenarios?.find((s) => s !== 'Base') ?? 'Base';

export function gatherReport(project: Project, source: string, opts: ReportOptions = {}, monteCarlo: MonteCarloSummary | null = null): Parsed<ReportData> {
  const alloc = allocate(project, opts.allocate ?? {});
  if (!alloc.ok) return fail(`allocation: ${alloc.reason}`);
  const names = opts.scenarios ? ['Base', ...opts.scenarios.filter((s) => s !== 'Base')] : 'all';
  const fc = forecastProject(project, { years: opts.years, scenarios: names, staffing: true });
  if (!fc.ok) return fail(`forecast: ${fc.reason}`);
  const broken = fc.value.scenarios.find((s) => s.error);
  if (broken) return fail(`scenario ${broken.name}: ${broken.error}`);
  const comparison = compareScenarios(fc.value.scenarios, [...DEFAULT_COMPARE_METRICS, ...caseloadMetrics(fc.value.scenarios)]);

  const focus = focusScenario(opts);
  const prep = prepareForecast(project, { years: opts.years });
  if (!prep.ok) return fail(`sensitivity: ${prep.reason}`);
  const p = prep.value;
  const sp = scenarioPaths(focus, p.scenarios, p.drivers.paths, p.baseYear, p.years);
  if (!sp.ok) return fail(`sensitivity: ${sp.reason}`);
  const coster = staffingCosterFor(project, p);
  const t = tornado(p, sp.value.paths, sp.value.priority_plan, coster);
  const be = p.drivers.uncertain.map((u) => breakEven(p, sp.value.paths, u.name, undefined, sp.value.priority_plan, coster));

  const staffed = withStaffingDefaults(project);
  const plan = staffingPlan({ project: staffed.project, year: defaultStaffingYear(staffed.project) });
  return ok({
    district: project.settings.district_name,
    source,
    seed: monteCarlo?.seed ?? project.settings.seed,
    allocation: alloc.value,
    forecast: fc.value,
    comparison,
    focus,
    tornado: t,
    breakEven: be,
    monteCarlo,
    staffing: plan,
    defaulted: staffed.defaulted,
    time: timeStudyReport(staffed.project),
    selfCheck: selfCheck(project),
    snapshot: opts.snapshot ?? null,
    assumptions: project.drivers.map((dr) => ({
      driver: dr.driver,
      value: dr.value ?? null,
      note: [
        Object.keys(dr.by_year).length > 0 ? `by year: ${Object.entries(dr.by_year).map(([y, v]) => `${y} ${v}`).join(', ')}` : '',
        dr.low !== undefined && dr.high !== undefined ? `uncertain: ${dr.low} to ${dr.high}${dr.distribution ? ` (${dr.distribution})` : ''}` : '',
      ].filter((x) => x !== '').join('; '),
    })),
  });
}

/** Trials for the report's Monte Carlo bands when none are asked for (about a second on 2 workers). */
export const REPORT_TRIALS = 1000;

/**
 * The report's Monte Carlo in one thread (the app's engine worker): the same trials and summary as
 * the CLI's worker pool, which merges its chunks into the same bands for any number of workers.
 */
export function reportMonteCarlo(project: Project, scenario: string, trials: number, seed: number, years?: number): Parsed<MonteCarloSummary> {
  const prep = prepareTrials(project, scenario, years);
  if (!prep.ok) return prep;
  const chunk = runTrials(prep.value.prepared, prep.value.paths, seed, 0, trials, prep.value.priorityPlan, undefined, prep.value.staffing);
  return acceptTrials(summariseTrials(prep.value.prepared, [chunk], seed));
}
