import { planAreas, type ScenarioAreas } from '../../../models/forecast/areas';
import { caseloadMetrics, compareScenarios, DEFAULT_COMPARE_METRICS, type Comparison } from '../../../models/forecast/compare';
import { scenarioPaths } from '../../../models/forecast/drivers';
import { forecastPrepared, type ForecastReport } from '../../../models/forecast/forecast';
import { acceptTrials, runTrials, summariseTrials, type MonteCarloSummary, type TrialChunk } from '../../../models/forecast/monte-carlo';
import { prepareForecast, type Prepared } from '../../../models/forecast/prepare';
import { breakEven, tornado, type BreakEven, type Tornado } from '../../../models/forecast/sensitivity';
import { staffingCosterFor } from '../../../models/forecast/staffing-link';
import { prepareTrials } from '../../../models/forecast/trials';
import type { Project } from '../../../models/project/project';

// The Scenarios and Compare screens' figures: the same calls `steward forecast|compare|sensitivity`
// and `forecast --trials N --seed S` make, so the screen and the CLI show the same numbers.

export interface ForecastRequest {
  /** Scenario names, or every scenario (Base first). */
  scenarios: string[] | 'all';
  /** Years forecast (1–10); the project's horizon when absent. */
  years?: number;
  /** Staffing and schedule metrics per scenario-year (class size, caseloads, …). */
  staffing?: boolean;
  /** What-if sliders: driver → value for every projected year, on top of each scenario. */
  whatIf?: Record<string, number>;
  /** Spending by program and function each year, as the CLI (default: yes, except with what-if values — a slider move skips it). */
  programs?: boolean;
}

// A version's prepared forecast (tables read, drivers resolved, positions costed: most of a what-if
// forecast's time) is kept with the version's project object, which never changes, so a slider move
// only runs the years. Runs never change a Prepared (the CLI's sensitivity reuses one the same way).
const preparedByProject = new WeakMap<Project, Map<string, Prepared>>();

function prepared(project: Project, years: number | undefined): Prepared {
  let byYears = preparedByProject.get(project);
  if (!byYears) preparedByProject.set(project, (byYears = new Map()));
  const key = String(years ?? '');
  const hit = byYears.get(key);
  if (hit) return hit;
  const prep = prepareForecast(project, { years });
  if (!prep.ok) throw new Error(prep.reason);
  byYears.set(key, prep.value);
  return prep.value;
}

/** `steward forecast --json` (without the Monte Carlo keys): forecastProject on the version's prepared forecast. */
export function runForecast(project: Project, r: ForecastRequest): ForecastReport {
  const out = forecastPrepared(project, prepared(project, r.years), { scenarios: r.scenarios, ...(r.years !== undefined ? { years: r.years } : {}), ...(r.staffing ? { staffing: true } : {}), ...(r.whatIf ? { whatIf: r.whatIf } : {}), programs: r.programs ?? r.whatIf === undefined });
  if (!out.ok) throw new Error(out.reason);
  return out.value;
}

export interface CompareResult { comparison: Comparison; forecast: ForecastReport; /** compare --json's `areas`, the baseline first. */ areas: ScenarioAreas[] }

/**
 * `steward compare --json` with the difference from `baseline` (Base when absent, as the CLI), and
 * the full forecast of every scenario it compares (by fund, object and role for the charts).
 */
export function runCompare(project: Project, r: { years?: number; baseline?: string }): CompareResult {
  const forecast = runForecast(project, { scenarios: 'all', staffing: true, ...(r.years !== undefined ? { years: r.years } : {}) });
  const broken = forecast.scenarios.find((s) => s.error);
  if (broken) throw new Error(`scenario ${broken.name}: ${broken.error}`);
  const metrics = [...DEFAULT_COMPARE_METRICS, ...caseloadMetrics(forecast.scenarios)];
  // The reference is the first scenario compared: the chosen baseline goes first.
  const ordered = r.baseline ? [...forecast.scenarios.filter((s) => s.name === r.baseline), ...forecast.scenarios.filter((s) => s.name !== r.baseline)] : forecast.scenarios;
  if (r.baseline && ordered[0]?.name !== r.baseline) throw new Error(`no scenario "${r.baseline}" to compare with`);
  return { comparison: compareScenarios(ordered, metrics), forecast, areas: planAreas(ordered) };
}

export interface SensitivityResult { scenario: string; reserve_policy_pct: number; tornado: Tornado; break_even: BreakEven[] }

/**
 * `steward sensitivity --scenario NAME --json`: the tornado and each uncertain driver's break-even
 * value. Run in a worker of its own (EngineClient.solo): progress after the tornado and each break-even.
 */
export function runSensitivity(project: Project, r: { scenario: string; years?: number }, progress?: (done: number, total: number) => void): SensitivityResult {
  const p = prepared(project, r.years);
  const sp = scenarioPaths(r.scenario, p.scenarios, p.drivers.paths, p.baseYear, p.years);
  if (!sp.ok) throw new Error(sp.reason);
  const staffing = staffingCosterFor(project, p);
  const total = p.drivers.uncertain.length + 1;
  const t = tornado(p, sp.value.paths, sp.value.priority_plan, staffing);
  progress?.(1, total);
  const be = p.drivers.uncertain.map((u, i) => {
    const b = breakEven(p, sp.value.paths, u.name, undefined, sp.value.priority_plan, staffing);
    progress?.(i + 2, total);
    return b;
  });
  return { scenario: r.scenario, reserve_policy_pct: p.policy, tornado: t, break_even: be };
}

export interface TrialsRequest { project: Project; scenario: string; years?: number; seed: number; start: number; count: number }

/**
 * One worker's share of a Monte Carlo run: trials start…start+count−1, each drawing from
 * subSeed(seed, i), so any split into workers gives the CLI's figures.
 */
export function runTrialChunk(r: TrialsRequest, progress?: (done: number) => void): TrialChunk {
  const pt = prepareTrials(r.project, r.scenario, r.years);
  if (!pt.ok) throw new Error(pt.reason);
  const { prepared, paths, priorityPlan, staffing } = pt.value;
  return runTrials(prepared, paths, r.seed, r.start, r.count, priorityPlan, progress, staffing);
}

/** The chunks merged into the bands and breach probabilities `forecast --trials N --seed S --json` prints. */
export function summariseChunks(project: Project, r: { scenario: string; years?: number; seed: number; chunks: TrialChunk[] }): MonteCarloSummary {
  const pt = prepareTrials(project, r.scenario, r.years);
  if (!pt.ok) throw new Error(pt.reason);
  const s = acceptTrials(summariseTrials(pt.value.prepared, r.chunks, r.seed));
  if (!s.ok) throw new Error(s.reason);
  return s.value;
}
