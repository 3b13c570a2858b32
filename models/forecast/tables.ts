import { z } from 'zod';
import { SourceRefSchema, cents, field, fiscalYear, idText } from '../schema/fields';

// Workbook sheets the forecast engine adds: Plans (one action a row), Triggers (when a backup
// plan replaces the running one) and Signposts (indicators that say which scenario is unfolding).

const src = SourceRefSchema.optional();

export const PLAN_ACTIONS = [
  'add_positions', 'cut_positions', 'class_size', 'staffing_ratio', 'budget_pct', 'budget_amount',
  'close_site', 'merge_site', 'delay_purchase', 'schedule', 'draw_reserves', 'delay_school',
] as const;
export type PlanActionKind = (typeof PLAN_ACTIONS)[number];

const actionValues = Object.fromEntries(PLAN_ACTIONS.flatMap((a) => [[a, a], [a.replace(/_/g, ' '), a]])) as Record<string, string>;

export const PlanActionSchema = z.object({
  plan: field(idText(), { kind: 'id', doc: 'Plan name (rows with the same name form one plan)', synonyms: ['plan name', 'option'] }),
  action: field(z.enum(PLAN_ACTIONS), {
    kind: 'enum', doc: 'add_positions, cut_positions, class_size, staffing_ratio, budget_pct, budget_amount, close_site, merge_site, delay_purchase, schedule, draw_reserves, delay_school (a network\'s school opens or grows value years later, 1 when blank)',
    synonyms: ['action type', 'type', 'what'], values: { ...actionValues, add: 'add_positions', cut: 'cut_positions', layoff: 'cut_positions', rif: 'cut_positions', close: 'close_site', merge: 'merge_site', delay: 'delay_purchase', reserves: 'draw_reserves', 'delay new school': 'delay_school', 'delay opening': 'delay_school' },
  }),
  start_year: field(fiscalYear(), { kind: 'year', doc: 'First fiscal year the action takes effect', synonyms: ['start', 'from', 'year', 'fy', 'effective year'] }),
  end_year: field(fiscalYear().optional(), { kind: 'year', doc: 'Last fiscal year (blank = to the end of the forecast)', synonyms: ['end', 'until', 'through'] }),
  role: field(z.string().optional(), { kind: 'id', doc: 'Role the action adds, cuts or restaffs (teacher, counselor, …)', synonyms: ['job', 'position', 'job title'] }),
  site_id: field(z.string().optional(), { kind: 'id', doc: 'Site it applies to (blank = every site)', synonyms: ['site', 'school', 'location'] }),
  target_site: field(z.string().optional(), { kind: 'id', doc: 'merge_site: the site that receives the students', synonyms: ['into', 'receiving site', 'merge into'] }),
  fte: field(z.number().min(0).optional(), { kind: 'fte', doc: 'FTE added or cut', synonyms: ['ftes', 'positions'] }),
  amount: field(cents().optional(), { kind: 'money', doc: 'Dollars: a line change, a per-FTE cost, a purchase delayed, a reserve limit', synonyms: ['amt', 'cost', 'dollars', 'limit'] }),
  pct: field(z.number().min(-1).max(10).optional(), { kind: 'rate', doc: 'budget_pct: the change (−0.1 = cut 10%)', synonyms: ['percent', 'pct change', 'rate'] }),
  value: field(z.number().optional(), { kind: 'number', doc: 'class_size/staffing_ratio: students per FTE; schedule: the parameter value', synonyms: ['target', 'ratio', 'class size'] }),
  parameter: field(z.string().optional(), { kind: 'id', doc: 'schedule: cola, step_freeze or any driver name', synonyms: ['param', 'driver'] }),
  fund_code: field(z.string().optional(), { kind: 'id', doc: 'Fund the action is charged to or filters on (default GEN)', synonyms: ['fund'] }),
  object: field(z.string().optional(), { kind: 'id', doc: 'budget_pct/budget_amount/delay_purchase: object filter (supplies, capital, …)', synonyms: ['obj', 'object code'] }),
  years: field(z.number().int().min(1).max(10).optional(), { kind: 'int', doc: 'delay_purchase: years of delay (default 1)', synonyms: ['delay', 'delay years'] }),
  description: field(z.string().optional(), { kind: 'text', doc: 'What the action is', synonyms: ['desc', 'notes'] }),
  src,
});

export const TriggerSchema = z.object({
  plan: field(idText(), { kind: 'id', doc: 'Backup plan the trigger starts', synonyms: ['backup plan', 'backup', 'plan name'] }),
  condition: field(z.string().min(1).max(500), { kind: 'text', doc: 'A condition over projected indicators, e.g. reserve_pct < 0.08 and state_aid_growth < 0', synonyms: ['when', 'rule', 'trigger'] }),
  lag: field(z.number().int().min(0).max(5).default(0), { kind: 'int', doc: 'Years between the trigger and the plan taking effect', synonyms: ['delay', 'lag years'] }),
  deadline: field(z.string().optional(), { kind: 'text', doc: 'Decision deadline, as month-day: the last such date before the plan\'s first fiscal year starts (03-15 = layoff notices by 15 March)', synonyms: ['decision deadline', 'notice by', 'decide by'] }),
  src,
});

export const SignpostSchema = z.object({
  signpost: field(idText(), { kind: 'id', doc: 'What is watched (October count, governor\'s budget)', synonyms: ['name', 'indicator name'] }),
  indicator: field(z.string().optional(), { kind: 'id', doc: 'Projected indicator it compares with (enrollment, state_aid_growth, …)', synonyms: ['metric', 'measure'] }),
  scenario: field(idText(), { kind: 'id', doc: 'Scenario it points to when met', synonyms: ['points to', 'scenario name'] }),
  direction: field(z.enum(['above', 'below']), { kind: 'enum', doc: 'above or below the threshold', synonyms: ['when', 'operator'], values: { above: 'above', '>': 'above', '>=': 'above', over: 'above', below: 'below', '<': 'below', '<=': 'below', under: 'below' } }),
  threshold: field(z.number(), { kind: 'number', doc: 'Threshold value', synonyms: ['trigger value', 'level'] }),
  observed: field(z.number().optional(), { kind: 'number', doc: 'Latest observed value (blank = not yet known)', synonyms: ['actual', 'latest', 'current'] }),
  src,
});

export type PlanAction = z.infer<typeof PlanActionSchema>;
export type Trigger = z.infer<typeof TriggerSchema>;
export type Signpost = z.infer<typeof SignpostSchema>;

export const FORECAST_TABLES = {
  plans: { sheet: 'Plans', schema: PlanActionSchema, required: false },
  triggers: { sheet: 'Triggers', schema: TriggerSchema, required: false },
  signposts: { sheet: 'Signposts', schema: SignpostSchema, required: false },
} satisfies Record<string, { sheet: string; schema: z.ZodObject; required: boolean }>;

export const FORECAST_PROJECT_SHAPE = {
  plans: z.array(PlanActionSchema).default([]),
  triggers: z.array(TriggerSchema).default([]),
  signposts: z.array(SignpostSchema).default([]),
} satisfies Record<string, z.ZodType>;
