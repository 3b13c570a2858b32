import { z } from 'zod';
import { SourceRefSchema, field, idText } from '../schema/fields';

// Workbook sheets the staffing engine adds: StaffingRules, Schedules, Responsibilities, TimeStudy
// (docs/staffing.md documents them like shared/district-workbook.md). Each is a zod row schema
// with field() metadata, so the importer, the template writer and the notes sheet pick them up
// from TABLES. Imports come from schema/fields.ts only: schema/tables.ts imports this file.

const src = SourceRefSchema.optional();

// Same spellings as SITE_LEVELS in schema/tables.ts (not imported: that would be circular), plus
// "any" for a rule that applies at every level.
export const RULE_LEVELS = ['any', 'ES', 'MS', 'HS', 'K8', '6-12', 'Other', 'Central'] as const;
export const RULE_BASES = ['students', 'grade', 'subgroup', 'site', 'sections'] as const;
export const ROUNDINGS = ['up', 'down', 'nearest'] as const;
export const ROUND_BY = ['grade', 'school'] as const;

const LEVEL_VALUES: Record<string, string> = {
  any: 'any', all: 'any', '': 'any', '*': 'any',
  es: 'ES', elementary: 'ES', elem: 'ES', ms: 'MS', middle: 'MS', jh: 'MS', hs: 'HS', high: 'HS', secondary: 'HS',
  k8: 'K8', 'k-8': 'K8', '612': '6-12', '6-12': '6-12', other: 'Other', central: 'Central', district: 'Central',
};

const siteId = (doc: string) =>
  field(idText(), { kind: 'id', doc, synonyms: ['site', 'school', 'school id', 'school code', 'building', 'location', 'campus', 'site code'] });
const roleField = (doc: string) =>
  field(idText(), { kind: 'id', doc, synonyms: ['job', 'job title', 'title', 'position title', 'job class', 'position type', 'staff type'] });

export const StaffingRuleSchema = z.object({
  role: roleField('Role the rule staffs (teacher, counselor, assistant_principal, …), as in Positions'),
  level: field(z.enum(RULE_LEVELS).default('any'), {
    kind: 'enum', doc: 'Site level it applies to: ES, MS, HS, K8, 6-12, Other, Central, or any (blank)', synonyms: ['site level', 'school level', 'school type'],
    values: LEVEL_VALUES,
  }),
  grades: field(z.array(z.string()).default([]), { kind: 'list', doc: 'Grades counted, comma-separated (K, 1, 2 or K-5); blank = every grade', synonyms: ['grade', 'grade span', 'grade levels'] }),
  basis: field(z.enum(RULE_BASES).default('students'), {
    kind: 'enum', doc: 'students (all students in the grades), grade (a ratio per grade), subgroup (a caseload), site (a fixed FTE per site, in minimum_fte), sections (secondary: course requests ÷ class-size cap ÷ teaching periods, from Schedules)',
    synonyms: ['ratio basis', 'based on', 'driver', 'type'],
    values: { students: 'students', enrollment: 'students', student: 'students', grade: 'grade', 'per grade': 'grade', subgroup: 'subgroup', caseload: 'subgroup', need: 'subgroup', site: 'site', school: 'site', 'per site': 'site', fixed: 'site', sections: 'sections', schedule: 'sections', section: 'sections' },
  }),
  subgroup: field(z.string().optional(), { kind: 'id', doc: 'Need category for basis subgroup (students_with_disabilities, english_learners, …), as in StudentNeeds', synonyms: ['need', 'need category', 'student group', 'caseload group'] }),
  ratio: field(z.number().positive().optional(), { kind: 'number', doc: 'Students per 1.0 FTE (22 = 1 per 22 students); not used for basis site or sections', synonyms: ['students per fte', 'students per staff', 'caseload', 'class size', 'ratio students'] }),
  poverty_threshold: field(z.number().min(0).max(1).optional(), { kind: 'share', doc: 'Poverty share (econ_disadvantaged ÷ enrollment) at or above which ratio_high_poverty applies', synonyms: ['poverty cutoff', 'high poverty threshold', 'poverty pct'] }),
  ratio_high_poverty: field(z.number().positive().optional(), { kind: 'number', doc: 'Students per FTE at high-poverty schools (lower = more staff)', synonyms: ['high poverty ratio', 'ratio high poverty', 'poverty ratio'] }),
  minimum_fte: field(z.number().min(0).default(0), { kind: 'fte', doc: 'Least FTE a site gets when the rule applies and it has students counted (basis site: the FTE every site gets)', synonyms: ['min fte', 'minimum', 'floor', 'fte per site'] }),
  maximum_fte: field(z.number().min(0).optional(), { kind: 'fte', doc: 'Most FTE a site gets from the rule (blank = no cap)', synonyms: ['max fte', 'maximum', 'cap'] }),
  rounding: field(z.enum(ROUNDINGS).default('up'), {
    kind: 'enum', doc: 'up, down or nearest', synonyms: ['round', 'rounding rule'],
    values: { up: 'up', ceiling: 'up', ceil: 'up', down: 'down', floor: 'down', truncate: 'down', nearest: 'nearest', round: 'nearest', normal: 'nearest' },
  }),
  increment: field(z.number().positive().default(1), { kind: 'fte', doc: 'FTE step rounded to: 1 = whole positions, 0.5 = halves, 0.1 = fractional', synonyms: ['fte increment', 'round to', 'step'] }),
  round_by: field(z.enum(ROUND_BY).default('grade'), {
    kind: 'enum', doc: 'basis grade: round each grade (a class cannot span grades) or the school total', synonyms: ['round per', 'rounding level'],
    values: { grade: 'grade', 'per grade': 'grade', school: 'school', site: 'school', 'per school': 'school', total: 'school' },
  }),
  note: field(z.string().optional(), { kind: 'text', doc: 'Source or reason (e.g. "ASCA recommended 1:250")', synonyms: ['source', 'notes', 'comment', 'description'] }),
  src,
});

export const ScheduleSchema = z.object({
  site_id: siteId('Site, as in Sites'),
  subject: field(z.string().optional(), { kind: 'id', doc: 'Blank for the school schedule; a subject (math, ELA, …) for a row of per-subject course requests and cap', synonyms: ['course', 'department', 'content area'] }),
  instructional_days: field(z.number().int().min(0).max(366).optional(), { kind: 'int', doc: 'Instructional days per year', synonyms: ['days', 'school days', 'student days'] }),
  minutes_per_day: field(z.number().min(0).max(1440).optional(), { kind: 'number', doc: 'Instructional minutes per day', synonyms: ['instructional minutes', 'minutes', 'daily minutes'] }),
  periods_per_day: field(z.number().int().min(0).max(20).optional(), { kind: 'int', doc: 'Periods per day (0 or blank = self-contained classrooms)', synonyms: ['periods', 'bell periods'] }),
  minutes_per_period: field(z.number().min(0).max(600).optional(), { kind: 'number', doc: 'Minutes per period', synonyms: ['period length', 'period minutes'] }),
  teaching_periods: field(z.number().min(0).max(20).optional(), { kind: 'number', doc: 'Periods a full-time teacher teaches (5 of 6, 6 of 7, …)', synonyms: ['teaching load', 'periods taught', 'sections per teacher'] }),
  planning_periods: field(z.number().min(0).max(20).optional(), { kind: 'number', doc: 'Planning periods per teacher per day', synonyms: ['planning', 'prep periods', 'prep'] }),
  collaboration_minutes_per_week: field(z.number().min(0).max(3000).optional(), { kind: 'number', doc: 'Protected collaborative planning minutes per teacher per week', synonyms: ['collaboration minutes', 'collaboration', 'plc minutes', 'common planning'] }),
  class_size_cap: field(z.number().positive().optional(), { kind: 'number', doc: 'Most students per class (section)', synonyms: ['class size', 'cap', 'max class size', 'class size limit'] }),
  course_requests_per_student: field(z.number().min(0).max(20).optional(), { kind: 'number', doc: 'Secondary: courses each student takes (per subject row: requests in that subject)', synonyms: ['course requests', 'courses per student', 'requests per student'] }),
  src,
});

export const ResponsibilitySchema = z.object({
  function: field(idText(), { kind: 'id', doc: 'District function (program_design, pilots, monitoring_data_review, feedback, communication, culture, systems_work, or your own)', synonyms: ['district function', 'responsibility', 'activity', 'task'] }),
  owner_role: roleField('Role that owns it, as in Positions'),
  protected_hours_per_week: field(z.number().min(0).max(80), { kind: 'number', doc: 'Hours per week protected for it, per person in the role (the target)', synonyms: ['protected hours', 'target hours', 'hours per week', 'hours'] }),
  note: field(z.string().optional(), { kind: 'text', doc: 'Where it sits in the job description or schedule', synonyms: ['notes', 'description', 'job description'] }),
  src,
});

export const TimeStudyRowSchema = z.object({
  role: roleField('Role (blank when position_id is given)').optional(),
  position_id: field(z.string().optional(), { kind: 'id', doc: 'Position observed, as in Positions (blank for a role average)', synonyms: ['position', 'employee id', 'emp id', 'staff id', 'respondent'] }),
  activity: field(idText(), { kind: 'id', doc: 'Function or activity the time went to (as in Responsibilities, or any other activity)', synonyms: ['function', 'task', 'category', 'time category'] }),
  hours_per_week: field(z.number().min(0).max(168), { kind: 'number', doc: 'Hours per week (for a role row: the average per person)', synonyms: ['hours', 'hrs', 'hours per week', 'weekly hours'] }),
  src,
});

export type StaffingRule = z.infer<typeof StaffingRuleSchema>;
export type ScheduleRow = z.infer<typeof ScheduleSchema>;
export type Responsibility = z.infer<typeof ResponsibilitySchema>;
export type TimeStudyRow = z.infer<typeof TimeStudyRowSchema>;

export const STAFFING_TABLES = {
  staffingRules: { sheet: 'StaffingRules', schema: StaffingRuleSchema, required: false },
  schedules: { sheet: 'Schedules', schema: ScheduleSchema, required: false },
  responsibilities: { sheet: 'Responsibilities', schema: ResponsibilitySchema, required: false },
  timeStudy: { sheet: 'TimeStudy', schema: TimeStudyRowSchema, required: false },
} satisfies Record<string, { sheet: string; schema: z.ZodObject; required: boolean }>;

export const STAFFING_PROJECT_SHAPE = {
  staffingRules: z.array(StaffingRuleSchema).default([]),
  schedules: z.array(ScheduleSchema).default([]),
  responsibilities: z.array(ResponsibilitySchema).default([]),
  timeStudy: z.array(TimeStudyRowSchema).default([]),
} satisfies Record<string, z.ZodType>;
