import type { ScenarioResult } from '../forecast/forecast';
import type { Cell } from '../import/types';
import type { ReportData } from './gather';
import type { ReportBook, ReportColumn, ReportFormat, ReportSheet, ReportValue } from './types';

// The board report's workbook content: one sheet per view, every figure from ReportData (the
// engines' own results), money in dollars to the cent, shares as fractions formatted as percent.

const $ = (cents: number | null | undefined): Cell => (cents === null || cents === undefined ? null : Math.round(cents) / 100);
const n = (x: number | null | undefined): Cell => (x === null || x === undefined || !Number.isFinite(x) ? null : x);
const col = (header: string, format: ReportFormat = 'text', width?: number): ReportColumn => ({ header, format, ...(width ? { width } : {}) });
const fv = (value: number | null | undefined, format: ReportFormat): ReportValue => (value === null || value === undefined || !Number.isFinite(value) ? null : { value, format });

/** Excel's sheet-name rules: ≤ 31 characters, none of []:*?/\, unique in the book (case-insensitive). */
export function sheetName(wanted: string, taken: Set<string>): string {
  const clean = wanted.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim() || 'Sheet';
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? '' : ` (${i})`;
    const name = clean.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

export interface ReportMeta {
  /** The report's date, YYYY-MM-DD (the host passes today's; tests a fixed one). */
  date: string;
}

export function reportBook(d: ReportData, meta: ReportMeta): ReportBook {
  const taken = new Set<string>();
  const sheet = (name: string, columns: ReportColumn[], rows: ReportValue[][]): ReportSheet => ({ name: sheetName(name, taken), columns, rows });
  const a = d.allocation;
  const sheets: ReportSheet[] = [
    sheet('Summary', [col('Item', 'text', 42), col('Value', 'text', 36), col('Note', 'text', 60)], summaryRows(d, meta)),
    sheet('Allocation by site', [col('Site'), col('Name', 'text', 28), col('Level'), col('Enrollment', 'integer'), col('Weighted pupils', 'decimal'), col('Poverty share', 'percent'),
      col('Formula', 'currency'), col('Needs register', 'currency'), col('General funds', 'currency'), col('Restricted funds', 'currency'), col('Allocation', 'currency'),
      col('Per pupil', 'currency'), col('Cost-balance ratio', 'ratio'), col('Held harmless')],
    a.sites.map((s) => [s.site_id, s.name, s.level, s.enrollment, n(s.weighted_pupils), n(s.poverty_share), $(s.formula_cents), $(s.needs_cents), $(s.general_cents), $(s.restricted_cents),
      $(s.allocation_cents), $(s.per_pupil_cents), n(s.cost_balance_ratio), s.held_harmless ? 'yes' : 'no'])),
    sheet('Funds', [col('Fund'), col('Name', 'text', 28), col('Restricted'), col('Available', 'currency'), col('To needs', 'currency'), col('To sites', 'currency'), col('To formula', 'currency'),
      col('Allocated', 'currency'), col('Left over', 'currency'), col('End date'), col('Lapse risk')],
    a.funds.map((f) => [f.fund_code, f.name, f.restricted ? 'yes' : 'no', $(f.available_cents), $(f.to_needs_cents), $(f.to_sites_cents), $(f.to_formula_cents), $(f.allocated_cents), $(f.leftover_cents), f.end_date ?? null, f.lapse_risk])),
    sheet('Equity measures', [col('Measure', 'text', 30), col('Per pupil', 'decimal'), col('Per weighted pupil', 'decimal')], equityRows(d)),
    sheet('Needs', [col('Need'), col('Site'), col('Category', 'text', 22), col('Priority', 'integer'), col('Cost', 'currency'), col('Funded', 'currency'), col('Unfunded', 'currency'),
      col('Restricted funds', 'currency'), col('General funds', 'currency'), col('Status'), col('Funds', 'text', 30)],
    a.needs.map((x) => [x.need_id, x.site_id ?? null, x.category, x.priority, $(x.cost_cents), $(x.funded_cents), $(x.cost_cents - x.funded_cents), $(x.restricted_cents), $(x.general_cents), x.status.replace('_', ' '),
      x.by_fund.map((b) => b.fund_code).join(', ')])),
    sheet('Compliance flags', [col('Severity'), col('Code', 'text', 18), col('Site'), col('Fund'), col('Need'), col('Message', 'text', 90)],
    a.flags.map((f) => [f.severity, f.code, f.site_id ?? null, f.fund_code ?? null, f.need_id ?? null, f.message])),
  ];
  for (const s of d.forecast.scenarios) sheets.push(sheet(`Scenario ${s.name}`, SCENARIO_COLUMNS, scenarioRows(s)));
  const cmp = d.comparison;
  sheets.push(sheet('Comparison', [col('Metric', 'text', 30), col('Year', 'year'), ...cmp.scenarios.map((s) => col(s, 'decimal', 16)), ...cmp.scenarios.slice(1).map((s) => col(`${s} − ${cmp.reference}`, 'decimal', 16))],
    cmp.rows.map((r) => {
      const f = metricFormat(r.metric);
      const v = (x: number | undefined) => (x === undefined ? null : fv(f === 'currency' ? x / 100 : x, f));
      return [metricLabel(r.metric), r.year, ...cmp.scenarios.map((s) => v(r.values[s])), ...cmp.scenarios.slice(1).map((s) => v(r.diff_from_reference[s]))];
    })));
  const mc = d.monteCarlo;
  sheets.push(sheet('Monte Carlo', [col('Year', 'year'), col('P5', 'currency'), col('P25', 'currency'), col('P50 (median)', 'currency'), col('P75', 'currency'), col('P95', 'currency'), col('Mean', 'currency'), col('P(reserve below policy)', 'percent')],
    mc ? mc.bands.map((b, i) => [b.year, $(b.p5), $(b.p25), $(b.p50), $(b.p75), $(b.p95), $(b.mean), n(mc.breach_probability[i]?.p)]) : []));
  sheets.push(sheet('Tornado', [col('Driver', 'text', 24), col('Base', 'decimal'), col('Low', 'decimal'), col('High', 'decimal'), col('Ending balance at low', 'currency'), col('Ending balance at high', 'currency'),
    col('Swing', 'currency'), col('Lowest reserve at low', 'percent'), col('Lowest reserve at high', 'percent'), col('Break-even value', 'decimal')],
  d.tornado.bars.map((b) => [b.driver, n(b.base), n(b.low), n(b.high), $(b.ending_balance_at_low_cents), $(b.ending_balance_at_high_cents), $(b.swing_cents), n(b.min_reserve_at_low), n(b.min_reserve_at_high),
    n(d.breakEven.find((x) => x.driver === b.driver)?.value)])));
  const st = d.staffing;
  sheets.push(sheet('Staffing', [col('Role', 'text', 24), col('Required FTE', 'fte'), col('Actual FTE', 'fte'), col('Gap FTE', 'fte'), col('Cost per FTE (schedule)', 'currency'), col('Gap cost (schedule)', 'currency'), col('Gap cost (actual salaries)', 'currency')],
    st.byRole.map((r) => [r.role, n(r.required_fte), n(r.actual_fte), n(r.gap_fte), $(r.cost_per_fte_cents_schedule), $(r.gap_cost_cents_schedule), $(r.gap_cost_cents_actual)])));
  sheets.push(sheet('Staffing by site', [col('Site'), col('Name', 'text', 28), col('Role', 'text', 24), col('Required FTE', 'fte'), col('Actual FTE', 'fte'), col('Gap FTE', 'fte'), col('Gap cost (schedule)', 'currency'), col('Gap cost (actual salaries)', 'currency')],
    st.sites.filter((r) => r.gap_fte !== 0 || r.required_fte > 0).map((r) => [r.site_id, r.site_name, r.role, n(r.required_fte), n(r.actual_fte), n(r.gap_fte), $(r.gap_cost_cents_schedule), $(r.gap_cost_cents_actual)])));
  const siteName = new Map(a.sites.map((s) => [s.site_id, s.name]));
  sheets.push(sheet('Schedules', [col('Site'), col('Name', 'text', 28), col('Students', 'integer'), col('Periods a day', 'integer'), col('Teaching periods', 'integer'), col('Class-size cap', 'integer'), col('Sections', 'integer'),
    col('Teacher FTE needed', 'fte'), col('Average class', 'decimal'), col('Students per teacher a day', 'decimal'), col('Planning min/week', 'integer'), col('Collaboration min/week', 'integer'), col('Instructional min/year', 'integer')],
  st.schedules.map((s) => [s.site_id, siteName.get(s.site_id) ?? null, s.metrics.students, n(s.schedule.periods_per_day), n(s.schedule.teaching_periods), n(s.schedule.class_size_cap), s.metrics.sections,
    n(s.metrics.teacher_fte_needed), n(s.metrics.avg_class_size), n(s.metrics.students_per_teacher_per_day), n(s.metrics.planning_minutes_per_week), n(s.metrics.collaboration_minutes_per_week), n(s.metrics.instructional_minutes_per_year)])));
  sheets.push(sheet('Time', [col('Role', 'text', 24), col('Activity', 'text', 28), col('Protected h/week', 'decimal'), col('Actual h/week', 'decimal'), col('Gap h/week', 'decimal'), col('Status'), col('Share of time', 'percent'),
    col('Staff FTE', 'fte'), col('Loaded cost per hour', 'currency'), col('Cost a year', 'currency'), col('Cost at target', 'currency')],
  d.time.lines.map((l) => [l.role, l.activity, n(l.target_hours_per_week), n(l.actual_hours_per_week), n(l.gap_hours_per_week), l.status.replace('_', ' '), n(l.share_of_time), n(l.staff_fte), $(l.loaded_hourly_cents), $(l.annual_cost_cents), $(l.target_cost_cents)])));
  sheets.push(sheet('Self-check', [col('Practice'), col('Title', 'text', 36), col('Rated', 'text', 16), col('Criterion level', 'text', 16), col('Criterion', 'text', 60), col('Status', 'text', 20),
    col('Evidence', 'text', 80), col('Where', 'text', 12)], selfCheckRows(d)));
  return { title: `${d.district} — board report`, sheets };
}

const SCENARIO_COLUMNS: ReportColumn[] = [col('Year', 'year'), col('Enrollment', 'integer'), col('Revenue', 'currency'), col('Expenditure', 'currency'), col('Surplus (deficit)', 'currency'),
  col('Beginning balance', 'currency'), col('Ending balance', 'currency'), col('Reserve', 'percent'), col('Below policy'), col('FTE', 'fte'), col('Per pupil', 'currency'), col('Plan in effect', 'text', 24)];

/**
 * The self-check as `steward selfcheck --json` gives it: a row per criterion under its practice and
 * the level the practice is rated at, then a row per thing the next level still needs.
 */
function selfCheckRows(d: ReportData): ReportValue[][] {
  const rows: ReportValue[][] = [];
  for (const p of d.selfCheck.practices) {
    const rated = p.level ?? 'not yet getting started';
    for (const c of p.criteria) rows.push([p.practice, p.title, rated, c.level, c.text, c.status, c.evidence, c.screen]);
    if (p.next) for (const n of p.next.needs) rows.push([p.practice, p.title, rated, `next: ${p.next.level}`, n.text, n.status, n.evidence, n.screen]);
  }
  return rows;
}

function scenarioRows(s: ScenarioResult): ReportValue[][] {
  return s.years.map((y) => [y.year, y.enrollment, $(y.revenue_cents), $(y.expenditure_cents), $(y.surplus_cents), $(y.beginning_balance_cents), $(y.ending_balance_cents), n(y.reserve_pct),
    y.below_policy ? 'yes' : 'no', n(y.fte), $(y.per_pupil_cents), y.plan ?? null]);
}

function equityRows(d: ReportData): ReportValue[][] {
  const a = d.allocation;
  const rows: ReportValue[][] = (['range', 'restricted_range', 'federal_range_ratio', 'cv', 'mcloone', 'verstegen', 'gini', 'theil', 'mean', 'median'] as const)
    .map((k) => [EQUITY_LABELS[k] ?? k, n(a.equity[k]), n(a.equity_weighted[k])]);
  rows.push(['Vertical equity: slope per 1.00 poverty share', n(a.vertical_equity.slope), null], ['Vertical equity: correlation', n(a.vertical_equity.correlation), null],
    ['Needs coverage (priority-weighted)', fv(a.coverage, 'percent'), null]);
  return rows;
}

const EQUITY_LABELS: Record<string, string> = {
  range: 'Range (max ÷ min)', restricted_range: 'Restricted range (P95 ÷ P5)', federal_range_ratio: 'Federal range ratio', cv: 'Coefficient of variation',
  mcloone: 'McLoone index', verstegen: 'Verstegen index', gini: 'Gini coefficient', theil: 'Theil index', mean: 'Mean ($)', median: 'Median ($)',
};

/** A compare metric's number format: money (cents → dollars), shares, FTE, or a plain number. */
export function metricFormat(metric: string): ReportFormat {
  if (metric.endsWith('_cents')) return 'currency';
  if (metric.endsWith('_pct')) return 'percent';
  if (metric.endsWith('fte') || metric.startsWith('fte_') || metric.startsWith('required_fte_')) return 'fte';
  return 'decimal';
}

export const metricLabel = (metric: string): string => (metric.endsWith('_cents') ? `${metric.slice(0, -'_cents'.length)} ($)` : metric);

function summaryRows(d: ReportData, meta: ReportMeta): ReportValue[][] {
  const a = d.allocation;
  const f = d.forecast;
  const base = f.scenarios[0];
  const minReserve = base ? Math.min(...base.years.map((y) => y.reserve_pct)) : null;
  const unfunded = a.needs.reduce((t, x) => t + (x.cost_cents - x.funded_cents), 0);
  const mc = d.monteCarlo;
  const rows: ReportValue[][] = [
    ['District', d.district],
    ['Project', d.source],
    ['Report date', meta.date],
    ...(d.snapshot ? [
      ['Regenerated from snapshot', d.snapshot.name, `${d.snapshot.presented ? 'presented; ' : ''}taken ${d.snapshot.taken_at}${d.snapshot.note ? ` — ${d.snapshot.note}` : ''}`],
      ['Engine check', d.snapshot.same ? 'same figures' : 'figures moved', d.snapshot.engine_check],
    ] as ReportValue[][] : []),
    ['Base year', fv(f.base_year, 'year')],
    ['Seed', fv(d.seed, 'integer')],
    ['Reserve policy', fv(f.reserve_policy_pct, 'percent')],
    ['Reserve measured on', `${f.reserve_policy_basis} fund balance`],
    ['Scenarios', f.scenarios.map((s) => s.name).join(', ')],
    ['Allocation rules', `${a.rules.name} (${a.mode})`],
    ['Allocated to sites', fv($(a.sites.reduce((t, s) => t + s.allocation_cents, 0)) as number, 'currency')],
    ['Needs coverage (priority-weighted)', fv(a.coverage, 'percent')],
    ['Needs left unfunded', fv($(unfunded) as number, 'currency')],
    ['Gini coefficient (per pupil)', fv(a.equity.gini, 'decimal')],
    [`Lowest reserve over the horizon (${base?.name ?? 'Base'})`, fv(minReserve, 'percent')],
    ['Monte Carlo', mc ? `${mc.trials} trials of ${d.focus}, seed ${mc.seed}` : 'not run'],
    ...(mc && mc.breach_probability.length > 0 ? [[`Chance the reserve is below policy in ${mc.breach_probability.at(-1)!.year}`, fv(mc.breach_probability.at(-1)!.p, 'percent')] as ReportValue[]] : []),
    ['Staffing gap (FTE)', fv(d.staffing.totals.gap_fte, 'fte')],
    ['Self-check (practices 13–15)', d.selfCheck.practices.map((p) => `${p.practice}: ${p.level ?? 'not yet getting started'}`).join('; '), 'the Self-check sheet has each criterion and its evidence'],
    ['Illustrative staffing sheets', d.defaulted.length > 0 ? d.defaulted.join(', ') : 'none (the project has its own)'],
    [],
    ['Assumptions (Drivers)', null, 'value for every year; by year and range where given'],
  ];
  for (const dr of d.assumptions) rows.push([dr.driver, fv(dr.value, 'decimal'), dr.note || null]);
  return rows;
}
