import { allocate, type AllocateOptions } from '../../../models/allocate/allocate';
import { ruleSetChoices } from '../../../models/allocate/choices';
import { fixedPositions } from '../../../models/allocate/discretionary';
import { allocateOptimized } from '../../../models/allocate/optimize';
import { isPresetName } from '../../../models/allocate/presets';
import { outcomes } from '../../../models/outcomes/outcomes';
import { runReview } from '../../../models/allocate/review/review';
import type { Project } from '../../../models/project/project';
import type { ImportProgress, ResultOf } from '../protocol';
import { loadBrowserHighs } from './highs-browser';

/** A preset name picks the preset (as --preset); any other name a project rule set (as --rules). */
function optionsFor(project: Project, rules: string | undefined): AllocateOptions {
  const own = rules !== undefined && ruleSetChoices(project).some((c) => c.name === rules && c.kind === 'project');
  return rules === undefined ? {} : !own && isPresetName(rules) ? { preset: rules } : { rules };
}

/** `steward allocate PROJECT [--rules NAME|--preset NAME]` for the Allocate screen: the same call, the same result. */
export function runAllocate(project: Project, rules: string | undefined): ResultOf<'allocate'> {
  const choices = ruleSetChoices(project);
  const r = allocate(project, optionsFor(project, rules));
  if (!r.ok) throw new Error(r.reason);
  return { result: r.value, choices };
}

/** `steward allocate PROJECT --optimize`: HiGHS loaded in this worker, then the LP; progress names each step. */
export async function runAllocateOptimized(project: Project, rules: string | undefined, progress?: (p: ImportProgress) => void): Promise<ResultOf<'allocate-optimize'>> {
  progress?.({ phase: 'optimising', done: 0, total: 2, step: 'loading the solver (HiGHS)' });
  const solver = await loadBrowserHighs();
  progress?.({ phase: 'optimising', done: 1, total: 2, step: 'solving the linear programme' });
  const r = allocateOptimized(project, optionsFor(project, rules), solver);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

/** `steward outcomes PROJECT --json` for the Allocate screen's Outcomes tab. */
export function runOutcomes(project: Project): ResultOf<'outcomes'> {
  const r = outcomes(project);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

/** `steward review PROJECT --as-of DATE --json` on the project's own Actuals sheet. */
export function runReviewOp(project: Project, asOf: string): ResultOf<'review'> {
  const r = runReview(project, { asOf });
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

/** The positions staffing rules fix at each school, for the discretionary share (as `steward allocate --json`). */
export function runFixedPositions(project: Project, year: number | undefined): ResultOf<'allocate-fixed-positions'> {
  return fixedPositions(project, year);
}
