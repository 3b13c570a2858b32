import { ProjectSchema, type Project } from '../project/project';
import type { Position } from '../schema/tables';
import { demoFundsAndBudget } from './budget';
import { makeRng } from './prng';
import { demoOutcomes } from './outcomes';
import { demoActuals, demoDrivers, demoNeeds, demoScenarios } from './register';
import { demoSalarySchedule } from './salary';
import { BASE_YEAR, demoEnrollment, demoSites, demoStudentNeeds } from './schools';
import { demoPositions } from './staff';
import { demoPlans, demoSignposts, demoTriggers } from './plans';
import { demoStaffingSheets } from '../staffing/defaults';

export const DEMO_DISTRICT_NAME = 'Riverbend Unified School District';

/**
 * The demo district: fictional, realistic and the same for the same seed on every machine. It is
 * what the app and the CLI open when given no project, and what the fixtures are generated from.
 * Invariants (checked in test/models/demo/district.test.ts): FY 2026 salaries and benefits lines
 * add up, fund by fund, to the positions' cost; every fund's budget equals what it has available.
 */
export function demoProject(seed = 2026): Project {
  const rng = makeRng(seed);
  const sites = demoSites();
  const enrollment = demoEnrollment(rng);
  const studentNeeds = demoStudentNeeds(rng, enrollment);
  const salary = demoSalarySchedule();

  const byGrade = new Map<string, number>();
  for (const e of enrollment) if (e.year === BASE_YEAR) byGrade.set(`${e.site_id}|${e.grade}`, e.students);
  const needsBySite = new Map<string, Record<string, number>>();
  for (const n of studentNeeds) if (n.year === BASE_YEAR) needsBySite.set(n.site_id, n.counts);
  const staff = demoPositions(rng, byGrade, needsBySite);
  const positions: Position[] = staff.map((s) => s.position);
  const { funds, budget } = demoFundsAndBudget(rng, staff, salary);
  const gen = budget.filter((b) => b.fund_code === 'GEN').reduce((a, b) => a + b.amount, 0);

  // Defaults for every project array (engines add their own) come from the schema; the big
  // tables are built valid by construction and checked by the tests, not re-parsed here (speed).
  const empty = ProjectSchema.parse({ settings: { base_year: BASE_YEAR }, sites: [], enrollment: [], studentNeeds: [], funds: [], budget: [], positions: [], salary: [] });
  const project: Project = {
    ...empty,
    settings: {
      district_name: DEMO_DISTRICT_NAME,
      base_year: BASE_YEAR,
      horizon_years: 5,
      // About 12% of general-fund spending, rounded to $1,000, against an 8% reserve policy.
      beginning_fund_balance: Math.round((gen * 0.12) / 100_000) * 100_000,
      reserve_policy_pct: 0.08,
      seed,
      // About 62% of the general fund is per-pupil state aid; the rest local levies (see forecast).
      extra: { state_aid_share: '0.62' },
    },
    sites,
    enrollment,
    studentNeeds,
    funds,
    budget,
    positions,
    salary,
    needs: demoNeeds(rng),
    actuals: demoActuals(rng, budget),
    drivers: demoDrivers(),
    scenarios: demoScenarios(),
    plans: demoPlans(),
    triggers: demoTriggers(),
    signposts: demoSignposts(),
    outcomes: demoOutcomes(seed),
  };
  // The demo's own staffing policy, schedules, responsibilities and time study, and the scenarios
  // that move them (models/staffing/defaults.ts), so staffing gaps read as a real district's would.
  const staffing = demoStaffingSheets(project);
  return {
    ...project,
    staffingRules: staffing.staffingRules,
    schedules: staffing.schedules,
    responsibilities: staffing.responsibilities,
    timeStudy: staffing.timeStudy,
    scenarios: [...project.scenarios, ...staffing.scenarios],
  };
}
