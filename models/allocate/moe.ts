import { asCents, type Cents } from '../money/cents';
import type { Project } from '../project/project';
import { MOE_EXCEPTIONS, type AllocateConfig } from './config';
import { dollars, flag, type AllocationFlag } from './flags';

// IDEA Part B local maintenance of effort, 34 CFR 300.203 (docs/allocate.md §IDEA maintenance of effort).

export const MOE_METHODS = ['local', 'state_local', 'local_per_capita', 'state_local_per_capita'] as const;
export type MoeMethod = (typeof MOE_METHODS)[number];

/** What a district spent (actual) or budgeted on the education of children with disabilities in one fiscal year, federal money excluded. */
export interface MoeYear {
  fiscal_year: number;
  figure: 'actual' | 'budget';
  /** Where the figure comes from: year-end Actuals rows, Budget lines, the saved settings, or (this year only, with no budget lines) the allocation. */
  source: 'actuals' | 'budget' | 'config' | 'allocation';
  local_cents: Cents;
  state_cents: Cents;
  /** Children with disabilities counted that year (per-capita methods); null when unknown. */
  children: number | null;
}

export interface MoeMethodResult {
  method: MoeMethod;
  /** This year's level: cents, or cents per child for the per-capita methods (rounded to the cent for display; compared exactly). */
  current_cents: number | null;
  /** The last year the district met MOE by this method (300.203(c)); null when there is none to compare with. */
  comparison_year: number | null;
  comparison_figure: 'actual' | 'budget' | null;
  comparison_cents: number | null;
  /** 300.204 exceptions (and any 300.205 adjustment) taken after the comparison year, up to this year. */
  exceptions_cents: Cents;
  /** comparison − exceptions (per child: ÷ the comparison year's children). */
  required_cents: number | null;
  met: boolean | null;
  /** How far below the required level (0 when met; null when not tested). */
  shortfall_cents: number | null;
}

export interface MoeTest {
  /** Eligibility (300.203(a)): this year's budget against the last year with actual expenditures. Compliance (300.203(b)): this year's actuals against the preceding years'. */
  test: 'eligibility' | 'compliance';
  fiscal_year: number;
  current: MoeYear | null;
  /** Sentences naming each figure that stands in for another (a budget for actual expenditures, the allocation for a budget). */
  stand_ins: string[];
  /** Met by at least one method (null when no method could be tested). */
  met: boolean | null;
  met_by: MoeMethod[];
  methods: MoeMethodResult[];
}

export interface MaintenanceOfEffort {
  /** State and local figure of this year the eligibility test uses (budget, else the allocation's estimate). */
  current_cents: Cents;
  /** The comparison level of the state-and-local method in the eligibility test. */
  prior_cents: Cents | null;
  prior_source: 'config' | 'budget' | 'actuals' | 'none';
  /** False when a test that could be run is met by no method; null when neither could be run. */
  met: boolean | null;
  eligibility: MoeTest;
  compliance: MoeTest;
  /** Every year's figures the tests could use. */
  years: MoeYear[];
  exceptions: { fiscal_year: number; kind: string; cents: Cents; rule: string; note?: string }[];
  /** State/local money the allocation puts on students with disabilities (general money on their needs + the disability weight's share of formula money): an estimate, used only when this year has no budget lines. */
  allocation_estimate_cents: Cents;
}

const SPED = /special|sped|swd|disab|idea/i;
// Every allocation reads every Budget and Actuals line: a line's program and function are a few
// distinct codes, so each code's answer is kept (a pure function of the text, never stale).
const spedCode = new Map<string, boolean>();
const isSpedCode = (text: string | undefined): boolean => {
  if (text === undefined || text === '') return false;
  let hit = spedCode.get(text);
  if (hit === undefined) {
    hit = SPED.test(text);
    if (spedCode.size > 10_000) spedCode.clear();
    spedCode.set(text, hit);
  }
  return hit;
};
const isSped = (l: { program?: string | undefined; function?: string | undefined }) => isSpedCode(l.program) || isSpedCode(l.function);

/** Budget and year-end Actuals lines of special education by fiscal year, split local/state by the fund's source; federal funds left out (300.203(a)(3)). */
export function moeFiguresFromProject(project: Pick<Project, 'budget' | 'actuals' | 'funds'>): { budgets: Map<number, { local: number; state: number }>; actuals: Map<number, { local: number; state: number }> } {
  const source = new Map(project.funds.map((f) => [f.fund_code, f.source]));
  const add = (m: Map<number, { local: number; state: number }>, fy: number, fund: string, cents: number) => {
    const src = source.get(fund);
    if (src === undefined || src === 'federal') return;
    const e = m.get(fy) ?? { local: 0, state: 0 };
    if (src === 'state') e.state += cents;
    else e.local += cents;
    m.set(fy, e);
  };
  const budgets = new Map<number, { local: number; state: number }>();
  for (const b of project.budget) if (isSped(b)) add(budgets, b.fiscal_year, b.fund_code, b.amount);
  // A year's actual expenditures: each line's latest figure reported on or after 30 June of that year (a closed year).
  const latest = new Map<string, { as_of: string; fy: number; fund: string; cents: number }>();
  for (const a of project.actuals) {
    if (!isSped(a) || a.as_of < `${a.fiscal_year}-06-30`) continue;
    const k = [a.fiscal_year, a.fund_code, a.object, a.function ?? '', a.program ?? '', a.site_id ?? ''].join('\u0000');
    const e = latest.get(k);
    if (!e || a.as_of > e.as_of) latest.set(k, { as_of: a.as_of, fy: a.fiscal_year, fund: a.fund_code, cents: a.ytd_amount });
    else if (a.as_of === e.as_of) e.cents += a.ytd_amount;
  }
  const actuals = new Map<number, { local: number; state: number }>();
  for (const e of latest.values()) add(actuals, e.fy, e.fund, e.cents);
  return { budgets, actuals };
}

/** Children with disabilities counted in StudentNeeds, by year (only years with a count of the category). */
function childCounts(project: Pick<Project, 'studentNeeds'>, need: string): Map<number, number> {
  const m = new Map<number, number>();
  for (const n of project.studentNeeds) {
    const c = n.counts[need];
    if (c === undefined) continue;
    m.set(n.year, (m.get(n.year) ?? 0) + c);
  }
  return m;
}

/**
 * Maintenance of effort for the year being allocated (`year`), both tests, each by the four
 * methods of 300.203(a)–(b) — meeting any one suffices:
 *  - eligibility: this year's budget against the most recent year with actual expenditures
 *    (a budget stands in, and is named, when no year has actuals);
 *  - compliance: this year's actual expenditures (its budget stands in until the year is closed)
 *    against the preceding years'.
 * Per method the comparison year is the last year the district met MOE by that method
 * (300.203(c), the subsequent-years rule; 34 CFR part 300 appendix E), found by testing the
 * years in order. The required level is the comparison level less the 300.204 exceptions taken
 * after the comparison year up to the year tested (for the per-capita methods, that ÷ the
 * comparison year's children).
 */
export function maintenanceOfEffort(project: Pick<Project, 'budget' | 'actuals' | 'funds' | 'studentNeeds'>, cfg: AllocateConfig['idea'], year: number, allocationEstimate: Cents): { moe: MaintenanceOfEffort; flags: AllocationFlag[] } {
  const { budgets, actuals } = moeFiguresFromProject(project);
  const kids = childCounts(project, cfg.disability_need);
  const overrides = new Map(cfg.moe.years.map((y) => [`${y.fiscal_year} ${y.figure}`, y]));
  const figure = (fy: number, kind: 'actual' | 'budget'): MoeYear | null => {
    const o = overrides.get(`${fy} ${kind}`);
    if (o) return { fiscal_year: fy, figure: kind, source: 'config', local_cents: asCents(o.local_cents), state_cents: asCents(o.state_cents), children: o.children ?? kids.get(fy) ?? null };
    const m = (kind === 'actual' ? actuals : budgets).get(fy);
    if (m) return { fiscal_year: fy, figure: kind, source: kind === 'actual' ? 'actuals' : 'budget', local_cents: asCents(m.local), state_cents: asCents(m.state), children: kids.get(fy) ?? null };
    if (kind === 'actual' && fy === year - 1 && cfg.moe_prior_cents !== undefined) {
      return { fiscal_year: fy, figure: 'actual', source: 'config', local_cents: asCents(cfg.moe_prior_cents), state_cents: asCents(0), children: kids.get(fy) ?? null };
    }
    if (kind === 'budget' && fy === year) {
      return { fiscal_year: fy, figure: 'budget', source: 'allocation', local_cents: allocationEstimate, state_cents: asCents(0), children: kids.get(fy) ?? null };
    }
    return null;
  };
  const fys = new Set<number>([...budgets.keys(), ...actuals.keys(), ...cfg.moe.years.map((y) => y.fiscal_year), year]);
  if (cfg.moe_prior_cents !== undefined) fys.add(year - 1);
  const earlier = [...fys].filter((y) => y < year).sort((a, b) => a - b);
  const years: MoeYear[] = [];
  for (const fy of [...earlier, year]) for (const k of ['actual', 'budget'] as const) { const f = figure(fy, k); if (f) years.push(f); }

  // What each earlier year spent: its actuals, else its budget standing in.
  const spent = (fy: number) => figure(fy, 'actual') ?? figure(fy, 'budget');
  const exceptions = cfg.moe.exceptions;
  const excBetween = (after: number, upTo: number) => exceptions.reduce((a, e) => a + (e.fiscal_year > after && e.fiscal_year <= upTo ? e.cents : 0), 0);

  // Eligibility: history up to the last year with actual expenditures (budgets stand in when there are none).
  const lastActual = [...earlier].reverse().find((fy) => figure(fy, 'actual') !== null);
  const eligHistory = (lastActual !== undefined ? earlier.filter((fy) => fy <= lastActual) : earlier).map(spent).filter((y): y is MoeYear => y !== null);
  const eligCurrent = figure(year, 'budget');
  const eligibility = runTest('eligibility', year, eligCurrent, eligHistory, excBetween);
  const compCurrent = figure(year, 'actual') ?? eligCurrent;
  const compliance = runTest('compliance', year, compCurrent, earlier.map(spent).filter((y): y is MoeYear => y !== null), excBetween);

  const stateLocal = eligibility.methods.find((m) => m.method === 'state_local');
  const compYear = stateLocal?.comparison_year ?? null;
  const compFig = compYear !== null ? eligHistory.find((y) => y.fiscal_year === compYear) ?? null : null;
  const tests = [eligibility, compliance].filter((t) => t.met !== null);
  const moe: MaintenanceOfEffort = {
    current_cents: asCents(eligCurrent ? eligCurrent.local_cents + eligCurrent.state_cents : 0),
    prior_cents: compFig ? asCents(compFig.local_cents + compFig.state_cents) : null,
    prior_source: compFig === null ? 'none' : compFig.source === 'actuals' ? 'actuals' : compFig.source === 'config' ? 'config' : 'budget',
    met: tests.length === 0 ? null : tests.every((t) => t.met === true),
    eligibility, compliance, years,
    exceptions: exceptions.map((e) => ({ fiscal_year: e.fiscal_year, kind: e.kind, cents: asCents(e.cents), rule: MOE_EXCEPTIONS[e.kind], ...(e.note !== undefined ? { note: e.note } : {}) })),
    allocation_estimate_cents: allocationEstimate,
  };
  return { moe, flags: moeFlags(moe) };
}

type Level = { total: number; children: number | null };
const levelOf = (y: MoeYear, m: MoeMethod): Level => ({ total: m === 'local' || m === 'local_per_capita' ? y.local_cents : y.local_cents + y.state_cents, children: y.children });
const perCapita = (m: MoeMethod) => m === 'local_per_capita' || m === 'state_local_per_capita';

/** Is `cur` at or above the level `cmp` less `exc` by method m? Exact: per-capita sides are cross-multiplied. null when a child count is missing. */
function meets(m: MoeMethod, cur: Level, cmp: Level, exc: number): boolean | null {
  const need = cmp.total - exc;
  if (!perCapita(m)) return cur.total >= need;
  if (!cur.children || !cmp.children) return null;
  return cur.total * cmp.children >= need * cur.children;
}

function runTest(test: MoeTest['test'], year: number, current: MoeYear | null, history: readonly MoeYear[], excBetween: (after: number, upTo: number) => number): MoeTest {
  const stand_ins: string[] = [];
  if (current?.source === 'allocation') stand_ins.push(`FY${year} has no special-education budget lines: the allocation's estimate of state and local money on students with disabilities (${dollars(current.local_cents)}) stands in for its budget`);
  else if (current && test === 'compliance' && current.figure === 'budget') stand_ins.push(`FY${year} is not closed: its budget stands in for its actual expenditures`);
  const methods: MoeMethodResult[] = MOE_METHODS.map((m) => {
    const blank: MoeMethodResult = { method: m, current_cents: null, comparison_year: null, comparison_figure: null, comparison_cents: null, exceptions_cents: asCents(0), required_cents: null, met: null, shortfall_cents: null };
    if (!current) return blank;
    const cur = levelOf(current, m);
    const show = (l: Level) => (perCapita(m) ? (l.children ? Math.round(l.total / l.children) : null) : l.total);
    if (history.length === 0) return { ...blank, current_cents: show(cur) };
    // 300.203(c): walk the years; each year that meets the level of the last year met becomes the new comparison year.
    let cmp = history[0]!;
    for (const y of history.slice(1)) {
      if (meets(m, levelOf(y, m), levelOf(cmp, m), excBetween(cmp.fiscal_year, y.fiscal_year)) === true) cmp = y;
    }
    const exc = excBetween(cmp.fiscal_year, year);
    const c = levelOf(cmp, m);
    const met = meets(m, cur, c, exc);
    const required = perCapita(m) ? (c.children ? Math.round((c.total - exc) / c.children) : null) : c.total - exc;
    const current_cents = show(cur);
    const shortfall = met === null || required === null || current_cents === null ? null : met ? 0 : Math.max(0, perCapita(m) ? Math.round((c.total - exc) / c.children! - cur.total / cur.children!) : required - current_cents);
    return { method: m, current_cents, comparison_year: cmp.fiscal_year, comparison_figure: cmp.figure, comparison_cents: show(c), exceptions_cents: asCents(exc), required_cents: required, met, shortfall_cents: shortfall };
  });
  for (const y of new Set(methods.map((r) => r.comparison_year).filter((y): y is number => y !== null))) {
    const h = history.find((x) => x.fiscal_year === y);
    if (h && h.figure === 'budget') stand_ins.push(`FY${y} has no year-end actuals: its budget stands in for its actual expenditures`);
  }
  const tested = methods.filter((r) => r.met !== null);
  const met_by = methods.filter((r) => r.met === true).map((r) => r.method);
  return { test, fiscal_year: year, current, stand_ins, met: tested.length === 0 ? null : met_by.length > 0, met_by, methods };
}

const METHOD_NAME: Record<MoeMethod, string> = { local: 'local', state_local: 'state and local', local_per_capita: 'local per child', state_local_per_capita: 'state and local per child' };

function moeFlags(moe: MaintenanceOfEffort): AllocationFlag[] {
  const flags: AllocationFlag[] = [];
  const { eligibility: e, compliance: c } = moe;
  if (e.met === null && c.met === null) {
    flags.push(flag('info', 'idea_moe', 'IDEA maintenance of effort not checked: no earlier year of spending on students with disabilities (Budget or year-end Actuals lines whose program or function says special education, or allocate.idea.moe.years).'));
    return flags;
  }
  for (const t of [e, c]) {
    if (t.met !== false) continue;
    const rule = t.test === 'eligibility' ? '34 CFR 300.203(a)' : '34 CFR 300.203(b)';
    const parts = t.methods.filter((r) => r.met === false).map((r) => `${METHOD_NAME[r.method]} ${dollars(r.current_cents ?? 0)} against ${dollars(r.required_cents ?? 0)} (FY${r.comparison_year} ${r.comparison_figure}${r.exceptions_cents > 0 ? ` less ${dollars(r.exceptions_cents)} of exceptions` : ''}), short ${dollars(r.shortfall_cents ?? 0)}`);
    flags.push(flag('warning', 'idea_moe', `IDEA maintenance of effort, ${t.test} for FY${t.fiscal_year} (${rule}): met by none of the methods — ${parts.join('; ')}. Check the exceptions in 300.204.`));
  }
  const standIns = [...new Set([...e.stand_ins, ...c.stand_ins])];
  if (standIns.length > 0) flags.push(flag('info', 'idea_moe_stand_in', `IDEA maintenance of effort: ${standIns.join('; ')}.`));
  return flags;
}
