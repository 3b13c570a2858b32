import { z } from 'zod';
import { SourceRefSchema, cents, field, idText, isoDate } from '../schema/fields';

// Workbook sheets this engine adds to the district workbook (each a zod row schema with field()
// metadata, so the importer, the template writer and the notes sheet pick them up), and the
// project arrays that hold their rows.

export const REVIEW_CHANGE_KINDS = ['funding', 'positions', 'schedule', 'certification', 'note'] as const;

/**
 * One line of an in-year review's record (practice 13: several reviews a year decide whether
 * funding, personnel or schedules need adjusting). A review is the rows sharing a review_id.
 */
export const ReviewRowSchema = z.object({
  review_id: field(idText(), { kind: 'id', doc: 'Review identifier (e.g. "2026-01 mid-year")', synonyms: ['review', 'review name'] }),
  as_of: field(isoDate(), { kind: 'date', doc: 'Date the review’s figures are as of', synonyms: ['as of', 'date', 'review date'] }),
  kind: field(z.enum(REVIEW_CHANGE_KINDS), {
    kind: 'enum', doc: 'funding, positions, schedule, certification or note', synonyms: ['change type', 'type', 'area'],
    values: { funding: 'funding', money: 'funding', positions: 'positions', personnel: 'positions', staffing: 'positions', schedule: 'schedule', schedules: 'schedule', certification: 'certification', note: 'note' },
  }),
  description: field(z.string().min(1), { kind: 'text', doc: 'What changed', synonyms: ['change', 'what', 'desc'] }),
  amount: field(cents().optional(), { kind: 'money', doc: 'Amount moved (dollars)', synonyms: ['dollars', 'cents', 'amt'] }),
  fund_code: field(z.string().optional(), { kind: 'id', doc: 'Fund the money comes from', synonyms: ['fund'] }),
  site_id: field(z.string().optional(), { kind: 'id', doc: 'Site affected', synonyms: ['site', 'school'] }),
  need_id: field(z.string().optional(), { kind: 'id', doc: 'Need it funds', synonyms: ['need'] }),
  reason: field(z.string().optional(), { kind: 'text', doc: 'Why', synonyms: ['why', 'rationale', 'justification'] }),
  status: field(z.enum(['proposed', 'approved', 'rejected']).default('proposed'), {
    kind: 'enum', doc: 'proposed, approved or rejected', synonyms: ['decision'],
    values: { proposed: 'proposed', approved: 'approved', yes: 'approved', rejected: 'rejected', no: 'rejected' },
  }),
  src: SourceRefSchema.optional(),
});
export type ReviewRow = z.infer<typeof ReviewRowSchema>;

export const RULE_SETTINGS = [
  'base_mode', 'base_per_pupil', 'pool', 'foundation', 'grade_weight', 'need_weight', 'custom_term',
  'small_school_per_student', 'small_school_threshold', 'small_school_cap_share', 'small_school_cap', 'hold_harmless_max_loss', 'source',
] as const;

/**
 * Allocation rules as a sheet, so a district can keep its weighted-student-funding rules in Excel:
 * one row per setting, e.g. (wsf, grade_weight, K, 1.6), (wsf, foundation, ES, $150,000),
 * (wsf, custom_term, "EL floor", "max(0, 40 - english_learners) * 500"). Read by rules-sheet.ts.
 */
export const AllocationRuleRowSchema = z.object({
  rules: field(idText(), { kind: 'id', doc: 'Rule set name (one set = the rows sharing a name)', synonyms: ['rule set', 'ruleset', 'formula', 'name'] }),
  setting: field(z.enum(RULE_SETTINGS), {
    kind: 'enum', doc: `One of ${RULE_SETTINGS.join(', ')}`, synonyms: ['parameter', 'term', 'what'],
    values: Object.fromEntries(RULE_SETTINGS.flatMap((s) => [[s, s], [s.replace(/_/g, ' '), s]])),
  }),
  key: field(z.string().optional(), { kind: 'text', doc: 'Level (foundation, small-school threshold), grade (grade weight), need category (need weight) or term name (custom term)', synonyms: ['level', 'grade', 'category', 'for'] }),
  value: field(z.string().min(1), { kind: 'text', doc: 'A number, dollars, a percent, "solve"/"fixed" for base_mode, or an expression for custom_term', synonyms: ['amount', 'weight', 'expression', 'val'] }),
  src: SourceRefSchema.optional(),
});
export type AllocationRuleRow = z.infer<typeof AllocationRuleRowSchema>;

export const ALLOCATE_TABLES = {
  allocationRules: { sheet: 'AllocationRules', schema: AllocationRuleRowSchema, required: false },
  allocationReviews: { sheet: 'Reviews', schema: ReviewRowSchema, required: false },
} satisfies Record<string, { sheet: string; schema: z.ZodObject; required: boolean }>;

export const ALLOCATE_PROJECT_SHAPE = {
  allocationRules: z.array(AllocationRuleRowSchema).default([]),
  allocationReviews: z.array(ReviewRowSchema).default([]),
} satisfies Record<string, z.ZodType>;
