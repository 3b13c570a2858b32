import { RuleSetSchema, type RuleSet } from './config';

// Published weighted-student-funding structures, as rule sets a district can start from. Each
// carries its source. Where a source weights programs Steward's workbook does not count (Boston's
// disability programs, NYC's grade and service levels) or Steward has no verified figure, the rule
// set lists it under `approximations`: every result repeats the list and flags it, so nobody
// mistakes an aggregate weight for the published one.

const BOSTON_GRADES = { PK: 1.8, K: 1.6, '1': 1.4, '2': 1.4, '3': 1.3, '4': 1.3, '5': 1.3, '6': 1.4, '7': 1.4, '8': 1.4, '9': 1.3, '10': 1.3, '11': 1.3, '12': 1.3 };

/**
 * Boston FY16. The disability weights of BPS's weighted student funding are added on top of the
 * student's grade weight, in full (a school's FY16 budget summary lists every student under a
 * grade row and, again, under a disability program row priced at weight × base: low-severity
 * resource room 1.00, moderate 1.40, autism 4.30, …). Steward's workbook has one count of students
 * with disabilities, so one weight stands for all programs: the moderate resource-room weight.
 */
export const BOSTON_FY16: RuleSet = RuleSetSchema.parse({
  name: 'boston',
  source: 'Boston Public Schools WSF FY16 (school budget summaries): base $4,028.47 per pupil (FY15 $3,922.69); grade weights K0–K1 1.80, K2 1.60, gr 1–2 1.40, gr 3–5 1.30, gr 6–8 1.40, gr 9–12 1.30 (PK = K0–K1, K = K2); disability weights added to the grade weight by program: resource room low 1.00, moderate 1.40; autism 4.30, developmental delay 6.70, early childhood ages 3–4 2.50 / 5–6 1.90, emotional impairment elementary 3.50 / middle and high 3.00, intellectual impairment 2.00, multiple disabilities 4.80, physical impairment 4.30, vision 3.00.',
  approximations: [
    'students with disabilities: one weight, +1.40 (moderate resource room), for every student counted, because the workbook has no counts by disability program (BPS weights run from 1.00 to 6.70 by program)',
    'poverty and English learners: BPS weights them by level, but their FY16 values are not in Steward\'s sources, so this preset gives them no weight (add need_weight rows for econ_disadvantaged and english_learners from BPS\'s published table)',
  ],
  base_mode: 'fixed',
  base_per_pupil_cents: 402_847,
  grade_weights: BOSTON_GRADES,
  need_weights: { students_with_disabilities: 1.4 },
});

const HOUSTON_PUA = { ES: 3522, MS: 3558 } as const;
const msWeight = HOUSTON_PUA.MS / HOUSTON_PUA.ES; // the MS per-unit amount as a weight on the ES one

export const HOUSTON_2018: RuleSet = RuleSetSchema.parse({
  name: 'houston',
  source: 'Houston ISD 2017–18 per-unit allocation (PUA): ES $3,522, MS $3,558, HS $3,522; compensatory education 50% × 0.15 × PUA per econ. disadvantaged student; gifted 0.12; EL 0.10; homeless 0.05; small-school subsidy (threshold − enrollment) × $850, thresholds ES 500, MS 750, HS 1,000, capped at the lower of 15% of base or $228,480.',
  base_mode: 'fixed',
  base_per_pupil_cents: HOUSTON_PUA.ES * 100,
  grade_weights: { '6': msWeight, '7': msWeight, '8': msWeight },
  need_weights: { econ_disadvantaged: 0.5 * 0.15, gifted: 0.12, english_learners: 0.1, homeless: 0.05 },
  small_school: {
    per_student_cents: 85_000,
    threshold_by_level: { ES: 500, MS: 750, HS: 1000, K8: 500, '6-12': 750 },
    cap_share_of_base: 0.15,
    cap_cents: 22_848_000,
  },
});

export const NYC_FSF: RuleSet = RuleSetSchema.parse({
  name: 'nyc',
  source: 'NYC DOE Fair Student Funding: foundation $225,000 per school + register × per-capita with grade weights K–5 1.00, 6–8 1.08, 9–12 1.03 and need weights; phased in with hold-harmless. Need weights here are approximations for aggregate counts (poverty 0.12, EL 0.40, special education 0.56); hold-harmless 5% is Steward\'s choice.',
  approximations: [
    'need weights for aggregate counts: poverty 0.12, English learners 0.40, special education 0.56 (FSF weights these by grade, program and service level)',
    'hold-harmless at 5% is Steward\'s choice, not a published figure',
  ],
  base_mode: 'solve',
  foundation_cents: { ES: 22_500_000, MS: 22_500_000, HS: 22_500_000, K8: 22_500_000, '6-12': 22_500_000, Other: 22_500_000 },
  grade_weights: { '6': 1.08, '7': 1.08, '8': 1.08, '9': 1.03, '10': 1.03, '11': 1.03, '12': 1.03 },
  need_weights: { econ_disadvantaged: 0.12, english_learners: 0.4, students_with_disabilities: 0.56 },
  hold_harmless_max_loss: 0.05,
});

/** When a project has no rules: Boston's grade weights with the base solved to spend the pool. */
export const DEFAULT_RULES: RuleSet = RuleSetSchema.parse({
  name: 'default',
  source: 'Steward default: Boston FY16 grade weights; base per pupil solved so the pool is spent exactly; need weights poverty 0.15, EL 0.30, disability 0.90 (illustrative, set your own).',
  base_mode: 'solve',
  grade_weights: BOSTON_GRADES,
  need_weights: { econ_disadvantaged: 0.15, english_learners: 0.3, students_with_disabilities: 0.9 },
});

export const PRESETS: Readonly<Record<'boston' | 'houston' | 'nyc', RuleSet>> = { boston: BOSTON_FY16, houston: HOUSTON_2018, nyc: NYC_FSF };
export type PresetName = keyof typeof PRESETS;
export const isPresetName = (s: string): s is PresetName => s === 'boston' || s === 'houston' || s === 'nyc';
