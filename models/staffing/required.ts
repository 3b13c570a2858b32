import type { Site } from '../schema/tables';
import type { StaffingConfig } from './config';
import { ROLE_RATIO_PREFIX, levelParam, type StaffingParams } from './params';
import { roundFte, tidyFte } from './rounding';
import { collaborationCoverageFte, indexSchedules, resolveSchedule, scheduleMetrics, weeklyTeachingMinutes, type ScheduleMetrics, type SiteSchedule } from './schedule';
import { POVERTY_KEY, expandGrades, needKey, type SiteStudents } from './site-data';
import type { ScheduleRow, StaffingRule } from './tables';

/** One rule applied at one site: what it counted, the ratio it used, and the FTE it requires. */
export interface RequiredLine {
  site_id: string;
  role: string;
  role_key: string;
  rule: number; // index into the rules used (−1: collaboration coverage)
  /** The rule's basis, or 'collaboration' for staff covering collaboration minutes a scenario adds. */
  basis: StaffingRule['basis'] | 'collaboration';
  counted: number; // students (or subgroup students) the rule counted
  ratio: number | null; // students per FTE used (null for site and sections)
  high_poverty: boolean;
  raw_fte: number;
  required_fte: number;
}

export interface RequiredResult {
  lines: RequiredLine[];
  /** Each site's resolved schedule (scenario params applied) and its metrics for all its students. */
  schedules: Map<string, { schedule: SiteSchedule; metrics: ScheduleMetrics }>;
}

const ALL = Symbol('all grades');

/**
 * Staffing rules → required FTE per site and rule. A rule applies at a site when its level is
 * "any" or the site's, and the site has students in the rule's grades (so a central office gets
 * no principal and a school with no English learners no EL teacher). Ratios are scaled by the
 * scenario's ratio_scale / ratio_scale_<role>; teacher ratios also move with class_size_delta.
 * Rounding is per rule: basis grade rounds each grade (round_by grade) or the school total
 * (round_by school); then minimum_fte and maximum_fte apply.
 */
export function requiredFte(input: {
  sites: readonly Site[];
  students: ReadonlyMap<string, SiteStudents>;
  rules: readonly StaffingRule[];
  scheduleRows: readonly ScheduleRow[];
  cfg: StaffingConfig;
  keyOf: (role: string) => string;
  params?: StaffingParams;
}): RequiredResult {
  const { cfg, keyOf, params } = input;
  const teacherKey = keyOf(cfg.teacherRole);
  const schedIndex = indexSchedules(input.scheduleRows);
  const ruleGrades = input.rules.map((r) => (r.grades.length > 0 ? new Set(expandGrades(r.grades)) : ALL));
  // Per rule and site level, once: its role key and its ratio after the scenario's scales (a
  // `name@LEVEL` param beats `name` at that level; poverty swaps the base ratio).
  const byLevel = new Map<string, { roleKey: string; ratio: number | undefined; ratioHighPoverty: number | undefined }[]>();
  const preparedFor = (level: string) => {
    let list = byLevel.get(level);
    if (list) return list;
    const ratioScale = levelParam(params, 'ratio_scale', level) ?? 1;
    const classDelta = levelParam(params, 'class_size_delta', level) ?? 0;
    list = input.rules.map((r) => {
      const roleKey = keyOf(r.role);
      const scale = ratioScale * (levelParam(params, ROLE_RATIO_PREFIX + roleKey, level) ?? 1);
      const delta = roleKey === teacherKey && (r.basis === 'grade' || r.basis === 'students') ? classDelta : 0;
      const adjust = (base: number | undefined) => (base === undefined ? undefined : Math.max(base * scale + delta, 0.01));
      return { roleKey, ratio: adjust(r.ratio), ratioHighPoverty: adjust(r.ratio_high_poverty) };
    });
    byLevel.set(level, list);
    return list;
  };

  const lines: RequiredLine[] = [];
  const schedules = new Map<string, { schedule: SiteSchedule; metrics: ScheduleMetrics }>();
  for (const site of input.sites) {
    const st = input.students.get(site.site_id);
    if (!st || st.total <= 0) continue;
    const entry = schedIndex.get(site.site_id);
    const schedule = resolveSchedule(cfg, site.level, entry, params);
    const metrics = scheduleMetrics(schedule, st.byGrade);
    schedules.set(site.site_id, { schedule, metrics });
    const firstLine = lines.length;
    const prepared = preparedFor(site.level);
    const poverty = st.total > 0 ? (st.needs.get(POVERTY_KEY) ?? 0) / st.total : 0;

    input.rules.forEach((rule, i) => {
      if (rule.level !== 'any' && rule.level !== site.level) return;
      const grades = ruleGrades[i]!;
      let byGrade: ReadonlyMap<string, number> = st.byGrade;
      if (grades !== ALL) {
        const picked = new Map<string, number>();
        for (const [g, n] of st.byGrade) if (grades.has(g)) picked.set(g, n);
        byGrade = picked;
      }
      let inGrades = 0;
      for (const n of byGrade.values()) inGrades += n;
      if (inGrades <= 0) return;

      const { roleKey } = prepared[i]!;
      const highPoverty = rule.poverty_threshold !== undefined && rule.ratio_high_poverty !== undefined && poverty >= rule.poverty_threshold;
      const ratio = highPoverty ? prepared[i]!.ratioHighPoverty : prepared[i]!.ratio;

      let counted = inGrades;
      let raw = 0;
      let rounded: number;
      switch (rule.basis) {
        case 'site':
          raw = rule.minimum_fte;
          rounded = raw;
          break;
        case 'sections': {
          raw = scheduleMetrics(schedule, byGrade).teacher_fte_needed;
          rounded = roundFte(raw, rule.rounding, rule.increment);
          break;
        }
        case 'subgroup': {
          counted = rule.subgroup ? (st.needs.get(needKey(rule.subgroup)) ?? 0) : 0;
          if (counted <= 0 || ratio === undefined) return;
          raw = counted / ratio;
          rounded = roundFte(raw, rule.rounding, rule.increment);
          break;
        }
        case 'grade': {
          if (ratio === undefined) return;
          raw = inGrades / ratio;
          if (rule.round_by === 'school') {
            rounded = roundFte(raw, rule.rounding, rule.increment);
          } else {
            rounded = 0;
            for (const n of byGrade.values()) if (n > 0) rounded += roundFte(n / ratio, rule.rounding, rule.increment);
          }
          break;
        }
        case 'students': {
          if (ratio === undefined) return;
          raw = inGrades / ratio;
          rounded = roundFte(raw, rule.rounding, rule.increment);
          break;
        }
      }
      let required = Math.max(rounded, rule.minimum_fte);
      if (rule.maximum_fte !== undefined) required = Math.min(required, rule.maximum_fte);
      lines.push({
        site_id: site.site_id, role: rule.role, role_key: roleKey, rule: i, basis: rule.basis,
        counted: tidyFte(counted), ratio: rule.basis === 'site' || rule.basis === 'sections' ? null : tidyFte(ratio ?? 0),
        high_poverty: highPoverty, raw_fte: tidyFte(raw), required_fte: tidyFte(required),
      });
    });

    // Collaboration minutes a scenario adds over the school's own schedule are paid for as the
    // config's collaborationCoverage says: added teacher FTE (specials, reduce_teaching) or
    // instructional minutes (banked_time). See docs/staffing.md.
    if (params) {
      const added = schedule.collaboration_minutes_per_week - resolveSchedule(cfg, site.level, entry).collaboration_minutes_per_week;
      if (added > 0) {
        if (cfg.collaborationCoverage === 'banked_time') {
          metrics.instructional_minutes_per_year = tidyFte(metrics.instructional_minutes_per_year - (added * schedule.instructional_days) / 5);
        } else {
          let teachers = 0;
          for (let k = firstLine; k < lines.length; k++) if (lines[k]!.role_key === teacherKey) teachers += lines[k]!.required_fte;
          const fte = tidyFte(collaborationCoverageFte(teachers, added, weeklyTeachingMinutes(schedule), cfg.collaborationCoverage));
          if (fte > 0) {
            lines.push({ site_id: site.site_id, role: cfg.teacherRole, role_key: teacherKey, rule: -1, basis: 'collaboration', counted: 0, ratio: null, high_poverty: false, raw_fte: fte, required_fte: fte });
          }
        }
      }
    }
  }
  return { lines, schedules };
}
