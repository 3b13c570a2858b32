import type { ProblemSink } from '../project/problem-sink';
import type { Project } from '../project/project';
import { CHARTER_GRADES } from './tables';
import { networkSettings } from './settings';
import { isNetworkProject } from './prepare-network';
import { expressionSymbols } from '../expr/expression';

// Cross-table checks of the network sheets (models/network/tables.ts), each naming the sheet, row
// and column to fix: schools and gifts that name a site not on Sites, a grade span that runs
// backwards, covenants owed to no loan, balance-sheet items given twice, bad fee settings.

const gradeIndex = (g: string) => (CHARTER_GRADES as readonly string[]).indexOf(g);

/** Indicators only a charter network's forecast has (models/forecast/indicators.ts). */
const NETWORK_INDICATORS = new Set(['days_cash_on_hand', 'current_ratio', 'total_margin', 'enrollment_variance', 'dscr', 'debt_to_asset', 'philanthropy_share']);

export function checkNetwork(p: Project, sink: ProblemSink): void {
  if (!isNetworkProject(p)) { networkIndicatorsInDistrict(p, sink); return; }
  const sites = new Set(p.sites.map((s) => s.site_id));
  const seen = new Map<string, number | undefined>();
  for (const c of p.charterSchools) {
    if (!sites.has(c.site_id)) sink.error('charterSchools', c.src, 'site_id', c.site_id, `unknown site_id "${c.site_id}" (not on the Sites sheet)`);
    if (seen.has(c.site_id)) sink.error('charterSchools', c.src, 'site_id', c.site_id, `site ${c.site_id} is listed twice${seen.get(c.site_id) ? ` (first on row ${seen.get(c.site_id)})` : ''}`);
    seen.set(c.site_id, c.src?.row);
    const first = gradeIndex(c.first_grade);
    const last = gradeIndex(c.last_grade);
    if (last < first) sink.error('charterSchools', c.src, 'last_grade', c.last_grade, `last_grade ${c.last_grade} is below first_grade ${c.first_grade}`);
    else if (c.grades_at_opening > last - first + 1) sink.error('charterSchools', c.src, 'grades_at_opening', c.grades_at_opening, `${c.grades_at_opening} grades at opening, but ${c.first_grade}–${c.last_grade} has only ${last - first + 1}`);
    if (c.scenario !== undefined && c.open_year <= p.settings.base_year) sink.error('charterSchools', c.src, 'open_year', c.open_year, `a school that opens only in scenario "${c.scenario}" must open after the base year ${p.settings.base_year}`);
    // The base year's spending is its Budget lines: a cost that falls in it belongs there (docs/network.md).
    if ((c.fixed_cost ?? 0) > 0 && c.open_year <= p.settings.base_year) sink.error('charterSchools', c.src, 'fixed_cost', c.fixed_cost, `a school open by the base year ${p.settings.base_year} has its fixed costs in its Budget lines; fixed_cost is for a school that opens in the forecast`);
    if ((c.startup_cost ?? 0) > 0 && c.open_year <= p.settings.base_year + 1) sink.error('charterSchools', c.src, 'startup_cost', c.startup_cost, `startup_cost falls in the year before opening (${c.open_year - 1}), which is not a forecast year: put it in that year's Budget lines (a school opening ${p.settings.base_year + 2} or later can have one)`);
    if (c.backfill_grade !== undefined && (gradeIndex(c.backfill_grade) < first || gradeIndex(c.backfill_grade) > last)) {
      sink.error('charterSchools', c.src, 'backfill_grade', c.backfill_grade, `backfill_grade ${c.backfill_grade} is outside the school's grades ${c.first_grade}–${c.last_grade}`);
    }
  }
  const schools = new Set(p.charterSchools.map((c) => c.site_id));
  for (const a of p.plans) {
    if (a.action === 'delay_school' && a.site_id !== undefined && !schools.has(a.site_id)) sink.error('plans', a.src, 'site_id', a.site_id, `plan "${a.plan}" (delay_school): ${a.site_id} is not on the CharterSchools sheet, so it has no opening or grades to delay`);
  }
  const loans = new Set<string>();
  for (const l of p.loans) {
    if (loans.has(l.loan_id)) sink.error('loans', l.src, 'loan_id', l.loan_id, `duplicate loan_id "${l.loan_id}"`);
    loans.add(l.loan_id);
    if (l.lender) loans.add(l.lender);
    if (l.site_id !== undefined && !sites.has(l.site_id)) sink.error('loans', l.src, 'site_id', l.site_id, `unknown site_id "${l.site_id}" (not on the Sites sheet)`);
  }
  for (const c of p.covenants) {
    if (!loans.has(c.lender)) sink.error('covenants', c.src, 'lender', c.lender, `"${c.lender}" is neither a loan_id nor a lender on the Loans sheet`);
  }
  const items = new Map<string, number | undefined>();
  for (const b of p.balanceSheet) {
    if (items.has(b.item)) sink.error('balanceSheet', b.src, 'item', b.item, `${b.item} is given twice${items.get(b.item) ? ` (first on row ${items.get(b.item)})` : ''}`);
    items.set(b.item, b.src?.row);
  }
  const gifts = new Set<string>();
  for (const g of p.philanthropy) {
    if (gifts.has(g.source_id)) sink.error('philanthropy', g.src, 'source_id', g.source_id, `duplicate source_id "${g.source_id}"`);
    gifts.add(g.source_id);
    if (g.site_id !== undefined && !sites.has(g.site_id)) sink.error('philanthropy', g.src, 'site_id', g.site_id, `unknown site_id "${g.site_id}" (not on the Sites sheet)`);
    if (g.end_year !== undefined && g.end_year < g.start_year) sink.error('philanthropy', g.src, 'end_year', g.end_year, `end_year ${g.end_year} is before start_year ${g.start_year}`);
  }
  const settings = networkSettings(p.settings.extra);
  if (!settings.ok) sink.error('settings', undefined, 'value', '', settings.reason);
  else if (settings.value.office !== undefined && !sites.has(settings.value.office)) sink.error('settings', undefined, 'value', settings.value.office, `network_office_site "${settings.value.office}" is not on the Sites sheet`);
}

/** A district project's trigger or signpost that reads a network measure would find no value: say so where it is written. */
function networkIndicatorsInDistrict(p: Project, sink: ProblemSink): void {
  const why = (name: string) => `${name} is a charter network's measure (docs/network.md): this project has no network sheets (CharterSchools, Loans, BalanceSheet, …), so it has no value`;
  for (const t of p.triggers) {
    const names = expressionSymbols(t.condition, 'condition');
    const found = names.ok ? names.value.filter((n) => NETWORK_INDICATORS.has(n)) : [];
    if (found.length > 0) sink.error('triggers', t.src, 'condition', t.condition, why(found.join(', ')));
  }
  for (const s of p.signposts) if (s.indicator !== undefined && NETWORK_INDICATORS.has(s.indicator)) sink.error('signposts', s.src, 'indicator', s.indicator, why(s.indicator));
  for (const a of p.plans) if (a.action === 'delay_school') sink.error('plans', a.src, 'action', a.action, `plan "${a.plan}": delay_school delays a charter network's school (docs/network.md); this project has no CharterSchools sheet`);
}
