import type { Project } from '../project/project';
import type { Fund } from '../schema/tables';
import { fail, ok, type Parsed } from '../result';
import { ForecastConfigSchema, type ForecastConfig, type RevenueSource } from './config';
import { baseDriverPaths, collectScenarios, type BaseDrivers, type ScenarioSpec } from './drivers';
import { projectEnrollment, type EnrollmentProjection } from './enrollment';
import { compileFormula, type Formula } from './formula';
import { BEN, C, SAL, objectClassIndex } from './objects';
import { compilePlans, type CompiledPlans } from './plans';
import { PC, fundPay, heldPay, positionsAtBase, type FundPay } from './reconcile';

// Everything about a project that no driver can change is computed here once: positions grouped
// into buckets (role × site × funding split) with their schedule salary for every number of steps
// advanced, budget lines summed by fund and object class, revenue sources, the enrollment
// projection and the compiled plans. A scenario-year is then a loop over a few hundred buckets.

export type GrantEndPolicy = 'move_to_general' | 'cut';

export interface PreparedFund {
  code: string;
  restricted: boolean;
  source: Fund['source'];
  /** Last fiscal year the fund's money is available (Infinity = no end date). */
  lastYear: number;
  onEnd: GrantEndPolicy;
}

export interface RevenueLine {
  id: string;
  label: string;
  fund: number;
  category: 'state' | 'local' | 'federal' | 'other' | 'one_time';
  kind: RevenueSource['kind'];
  baseCents: number;
  growth: string | number | undefined;
  lastYear: number;
  year: number | undefined;
  formula: Formula | undefined;
}

export interface Prepared {
  config: ForecastConfig;
  baseYear: number;
  years: number;
  /** K = years + 1: offsets 0 (the base year) … years; also the number of step counts kept. */
  K: number;
  policy: number;
  beginningBalance: number;
  funds: PreparedFund[];
  general: number;
  roles: string[];
  sites: string[];
  isTeacherRole: Uint8Array;
  /** Buckets of positions. */
  B: number;
  bRole: Int32Array;
  /** Site of the bucket, or −1 for sites no plan names (pooled). */
  bSite: Int32Array;
  bFte: Float64Array;
  /** [b*K + k]: Σ fte × full-time schedule salary after k steps (cents), benefit-rate weighted, attrition gap. */
  S: Float64Array;
  SB: Float64Array;
  D: Float64Array;
  DB: Float64Array;
  /** Off-schedule pay (grows with step_increase), its benefit-rate weighting, health cost (cents). */
  O: Float64Array;
  OB: Float64Array;
  H: Float64Array;
  shareStart: Int32Array;
  shareFund: Int32Array;
  shareW: Float64Array;
  /** [f*C + c]: base-year non-personnel budget by fund and object class (cents). */
  lineBase: Float64Array;
  /** True when positions are costed and the Budget sheet has salary or benefit lines: the base
   *  year is then the budget, and `recon` holds the difference (reconcile.ts). */
  reconciling: boolean;
  /** [f*PC + c], c = salaries | benefits: the budget's personnel lines less the positions' base-year
   *  cost charged to fund f (whole cents; all 0 when not reconciling). */
  recon: Float64Array;
  /** [f*PC + c]: the positions' base-year pay as held, by funding fund (what `recon` grows with). */
  held0: Float64Array;
  /** The positions' pay terms by funding fund, for the reconciling line's growth (when reconciling). */
  fundPay?: FundPay;
  /** Object class → inflation: a driver name or a fixed rate. */
  inflation: (string | number)[];
  revenue: RevenueLine[];
  enrollment: EnrollmentProjection;
  enrollmentIndexDriver: string;
  drivers: BaseDrivers;
  scenarios: ScenarioSpec[];
  plans: CompiledPlans;
  personnelFromBudget: boolean;
  warnings: string[];
}

export interface PrepareOptions {
  years?: number;
}

export function prepareForecast(project: Project, opts: PrepareOptions = {}): Parsed<Prepared> {
  const parsedConfig = ForecastConfigSchema.safeParse(project.forecast ?? {});
  if (!parsedConfig.success) return fail(`forecast config: ${parsedConfig.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const config = parsedConfig.data;
  const baseYear = project.settings.base_year;
  const years = opts.years ?? project.settings.horizon_years;
  if (!Number.isInteger(years) || years < 1 || years > 10) return fail(`years must be 1–10, got ${years}`);
  const K = years + 1;
  const warnings: string[] = [];
  const errors: string[] = [];

  // Funds. Codes seen only on lines or positions are treated as unrestricted general money.
  const funds: PreparedFund[] = [];
  const fundIdx = new Map<string, number>();
  const addFund = (f: PreparedFund) => { fundIdx.set(f.code, funds.length); funds.push(f); return funds.length - 1; };
  for (const f of project.funds) {
    addFund({ code: f.fund_code, restricted: f.restricted, source: f.source, // A recurring grant (Title I, IDEA: a new award every year) has no cliff at this award's end date.
    lastYear: f.end_date && !f.recurring ? lastFiscalYear(f.end_date, config.fiscal_year_start_month) : Infinity, onEnd: config.grant_end_by_fund[f.fund_code] ?? config.grant_end });
  }
  const general = fundIdx.get(config.general_fund) ?? addFund({ code: config.general_fund, restricted: false, source: 'local', lastYear: Infinity, onEnd: 'move_to_general' });
  if (funds[general]!.restricted) errors.push(`general fund ${config.general_fund} is marked restricted in Funds`);
  const fund = (code: string | undefined): number => {
    if (!code) return general;
    const i = fundIdx.get(code);
    if (i !== undefined) return i;
    warnings.push(`fund ${code} is not in Funds: treated as unrestricted general money`);
    return addFund({ code, restricted: false, source: 'other', lastYear: Infinity, onEnd: 'move_to_general' });
  };

  // Salary schedules: (schedule, lane) → sorted steps.
  const lanes = new Map<string, { steps: number[]; pay: Map<number, number> }>();
  const schedulesByLane = new Map<string, string[]>();
  for (const c of project.salary) {
    const key = `${c.schedule}\u0000${c.lane}`;
    let l = lanes.get(key);
    if (!l) {
      lanes.set(key, (l = { steps: [], pay: new Map() }));
      const list = schedulesByLane.get(c.lane) ?? [];
      list.push(c.schedule);
      schedulesByLane.set(c.lane, list.sort());
    }
    if (!l.pay.has(c.step)) l.steps.push(c.step);
    l.pay.set(c.step, c.salary);
  }
  for (const l of lanes.values()) l.steps.sort((a, b) => a - b);
  const cellAt = (l: { steps: number[]; pay: Map<number, number> }, step: number): number => {
    let s = l.steps[0]!;
    for (const x of l.steps) if (x <= step) s = x;
    return l.pay.get(s)!;
  };

  const personnelFromBudget = config.personnel_source === 'budget' || (config.personnel_source === 'auto' && project.positions.length === 0);
  const roles: string[] = [];
  const roleIdx = new Map<string, number>();
  const sites: string[] = [];
  const siteIdx = new Map<string, number>();
  const idOf = (list: string[], map: Map<string, number>, v: string) => { let i = map.get(v); if (i === undefined) { i = list.length; list.push(v); map.set(v, i); } return i; };
  for (const s of project.sites) idOf(sites, siteIdx, s.site_id);

  // Average full-time pay by role, for vacancies with neither a salary nor a schedule cell.
  const roleSum = new Map<string, { sum: number; n: number }>();
  for (const p of project.positions) if (p.salary !== undefined) { const r = roleSum.get(p.role) ?? { sum: 0, n: 0 }; r.sum += p.salary; r.n++; roleSum.set(p.role, r); }

  type Bucket = { role: number; site: number; fte: number; S: Float64Array; SB: Float64Array; D: Float64Array; DB: Float64Array; O: number; OB: number; H: number; shares: [number, number][] };
  const buckets = new Map<string, Bucket>();
  const { personnel } = config;
  // Sites no plan names are pooled (site −1): a bucket is then role × funding, which keeps the
  // scenario-year loop short (the demo's 850 positions make ~60 buckets instead of ~200).
  const namedSites = new Set<string>();
  for (const a of project.plans ?? []) { if (a.site_id) namedSites.add(a.site_id); if (a.target_site) namedSites.add(a.target_site); }
  if (!personnelFromBudget) {
    for (const p of project.positions) {
      const role = idOf(roles, roleIdx, p.role);
      const siteNo = idOf(sites, siteIdx, p.site_id);
      const site = namedSites.has(p.site_id) ? siteNo : -1;
      const shares: [number, number][] = p.funding.length === 0 ? [[general, 1]] : p.funding.map((s) => [fund(s.fund_code), s.share]);
      const key = `${role}|${site}|${shares.map(([f, w]) => `${f}:${w}`).join(',')}`;
      let b = buckets.get(key);
      if (!b) buckets.set(key, (b = { role, site, fte: 0, S: new Float64Array(K), SB: new Float64Array(K), D: new Float64Array(K), DB: new Float64Array(K), O: 0, OB: 0, H: 0, shares }));
      const rate = p.benefits_rate ?? personnel.default_benefits_rate;
      b.fte += p.fte;
      b.H += p.health_plan_cost ?? Math.round(personnel.default_health_cost_cents * p.fte);
      const schedule = p.lane !== undefined ? (personnel.role_schedule[p.role] ?? schedulesByLane.get(p.lane)?.[0]) : undefined;
      const lane = schedule !== undefined && p.lane !== undefined ? lanes.get(`${schedule}\u0000${p.lane}`) : undefined;
      if (lane && p.step !== undefined) {
        const start = cellAt(lane, p.step);
        const repl = cellAt(lane, personnel.replacement_step ?? lane.steps[0]!);
        for (let k = 0; k < K; k++) {
          const cell = cellAt(lane, p.step + k);
          // A salary written on the position overrides the cell but still moves with the schedule.
          const pay = p.salary !== undefined && start > 0 ? Math.round((p.salary * cell) / start) : cell;
          const amount = pay * p.fte;
          b.S[k]! += amount;
          b.SB[k]! += amount * rate;
          const gap = Math.max(0, pay - repl) * p.fte;
          b.D[k]! += gap;
          b.DB[k]! += gap * rate;
        }
      } else {
        let pay = p.salary;
        if (pay === undefined) {
          const avg = roleSum.get(p.role);
          pay = avg ? Math.round(avg.sum / avg.n) : 0;
          warnings.push(`position ${p.position_id}: no salary and no schedule cell — costed at the ${p.role} average (${pay / 100} a year)`);
        }
        b.O += pay * p.fte;
        b.OB += pay * p.fte * rate;
      }
    }
  }
  const list = [...buckets.values()];
  const B = list.length;
  const bRole = new Int32Array(B);
  const bSite = new Int32Array(B);
  const bFte = new Float64Array(B);
  const S = new Float64Array(B * K);
  const SB = new Float64Array(B * K);
  const D = new Float64Array(B * K);
  const DB = new Float64Array(B * K);
  const O = new Float64Array(B);
  const OB = new Float64Array(B);
  const H = new Float64Array(B);
  const shareStart = new Int32Array(B + 1);
  const shareFundList: number[] = [];
  const shareWList: number[] = [];
  list.forEach((b, i) => {
    bRole[i] = b.role; bSite[i] = b.site; bFte[i] = b.fte;
    S.set(b.S, i * K); SB.set(b.SB, i * K); D.set(b.D, i * K); DB.set(b.DB, i * K);
    O[i] = b.O; OB[i] = b.OB; H[i] = b.H;
    shareStart[i] = shareFundList.length;
    const total = b.shares.reduce((a, [, w]) => a + w, 0);
    for (const [f, w] of b.shares) { shareFundList.push(f); shareWList.push(total > 0 ? w / total : 1 / b.shares.length); }
  });
  shareStart[B] = shareFundList.length;

  // Budget lines of the base year (or the latest year before it) by fund and object class.
  const lineYears = project.budget.map((l) => l.fiscal_year).filter((y) => y <= baseYear);
  const lineYear = lineYears.length > 0 ? Math.max(...lineYears) : baseYear;
  if (project.budget.length > 0 && lineYear !== baseYear) warnings.push(`no budget lines for ${baseYear}: using ${lineYear}`);
  const lineFund = new Map<string, number>();
  for (const l of project.budget) if (l.fiscal_year === lineYear && !lineFund.has(l.fund_code)) lineFund.set(l.fund_code, fund(l.fund_code));
  const lineBase = new Float64Array(funds.length * C);
  // While personnel comes from Positions, the budget's salary and benefit lines are kept aside:
  // the base year reconciles to them (reconcile.ts). Integer cents summed exactly.
  const personnelLines = new Map<number, number>();
  let hasPersonnelLines = false;
  for (const l of project.budget) {
    if (l.fiscal_year !== lineYear) continue;
    const c = objectClassIndex(l.object);
    const f = lineFund.get(l.fund_code)!;
    if (!personnelFromBudget && (c === SAL || c === BEN)) {
      hasPersonnelLines = true;
      personnelLines.set(f * PC + c, (personnelLines.get(f * PC + c) ?? 0) + l.amount);
      continue;
    }
    lineBase[f * C + c]! += l.amount;
  }
  const reconciling = !personnelFromBudget && hasPersonnelLines;
  if (!personnelFromBudget && !hasPersonnelLines && project.positions.length > 0) {
    warnings.push(`the Budget sheet has no salary or benefit lines for ${lineYear}: the base year's personnel is the Positions sheet's cost, not a budget line`);
  }

  const inflation = ['salaries', 'benefits', 'purchased_services', 'supplies', 'capital', 'other', 'transfers_out'].map((c) => config.inflation_by_object[c] ?? (c === 'transfers_out' ? 0 : 'cpi'));
  if (personnelFromBudget) { inflation[SAL] = config.inflation_by_object.salaries ?? 'cola'; inflation[BEN] = config.inflation_by_object.benefits ?? 'health_inflation'; }

  // Revenue sources: from the config, or one a fund from the Funds sheet.
  const revenue: RevenueLine[] = [];
  const stateShare = stateAidShare(project.settings.extra);
  const sources: RevenueSource[] = config.revenue ?? project.funds.flatMap((f) => defaultSources(f, stateShare));
  for (const s of sources) {
    const fi = fund(s.fund_code);
    const f = project.funds.find((x) => x.fund_code === funds[fi]!.code);
    let formula: Formula | undefined;
    if (s.kind === 'formula') {
      if (!s.expression) { errors.push(`revenue source ${s.id}: a formula source needs an expression`); continue; }
      const c = compileFormula(s.expression, `revenue source ${s.id}`);
      if (!c.ok) { errors.push(c.reason); continue; }
      formula = c.value;
    }
    if (s.kind === 'one_time' && s.year === undefined) { errors.push(`revenue source ${s.id}: one-time revenue needs a year`); continue; }
    const baseCents = s.base_cents ?? f?.available ?? 0;
    const category = s.kind === 'one_time' ? 'one_time' : (s.source ?? f?.source ?? 'other');
    const lastYear = s.end_date ? lastFiscalYear(s.end_date, config.fiscal_year_start_month) : funds[fi]!.lastYear;
    revenue.push({ id: s.id, label: s.label ?? f?.name ?? s.id, fund: fi, category, kind: s.kind, baseCents, growth: s.growth ?? defaultGrowth(s.kind, category), lastYear, year: s.year, formula });
  }

  const enrollment = projectEnrollment(project.enrollment, baseYear, years, {
    method: config.enrollment.method, historyYears: config.enrollment.history_years, kindergarten: config.enrollment.kindergarten, births: config.enrollment.births,
  });
  const drivers = baseDriverPaths(project.drivers, config.drivers, baseYear, years);
  warnings.push(...drivers.problems);
  const scenarios = collectScenarios(project.scenarios, config.scenarios);
  const isTeacherRole = new Uint8Array(roles.length + 64);
  roles.forEach((r, i) => { isTeacherRole[i] = config.personnel.teacher_roles.includes(r) ? 1 : 0; });

  const prepared: Prepared = {
    config, baseYear, years, K, policy: project.settings.reserve_policy_pct, beginningBalance: project.settings.beginning_fund_balance,
    funds, general, roles, sites, isTeacherRole, B, bRole, bSite, bFte, S, SB, D, DB, O, OB, H, shareStart,
    shareFund: Int32Array.from(shareFundList), shareW: Float64Array.from(shareWList), lineBase,
    reconciling, recon: new Float64Array(funds.length * PC), held0: new Float64Array(funds.length * PC),
    inflation, revenue, enrollment,
    enrollmentIndexDriver: config.enrollment.method === 'growth' ? 'enrollment_growth' : 'enrollment_shift',
    drivers, scenarios, plans: { plans: new Map(), triggers: [], names: [] }, personnelFromBudget, warnings,
  };
  // Funds first met on a revenue source need room in the line table too.
  if (prepared.lineBase.length < funds.length * C) { const lb = new Float64Array(funds.length * C); lb.set(prepared.lineBase.subarray(0, lb.length)); prepared.lineBase = lb; }
  if (reconciling) {
    // Budget lines − the positions as the engine charges them in the base year, per fund and class.
    const charged = positionsAtBase(prepared);
    const pay = fundPay(prepared);
    prepared.fundPay = pay;
    for (let f = 0; f < funds.length; f++) {
      for (const c of [SAL, BEN]) {
        prepared.recon[f * PC + c] = (personnelLines.get(f * PC + c) ?? 0) - charged[f * C + c]!;
        prepared.held0[f * PC + c] = heldPay(pay, K, f, c, 0, 1, 1, 1, 0, 0);
      }
    }
  }
  const plans = compilePlans(project, prepared);
  if (!plans.ok) errors.push(plans.reason);
  else prepared.plans = plans.value;
  if (errors.length > 0) return fail(errors.join('\n'));
  return ok(prepared);
}

/**
 * Settings key `state_aid_share` (e.g. 0.62): the share of each unrestricted local fund's revenue
 * that is per-pupil state aid. A general fund is usually paid by both the state formula (which
 * moves with enrollment and the state's per-pupil growth) and local levies (which do not), and a
 * workbook's Funds sheet gives one source per fund — so the split is a setting, not a guess.
 */
function stateAidShare(extra: Readonly<Record<string, string>>): number {
  const v = Number(extra['state_aid_share'] ?? Number.NaN);
  return Number.isFinite(v) && v > 0 && v < 1 ? v : 0;
}

function defaultSources(f: Fund, stateShare: number): RevenueSource[] {
  if (f.restricted || f.source !== 'local' || stateShare === 0) return [defaultSource(f)];
  const state = Math.round(f.available * stateShare);
  return [
    { id: `${f.fund_code}_STATE`, label: `${f.name} - state aid`, fund_code: f.fund_code, kind: 'per_pupil', source: 'state', base_cents: state },
    { id: `${f.fund_code}_LOCAL`, label: `${f.name} - local revenue`, fund_code: f.fund_code, kind: 'growth', source: 'local', base_cents: f.available - state },
  ];
}

function defaultSource(f: Fund): RevenueSource {
  if (f.restricted) return { id: f.fund_code, fund_code: f.fund_code, kind: 'grant', source: f.source };
  if (f.source === 'state') return { id: f.fund_code, fund_code: f.fund_code, kind: 'per_pupil', source: 'state' };
  return { id: f.fund_code, fund_code: f.fund_code, kind: 'growth', source: f.source };
}

function defaultGrowth(kind: RevenueSource['kind'], category: string): string | number {
  if (kind === 'per_pupil') return 'state_aid_per_pupil_growth';
  if (kind === 'grant') return 'grant_growth';
  if (category === 'local') return 'local_revenue_growth';
  return 0;
}

/**
 * The last fiscal year a grant ending on `date` pays for: the fiscal year containing the date
 * (fiscal years are named by the calendar year they end in; they start in `startMonth`).
 */
export function lastFiscalYear(date: string, startMonth: number): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return startMonth > 1 && m >= startMonth ? y + 1 : y;
}
