import { AllocateConfigSchema, type RuleSet } from '../allocate/config';
import { compileTerm } from '../allocate/expressions';
import { PRESETS } from '../allocate/presets';
import { rulesFromRows } from '../allocate/rules-sheet';
import { siteVariableNames } from '../allocate/variables';
import { GRADES, STANDARD_NEEDS } from '../schema/tables';
import type { ProblemSink } from './problem-sink';
import type { Project } from './project';

// Allocation rules (the AllocationRules sheet and the saved rule sets) checked as the formula
// reads them (models/allocate/formula.ts): a weight whose grade or need category matches nothing
// would weigh nobody, silently; a custom term must compile against the site variables.

const GRADE_SET = new Set<string>(GRADES);
const gradeKey = (k: string) => (/^(pk|k)$/i.test(k.trim()) ? k.trim().toUpperCase() : k.trim());

export function checkAllocationRules(project: Project, sink: ProblemSink): void {
  // Need categories a weight can apply to: the StudentNeeds count columns.
  const counted = new Set<string>();
  for (const n of project.studentNeeds) for (const k of Object.keys(n.counts)) counted.add(k);
  const variables = siteVariableNames(counted);
  const needWeight = (key: string): string | null => {
    if (counted.has(key)) return null;
    const known = [...counted].sort().join(', ') || 'none';
    return (STANDARD_NEEDS as readonly string[]).includes(key)
      ? `no StudentNeeds column counts ${key}, so its weight applies to no student (columns: ${known})`
      : `"${key}" is no need category of StudentNeeds (columns: ${known}): check the spelling`;
  };

  let rowErrors = 0;
  for (const r of project.allocationRules) {
    const before = sink.errors;
    const one = rulesFromRows([{ ...r, src: undefined }]);
    if (!one.ok) sink.error('allocationRules', r.src, r.setting === 'custom_term' || r.setting === 'base_mode' || r.setting === 'source' ? 'value' : 'key', r.key ?? r.value, one.reason.replace(/^rules "[^"]*": /, ''));
    else if (r.setting === 'grade_weight' && r.key !== undefined && !GRADE_SET.has(gradeKey(r.key))) {
      sink.error('allocationRules', r.src, 'key', r.key, `grade_weight: "${r.key}" is no grade (PK, K, 1–12)`);
    } else if (r.setting === 'need_weight' && r.key !== undefined) {
      const why = needWeight(r.key.trim());
      if (why) sink.error('allocationRules', r.src, 'key', r.key, `need_weight: ${why}`);
    } else if (r.setting === 'custom_term') {
      const c = compileTerm({ name: r.key ?? 'term', expression: r.value }, variables);
      if (!c.ok) sink.error('allocationRules', r.src, 'value', r.value, c.reason);
    }
    rowErrors += sink.errors - before;
  }
  if (rowErrors === 0) {
    const all = rulesFromRows(project.allocationRules);
    if (!all.ok) sink.error('allocationRules', undefined, undefined, undefined, all.reason);
  }

  const config = AllocateConfigSchema.safeParse(project.allocate ?? {});
  if (!config.success) {
    for (const i of config.error.issues.slice(0, 20)) sink.error('project', undefined, undefined, undefined, `allocation settings ${i.path.join('.')}: ${i.message}`);
    return;
  }
  for (const set of config.data.rules) checkSavedRuleSet(set, needWeight, variables, sink);
  const names = new Set([...config.data.rules.map((r) => r.name), ...project.allocationRules.map((r) => r.rules), ...Object.keys(PRESETS)]);
  const active = config.data.active_rules;
  if (active !== undefined && !names.has(active)) sink.error('project', undefined, undefined, active, `the active allocation rules "${active}" do not exist (rule sets: ${[...names].join(', ')})`);
}

function checkSavedRuleSet(set: RuleSet, needWeight: (k: string) => string | null, variables: ReadonlySet<string>, sink: ProblemSink): void {
  const at = `saved rule set "${set.name}"`;
  for (const g of Object.keys(set.grade_weights)) if (!GRADE_SET.has(gradeKey(g))) sink.error('project', undefined, undefined, g, `${at}: grade weight for "${g}", which is no grade (PK, K, 1–12)`);
  for (const k of Object.keys(set.need_weights)) {
    const why = needWeight(k);
    if (why) sink.error('project', undefined, undefined, k, `${at}: need weight: ${why}`);
  }
  for (const t of set.custom_terms) {
    const c = compileTerm(t, variables);
    if (!c.ok) sink.error('project', undefined, undefined, t.expression, `${at}: ${c.reason}`);
  }
}
