import { z } from 'zod';
import { SourceRefSchema, cents, field, fiscalYear, idText } from '../schema/fields';

// Workbook sheets a charter network adds (docs/network.md): CharterSchools (a site listed there is
// a charter school that grows through its grades), Loans (debt service), Covenants (lenders'
// thresholds on the measures), BalanceSheet (the opening position the measures start from) and
// Philanthropy (gifts with their own years). All optional: a district workbook has none of them.
// Imports come from schema/fields.ts only: schema/tables.ts imports this file.

const src = SourceRefSchema.optional();

// Same spellings as GRADES in schema/tables.ts (not imported: that would be circular).
export const CHARTER_GRADES = ['PK', 'K', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] as const;
const grade = (doc: string, synonyms: string[]) => field(z.enum(CHARTER_GRADES), { kind: 'grade', doc, synonyms });

/** The measures a covenant can name (measures.ts MEASURES, repeated: measures.ts imports nothing). */
export const COVENANT_MEASURES = ['days_cash_on_hand', 'current_ratio', 'total_margin', 'enrollment_variance', 'dscr', 'debt_to_asset'] as const;
export const BALANCE_ITEMS = ['cash', 'other_current_assets', 'current_liabilities', 'total_assets', 'total_liabilities', 'depreciation'] as const;

const siteId = (doc: string) => field(idText(), { kind: 'id', doc, synonyms: ['site', 'school', 'school id', 'campus', 'site code'] });

export const CharterSchoolSchema = z.object({
  site_id: siteId('Site (as in Sites) that is a charter school'),
  first_grade: grade('Entry grade (K for an elementary school, 5 or 6 for a middle school)', ['entry grade', 'lowest grade', 'from grade']),
  last_grade: grade('Top grade at full span', ['full span', 'highest grade', 'to grade', 'top grade']),
  open_year: field(fiscalYear(), { kind: 'year', doc: 'Fiscal year the school opened or opens', synonyms: ['opened', 'opening year', 'opens', 'year opened'] }),
  grades_at_opening: field(z.number().int().min(1).max(14), { kind: 'int', doc: 'Grades served in the opening year; one more is added each year to the full span', synonyms: ['opening grades', 'grades opened'] }),
  seats_per_grade: field(z.number().int().min(1), { kind: 'int', doc: 'Seats in each grade (sections × class size)', synonyms: ['seats', 'grade size', 'cohort size'] }),
  fill_rate: field(z.number().min(0).max(1).default(1), { kind: 'share', doc: 'Share of the seats filled in the entry grade and in backfilled grades (0.95 or 95%)', synonyms: ['fill', 'fill pct', 'seat fill'] }),
  attrition_rate: field(z.number().min(0).max(1).default(0), { kind: 'share', doc: 'Share of a cohort that leaves each year between grades', synonyms: ['attrition', 'leavers', 'cohort attrition'] }),
  backfill_grade: field(z.enum(CHARTER_GRADES).optional(), { kind: 'grade', doc: 'Highest grade whose empty seats are refilled (blank = every grade; leavers above it are not replaced)', synonyms: ['backfill', 'backfill through', 'last backfill grade'] }),
  scenario: field(z.string().optional(), { kind: 'id', doc: 'A new school that opens only in this scenario (and those based on it); blank = in every scenario', synonyms: ['only in scenario', 'opens in scenario'] }),
  startup_cost: field(cents().min(0).optional(), { kind: 'money', doc: 'One-time pre-opening cost (dollars, base-year prices) charged in the fiscal year before the school opens — a delay moves it; blank = 0', synonyms: ['start-up cost', 'startup', 'pre-opening cost', 'planning year cost'] }),
  fixed_cost: field(cents().min(0).optional(), { kind: 'money', doc: 'Cost a year whatever the enrollment (dollars, base-year prices: a facility lease) from the opening year — a delay moves it; blank = 0', synonyms: ['fixed cost', 'facility cost', 'annual fixed cost'] }),
  src,
});

export const LoanSchema = z.object({
  loan_id: field(idText(), { kind: 'id', doc: 'Loan or bond identifier (unique)', synonyms: ['loan', 'bond', 'debt', 'note'] }),
  lender: field(z.string().optional(), { kind: 'text', doc: 'Lender or bond trustee', synonyms: ['bank', 'trustee', 'creditor'] }),
  balance: field(cents().min(0), { kind: 'money', doc: 'Principal outstanding at the start of the base year (dollars)', synonyms: ['principal outstanding', 'outstanding', 'principal balance', 'amount'] }),
  interest_rate: field(z.number().min(0).max(0.5), { kind: 'rate', doc: 'Annual interest rate on the outstanding balance (0.055 or 5.5%)', synonyms: ['rate', 'interest', 'coupon'] }),
  annual_principal: field(cents().min(0), { kind: 'money', doc: 'Principal repaid each year (dollars) until the balance is paid', synonyms: ['principal payment', 'amortization', 'principal'] }),
  site_id: siteId('Site the loan financed (blank = the network)').optional(),
  src,
});

export const CovenantSchema = z.object({
  lender: field(idText(), { kind: 'id', doc: 'Lender or loan the covenant is owed to', synonyms: ['loan', 'loan_id', 'bank', 'creditor'] }),
  measure: field(z.enum(COVENANT_MEASURES), {
    kind: 'enum', doc: 'days_cash_on_hand, current_ratio, total_margin, enrollment_variance, dscr or debt_to_asset', synonyms: ['metric', 'test', 'ratio'],
    values: { days_cash_on_hand: 'days_cash_on_hand', 'days cash': 'days_cash_on_hand', 'days cash on hand': 'days_cash_on_hand', current_ratio: 'current_ratio', 'current ratio': 'current_ratio', total_margin: 'total_margin', 'total margin': 'total_margin', enrollment_variance: 'enrollment_variance', 'enrollment variance': 'enrollment_variance', dscr: 'dscr', 'debt service coverage': 'dscr', 'debt service coverage ratio': 'dscr', debt_to_asset: 'debt_to_asset', 'debt to asset': 'debt_to_asset' },
  }),
  direction: field(z.enum(['min', 'above', 'below']).default('min'), {
    kind: 'enum', doc: 'min (at least the threshold, the default), above (more than) or below (less than)', synonyms: ['operator', 'test'],
    values: { min: 'min', '>=': 'min', 'at least': 'min', above: 'above', '>': 'above', below: 'below', '<': 'below', max: 'below' },
  }),
  threshold: field(z.number(), { kind: 'number', doc: 'The covenant level (1.2 for a DSCR of 1.20, 45 for 45 days cash)', synonyms: ['level', 'minimum', 'covenant'] }),
  src,
});

export const BalanceSheetSchema = z.object({
  item: field(z.enum(BALANCE_ITEMS), {
    kind: 'enum', doc: 'cash (unrestricted), other_current_assets, current_liabilities, total_assets, total_liabilities (loans included), depreciation (a year\'s)',
    synonyms: ['line', 'account', 'balance sheet item'],
    values: { cash: 'cash', 'unrestricted cash': 'cash', other_current_assets: 'other_current_assets', 'other current assets': 'other_current_assets', current_liabilities: 'current_liabilities', 'current liabilities': 'current_liabilities', total_assets: 'total_assets', 'total assets': 'total_assets', total_liabilities: 'total_liabilities', 'total liabilities': 'total_liabilities', depreciation: 'depreciation', 'depreciation expense': 'depreciation' },
  }),
  amount: field(cents(), { kind: 'money', doc: 'Amount at the start of the base year (dollars); depreciation: per year', synonyms: ['value', 'balance', 'dollars'] }),
  src,
});

export const PhilanthropySchema = z.object({
  source_id: field(idText(), { kind: 'id', doc: 'Gift or funder (unique)', synonyms: ['gift', 'funder', 'donor', 'grant', 'source'] }),
  amount: field(cents().min(0), { kind: 'money', doc: 'Dollars a year (recurring) or in start_year (one_time)', synonyms: ['gift amount', 'annual amount', 'dollars'] }),
  kind: field(z.enum(['recurring', 'one_time']).default('recurring'), {
    kind: 'enum', doc: 'recurring (every year from start_year to end_year) or one_time (start_year only)', synonyms: ['type', 'gift type'],
    values: { recurring: 'recurring', annual: 'recurring', 'multi-year': 'recurring', one_time: 'one_time', 'one-time': 'one_time', once: 'one_time' },
  }),
  start_year: field(fiscalYear(), { kind: 'year', doc: 'First fiscal year of the gift', synonyms: ['from', 'first year', 'year'] }),
  end_year: field(fiscalYear().optional(), { kind: 'year', doc: 'Last fiscal year (blank = no end)', synonyms: ['until', 'through', 'last year', 'ends'] }),
  site_id: siteId('School the gift is for (blank = the network)').optional(),
  src,
});

export type CharterSchool = z.infer<typeof CharterSchoolSchema>;
export type Loan = z.infer<typeof LoanSchema>;
export type CovenantRow = z.infer<typeof CovenantSchema>;
export type BalanceSheetRow = z.infer<typeof BalanceSheetSchema>;
export type PhilanthropyRow = z.infer<typeof PhilanthropySchema>;

export const NETWORK_TABLES = {
  charterSchools: { sheet: 'CharterSchools', schema: CharterSchoolSchema, required: false },
  loans: { sheet: 'Loans', schema: LoanSchema, required: false },
  covenants: { sheet: 'Covenants', schema: CovenantSchema, required: false },
  balanceSheet: { sheet: 'BalanceSheet', schema: BalanceSheetSchema, required: false },
  philanthropy: { sheet: 'Philanthropy', schema: PhilanthropySchema, required: false },
} satisfies Record<string, { sheet: string; schema: z.ZodObject; required: boolean }>;

export const NETWORK_PROJECT_SHAPE = {
  charterSchools: z.array(CharterSchoolSchema).default([]),
  loans: z.array(LoanSchema).default([]),
  covenants: z.array(CovenantSchema).default([]),
  balanceSheet: z.array(BalanceSheetSchema).default([]),
  philanthropy: z.array(PhilanthropySchema).default([]),
} satisfies Record<string, z.ZodType>;
