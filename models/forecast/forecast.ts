import type { Project } from '../project/project';
import { fail, ok, type Parsed } from '../result';
import { BASE_SCENARIO, scenarioPaths } from './drivers';
import { makeWorkspace, runScenario, type PlanSwitch, type SwitchNotRun, type YearResult } from './engine';
import type { ReserveBasis } from './fund-balance';
import { prepareForecast, type Prepared, type VacancyCost } from './prepare';
import { evaluateSignposts, type SignpostReading } from './signposts';
import type { StaffingMetrics } from '../staffing/metrics';
import { makeStaffingLink } from './staffing-link';
import { programSplit, splitByProgram, type ProgramSplit } from './program-split';

// The forecast of a project: every scenario asked for, year by year. Pure and plain data in and
// out, so the renderer recomputes it on a slider move and a worker can run it.

export interface ScenarioResult {
  name: string;
  based_on?: string;
  years: (YearResult & { staffing?: StaffingMetrics | { error: string } })[];
  plan_switches: PlanSwitch[];
  /** Triggers that fired whose plan never ran (after the last year, or replaced first), with why. */
  plan_switches_not_run: SwitchNotRun[];
  error?: string;
}

export interface ForecastReport {
  district: string;
  base_year: number;
  reserve_policy_pct: number;
  /** What the reserve policy measures: unrestricted (committed + assigned + unassigned) or unassigned fund balance. */
  reserve_policy_basis: ReserveBasis;
  scenarios: ScenarioResult[];
  signposts: SignpostReading;
  /** Positions with neither a salary nor a schedule step, and how each was costed (personnel.vacancy_cost). */
  vacancies: VacancyCost[];
  warnings: string[];
}

export interface ForecastOptions {
  years?: number;
  /** Scenario names; default: Base only. 'all' = Base and every scenario. */
  scenarios?: string[] | 'all';
  lean?: boolean;
  /** Staffing and schedule metrics for each scenario-year (class sizes, caseloads, collaboration
   *  minutes, …): one staffing-engine run per distinct year, enrollment and parameter set. */
  staffing?: boolean;
  /** Cost a scenario's staffing parameters into its budget (default true). */
  staffingCost?: boolean;
  /** Spending by program and function in each full (not lean) year (default true; what-if sliders skip it). */
  programs?: boolean;
  /** Driver overrides applied on top of each scenario (what-if sliders), driver → value for every year. */
  whatIf?: Record<string, number>;
}

export function scenarioNames(p: Prepared): string[] {
  return [BASE_SCENARIO, ...p.scenarios.map((s) => s.name).filter((n) => n !== BASE_SCENARIO)];
}

export function forecastProject(project: Project, opts: ForecastOptions = {}): Parsed<ForecastReport> {
  const prep = prepareForecast(project, { years: opts.years });
  if (!prep.ok) return prep;
  return forecastPrepared(project, prep.value, opts);
}

// A project version's split is read once, like its Prepared (a slider move reuses both).
const splits = new WeakMap<Prepared, ProgramSplit>();
function splitOf(project: Project, p: Prepared): ProgramSplit {
  let s = splits.get(p);
  if (!s) splits.set(p, (s = programSplit(project, p.baseYear)));
  return s;
}

export function forecastPrepared(project: Project, p: Prepared, opts: ForecastOptions = {}): Parsed<ForecastReport> {
  const names = opts.scenarios === 'all' ? scenarioNames(p) : (opts.scenarios ?? [BASE_SCENARIO]);
  const ws = makeWorkspace(p);
  const link = opts.staffing || opts.staffingCost !== false ? makeStaffingLink(project, p) : undefined;
  const coster = link && (opts.staffing || link.names.length > 0) ? link : undefined;
  const scenarios: ScenarioResult[] = [];
  for (const name of names) {
    const sp = scenarioPaths(name, p.scenarios, p.drivers.paths, p.baseYear, p.years);
    if (!sp.ok) return fail(sp.reason);
    const paths = sp.value.paths;
    // A what-if value holds every projected year; the base year stays as adopted (as a scenario's blank-year row).
    if (opts.whatIf) for (const [d, v] of Object.entries(opts.whatIf)) { const w = new Float64Array(p.years + 1).fill(v); w[0] = paths[d]?.[0] ?? v; paths[d] = w; }
    const run = runScenario(p, paths, { lean: opts.lean, workspace: ws, priorityPlan: sp.value.priority_plan, staffing: coster });
    if (!opts.lean && opts.programs !== false) for (const y of run.years) if (y.funds) Object.assign(y, splitByProgram(splitOf(project, p), y.funds));
    const res: ScenarioResult = { name, years: run.years, plan_switches: run.plan_switches, plan_switches_not_run: run.plan_switches_not_run };
    const spec = p.scenarios.find((s) => s.name === name);
    if (spec?.based_on) res.based_on = spec.based_on;
    if (run.error) res.error = run.error;
    if (opts.staffing && link) {
      // The base year is staffed as adopted, like its budget: the baseline's parameters.
      res.years = run.years.map((y, t) => ({ ...y, staffing: link.metrics(t, t === 0 ? link.baseline(0) : run.staffing_params![t]!, run.enrollment_index![t]!, run.site_moves?.[t]) }));
    }
    scenarios.push(res);
  }
  return ok({
    district: project.settings.district_name, base_year: p.baseYear, reserve_policy_pct: p.policy, reserve_policy_basis: p.fundBalance.basis, scenarios,
    signposts: evaluateSignposts(project.signposts ?? [], scenarios), vacancies: p.vacancies, warnings: p.warnings,
  });
}
