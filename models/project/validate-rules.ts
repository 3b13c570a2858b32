import type { Problem } from './problems';
import type { Project } from './project';
import { ProblemSink } from './problem-sink';
import { checkDrivers, knownDriverNames } from './validate-drivers';
import { checkPlans } from './validate-plans';
import { checkAllocationRules } from './validate-allocation';
import { checkStaffingRules } from './validate-staffing';

/**
 * The rules a project gives the engines — drivers, scenarios, plans, triggers, signposts,
 * allocation rules, staffing rules — checked the way the engines will read them. A name that
 * matches nothing (a weight for `english_learner` when the need is `english_learners`, a scenario
 * changing `colla`, a trigger reading `reserve_pc`) is an error on its row: an engine would
 * otherwise ignore it, and a typo would silently become a default.
 */
export function validateRules(project: Project): Problem[] {
  const sink = new ProblemSink();
  const drivers = knownDriverNames(project);
  checkDrivers(project, drivers, sink);
  checkPlans(project, drivers, sink);
  checkAllocationRules(project, sink);
  checkStaffingRules(project, sink);
  return sink.list;
}
