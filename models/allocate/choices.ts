import { AllocateConfigSchema } from './config';
import { PRESETS } from './presets';
import { rulesFromRows } from './rules-sheet';
import type { Project } from '../project/project';

/** A rule set the user can pick: the project's own (saved or on the AllocationRules sheet) and the presets, each with its source. */
export interface RuleSetChoice {
  name: string;
  source: string | null;
  kind: 'project' | 'preset';
}

export function ruleSetChoices(project: Project): RuleSetChoice[] {
  const out: RuleSetChoice[] = [];
  const cfg = AllocateConfigSchema.safeParse(project.allocate ?? {});
  const seen = new Set<string>();
  const add = (name: string, source: string | undefined, kind: RuleSetChoice['kind']) => {
    if (seen.has(name)) return;
    seen.add(name);
    out.push({ name, source: source ?? null, kind });
  };
  if (cfg.success) for (const r of cfg.data.rules) add(r.name, r.source, 'project');
  const sheet = rulesFromRows(project.allocationRules);
  if (sheet.ok) for (const r of sheet.value) add(r.name, r.source, 'project');
  for (const [name, r] of Object.entries(PRESETS)) add(name, r.source, 'preset');
  return out;
}
