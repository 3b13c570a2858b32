import type { Project } from '../project/project';
import type { Parsed } from '../result';
import { fail, ok } from '../result';
import { scenarioPaths, type DriverPaths } from './drivers';
import { prepareForecast, type Prepared } from './prepare';

/** What a Monte Carlo run of one scenario needs, prepared once (in each worker). */
export interface PreparedTrials { prepared: Prepared; paths: DriverPaths; priorityPlan?: string }

export function prepareTrials(project: Project, scenario: string, years?: number): Parsed<PreparedTrials> {
  const prep = prepareForecast(project, { years });
  if (!prep.ok) return prep;
  const sp = scenarioPaths(scenario, prep.value.scenarios, prep.value.drivers.paths, prep.value.baseYear, prep.value.years);
  if (!sp.ok) return fail(sp.reason);
  return ok({ prepared: prep.value, paths: sp.value.paths, ...(sp.value.priority_plan ? { priorityPlan: sp.value.priority_plan } : {}) });
}
