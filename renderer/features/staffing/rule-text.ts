import type { StaffingRule } from '../../../models/staffing/tables';
import type { StaffingReport } from '../../../models/staffing/reports';
import { count, fte } from '../../format';

type Line = StaffingReport['sites'][number]['rules'][number];

/** "teacher" → "teacher", "assistant_principal" → "assistant principal". */
export const roleName = (role: string) => role.replace(/_/g, ' ');

/** How the rule rounds, in words: "rounded up", "rounded to the nearest 0.5, at least 1". */
export function roundingText(rule: StaffingRule): string {
  const step = rule.increment === 1 ? '' : ` ${rule.rounding === 'nearest' ? '' : 'to '}${fte(rule.increment)}`;
  const how = rule.rounding === 'nearest' ? `rounded to the nearest${step || ' whole'}` : `rounded ${rule.rounding}${step}`;
  const floor = rule.minimum_fte > 0 ? `, at least ${fte(rule.minimum_fte)}` : '';
  const cap = rule.maximum_fte !== undefined ? `, at most ${fte(rule.maximum_fte)}` : '';
  return `${how}${floor}${cap}`;
}

/** Who a rule counts: "students", "students in grades K, 1", "students with disabilities". */
function counted(rule: StaffingRule): string {
  if (rule.basis === 'subgroup') return roleName(rule.subgroup ?? 'students');
  return rule.grades.length > 0 ? `students in grade${rule.grades.length === 1 ? '' : 's'} ${rule.grades.join(', ')}` : 'students';
}

/** The rule that set a requirement, with its arithmetic: "1 counselor per 400 students: 520 ÷ 400 = 1.3 → 1 (rounded to the nearest whole, at least 1)". */
export function ruleText(rule: StaffingRule | undefined, line: Line): string {
  if (!rule) return `rule ${line.rule + 1}: ${fte(line.required_fte)}`;
  const who = roleName(rule.role);
  const result = `→ ${fte(line.required_fte)} (${roundingText(rule)})`;
  switch (line.basis) {
    case 'site': return `${fte(rule.minimum_fte)} ${who} per site ${result}`;
    case 'sections': return `${who} for the sections the schedule needs: ${fte(line.raw_fte)} ${result}`;
    case 'grade': return `1 ${who} per ${count(line.ratio ?? 0)} ${counted(rule)}, each grade on its own${line.high_poverty ? ' (high-poverty ratio)' : ''}: ${count(line.counted)} students = ${fte(line.raw_fte)} ${result}`;
    default: return `1 ${who} per ${count(line.ratio ?? 0)} ${counted(rule)}${line.high_poverty ? ' (high-poverty ratio)' : ''}: ${count(line.counted)} ÷ ${count(line.ratio ?? 0)} = ${fte(line.raw_fte)} ${result}`;
  }
}
