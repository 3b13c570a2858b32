import type { Project } from '../project/project';
import type { Parsed } from '../result';
import { fail, ok } from '../result';
import { scenarioPaths, type DriverPaths } from './drivers';
import { prepareForecast, type Prepared } from './prepare';
import type { StaffingCoster } from './staffing-cost';
import { staffingCosterFor } from './staffing-link';

/** What a Monte Carlo run of one scenario needs, prepared once (in each worker). */
export interface PreparedTrials { prepared: Prepared; paths: DriverPaths; priorityPlan?: string; staffing?: StaffingCoster }

/** Trials draw a new enrollment every time: staffing is costed at the nearest 0.5% of it, so a run
 *  stays a few hundred staffing computations, not one per trial and year. */
const TRIAL_ENROLLMENT_STEP = 0.005;

export function prepareTrials(project: Project, scenario: string, years?: number): Parsed<PreparedTrials> {
  const prep = prepareForecast(project, { years });
  if (!prep.ok) return prep;
  const sp = scenarioPaths(scenario, prep.value.scenarios, prep.value.drivers.paths, prep.value.baseYear, prep.value.years);
  if (!sp.ok) return fail(sp.reason);
  const staffing = staffingCosterFor(project, prep.value, TRIAL_ENROLLMENT_STEP);
  return ok({ prepared: prep.value, paths: sp.value.paths, ...(sp.value.priority_plan ? { priorityPlan: sp.value.priority_plan } : {}), ...(staffing ? { staffing } : {}) });
}
