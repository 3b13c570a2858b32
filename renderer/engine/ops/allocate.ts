import { allocate } from '../../../models/allocate/allocate';
import { ruleSetChoices } from '../../../models/allocate/choices';
import { isPresetName } from '../../../models/allocate/presets';
import type { Project } from '../../../models/project/project';
import type { ResultOf } from '../protocol';

/** `steward allocate PROJECT [--rules NAME|--preset NAME]` for the Allocate screen: the same call, the same result. */
export function runAllocate(project: Project, rules: string | undefined): ResultOf<'allocate'> {
  const choices = ruleSetChoices(project);
  // A preset name picks the preset (as --preset); any other name a project rule set (as --rules).
  const own = rules !== undefined && choices.some((c) => c.name === rules && c.kind === 'project');
  const opts = rules === undefined ? {} : !own && isPresetName(rules) ? { preset: rules } : { rules };
  const r = allocate(project, opts);
  if (!r.ok) throw new Error(r.reason);
  return { result: r.value, choices };
}
