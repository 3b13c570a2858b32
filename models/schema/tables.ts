import { z } from 'zod';
import { SourceRefSchema, cents, field, fiscalYear, idText, isoDate } from './fields';
import { ALLOCATE_TABLES } from '../allocate/tables';
import { FORECAST_TABLES } from '../forecast/tables';
import { OUTCOME_TABLES } from '../outcomes/tables';
import { STAFFING_TABLES } from '../staffing/tables';
import { NETWORK_TABLES } from '../network/tables';

// The tables of the district workbook (shared/district-workbook.md, version 1). Property names are
// the workbook's column names; money properties hold integer cents. `src` records where a row
// was read from. Each field's import metadata (kind, synonyms, doc) is attached with field().

const src = SourceRefSchema.optional();

export const SITE_LEVELS = ['ES', 'MS', 'HS', 'K8', '6-12', 'Other', 'Central'] as const;
export const GRADES = ['PK', 'K', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] as const;
export const FUND_SOURCES = ['local', 'state', 'federal', 'other'] as const;
export const STANDARD_OBJECTS = ['salaries', 'benefits', 'purchased_services', 'supplies', 'capital', 'other'] as const;
export const DISTRIBUTIONS = ['normal', 'lognormal', 'triangular', 'uniform'] as const;
export const STANDARD_NEEDS = ['econ_disadvantaged', 'english_learners', 'students_with_disabilities'] as const;

const siteId = (doc = 'Site (school or office) identifier, as in Sites') =>
  field(idText(), { kind: 'id', doc, synonyms: ['site', 'school', 'school id', 'schoolid', 'school code', 'school number', 'bldg', 'building', 'location', 'loc', 'location code', 'campus', 'cost center', 'dbn', 'site code', 'org'] });
const fundCode = () =>
  field(idText(), { kind: 'id', doc: 'Fund or grant code, as in Funds', synonyms: ['fund', 'fund code', 'fund id', 'fund no', 'fund number', 'fd', 'grant', 'source of funds', 'funding source'] });
const fyField = (doc = 'Fiscal year, named by the calendar year it ends in (2026 = FY 2025–26)') =>
  field(fiscalYear(), { kind: 'year', doc, synonyms: ['fy', 'year', 'fiscal year', 'school year', 'budget year', 'sy'] });

export const SettingsRowSchema = z.object({
  key: field(idText(), { kind: 'id', doc: 'Setting name', synonyms: ['setting', 'name', 'parameter'] }),
  value: field(z.string(), { kind: 'text', doc: 'Setting value', synonyms: ['val'] }),
  src,
});

/** The Settings sheet read into typed values, with defaults a district would expect. */
export const SettingsSchema = z.object({
  district_name: z.string().default('Unnamed district'),
  base_year: fiscalYear(),
  horizon_years: z.number().int().min(1).max(10).default(5),
  beginning_fund_balance: cents().default(0),
  reserve_policy_pct: z.number().min(0).max(1).default(0.08),
  seed: z.number().int().default(1),
  /** Any further keys, kept as text. */
  extra: z.record(z.string(), z.string()).default({}),
});

export const SiteSchema = z.object({
  site_id: siteId('Site identifier (unique)'),
  name: field(z.string().min(1), { kind: 'text', doc: 'Site name', synonyms: ['school name', 'site name', 'location name', 'building name', 'school'] }),
  level: field(z.enum(SITE_LEVELS), {
    kind: 'enum', doc: 'ES, MS, HS, K8, 6-12, Other or Central', synonyms: ['school level', 'type', 'school type', 'grade span', 'category'],
    values: { es: 'ES', elementary: 'ES', elem: 'ES', e: 'ES', ms: 'MS', middle: 'MS', m: 'MS', jh: 'MS', 'junior high': 'MS', hs: 'HS', high: 'HS', h: 'HS', secondary: 'HS', k8: 'K8', 'k-8': 'K8', 'k 8': 'K8', '612': '6-12', '6-12': '6-12', other: 'Other', central: 'Central', district: 'Central', office: 'Central', co: 'Central', 'elementary school': 'ES', 'middle school': 'MS', 'high school': 'HS', 'education campus': 'K8', 'secondary education campus': '6-12', alternative: 'Other', 'special education center': 'Other', stay: 'Other' },
  }),
  src,
});

export const EnrollmentSchema = z.object({
  site_id: siteId(),
  year: fyField('School year, named by the calendar year it ends in'),
  grade: field(z.enum(GRADES), { kind: 'grade', doc: 'PK, K, 1–12', synonyms: ['grade level', 'gr', 'grd', 'grade lvl'] }),
  students: field(z.number().int().min(0), { kind: 'int', doc: 'Number of students', synonyms: ['enrollment', 'count', 'headcount', 'membership', 'students enrolled', 'total enrollment', 'n'] }),
  src,
});

export const StudentNeedsSchema = z.object({
  site_id: siteId(),
  year: fyField('School year'),
  /** Need category → number of students: econ_disadvantaged, english_learners, students_with_disabilities, and any further numeric column. */
  counts: field(z.record(z.string(), z.number().min(0)), { kind: 'need_counts', doc: 'econ_disadvantaged, english_learners, students_with_disabilities, and any further numeric column as a need category' }),
  src,
});

export const FundSchema = z.object({
  fund_code: field(idText(), { kind: 'id', doc: 'Fund or grant code (unique)', synonyms: ['fund', 'code', 'fund id', 'fund no', 'fund number', 'grant code'] }),
  name: field(z.string().min(1), { kind: 'text', doc: 'Fund name', synonyms: ['fund name', 'description', 'grant', 'grant name', 'title'] }),
  source: field(z.enum(FUND_SOURCES), {
    kind: 'enum', doc: 'local, state, federal or other', synonyms: ['revenue source', 'funding source', 'type'],
    values: { local: 'local', state: 'state', federal: 'federal', fed: 'federal', other: 'other', private: 'other' },
  }),
  restricted: field(z.boolean(), { kind: 'bool', doc: 'yes for a special-purpose fund or grant', synonyms: ['is restricted', 'restriction'] }),
  available: field(cents(), { kind: 'money', doc: "This year's amount available (dollars)", synonyms: ['amount', 'allocation', 'award', 'budget', 'appropriation', 'available amount'] }),
  eligible_uses: field(z.array(z.string()).default(['any']), { kind: 'list', doc: 'Need categories the fund may pay for, comma-separated, or "any"', synonyms: ['eligible', 'uses', 'eligibility', 'allowable uses'] }),
  end_date: field(isoDate().optional(), { kind: 'date', doc: 'Last date the money can be obligated', synonyms: ['end', 'expires', 'expiration', 'obligation deadline', 'period of availability'] }),
  recurring: field(z.boolean().optional(), { kind: 'bool', doc: 'yes when the grant is awarded again every year (Title I, IDEA): its end date then limits this award, and the forecast shows no cliff', synonyms: ['renewed annually', 'annual award', 'ongoing'] }),
  carryover_pct: field(z.number().min(0).max(1).optional(), { kind: 'share', doc: 'Share of an unspent balance that may carry over (e.g. 15% for Title I)', synonyms: ['carryover', 'carry over'] }),
  src,
});

export const BudgetLineSchema = z.object({
  fiscal_year: fyField(),
  fund_code: fundCode(),
  object: field(idText(), { kind: 'id', doc: 'salaries, benefits, purchased_services, supplies, capital, other — or a numeric object code', synonyms: ['obj', 'object code', 'object class', 'account', 'object description', 'expense type', 'obj code'] }),
  amount: field(cents(), { kind: 'money', doc: 'Amount (dollars)', synonyms: ['amt', 'budget', 'budgeted', 'adopted', 'adopted budget', 'total', 'cost', 'dollars', 'value', 'appropriation', 'proposed', 'approved', 'revised budget', 'current budget'] }),
  function: field(z.string().optional(), { kind: 'id', doc: 'Function code or name (instruction, support, …)', synonyms: ['func', 'function code', 'fn'] }),
  site_id: siteId('Site, blank for district-wide').optional(),
  program: field(z.string().optional(), { kind: 'id', doc: 'Program code or name', synonyms: ['prog', 'program code', 'project', 'activity'] }),
  description: field(z.string().optional(), { kind: 'text', doc: 'Description', synonyms: ['desc', 'line description', 'account description', 'item', 'text', 'memo'] }),
  fte: field(z.number().min(0).optional(), { kind: 'fte', doc: 'FTE the line pays for', synonyms: ['ftes', 'positions'] }),
  src,
});

export const FundingSplitSchema = z.object({ fund_code: z.string().min(1), share: z.number().min(0).max(1) });

export const PositionSchema = z.object({
  position_id: field(idText(), { kind: 'id', doc: 'Position identifier (unique)', synonyms: ['position', 'position number', 'pos', 'pos id', 'position no', 'pcn', 'slot', 'employee id', 'emp id'] }),
  site_id: siteId(),
  role: field(idText(), { kind: 'id', doc: 'Job role (teacher, counselor, principal, …)', synonyms: ['job', 'job title', 'title', 'position title', 'job class', 'job code', 'assignment', 'classification'] }),
  fte: field(z.number().min(0), { kind: 'fte', doc: 'Full-time equivalent', synonyms: ['ftes', 'fte total', 'position fte'] }),
  lane: field(z.string().optional(), { kind: 'id', doc: 'Salary schedule lane (education column)', synonyms: ['column', 'class', 'education', 'range'] }),
  step: field(z.number().int().min(0).optional(), { kind: 'int', doc: 'Salary schedule step (years)', synonyms: ['steps', 'years', 'experience'] }),
  salary: field(cents().optional(), { kind: 'money', doc: 'Annual salary (dollars), overrides the schedule', synonyms: ['base salary', 'annual salary', 'pay', 'wage', 'salary amount', 'budgeted salary'] }),
  benefits_rate: field(z.number().min(0).max(2).optional(), { kind: 'rate', doc: 'Benefits as a share of salary (0.25 or 25%)', synonyms: ['benefit rate', 'fringe rate', 'fringe', 'benefits pct'] }),
  health_plan_cost: field(cents().optional(), { kind: 'money', doc: 'Employer health premium per year (dollars)', synonyms: ['health', 'health cost', 'medical', 'insurance'] }),
  funding: field(z.array(FundingSplitSchema).default([]), { kind: 'funding', doc: 'Funding split, e.g. "GEN:0.6; T1:0.4" (blank = the general fund)', synonyms: ['funding split', 'funds', 'fund split', 'fund', 'funding source'] }),
  status: field(z.enum(['filled', 'vacant']).default('filled'), {
    kind: 'enum', doc: 'filled or vacant', synonyms: ['position status', 'vacancy'],
    values: { filled: 'filled', f: 'filled', active: 'filled', occupied: 'filled', vacant: 'vacant', v: 'vacant', open: 'vacant' },
  }),
  src,
});

export const SalaryCellSchema = z.object({
  schedule: field(idText(), { kind: 'id', doc: 'Schedule name (teachers, classified, …)', synonyms: ['salary schedule', 'schedule name', 'table'] }),
  lane: field(idText(), { kind: 'id', doc: 'Lane (education column, e.g. BA, BA+15, MA)', synonyms: ['column', 'class', 'education', 'range'] }),
  step: field(z.number().int().min(0), { kind: 'int', doc: 'Step (years of service)', synonyms: ['steps', 'year', 'years'] }),
  salary: field(cents(), { kind: 'money', doc: 'Annual salary (dollars)', synonyms: ['amount', 'pay', 'rate'] }),
  src,
});

export const NeedSchema = z.object({
  need_id: field(idText(), { kind: 'id', doc: 'Need identifier (unique)', synonyms: ['need', 'id', 'need no'] }),
  category: field(idText(), { kind: 'id', doc: 'Need category (econ_disadvantaged, english_learners, students_with_disabilities, or your own)', synonyms: ['need category', 'type', 'area'] }),
  cost: field(cents().min(0), { kind: 'money', doc: 'Estimated cost (dollars, not negative)', synonyms: ['amount', 'estimated cost', 'cost estimate', 'request'] }),
  priority: field(z.number().int().min(1), { kind: 'int', doc: 'Priority, 1 = highest', synonyms: ['rank', 'pri', 'priority rank'] }),
  site_id: siteId('Site, blank for district-wide').optional(),
  description: field(z.string().optional(), { kind: 'text', doc: 'What the need is', synonyms: ['desc', 'need description', 'notes'] }),
  src,
});

export const ActualSchema = z.object({
  as_of: field(isoDate(), { kind: 'date', doc: 'Date the figures are as of', synonyms: ['as of', 'date', 'report date', 'period end'] }),
  fiscal_year: fyField(),
  fund_code: fundCode(),
  object: field(idText(), { kind: 'id', doc: 'Object, as in Budget', synonyms: ['obj', 'object code', 'account'] }),
  ytd_amount: field(cents(), { kind: 'money', doc: 'Spent year to date (dollars)', synonyms: ['ytd', 'ytd actual', 'actual', 'actuals', 'expended', 'spent', 'ytd expenditures'] }),
  encumbered: field(cents().optional(), { kind: 'money', doc: 'Encumbered (dollars)', synonyms: ['encumbrance', 'encumbrances', 'committed', 'open po'] }),
  function: field(z.string().optional(), { kind: 'id', doc: 'Function', synonyms: ['func', 'function code'] }),
  site_id: siteId('Site, blank for district-wide').optional(),
  program: field(z.string().optional(), { kind: 'id', doc: 'Program', synonyms: ['prog', 'program code'] }),
  src,
});

export const DriverSchema = z.object({
  driver: field(idText(), { kind: 'id', doc: 'Driver name (enrollment_growth, cola, cpi, …)', synonyms: ['assumption', 'name', 'variable'] }),
  value: field(z.number().optional(), { kind: 'rate', doc: 'Value for every year (a number or a percent)', synonyms: ['base', 'base value', 'rate', 'assumption value'] }),
  by_year: field(z.record(z.string(), z.number()).default({}), { kind: 'year_values', doc: 'Per-year values in columns named by year (2027, FY28, …)' }),
  low: field(z.number().optional(), { kind: 'rate', doc: 'Low end (with high: a 90% interval)', synonyms: ['min', 'p5'] }),
  high: field(z.number().optional(), { kind: 'rate', doc: 'High end', synonyms: ['max', 'p95'] }),
  distribution: field(z.enum(DISTRIBUTIONS).optional(), {
    kind: 'enum', doc: 'normal, lognormal, triangular or uniform', synonyms: ['dist'],
    values: { normal: 'normal', lognormal: 'lognormal', triangular: 'triangular', uniform: 'uniform' },
  }),
  src,
});

export const ScenarioOverrideSchema = z.object({
  scenario: field(idText(), { kind: 'id', doc: 'Scenario name', synonyms: ['scenario name', 'case'] }),
  driver: field(idText(), { kind: 'id', doc: 'Driver it changes', synonyms: ['assumption', 'variable'] }),
  value: field(z.number(), { kind: 'rate', doc: 'Value (a number or a percent)', synonyms: ['override', 'val'] }),
  year: field(fiscalYear().optional(), { kind: 'year', doc: 'Fiscal year (blank = every year)', synonyms: ['fy', 'fiscal year'] }),
  based_on: field(z.string().optional(), { kind: 'id', doc: 'Scenario this one starts from', synonyms: ['base', 'parent', 'inherits'] }),
  src,
});

export type SettingsRow = z.infer<typeof SettingsRowSchema>;
export type Settings = z.infer<typeof SettingsSchema>;
export type Site = z.infer<typeof SiteSchema>;
export type EnrollmentRow = z.infer<typeof EnrollmentSchema>;
export type StudentNeedsRow = z.infer<typeof StudentNeedsSchema>;
export type Fund = z.infer<typeof FundSchema>;
export type BudgetLine = z.infer<typeof BudgetLineSchema>;
export type FundingSplit = z.infer<typeof FundingSplitSchema>;
export type Position = z.infer<typeof PositionSchema>;
export type SalaryCell = z.infer<typeof SalaryCellSchema>;
export type Need = z.infer<typeof NeedSchema>;
export type Actual = z.infer<typeof ActualSchema>;
export type Driver = z.infer<typeof DriverSchema>;
export type ScenarioOverride = z.infer<typeof ScenarioOverrideSchema>;
export type Grade = (typeof GRADES)[number];
export type SiteLevel = (typeof SITE_LEVELS)[number];

/** Every importable table: its sheet name in the workbook, the CLI's --as name and its row schema. */
export const TABLES = {
  settings: { sheet: 'Settings', schema: SettingsRowSchema, required: true },
  sites: { sheet: 'Sites', schema: SiteSchema, required: true },
  enrollment: { sheet: 'Enrollment', schema: EnrollmentSchema, required: true },
  studentNeeds: { sheet: 'StudentNeeds', schema: StudentNeedsSchema, required: true },
  funds: { sheet: 'Funds', schema: FundSchema, required: true },
  budget: { sheet: 'Budget', schema: BudgetLineSchema, required: true },
  positions: { sheet: 'Positions', schema: PositionSchema, required: true },
  salary: { sheet: 'SalarySchedule', schema: SalaryCellSchema, required: true },
  needs: { sheet: 'Needs', schema: NeedSchema, required: false },
  actuals: { sheet: 'Actuals', schema: ActualSchema, required: false },
  drivers: { sheet: 'Drivers', schema: DriverSchema, required: false },
  scenarios: { sheet: 'Scenarios', schema: ScenarioOverrideSchema, required: false },
  // Sheets the engines add (plans and triggers, allocation rules, staffing rules, schedules, time studies).
  ...ALLOCATE_TABLES,
  ...FORECAST_TABLES,
  ...OUTCOME_TABLES,
  ...STAFFING_TABLES,
  // Charter-network sheets (models/network/tables.ts): all optional.
  ...NETWORK_TABLES,
} as const;

export type TableKind = keyof typeof TABLES;
export const TABLE_KINDS = Object.keys(TABLES) as TableKind[];
export type RowOf<K extends TableKind> = z.infer<(typeof TABLES)[K]['schema']>;
