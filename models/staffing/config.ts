import { z } from 'zod';
import type { StaffingRule } from './tables';

// What a project saves for the staffing engine: which rule preset fills in when the workbook has
// no StaffingRules sheet, how gaps are costed, how a collaboration block is covered, and the
// work-year used for loaded hourly costs. Every field has a default so `{}` (or nothing) is a
// complete config and old projects load unchanged.

export const COLLABORATION_COVERAGE = ['specials', 'reduce_teaching', 'banked_time'] as const;
export type CollaborationCoverage = (typeof COLLABORATION_COVERAGE)[number];

const LevelScheduleSchema = z.object({
  instructional_days: z.number().default(180),
  minutes_per_day: z.number().default(360),
  periods_per_day: z.number().default(0),
  minutes_per_period: z.number().default(0),
  teaching_periods: z.number().default(0),
  planning_periods: z.number().default(0),
  collaboration_minutes_per_week: z.number().default(45),
  class_size_cap: z.number().default(25),
  course_requests_per_student: z.number().default(0),
});
export type LevelSchedule = z.infer<typeof LevelScheduleSchema>;

export const StaffingConfigSchema = z.object({
  /** Rule preset used when the project has no StaffingRules rows (see STAFFING_PRESETS). */
  preset: z.string().default('greenville_sc'),
  /** Benefits as a share of salary for positions without their own benefits_rate (pension + FICA). */
  defaultBenefitsRate: z.number().min(0).max(2).default(0.28),
  /** Employer health premium per FTE (cents) for positions without health_plan_cost. */
  defaultHealthCents: z.number().int().min(0).default(0),
  /** Role → salary schedule name used for the "schedule average" cost; blank → matched by name. */
  roleSchedules: z.record(z.string(), z.string()).default({}),
  /**
   * How the schedule average is taken: 'positions' = the schedule salary at each of the role's
   * positions' lane and step, FTE-weighted (what a new hire at today's mix costs); 'cells' = the
   * plain mean of every cell of the role's schedule.
   */
  scheduleAverage: z.enum(['positions', 'cells']).default('positions'),
  /** Role names treated as the same role (normalised: "Classroom Teacher" → teacher). */
  roleAliases: z.record(z.string(), z.string()).default({}),
  /** Time-study activity names treated as a Responsibilities function ("Data meetings" → monitoring_data_review); added to the built-in synonyms in ./activities.ts. */
  activityAliases: z.record(z.string(), z.string()).default({}),
  /** The role whose FTE schedules drive (sections, collaboration coverage, class size). */
  teacherRole: z.string().default('teacher'),
  /** How an added collaboration block is covered (see docs/staffing.md). */
  collaborationCoverage: z.enum(COLLABORATION_COVERAGE).default('specials'),
  /** Weeks staff work a year, for time-study costs (hours/week × weeks). */
  workWeeksPerYear: z.number().positive().default(38),
  /** Annual paid hours of a 1.0 FTE, for the loaded hourly cost (salary + benefits ÷ hours). */
  annualWorkHours: z.number().positive().default(1520),
  /**
   * Per-role overrides of annualWorkHours (e.g. 12-month administrators: 2080). A longer year is
   * more weeks of the same week (annualWorkHours ÷ workWeeksPerYear hours), unless roleWorkWeeks says otherwise.
   */
  roleWorkHours: z.record(z.string(), z.number().positive()).default({}),
  /** Per-role work weeks a year (e.g. 12-month administrators: 52); blank = derived from roleWorkHours as above. */
  roleWorkWeeks: z.record(z.string(), z.number().positive().max(53)).default({}),
  /**
   * Schedules used for a site with no Schedules row, by site level. Self-contained (elementary)
   * schedules have no periods; their minutes_per_period is the length of the daily planning block
   * (teachers plan while students are at specials), so planning = 45 min × 5 days.
   */
  defaultSchedules: z.object({
    ES: LevelScheduleSchema.default({ instructional_days: 180, minutes_per_day: 360, periods_per_day: 0, minutes_per_period: 45, teaching_periods: 0, planning_periods: 1, collaboration_minutes_per_week: 45, class_size_cap: 25, course_requests_per_student: 0 }),
    MS: LevelScheduleSchema.default({ instructional_days: 180, minutes_per_day: 330, periods_per_day: 6, minutes_per_period: 55, teaching_periods: 5, planning_periods: 1, collaboration_minutes_per_week: 45, class_size_cap: 30, course_requests_per_student: 6 }),
    HS: LevelScheduleSchema.default({ instructional_days: 180, minutes_per_day: 350, periods_per_day: 7, minutes_per_period: 50, teaching_periods: 6, planning_periods: 1, collaboration_minutes_per_week: 45, class_size_cap: 32, course_requests_per_student: 7 }),
  }).default({
    ES: { instructional_days: 180, minutes_per_day: 360, periods_per_day: 0, minutes_per_period: 45, teaching_periods: 0, planning_periods: 1, collaboration_minutes_per_week: 45, class_size_cap: 25, course_requests_per_student: 0 },
    MS: { instructional_days: 180, minutes_per_day: 330, periods_per_day: 6, minutes_per_period: 55, teaching_periods: 5, planning_periods: 1, collaboration_minutes_per_week: 45, class_size_cap: 30, course_requests_per_student: 6 },
    HS: { instructional_days: 180, minutes_per_day: 350, periods_per_day: 7, minutes_per_period: 50, teaching_periods: 6, planning_periods: 1, collaboration_minutes_per_week: 45, class_size_cap: 32, course_requests_per_student: 7 },
  }),
});
export type StaffingConfig = z.infer<typeof StaffingConfigSchema>;

let defaultConfig: StaffingConfig | undefined;

/**
 * The project's saved config with every default filled in (a missing or partial config is fine).
 * An invalid one is an error `validate` reports (models/project/validate-staffing.ts), so no
 * command gets here with one; the defaults stand in only for callers that skip the gate. Parsed
 * on every call (once per staffing context): a cache keyed by the config object would return
 * stale settings after an edit in place. Treat the result as read-only.
 */
export function resolveStaffingConfig(saved: unknown): StaffingConfig {
  if (saved === undefined || saved === null || typeof saved !== 'object') return (defaultConfig ??= StaffingConfigSchema.parse({}));
  const parsed = StaffingConfigSchema.safeParse(saved);
  return parsed.success ? parsed.data : (defaultConfig ??= StaffingConfigSchema.parse({}));
}

/** A StaffingRules row written as code, every optional column spelled out by the parse defaults. */
type RuleInput = Partial<StaffingRule> & Pick<StaffingRule, 'role'>;
function rule(r: RuleInput): StaffingRule {
  return {
    level: 'any', grades: [], basis: 'students', minimum_fte: 0, rounding: 'up', increment: 1, round_by: 'grade', ...r,
  };
}

const NIEER = 'NIEER pre-K quality benchmark: class size of 20 or fewer';
const GREENVILLE = 'Greenville County Schools (SC) staffing ratios: K 1:25 with an assistant, gr 1–3 1:21.5, gr 4–5 1:25.5, MS 1:21, HS 1:22';
const ASCA = 'American School Counselor Association recommended ratio 1:250';
const AP = 'Common ratio rule in position-budgeting tools: 1 assistant principal per 300 students';
const ILLUSTRATIVE = 'Illustrative default, not a published standard: set your district\u2019s own';

export interface StaffingPreset {
  name: string;
  source: string;
  rules: StaffingRule[];
}

/** Support roles every preset shares: counselors, assistant principals, principals, caseloads. */
function supportRules(): StaffingRule[] {
  return [
    rule({ role: 'counselor', basis: 'students', ratio: 250, rounding: 'nearest', increment: 0.5, minimum_fte: 0.5, note: ASCA }),
    rule({ role: 'assistant_principal', basis: 'students', ratio: 300, rounding: 'down', increment: 1, note: AP }),
    rule({ role: 'principal', basis: 'site', minimum_fte: 1, note: 'One principal per school' }),
    rule({ role: 'sped_teacher', basis: 'subgroup', subgroup: 'students_with_disabilities', ratio: 15, rounding: 'up', increment: 0.5, note: `Special education caseload 1:15. ${ILLUSTRATIVE}` }),
    rule({ role: 'el_teacher', basis: 'subgroup', subgroup: 'english_learners', ratio: 40, rounding: 'up', increment: 0.5, note: `English learner caseload 1:40. ${ILLUSTRATIVE}` }),
  ];
}

/**
 * Rule presets with their sources. Teachers in grades 6–12 come from sections (course requests ×
 * students ÷ class-size cap ÷ teaching periods) because enrollment ÷ class size understates the
 * staff a period schedule needs; the "greenville_ratios" preset uses the plain ratios instead.
 */
export const STAFFING_PRESETS: Record<string, StaffingPreset> = {
  greenville_sc: {
    name: 'Greenville County SC class ratios (K–5), sections for 6–12, ASCA counselors, AP 1:300',
    source: `${GREENVILLE}; ${ASCA}; ${AP}`,
    rules: [
      rule({ role: 'teacher', basis: 'grade', grades: ['PK'], ratio: 20, note: NIEER }),
      rule({ role: 'teacher', basis: 'grade', grades: ['K'], ratio: 25, note: GREENVILLE }),
      rule({ role: 'teacher', basis: 'grade', grades: ['1', '2', '3'], ratio: 21.5, note: GREENVILLE }),
      rule({ role: 'teacher', basis: 'grade', grades: ['4', '5'], ratio: 25.5, note: GREENVILLE }),
      rule({ role: 'teacher', basis: 'sections', grades: ['6', '7', '8', '9', '10', '11', '12'], increment: 0.5, note: 'Secondary teachers from sections: course requests × students ÷ class-size cap ÷ teaching periods' }),
      ...supportRules(),
    ],
  },
  greenville_ratios: {
    name: 'Greenville County SC ratios at every level',
    source: GREENVILLE,
    rules: [
      rule({ role: 'teacher', basis: 'grade', grades: ['PK'], ratio: 20, note: NIEER }),
      rule({ role: 'teacher', basis: 'grade', grades: ['K'], ratio: 25, note: GREENVILLE }),
      rule({ role: 'teacher', basis: 'grade', grades: ['1', '2', '3'], ratio: 21.5, note: GREENVILLE }),
      rule({ role: 'teacher', basis: 'grade', grades: ['4', '5'], ratio: 25.5, note: GREENVILLE }),
      rule({ role: 'teacher', basis: 'students', grades: ['6', '7', '8'], ratio: 21, note: GREENVILLE }),
      rule({ role: 'teacher', basis: 'students', grades: ['9', '10', '11', '12'], ratio: 22, note: GREENVILLE }),
      ...supportRules(),
    ],
  },
  high_poverty_k3: {
    name: 'Greenville ratios with K–3 classes of 18 at schools of 75%+ poverty',
    source: `${GREENVILLE}; 75% poverty is the ESEA §1113 must-serve line. Class size 18: ${ILLUSTRATIVE}`,
    rules: [
      rule({ role: 'teacher', basis: 'grade', grades: ['PK'], ratio: 20, note: NIEER }),
      rule({ role: 'teacher', basis: 'grade', grades: ['K'], ratio: 25, poverty_threshold: 0.75, ratio_high_poverty: 18, note: GREENVILLE }),
      rule({ role: 'teacher', basis: 'grade', grades: ['1', '2', '3'], ratio: 21.5, poverty_threshold: 0.75, ratio_high_poverty: 18, note: GREENVILLE }),
      rule({ role: 'teacher', basis: 'grade', grades: ['4', '5'], ratio: 25.5, note: GREENVILLE }),
      rule({ role: 'teacher', basis: 'sections', grades: ['6', '7', '8', '9', '10', '11', '12'], increment: 0.5, note: 'Secondary teachers from sections' }),
      ...supportRules(),
    ],
  },
};

/** The rules a project staffs by: its own StaffingRules rows, or the configured preset's. */
export function presetRules(name: string): StaffingRule[] {
  return (STAFFING_PRESETS[name] ?? STAFFING_PRESETS.greenville_sc!).rules;
}

/** The default schedule of a site level (K8 and 6-12 use the MS schedule, others the ES one). */
export function levelSchedule(cfg: StaffingConfig, level: string): LevelSchedule {
  if (level === 'HS') return cfg.defaultSchedules.HS;
  if (level === 'MS' || level === '6-12') return cfg.defaultSchedules.MS;
  return cfg.defaultSchedules.ES;
}

