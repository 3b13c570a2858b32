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
  /** Where the rule set departs from the published formula it is named after (reported with every result and flagged). */
  approximations: z.array(z.string().max(400)).max(20).optional(),
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

/** One per-low-income-child band of the Title I table (§1113(c)(1) allows different amounts by rank, never more for a lower rank). */
export const Title1BandSchema = z.object({
  /** Served schools at or above this poverty share are in the band (the first band that fits, bands in descending order). */
  min_share: z.number().min(0).max(1),
  /** Cents per low-income child; blank on the last band only = what the pot has left, shared by its children. */
  per_child_cents: cents().min(0).optional(),
});

export const Title1ReservationsSchema = z.object({
  /**
   * Parent and family engagement (§1116(a)(3)(A)): a district whose allocation is over $500,000
   * reserves at least 1% of it. The share reserved (applied only above $500,000).
   */
  family_engagement_share: z.number().min(0).max(1).default(0.01),
  /** Share of that reservation distributed to Title I schools (§1116(a)(3)(C): at least 90%). */
  family_engagement_to_schools: z.number().min(0).max(1).default(0.9),
  /** Equitable services for eligible private-school children (§1117(a)(4)), in cents, as the district worked them out. */
  equitable_services_cents: cents().min(0).default(0),
  /** Services for homeless children and youths (§1113(c)(3)(A)), in cents, from the district's needs assessment. */
  homeless_cents: cents().min(0).default(0),
  /** Children in local institutions for neglected or delinquent children (§1113(c)(3)(B)–(C)), in cents. */
  neglected_delinquent_cents: cents().min(0).default(0),
}).prefault({});

export const Title1ConfigSchema = z.object({
  /** The Title I, Part A fund; blank = the fund whose code or name says Title I (T1A, "Title I-A"). */
  fund_code: z.string().optional(),
  /** Need category counting low-income students (ESEA §1113(a)(5)). */
  poverty_need: z.string().default('econ_disadvantaged'),
  /** Schools above this poverty share must be served first, in rank order (§1113(a)(3)(A)). */
  high_poverty: z.number().min(0).max(1).default(0.75),
  /** High schools above this share are served with the schools above `high_poverty` (§1113(a)(3)(B) allows 50%); blank = no such rule. */
  high_school_high_poverty: z.number().min(0).max(1).optional(),
  /** Site levels that are high schools for `high_school_high_poverty`. */
  high_school_levels: z.array(z.enum(LEVELS)).default(['HS']),
  /**
   * Then schools at or above this share: a number, the district average (§1113(a)(2)(A)), or
   * the district average or 35%, whichever is lower (§1113(a)(4)(A): any school at 35% or more may be designated eligible).
   */
  threshold: z.union([z.literal('district_average'), z.literal('district_average_or_35'), z.number().min(0).max(1)]).default('district_average'),
  /** Rank all schools together, or within grade spans (levels) against each span's own average (§1113(a)(2)(B)). */
  rank_by: z.enum(['district', 'grade_span']).default('district'),
  /** Share kept at the district for district-wide needs in the register (administration, district-wide activities). */
  reserve_share: z.number().min(0).max(1).default(0),
  /** Reservations off the top before schools are allocated (§1113(c)(3), §1116(a)(3), §1117). */
  reservations: Title1ReservationsSchema,
  /** Smallest per-low-income-pupil amount worth serving a school with; lower-ranked schools drop out first. */
  min_per_pupil_cents: cents().min(0).default(0),
  /**
   * §1113(c)(2)(A): when a school below 35% poverty is served, every served school gets at least
   * 125% of the district's allocation per low-income child. 'serve_fewer' drops the lowest-ranked
   * schools below 35% until it holds; 'flag' keeps them and flags each school short of it.
   */
  rule_125: z.enum(['serve_fewer', 'flag']).default('serve_fewer'),
  /** Low-income children who live in the district and attend private schools: counted in the district's low-income children for the 125% rule. */
  private_low_income: z.number().int().min(0).default(0),
  /** Per-low-income-child bands by poverty share (a published table); empty = one rate for every served school. */
  bands: z.array(Title1BandSchema).max(20).default([]).superRefine((bands, ctx) => {
    bands.forEach((b, i) => {
      if (i > 0 && b.min_share >= bands[i - 1]!.min_share) ctx.addIssue({ code: 'custom', path: [i, 'min_share'], message: `bands go from the highest poverty share down: ${b.min_share} is not below ${bands[i - 1]!.min_share}` });
      if (b.per_child_cents === undefined && i !== bands.length - 1) ctx.addIssue({ code: 'custom', path: [i, 'per_child_cents'], message: 'only the last band may take the remainder (blank per_child_cents)' });
      const prev = bands[i - 1]?.per_child_cents;
      if (i > 0 && b.per_child_cents !== undefined && prev !== undefined && b.per_child_cents > prev) ctx.addIssue({ code: 'custom', path: [i, 'per_child_cents'], message: `a lower band may not get more per child (${b.per_child_cents} cents > ${prev} cents above it; §1113(c)(1))` });
    });
  }),
}).prefault({});

export const MOE_EXCEPTIONS = {
  personnel_departure: '34 CFR 300.204(a): voluntary departure, or departure for just cause, of special education or related services personnel',
  fewer_children: '34 CFR 300.204(b): a decrease in the enrollment of children with disabilities',
  costly_child_left: '34 CFR 300.204(c): the obligation to provide FAPE to an exceptionally costly child ended (left the jurisdiction, aged out, or no longer needs the program)',
  long_term_purchase_ended: '34 CFR 300.204(d): costly expenditures for long-term purchases (equipment, construction) ended',
  high_cost_fund: '34 CFR 300.204(e): costs assumed by the SEA high-cost fund under 300.704(c)',
  federal_increase_adjustment: '34 CFR 300.205: up to 50% of the increase in the IDEA 611 allocation treated as local funds (only where the SEA allows it)',
} as const;

export const MoeYearSchema = z.object({
  fiscal_year: z.number().int().min(1900).max(2200),
  /** 'actual' = expenditures of a closed year; 'budget' = what the district budgeted. */
  figure: z.enum(['actual', 'budget']),
  /** Local funds spent (or budgeted) on the education of children with disabilities, federal money excluded (300.203(a)(3)). */
  local_cents: cents().min(0),
  /** State funds for the same purpose. */
  state_cents: cents().min(0).default(0),
  /** Children with disabilities counted that year (for the per-capita methods); blank = the StudentNeeds count. */
  children: z.number().int().min(0).optional(),
});

export const MoeExceptionSchema = z.object({
  fiscal_year: z.number().int().min(1900).max(2200),
  kind: z.enum(Object.keys(MOE_EXCEPTIONS) as [keyof typeof MOE_EXCEPTIONS, ...(keyof typeof MOE_EXCEPTIONS)[]]),
  /** How much the exception lowers the required level (cents). */
  cents: cents().min(0),
  note: z.string().max(400).optional(),
});

export const MoeConfigSchema = z.object({
  /** Figures that replace (or add to) what the Budget and Actuals sheets say for a year. */
  years: z.array(MoeYearSchema).max(50).default([]).superRefine((ys, ctx) => {
    const seen = new Set<string>();
    ys.forEach((y, i) => {
      const k = `${y.fiscal_year} ${y.figure}`;
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [i, 'fiscal_year'], message: `FY${y.fiscal_year} ${y.figure} is given twice` });
      seen.add(k);
    });
  }),
  exceptions: z.array(MoeExceptionSchema).max(200).default([]),
}).prefault({});

export const ThresholdsSchema = z.object({
  cost_balance_low: z.number().min(0).default(0.9),
  cost_balance_high: z.number().min(0).default(1.1),
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
    /** Last year's local spending on students with disabilities, when the project has no figure of its own for that year (kept for old projects; `moe.years` says more). */
    moe_prior_cents: cents().optional(),
    /** Maintenance of effort (34 CFR 300.203): figures per year and the 300.204 exceptions taken. */
    moe: MoeConfigSchema,
  }).prefault({}),
  /** Extra eligibility per fund: only these sites. */
  fund_sites: z.record(z.string(), z.array(z.string())).default({}),
  thresholds: ThresholdsSchema,
  optimize: OptimizeConfigSchema,
  review: ReviewConfigSchema,
});
export type AllocateConfig = z.infer<typeof AllocateConfigSchema>;
export type AllocateConfigInput = z.input<typeof AllocateConfigSchema>;
