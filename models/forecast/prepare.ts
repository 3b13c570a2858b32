import type { Project } from '../project/project';
import { fail, ok, type Parsed } from '../result';
import { ForecastConfigSchema, type ForecastConfig } from './config';
import { baseDriverPaths, collectScenarios, type BaseDrivers, type ScenarioSpec } from './drivers';
import { projectEnrollment, type EnrollmentProjection } from './enrollment';
import { compilePlans, type CompiledPlans } from './plans';
import { fundBalancePolicy, type FundBalancePolicy } from './fund-balance';
import { fundTable, type PreparedFund } from './prepare-funds';
import { budgetPay, lineInflation, lineTable, prepareLines, type BudgetPay } from './prepare-lines';
import { nameList, noBuckets, prepareBuckets, type Buckets, type VacancyCost } from './prepare-personnel';
import { prepareRevenue, type RevenueLine } from './prepare-revenue';
import { reconcilingLine, type ReconcilingLine } from './reconcile';
import { philanthropyLines, prepareNetwork, withGrowThrough, type PreparedNetwork } from '../network/prepare-network';
import { schoolScenarioRows } from '../network/school-plans';

// Everything about a project that no driver can change is computed here once: positions grouped
// into buckets (role × site × funding split) with their schedule salary for every number of steps
// advanced, budget lines summed by fund and object class, revenue sources, the enrollment
// projection and the compiled plans. A scenario-year is then a loop over a few hundred buckets.

export { lastFiscalYear, type GrantEndPolicy, type PreparedFund } from './prepare-funds';
export type { RevenueLine } from './prepare-revenue';
export type { VacancyCost } from './prepare-personnel';

export interface Prepared {
  config: ForecastConfig;
  baseYear: number;
  years: number;
  /** K = years + 1: offsets 0 (the base year) … years; also the number of step counts kept. */
  K: number;
  policy: number;
  beginningBalance: number;
  /** The balance's GASB 54 classes and the reserve policy's basis (fund-balance.ts). */
  fundBalance: FundBalancePolicy;
  funds: PreparedFund[];
  general: number;
  roles: string[];
  sites: string[];
  /** [role] 1 for the config's teacher roles (room for roles plans add). */
  isTeacherRole: Uint8Array;
  buckets: Buckets;
  /** Positions with neither a salary nor a schedule step, and how each was costed. */
  vacancies: VacancyCost[];
  /** [f·C + c]: base-year non-personnel budget by fund and object class (cents); all lines with budget personnel. */
  lines: Float64Array;
  /** Object class → inflation: a driver name or a fixed rate. */
  inflation: (string | number)[];
  /** With no Positions sheet: how salary and benefit lines follow pay (prepare-lines.ts), else null. */
  budgetPay: BudgetPay | null;
  /** Set when positions are costed and the Budget sheet has salary or benefit lines: the base
   *  year is then the budget, and this line holds the difference (reconcile.ts). */
  reconciling: ReconcilingLine | null;
  revenue: RevenueLine[];
  enrollment: EnrollmentProjection;
  enrollmentIndexDriver: string;
  drivers: BaseDrivers;
  scenarios: ScenarioSpec[];
  plans: CompiledPlans;
  personnelFromBudget: boolean;
  /** A charter network's loans, balance sheet, fee and schools (models/network), else null. */
  network: PreparedNetwork | null;
  warnings: string[];
}

export interface PrepareOptions {
  years?: number;
}

export function prepareForecast(project: Project, opts: PrepareOptions = {}): Parsed<Prepared> {
  const parsedConfig = ForecastConfigSchema.safeParse(project.forecast ?? {});
  if (!parsedConfig.success) return fail(`forecast config: ${parsedConfig.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const config = parsedConfig.data;
  const baseYear = project.settings.base_year;
  const years = opts.years ?? project.settings.horizon_years;
  if (!Number.isInteger(years) || years < 1 || years > 10) return fail(`years must be 1–10, got ${years}`);
  const K = years + 1;
  const warnings: string[] = [];
  const errors: string[] = [];
  const fundBalance = fundBalancePolicy(project.settings.extra, project.settings.beginning_fund_balance, warnings, errors);

  // Funds are met in this order (positions, lines, revenue sources), which fixes their indices.
  const funds = fundTable(project, config, warnings, errors);
  const personnelFromBudget = config.personnel_source === 'budget' || (config.personnel_source === 'auto' && project.positions.length === 0);
  const roles = nameList();
  const sites = nameList(project.sites.map((s) => s.site_id));
  const vacancies: VacancyCost[] = [];
  const buckets = personnelFromBudget ? noBuckets(K) : prepareBuckets({ project, config, K, funds, roles, sites, warnings, vacancies });
  const lines = prepareLines(project, baseYear, personnelFromBudget, funds, warnings);
  const revenue = prepareRevenue(project, config, funds, errors);
  revenue.push(...philanthropyLines(project, funds.general));
  const F = funds.list.length;

  // Charter schools grow through their grades instead (models/network/grow-through.ts).
  const enrollment = withGrowThrough(projectEnrollment(project.enrollment, baseYear, years, {
    method: config.enrollment.method, historyYears: config.enrollment.history_years, kindergarten: config.enrollment.kindergarten, births: config.enrollment.births,
  }), project.charterSchools, years);
  const network = prepareNetwork(project, revenue, enrollment, errors);
  const drivers = baseDriverPaths(project.drivers, config.drivers, baseYear, years, config.monte_carlo.interval);
  warnings.push(...drivers.problems);
  const scenarios = collectScenarios([...project.scenarios, ...schoolScenarioRows(project)], config.scenarios);
  for (const sc of scenarios) for (const [driver, o] of Object.entries(sc.overrides)) {
    if (o.byYear.has(baseYear)) warnings.push(`scenario "${sc.name}": its ${driver} row for ${baseYear} changes nothing — the base year is the adopted budget; scenarios change the projected years`);
  }
  const isTeacherRole = new Uint8Array(roles.names.length + 64);
  roles.names.forEach((r, i) => { isTeacherRole[i] = config.personnel.teacher_roles.includes(r) ? 1 : 0; });
  const plans = compilePlans(project, {
    funds: funds.list, general: funds.general, roles: roles.names, sites: sites.names, lineYear: lines.year, personnelFromBudget,
    driverNames: Object.keys(drivers.paths), priorityPlan: config.priority_plan,
  });
  if (!plans.ok) errors.push(plans.reason);
  if (errors.length > 0 || !plans.ok) return fail(errors.join('\n'));

  return ok({
    config, baseYear, years, K, policy: project.settings.reserve_policy_pct, beginningBalance: project.settings.beginning_fund_balance, fundBalance,
    funds: funds.list, general: funds.general, roles: roles.names, sites: sites.names, isTeacherRole, buckets, vacancies,
    lines: lineTable(lines, F), inflation: lineInflation(config), budgetPay: personnelFromBudget ? budgetPay(config, lines, F) : null,
    reconciling: !personnelFromBudget && lines.hasPersonnelLines ? reconcilingLine(buckets, F, lines.personnel) : null,
    revenue, enrollment, enrollmentIndexDriver: config.enrollment.method === 'growth' ? 'enrollment_growth' : 'enrollment_shift',
    drivers, scenarios, plans: plans.value, personnelFromBudget, network, warnings,
  });
}
