import type { Project } from '../project/project';
import { ProblemSink } from '../project/problem-sink';
import { checkAllocationRules } from '../project/validate-allocation';
import { AllocateConfigSchema, type RuleSet } from './config';
import { DEFAULT_RULES, PRESETS, isPresetName } from './presets';
import { rulesFromRows } from './rules-sheet';
import type { AllocationRuleRow } from './tables';

// The Allocate screen's rules editor keeps a rule set as AllocationRules rows (one setting a row,
// the sheet a district keeps in Excel), so an edit on screen is an ordinary undoable table edit and
// the saved project gives `steward allocate` the same rules.

const dollars = (cents: number) => (cents / 100).toFixed(2);

/** A rule set as AllocationRules rows (rulesFromRows reads them back to the same rule set). */
export function ruleSetToRows(set: RuleSet, name = set.name): AllocationRuleRow[] {
  const rows: AllocationRuleRow[] = [];
  const add = (setting: AllocationRuleRow['setting'], value: string, key?: string) => rows.push({ rules: name, setting, value, ...(key !== undefined ? { key } : {}) });
  add('base_mode', set.base_mode);
  if (set.base_per_pupil_cents !== undefined) add('base_per_pupil', dollars(set.base_per_pupil_cents));
  if (set.pool_cents !== undefined) add('pool', dollars(set.pool_cents));
  for (const [k, v] of Object.entries(set.foundation_cents)) if (v !== undefined) add('foundation', dollars(v), k);
  for (const [k, v] of Object.entries(set.grade_weights)) add('grade_weight', String(v), k);
  for (const [k, v] of Object.entries(set.need_weights)) add('need_weight', String(v), k);
  for (const t of set.custom_terms) add('custom_term', t.expression, t.name);
  const ss = set.small_school;
  if (ss) {
    add('small_school_per_student', dollars(ss.per_student_cents));
    for (const [k, v] of Object.entries(ss.threshold_by_level)) if (v !== undefined) add('small_school_threshold', String(v), k);
    if (ss.cap_share_of_base !== undefined) add('small_school_cap_share', String(ss.cap_share_of_base));
    if (ss.cap_cents !== undefined) add('small_school_cap', dollars(ss.cap_cents));
  }
  if (set.hold_harmless_max_loss !== undefined) add('hold_harmless_max_loss', String(set.hold_harmless_max_loss));
  if (set.source !== undefined) add('source', set.source);
  return rows;
}

/**
 * What is wrong with one rules row as `steward validate` would say it (an unknown grade or need
 * category, a value that is no number, a custom term that does not compile), or null: the editor
 * shows it on the row and does not apply the edit, so a typo never becomes a silent zero.
 */
export function ruleRowProblem(project: Project, row: AllocationRuleRow): string | null {
  const sink = new ProblemSink();
  checkAllocationRules({ ...project, allocationRules: [{ ...row, src: undefined }], allocate: undefined }, sink);
  const first = sink.list.find((p) => p.severity === 'error');
  return first ? first.message : null;
}

/** The rule set `allocate` uses for this name (undefined = the project's default), as allocate.ts chooses it. */
export function ruleSetFor(project: Project, name: string | undefined): RuleSet | null {
  const cfg = AllocateConfigSchema.safeParse(project.allocate ?? {});
  if (!cfg.success) return null;
  const sheet = rulesFromRows(project.allocationRules);
  if (!sheet.ok) return null;
  const saved = new Set(cfg.data.rules.map((r) => r.name));
  const all = [...cfg.data.rules, ...sheet.value.filter((r) => !saved.has(r.name))];
  const want = name ?? cfg.data.active_rules;
  if (want === undefined) return all[0] ?? DEFAULT_RULES;
  return all.find((r) => r.name === want) ?? (isPresetName(want) ? PRESETS[want] : null);
}

/** A name for an editable copy of a rule set that no rule set (nor preset) has yet. */
export function copyName(project: Project, base: string): string {
  const taken = new Set([...project.allocationRules.map((r) => r.rules), ...(project.allocate?.rules ?? []).map((r) => r.name), ...Object.keys(PRESETS)]);
  for (let i = 1; ; i++) {
    const name = i === 1 ? `${base}-edited` : `${base}-edited-${i}`;
    if (!taken.has(name)) return name;
  }
}
