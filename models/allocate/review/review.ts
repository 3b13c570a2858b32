import { asCents, type Cents } from '../../money/cents';
import type { Project } from '../../project/project';
import { fail, ok, type Parsed } from '../../result';
import type { Actual } from '../../schema/tables';
import { allocate, type AllocateOptions } from '../allocate';
import { AllocateConfigSchema } from '../config';
import { dollars, flag, type AllocationFlag } from '../flags';
import { fundRules } from '../funds';
import type { ReviewRow } from '../tables';
import { acceptedByNeed } from './accept';
import { certify, changesSinceAdoption, type Certification, type ChangeSinceAdoption } from './certification';
import { curveFromActuals, curveFromMonthly, projectLines, yearFraction, type ProjectedLine } from './projection';
import { proposeReallocations, type ReallocationProposal } from './reallocation';
import { timeAndEffort, type TimeEffortEntry } from './time-effort';

export interface ReviewInput {
  /** Spending to date; blank = the project's Actuals sheet. */
  actuals?: readonly Actual[];
  asOf: string;
  /** Figures known now, to compare with the adopted budget (interim reports). */
  current?: { enrollment?: number; attendance?: number; state_revenue_cents?: number; other_revenue_cents?: number };
  allocation?: AllocateOptions;
  /** Name of this review in the saved record; blank = "review <as-of>". */
  reviewId?: string;
}

export interface FundReview {
  fund_code: string;
  budget_cents: Cents;
  ytd_cents: Cents;
  encumbered_cents: Cents;
  projected_cents: Cents;
  variance_cents: Cents;
}

export interface ReviewResult {
  as_of: string;
  fiscal_year: number;
  elapsed_share: number;
  method: 'straight_line' | 'seasonal';
  lines: ProjectedLine[];
  funds: FundReview[];
  certification: Certification;
  changes: ChangeSinceAdoption[];
  time_effort: TimeEffortEntry[];
  reallocations: ReallocationProposal[];
  flags: AllocationFlag[];
  /** Rows to append to the project's Reviews sheet: the dated record of what this review proposes and why. */
  record: ReviewRow[];
}

/** The fiscal year a date falls in (July–June, named by the year it ends in). */
export const fiscalYearOf = (date: string): number => Number(date.slice(0, 4)) + (Number(date.slice(5, 7)) >= 7 ? 1 : 0);

/**
 * An in-year review: project every line to year-end, flag variances, certify the general fund for
 * this year and the next two, list split-funded positions' time-and-effort duties, and propose
 * moving projected surpluses to needs still unfunded.
 */
export function runReview(project: Project, input: ReviewInput): Parsed<ReviewResult> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.asOf) || Number.isNaN(Date.parse(input.asOf))) return fail(`as-of date "${input.asOf}" is not a date (yyyy-mm-dd)`);
  const parsed = AllocateConfigSchema.safeParse(input.allocation?.config ?? project.allocate ?? {});
  if (!parsed.success) return fail(`allocation settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const cfg = parsed.data.review;
  const fy = fiscalYearOf(input.asOf);
  const actuals = input.actuals ?? project.actuals;
  const flags: AllocationFlag[] = [];

  // Seasonal when a pattern is saved or last year's actuals trace one; straight-line otherwise.
  let curve = cfg.seasonal_pattern ? curveFromMonthly(cfg.seasonal_pattern) : [];
  if (curve.length === 0) curve = curveFromActuals(project.actuals, fy - 1);
  const fundEnds = new Map(project.funds.filter((f) => f.end_date !== undefined).map((f) => [f.fund_code, f.end_date!]));
  const lines = projectLines(project.budget, actuals, input.asOf, fy, cfg, curve, fundEnds);
  const ended = [...new Set(lines.filter((l) => l.fund_end_date !== undefined && l.fund_end_date <= input.asOf && l.reported).map((l) => l.fund_code))];
  for (const code of ended) flags.push(flag('info', 'grant_ended', `Fund ${code} ended ${fundEnds.get(code)}: its lines are projected at what was spent and encumbered by then, with no further spending.`, { fund_code: code }));
  const unreported = lines.filter((l) => !l.reported && l.budget_cents !== 0).length;
  if (unreported > 0) flags.push(flag('warning', 'no_actuals', `${unreported} of ${lines.length} budget line(s) have no actuals for FY${fy} on or before ${input.asOf}; they are projected at their budget.`));
  for (const l of lines) {
    if (l.flag === 'over') flags.push(flag('warning', 'over_budget', `${describe(l)}: projected ${dollars(l.projected_cents)} against a budget of ${dollars(l.budget_cents)} (${pct(l.variance_share)} over).`, { fund_code: l.fund_code, ...(l.site_id ? { site_id: l.site_id } : {}) }));
    if (l.flag === 'unbudgeted') flags.push(flag('warning', 'unbudgeted', `${describe(l)}: ${dollars(l.ytd_cents)} spent with no budget line.`, { fund_code: l.fund_code }));
  }

  const byFund = new Map<string, FundReview>();
  for (const l of lines) {
    const f = byFund.get(l.fund_code) ?? { fund_code: l.fund_code, budget_cents: asCents(0), ytd_cents: asCents(0), encumbered_cents: asCents(0), projected_cents: asCents(0), variance_cents: asCents(0) };
    f.budget_cents = asCents(f.budget_cents + l.budget_cents);
    f.ytd_cents = asCents(f.ytd_cents + l.ytd_cents);
    f.encumbered_cents = asCents(f.encumbered_cents + l.encumbered_cents);
    f.projected_cents = asCents(f.projected_cents + l.projected_cents);
    f.variance_cents = asCents(f.variance_cents + l.variance_cents);
    byFund.set(l.fund_code, f);
  }

  // The general fund, this year and the next two.
  const general = project.funds.filter((f) => !f.restricted);
  const generalCodes = new Set(general.map((f) => f.fund_code));
  const revenue = general.reduce((a, f) => a + f.available, 0);
  const projectedGeneral = lines.filter((l) => generalCodes.has(l.fund_code)).reduce((a, l) => a + l.projected_cents, 0);
  const certification = certify({
    fiscalYear: fy, beginningBalance: asCents(project.settings.beginning_fund_balance), revenue: asCents(revenue), expenditure: asCents(projectedGeneral),
    revenueGrowth: cfg.revenue_growth, expenditureGrowth: cfg.expenditure_growth, reserveShare: cfg.reserve_share ?? project.settings.reserve_policy_pct,
  });
  if (certification.status !== 'positive') flags.push(flag(certification.status === 'negative' ? 'error' : 'warning', 'certification', `Interim certification ${certification.status}: ${certification.reason}.`));

  const enrolled = project.enrollment.filter((e) => e.year === fy).reduce((a, e) => a + e.students, 0);
  const adoptedAttendance = Number(project.settings.extra['attendance_rate'] ?? NaN);
  const state = project.funds.filter((f) => f.source === 'state').reduce((a, f) => a + f.available, 0);
  const other = project.funds.filter((f) => f.source !== 'state').reduce((a, f) => a + f.available, 0);
  const cur = input.current ?? {};
  const changes = changesSinceAdoption({
    ...(cur.enrollment !== undefined ? { enrollment: { adopted: enrolled, current: cur.enrollment } } : {}),
    ...(cur.attendance !== undefined && Number.isFinite(adoptedAttendance) ? { attendance: { adopted: adoptedAttendance, current: cur.attendance } } : {}),
    ...(cur.state_revenue_cents !== undefined ? { state_revenue: { adopted: state, current: cur.state_revenue_cents } } : {}),
    ...(cur.other_revenue_cents !== undefined ? { other_revenue: { adopted: other, current: cur.other_revenue_cents } } : {}),
    expenditures: { adopted: lines.reduce((a, l) => a + l.budget_cents, 0), current: lines.reduce((a, l) => a + l.projected_cents, 0) },
  }, cfg.key_change_share, cfg.other_change_share);
  for (const c of changes) if (c.flagged) flags.push(flag('warning', 'change_since_adoption', `${c.measure.replace('_', ' ')} changed ${pct(c.change_share)} since adoption (threshold ${pct(c.threshold)}): explain it in the interim report.`));

  const timeEffort = timeAndEffort(project.positions, project.funds);

  // Surpluses to unfunded needs: the allocation says which needs are still open.
  let reallocations: ReallocationProposal[] = [];
  const alloc = allocate(project, input.allocation ?? {});
  // A need already given money by an accepted reallocation this year is offered only what it still lacks.
  const accepted = acceptedByNeed(project.allocationReviews, fy, fiscalYearOf);
  const needs = alloc.ok ? alloc.value.needs.map((n) => (accepted.has(n.need_id) ? { ...n, funded_cents: asCents(Math.min(n.cost_cents, n.funded_cents + accepted.get(n.need_id)!)) } : n)) : [];
  if (alloc.ok) reallocations = proposeReallocations(lines, needs, fundRules(project.funds, parsed.data, input.asOf), project.funds);
  else flags.push(flag('warning', 'allocation_failed', `Reallocations not proposed: ${alloc.reason}`));

  const id = input.reviewId ?? `review ${input.asOf}`;
  const record: ReviewRow[] = [
    { review_id: id, as_of: input.asOf, kind: 'certification', description: `Interim certification: ${certification.status}`, reason: certification.reason, status: 'proposed' },
    ...reallocations.map((r): ReviewRow => ({
      review_id: id, as_of: input.asOf, kind: 'funding', description: `Move ${dollars(r.cents)} of ${r.fund_code} to need ${r.need_id}`, amount: r.cents, fund_code: r.fund_code,
      ...(r.site_id !== undefined ? { site_id: r.site_id } : {}), need_id: r.need_id, reason: r.reason, status: 'proposed',
    })),
  ];
  const over = lines.filter((l) => l.flag === 'over').length;
  if (over > 0) record.push({ review_id: id, as_of: input.asOf, kind: 'note', description: `${over} line(s) projected over budget`, reason: 'year-end projection from spending to date', status: 'proposed' });
  if (timeEffort.length > 0) record.push({ review_id: id, as_of: input.asOf, kind: 'positions', description: `${timeEffort.length} grant-funded position(s) need time-and-effort records (${timeEffort.filter((t) => t.documentation === 'monthly_par').length} monthly PARs, ${timeEffort.filter((t) => t.documentation === 'semi_annual_certification').length} semi-annual certifications)`, reason: '2 CFR 200.430(i)', status: 'proposed' });

  return ok({
    as_of: input.asOf, fiscal_year: fy, elapsed_share: yearFraction(input.asOf, fy), method: curve.length > 0 ? 'seasonal' : 'straight_line',
    lines, funds: [...byFund.values()], certification, changes, time_effort: timeEffort, reallocations, flags, record,
  });
}

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const describe = (l: ProjectedLine) => [l.fund_code, l.object, l.site_id ? `site ${l.site_id}` : null, l.function ? `function ${l.function}` : null, l.program ? `program ${l.program}` : null].filter(Boolean).join(' / ');
