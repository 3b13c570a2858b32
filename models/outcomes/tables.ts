import { z } from 'zod';
import { SourceRefSchema, field, fiscalYear, idText } from '../schema/fields';

/**
 * One outcome figure for a school or a program (or a program at a school) in one year — practice
 * 13's "review the budget process and allocations relative to outcomes". A measure is followed
 * over the years the sheet holds: proficiency rates, attendance, graduation, chronic absence…
 * Whether a rise is good is said per row, so "chronic absence" (lower is better) reads right.
 */
export const OutcomeRowSchema = z.object({
  site_id: field(z.string().optional(), { kind: 'id', doc: 'Site the figure is for (blank with a program = district-wide)', synonyms: ['site', 'school', 'school id'] }),
  program: field(z.string().optional(), { kind: 'id', doc: 'Program the figure is for, as in Budget (blank = the whole site)', synonyms: ['prog', 'program code'] }),
  year: field(fiscalYear(), { kind: 'year', doc: 'School year, named by the calendar year it ends in', synonyms: ['fy', 'school year', 'fiscal year', 'sy'] }),
  measure: field(idText(), { kind: 'id', doc: 'What is measured (e.g. math_proficiency, attendance_rate, chronic_absence)', synonyms: ['indicator', 'metric', 'outcome'] }),
  value: field(z.number(), { kind: 'number', doc: 'The figure (a rate as 0.62 or 62%, a count, a score)', synonyms: ['score', 'rate', 'result', 'val'] }),
  higher_is_better: field(z.boolean(), { kind: 'bool', doc: 'yes when a higher value is better (proficiency), no when lower is (chronic absence)', synonyms: ['higher better', 'direction', 'good if higher'] }),
  source: field(z.string().optional(), { kind: 'text', doc: 'Where the figure comes from (state report card, district survey…)', synonyms: ['data source', 'reference'] }),
  src: SourceRefSchema.optional(),
});
export type OutcomeRow = z.infer<typeof OutcomeRowSchema>;

export const OUTCOME_TABLES = {
  outcomes: { sheet: 'Outcomes', schema: OutcomeRowSchema, required: false },
} satisfies Record<string, { sheet: string; schema: z.ZodObject; required: boolean }>;

export const OUTCOME_PROJECT_SHAPE = {
  outcomes: z.array(OutcomeRowSchema).default([]),
} satisfies Record<string, z.ZodType>;
