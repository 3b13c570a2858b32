import type { ScenarioResult } from '../../models/forecast/forecast';
import type { MonteCarloSummary } from '../../models/forecast/monte-carlo';
import type { Cell } from '../../models/import/types';
import { MEASURES, NO_DENOMINATOR, type MeasureName } from '../../models/network/measures';

// A charter network's lines in `steward forecast`: the measures under each scenario's table (a
// "!" marks a miss of NACSA's standard, "covenant!" a broken lender covenant), the Monte Carlo
// chance of missing each, and the Measures sheet of --out.

const LABEL: Record<MeasureName, string> = {
  days_cash_on_hand: 'days cash', current_ratio: 'current', total_margin: 'margin', enrollment_variance: 'enroll var', dscr: 'DSCR', debt_to_asset: 'debt/asset',
};

const show = (m: MeasureName, v: number) => (Math.abs(v) >= NO_DENOMINATOR ? 'n/a' : m === 'days_cash_on_hand' ? v.toFixed(0) : m === 'total_margin' || m === 'enrollment_variance' ? `${(v * 100).toFixed(1)}%` : v.toFixed(2));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function measureLines(s: ScenarioResult): string[] {
  if (!s.years.some((y) => y.measures)) return [];
  const out = [`  Charter measures (NACSA standard; ! = does not meet; covenant! = a lender covenant broken):`, `  ${'year'.padEnd(6)}${MEASURES.map((m) => LABEL[m].padStart(13)).join('')}${'philanthropy'.padStart(14)}${'fee revenue'.padStart(14)}`];
  for (const y of s.years) {
    const m = y.measures;
    if (!m) continue;
    const cells = MEASURES.map((k) => `${show(k, m[k].value)}${m[k].meets ? '' : '!'}${m[k].covenants?.some((c) => !c.meets) ? ' cov!' : ''}`.padStart(13));
    const n = y.network;
    out.push(`  ${String(y.year).padEnd(6)}${cells.join('')}${(n ? pct(n.philanthropy_share) : '').padStart(14)}${(n?.fee_revenue_cents !== undefined ? Math.round(n.fee_revenue_cents / 100).toLocaleString('en-US') : '').padStart(14)}`);
  }
  return out;
}

/** Each school's and the network office's days cash and DSCR per year (a "!" marks a miss of NACSA's standard). */
export function schoolLines(s: ScenarioResult): string[] {
  const years = s.years.filter((y) => y.network?.schools && y.network.office);
  if (years.length === 0) return [];
  const cell = (m: { days_cash_on_hand: { value: number; meets: boolean }; dscr: { value: number; meets: boolean } }) =>
    `${show('days_cash_on_hand', m.days_cash_on_hand.value)}${m.days_cash_on_hand.meets ? '' : '!'}/${show('dscr', m.dscr.value)}${m.dscr.meets ? '' : '!'}`.padStart(14);
  const out = [`  Each school and the office, days cash / DSCR:`, `  ${'site'.padEnd(8)}${years.map((y) => String(y.year).padStart(14)).join('')}`];
  const ids = [...years[0]!.network!.schools!.map((x) => x.site_id), years[0]!.network!.office!.site_id];
  ids.forEach((id, i) => {
    const at = (y: (typeof years)[number]) => (i < ids.length - 1 ? y.network!.schools![i]! : y.network!.office!);
    out.push(`  ${id.padEnd(8)}${years.map((y) => cell(at(y).measures)).join('')}`);
  });
  return out;
}

export function measureBreachLines(mc: MonteCarloSummary): string[] {
  const b = mc.measure_breach_probability;
  if (!b) return [];
  const years = b.dscr.map((y) => y.year);
  const out = [`  P(misses NACSA standard)${years.map((y) => String(y).padStart(8)).join('')}`];
  for (const m of MEASURES) out.push(`    ${LABEL[m].padEnd(22)}${b[m].map((y) => pct(y.p).padStart(8)).join('')}`);
  if (mc.covenant_breach_probability) out.push(`    ${'any covenant broken'.padEnd(22)}${mc.covenant_breach_probability.map((y) => pct(y.p).padStart(8)).join('')}`);
  return out;
}

/**
 * The Schools sheet of `forecast --out`: each school's P&L after the management fee and the network
 * office's budget funded by the fees, a row per scenario, year and site, with its days cash and DSCR.
 */
export function schoolSheet(scenarios: readonly ScenarioResult[]): { name: string; rows: Cell[][] } | null {
  const rows: Cell[][] = [['scenario', 'year', 'site_id', 'kind', 'students', 'public_revenue', 'own_philanthropy', 'network_philanthropy', 'fee', 'fee_revenue', 'expenses', 'debt_service', 'net', 'cash', 'days_cash_on_hand', 'days_cash_meets', 'dscr', 'dscr_meets', 'total_margin']];
  const dollars = (c: number) => c / 100;
  for (const s of scenarios) for (const y of s.years) {
    const n = y.network;
    if (!n?.schools || !n.office) continue;
    const tail = (x: { expenses_cents: number; debt_service_cents: number; net_cents: number; cash_cents: number; measures: NonNullable<typeof y.measures> }): Cell[] => [
      dollars(x.expenses_cents), dollars(x.debt_service_cents), dollars(x.net_cents), dollars(x.cash_cents),
      x.measures.days_cash_on_hand.value, x.measures.days_cash_on_hand.meets ? 'yes' : 'no', x.measures.dscr.value, x.measures.dscr.meets ? 'yes' : 'no', x.measures.total_margin.value,
    ];
    for (const x of n.schools) rows.push([s.name, y.year, x.site_id, 'school', x.students, dollars(x.public_revenue_cents), dollars(x.philanthropy_cents), dollars(x.network_philanthropy_cents), dollars(x.fee_cents), null, ...tail(x)]);
    rows.push([s.name, y.year, n.office.site_id, 'network office', 0, null, null, null, null, dollars(n.office.fee_revenue_cents), ...tail(n.office)]);
  }
  return rows.length > 1 ? { name: 'Schools', rows } : null;
}

/** The Measures sheet of `forecast --out`: a row per scenario, year and measure. */
export function measureSheet(scenarios: readonly ScenarioResult[]): { name: string; rows: Cell[][] } | null {
  const rows: Cell[][] = [['scenario', 'year', 'measure', 'value', 'nacsa_threshold', 'meets', 'covenant_lender', 'covenant_threshold', 'covenant_met']];
  for (const s of scenarios) for (const y of s.years) {
    if (!y.measures) continue;
    for (const m of MEASURES) {
      const r = y.measures[m];
      const cov = r.covenants ?? [];
      if (cov.length === 0) rows.push([s.name, y.year, m, r.value, r.threshold, r.meets ? 'yes' : 'no', null, null, null]);
      for (const c of cov) rows.push([s.name, y.year, m, r.value, r.threshold, r.meets ? 'yes' : 'no', c.lender, c.threshold, c.meets ? 'yes' : 'no']);
    }
  }
  return rows.length > 1 ? { name: 'Measures', rows } : null;
}
