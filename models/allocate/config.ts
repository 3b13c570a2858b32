import { z } from 'zod';
import { cents, isoDate } from '../schema/fields';

// What a project saves for the allocate engine: named rule sets (weighted student funding), which
// one is active, and the settings of the restricted-funds pass, the indicators and the reviews.
// Every part has defaults so `AllocateConfigSchema.parse({})` is a working configuration and old
// projects load. `.prefault({})` (not `.default`) so nested defaults are filled in too (zod 4).

const LEVELS = ['ES', 'MS', 'HS', 'K8', '6-12', 'Other', 'Central'] as const;
const levelRecord = <T extends z.ZodType>(v: T) => z.partialRecord(z.enum(LEVELS), v);

export const CustomTermSchema = z.object({
  /** Shown in errors and results ("ELL teacher floor"). */
  name: z.string().min(1).max(80),
  /** A formula in dollars over the site's variables (docs/formulas.md: grammar and limits; docs/allocate.md lists the variables). */
  expression: z.string().min(1).max(400),
  doc: z.string().optional(),
});
export type CustomTerm = z.infer<typeof CustomTermSchema>;

export const SmallSchoolSchema = z.object({
  /** Dollars per student below the threshold (Houston: $850). */
  per_student_cents: cents().min(0),
  /** Enrollment below which a school gets the subsidy, by level (Houston: ES 500, MS 750, HS 1,000). */
  threshold_by_level: levelRecord(z.number().int().min(0)).default({}),
  /** Cap as a share of the school's grade-weighted base allocation (Houston: 0.15). */
  cap_share_of_base: z.number().min(0).max(10).optional(),
  /** Absolute cap per school (Houston: $228,480). */
  cap_cents: cents().min(0).optional(),
});

export const RuleSetSchema = z.object({
  name: z.string().min(1).max(80),
  /** Where the numbers come from (a citation), shown beside the result. */
  source: z.string().optional(),
  /** 'solve' finds the base per pupil that spends exactly the pool; 'fixed' uses per_pupil_cents. */
  base_mode: z.enum(['solve', 'fixed']).default('solve'),
  base_per_pupil_cents: cents().min(0).optional(),
  /** The pool for the formula; blank = the general funds left after the needs register is funded. */
  pool_cents: cents().min(0).optional(),
  /** Foundation amount every school of a level gets before per-pupil money. */
  foundation_cents: levelRecord(cents().min(0)).default({}),
  /** Weight per student by grade (PK, K, 1–12); a grade not listed weighs 1. */
  grade_weights: z.record(z.string(), z.number().min(0).max(20)).default({}),
  /** Added weight per student counted in a need category (StudentNeeds), e.g. english_learners: 0.1. */
  need_weights: z.record(z.string(), z.number().min(0).max(20)).default({}),
  custom_terms: z.array(CustomTermSchema).max(50).default([]),
  small_school: SmallSchoolSchema.optional(),
  /** A school may lose at most this share of last year's allocation; the others are scaled to pay for it. */
  hold_harmless_max_loss: z.number().min(0).max(1).optional(),
});
export type RuleSet = z.infer<typeof RuleSetSchema>;
export type RuleSetInput = z.input<typeof RuleSetSchema>;

export const Title1ConfigSchema = z.object({
  /** The Title I, Part A fund; blank = the fund whose code or name says Title I (T1A, "Title I-A"). */
  fund_code: z.string().optional(),
  /** Need category counting low-income students (ESEA §1113(a)(5)). */
  poverty_need: z.string().default('econ_disadvantaged'),
  /** Schools above this poverty share must be served first, in rank order (§1113(a)(3)). */
  high_poverty: z.number().min(0).max(1).default(0.75),
  /** Then schools at or above this share: a number, or the district average (§1113(a)(2)). */
  threshold: z.union([z.literal('district_average'), z.number().min(0).max(1)]).default('district_average'),
  /** Rank all schools together, or within grade spans (levels) against each span's own average (§1113(a)(2)(B)). */
  rank_by: z.enum(['district', 'grade_span']).default('district'),
  /** Share kept at the district for district-wide needs (administration, equitable services…). */
  reserve_share: z.number().min(0).max(1).default(0),
  /** Smallest per-low-income-pupil amount worth serving a school with; lower-ranked schools drop out first. */
  min_per_pupil_cents: cents().min(0).default(0),
}).prefault({});

export const ThresholdsSchema = z.object({
  cost_balance_low: z.number().min(0).default(0.9),
  cost_balance_high: z.number().min(0).default(1.1),
  /** Supplement-not-supplant: flag a Title I school whose general money is this share below the neutral formula. */
  sns_tolerance: z.number().min(0).max(1).default(0.05),
  /** Comparability: Title I schools' state/local per pupil at least this share of non-Title I schools'. */
  comparability: z.number().min(0).max(1).default(0.9),
  /** A fund with money left over and an end date this close to the allocation date is at high lapse risk. */
  lapse_window_days: z.number().int().min(0).default(90),
}).prefault({});

export const OptimizeConfigSchema = z.object({
  /** Objective weight per priority (1 = highest); missing priorities weigh 1 / priority. */
  priority_weights: z.record(z.string(), z.number().min(0)).default({}),
  /** Least and most needs-register money a site may get (cents). */
  site_floor_cents: z.record(z.string(), cents().min(0)).default({}),
  site_cap_cents: z.record(z.string(), cents().min(0)).default({}),
  time_limit_s: z.number().min(0.1).max(600).default(30),
}).prefault({});

export const ReviewConfigSchema = z.object({
  /** Flag a line projected to overspend its budget by more than this share… */
  over_share: z.number().min(0).default(0.02),
  /** …or to underspend by more than this share (a reallocation candidate). */
  under_share: z.number().min(0).default(0.1),
  /** Changes since adoption that states ask about (e.g. California interim reports). */
  key_change_share: z.number().min(0).default(0.02),
  other_change_share: z.number().min(0).default(0.05),
  /** Reserve the district must keep, as a share of expenditures, for a positive certification. */
  reserve_share: z.number().min(0).max(1).optional(),
  /** Growth assumptions for the simple 3-year projection of the general fund. */
  revenue_growth: z.number().min(-0.5).max(0.5).default(0.02),
  expenditure_growth: z.number().min(-0.5).max(0.5).default(0.03),
  /** Monthly share of annual spending by fiscal month (12 numbers, July first) from last year. */
  seasonal_pattern: z.array(z.number().min(0)).length(12).optional(),
}).prefault({});

export const AllocateConfigSchema = z.object({
  rules: z.array(RuleSetSchema).default([]),
  /** Name of the rule set used when none is chosen; blank = the first, or the default preset. */
  active_rules: z.string().optional(),
  /** Date the allocation is made (eligibility and lapse risk); blank = 1 July before the base year. */
  allocation_date: isoDate().optional(),
  /** Last year's formula allocation per site (cents) for hold-harmless; blank = the rules on last year's data. */
  prior_allocations: z.record(z.string(), cents()).default({}),
  /** Fill needs left after restricted funds with general funds before the formula ('fill'), or not. */
  general_for_needs: z.enum(['fill', 'none']).default('fill'),
  title1: Title1ConfigSchema,
  idea: z.object({
    /** IDEA Part B funds; blank = funds whose code or name says IDEA. They pay only for disability needs. */
    fund_codes: z.array(z.string()).optional(),
    disability_need: z.string().default('students_with_disabilities'),
    /** Last year's local spending on students with disabilities (maintenance of effort, 34 CFR 300.203). */
    moe_prior_cents: cents().optional(),
  }).prefault({}),
  /** Extra eligibility per fund: only these sites. */
  fund_sites: z.record(z.string(), z.array(z.string())).default({}),
  thresholds: ThresholdsSchema,
  optimize: OptimizeConfigSchema,
  review: ReviewConfigSchema,
});
export type AllocateConfig = z.infer<typeof AllocateConfigSchema>;
export type AllocateConfigInput = z.input<typeof AllocateConfigSchema>;
