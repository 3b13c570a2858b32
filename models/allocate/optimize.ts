import { asCents, type Cents } from '../money/cents';
import type { Project } from '../project/project';
import { fail, ok, type Parsed } from '../result';
import type { Need } from '../schema/tables';
import { allocate, type AllocateOptions, type AllocationResult, type NeedsSolver } from './allocate';
import { eligible, type FundRule } from './funds';
import { needOrder, priorityPass, statusOf, type NeedResult, type Pots } from './priority-pass';

/** The part of HiGHS (the `highs` package) the optimiser uses: one-shot solve of CPLEX LP text. */
export interface LpSolver {
  solve(problem: string, options?: Record<string, unknown>): { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal: number }> };
}

/**
 * Optimising mode (docs/allocate.md §Optimiser). The priority pass is greedy: a restricted fund
 * spent on a high-priority need that general money could have paid for may leave a lower-priority
 * need it alone could pay for unfunded. The LP
 *
 *   maximise   Σ_g w(priority_g) · Σ_p x_gp  −  ε · Σ_{g, p general} x_gp
 *   subject to Σ_p x_gp ≤ cost_g            (each group of needs)
 *              Σ_g x_gp ≤ amount_p          (each pot: a fund, or Title I at one school)
 *              floor_s ≤ Σ_{g at s} Σ_p x_gp ≤ cap_s   (sites with a floor or cap)
 *              x_gp ≥ 0, and x_gp exists only where fund p may pay for group g
 *
 * maximises priority-weighted coverage; ε (far below any weight) spends restricted money before
 * general money when coverage ties, leaving more for the formula. Needs that no constraint tells
 * apart (same category and priority, at sites without their own pots or limits) share one group,
 * so the LP stays small; a group's money goes to its needs in register order. Dollars come back as
 * floats: each is floored to whole cents (never exceeding a fund or a need), and the cents the
 * flooring left are placed by a final priority pass, so fund totals stay exact.
 */
export function lpSolver(solver: LpSolver): NeedsSolver {
  return (needs, rules, pots, ctx) => {
    const { config, generalForNeeds } = ctx;
    const live = rules.filter((r) => !r.expired && (r.restricted || generalForNeeds));
    const floors = config.optimize.site_floor_cents;
    const caps = config.optimize.site_cap_cents;
    const weightOf = (p: number) => config.optimize.priority_weights[String(p)] ?? 1 / p;
    const t1 = live.find((r) => r.isTitle1) ?? null;
    const siteRestricted = live.some((r) => r.sites !== null);

    // Pots the LP spends: a district pot per fund, and Title I per served school.
    interface Pot { rule: FundRule; site: string | null; amount: number }
    const potList: Pot[] = [];
    const districtPot = new Map<string, number>();
    for (const r of live) {
      districtPot.set(r.fund.fund_code, potList.length);
      potList.push({ rule: r, site: null, amount: pots.district.get(r.fund.fund_code) ?? 0 });
    }
    const t1Pot = new Map<string, number>();
    if (t1) for (const [site, amount] of pots.title1Sites) { t1Pot.set(site, potList.length); potList.push({ rule: t1, site, amount }); }

    // Groups of interchangeable needs.
    interface Group { key: string; site: string | null; category: string; priority: number; needs: Need[]; cost: number; pots: number[] }
    const groups = new Map<string, Group>();
    const t1Eligible = (category: string) => t1 !== null && eligible({ ...t1, sites: null }, { category });
    for (const n of needs) {
      if (n.cost <= 0) continue;
      let siteKey: string;
      if (n.site_id === undefined) siteKey = '#district';
      else if (floors[n.site_id] !== undefined || caps[n.site_id] !== undefined || siteRestricted || (t1Pot.has(n.site_id) && t1Eligible(n.category))) siteKey = n.site_id;
      else siteKey = '*';
      const key = `${n.category}\u0000${n.priority}\u0000${siteKey}`;
      let g = groups.get(key);
      if (!g) {
        g = { key, site: siteKey === '*' || siteKey === '#district' ? null : siteKey, category: n.category, priority: n.priority, needs: [], cost: 0, pots: [] };
        groups.set(key, g);
      }
      g.needs.push(n);
      g.cost += n.cost;
    }
    const groupList = [...groups.values()];
    const probe = (g: Group, i: number): Pick<Need, 'category' | 'site_id'> => ({ category: g.category, ...(g.needs[i]?.site_id !== undefined ? { site_id: g.needs[i]!.site_id! } : {}) });
    for (const g of groupList) {
      const sample = probe(g, 0);
      for (const r of live) {
        if (r.isTitle1 && sample.site_id !== undefined) continue; // Title I at a school comes from that school's pot
        if (!eligible(r, sample)) continue;
        g.pots.push(districtPot.get(r.fund.fund_code)!);
      }
      if (t1 && g.site !== null && t1Pot.has(g.site) && eligible(t1, sample)) g.pots.push(t1Pot.get(g.site)!);
    }

    // CPLEX LP text. Money in dollars keeps coefficients near 1 for the solver.
    const minW = Math.min(...groupList.map((g) => weightOf(g.priority)).filter((w) => w > 0), 1);
    const eps = minW * 1e-6;
    const obj: string[] = [];
    const rows: string[] = [];
    const potTerms: string[][] = potList.map(() => []);
    const siteTerms = new Map<string, string[]>();
    groupList.forEach((g, gi) => {
      const w = weightOf(g.priority);
      const terms: string[] = [];
      for (const p of g.pots) {
        const v = `x${gi}_${p}`;
        const c = w - (potList[p]!.rule.restricted ? 0 : eps);
        obj.push(`${c >= 0 ? '+' : '-'} ${Math.abs(c)} ${v}`);
        terms.push(v);
        potTerms[p]!.push(v);
      }
      if (terms.length === 0) return;
      rows.push(` g${gi}: ${terms.join(' + ')} <= ${g.cost / 100}`);
      if (g.site !== null && (floors[g.site] !== undefined || caps[g.site] !== undefined)) {
        const list = siteTerms.get(g.site) ?? [];
        list.push(...terms);
        siteTerms.set(g.site, list);
      }
    });
    potTerms.forEach((terms, p) => { if (terms.length > 0) rows.push(` p${p}: ${terms.join(' + ')} <= ${potList[p]!.amount / 100}`); });
    let si = 0;
    for (const [site, terms] of siteTerms) {
      const siteCost = groupList.filter((g) => g.site === site).reduce((a, g) => a + g.cost, 0);
      const floor = Math.min(floors[site] ?? 0, siteCost);
      const cap = caps[site];
      if (cap !== undefined) rows.push(` sc${si}: ${terms.join(' + ')} <= ${cap / 100}`);
      if (floor > 0) rows.push(` sf${si}: ${terms.join(' + ')} >= ${floor / 100}`);
      si++;
    }
    const x = new Map<string, number>();
    if (obj.length > 0) {
      const lp = `Maximize\n obj: ${obj.join(' ')}\nSubject To\n${rows.join('\n')}\nEnd\n`;
      let res: ReturnType<LpSolver['solve']>;
      try {
        res = solver.solve(lp, { output_flag: false, time_limit: config.optimize.time_limit_s });
      } catch (e) {
        return fail(`optimiser: HiGHS could not solve the model: ${(e as Error).message}`);
      }
      if (res.Status !== 'Optimal') {
        return fail(res.Status === 'Infeasible'
          ? 'optimiser: no allocation meets every site floor with the money available; lower the floors or raise the caps'
          : `optimiser: HiGHS stopped with status "${res.Status}"`);
      }
      for (const [name, col] of Object.entries(res.Columns)) if (col.Primal > 0) x.set(name, col.Primal);
    }

    // Dollars → whole cents, then into the needs of each group in register order.
    const potLeft = potList.map((p) => p.amount);
    const funded = new Map<string, Map<string, number>>(); // need_id → fund_code → cents
    const needLeft = new Map<string, number>();
    for (const n of needs) needLeft.set(n.need_id, n.cost);
    groupList.forEach((g, gi) => {
      const ordered = [...g.needs].sort(needOrder);
      let ni = 0;
      for (const p of g.pots) {
        let cents = Math.min(Math.floor((x.get(`x${gi}_${p}`) ?? 0) * 100 + 1e-6), potLeft[p]!);
        while (cents > 0 && ni < ordered.length) {
          const n = ordered[ni]!;
          const room = needLeft.get(n.need_id)!;
          const amt = Math.min(room, cents);
          if (amt > 0) {
            needLeft.set(n.need_id, room - amt);
            potLeft[p]! -= amt;
            cents -= amt;
            const byFund = funded.get(n.need_id) ?? new Map<string, number>();
            const code = potList[p]!.rule.fund.fund_code;
            byFund.set(code, (byFund.get(code) ?? 0) + amt);
            funded.set(n.need_id, byFund);
          }
          if (needLeft.get(n.need_id)! <= 0) ni++;
        }
      }
    });
    // The cents flooring left behind: a priority pass over what is still open.
    const restPots: Pots = { district: new Map(), title1Sites: new Map() };
    potList.forEach((p, i) => (p.site === null ? restPots.district : restPots.title1Sites).set(p.site ?? p.rule.fund.fund_code, potLeft[i]!));
    // A site with a cap may take only what the cap still allows.
    const capRoom = new Map<string, number>();
    for (const [site, cap] of Object.entries(caps)) capRoom.set(site, cap);
    for (const n of needs) {
      if (n.site_id === undefined || !capRoom.has(n.site_id)) continue;
      capRoom.set(n.site_id, capRoom.get(n.site_id)! - (n.cost - (needLeft.get(n.need_id) ?? 0)));
    }
    const open: Need[] = [];
    for (const n of [...needs].sort(needOrder)) {
      let left = needLeft.get(n.need_id) ?? 0;
      if (n.site_id !== undefined && capRoom.has(n.site_id)) {
        const room = Math.max(0, capRoom.get(n.site_id)!);
        left = Math.min(left, room);
        capRoom.set(n.site_id, room - left);
      }
      if (left > 0) open.push({ ...n, cost: asCents(left) });
    }
    for (const r of priorityPass(open, live, restPots, generalForNeeds)) {
      for (const b of r.by_fund) {
        const byFund = funded.get(r.need_id) ?? new Map<string, number>();
        byFund.set(b.fund_code, (byFund.get(b.fund_code) ?? 0) + b.cents);
        funded.set(r.need_id, byFund);
      }
    }
    // Spend the pots in place, as the priority pass does, so the caller sees what is left.
    for (const [k, v] of restPots.district) pots.district.set(k, v);
    for (const [k, v] of restPots.title1Sites) pots.title1Sites.set(k, v);

    const restrictedCodes = new Set(live.filter((r) => r.restricted).map((r) => r.fund.fund_code));
    const out: NeedResult[] = [...needs].sort(needOrder).map((n) => {
      const byFund = [...(funded.get(n.need_id) ?? new Map<string, number>())].filter(([, c]) => c > 0).map(([fund_code, c]) => ({ fund_code, cents: asCents(c) }));
      const total = byFund.reduce((a, b) => a + b.cents, 0);
      const restricted = byFund.reduce((a, b) => a + (restrictedCodes.has(b.fund_code) ? b.cents : 0), 0);
      return {
        need_id: n.need_id, ...(n.site_id !== undefined ? { site_id: n.site_id } : {}), category: n.category, priority: n.priority,
        cost_cents: asCents(n.cost), funded_cents: asCents(total), restricted_cents: asCents(restricted), general_cents: asCents(total - restricted),
        status: statusOf(total, n.cost), by_fund: byFund,
      };
    });
    return ok(out);
  };
}

export interface OptimizeComparison {
  coverage_priority: number;
  coverage_optimized: number;
  coverage_gain: number;
  needs_funded_priority_cents: Cents;
  needs_funded_optimized_cents: Cents;
  /** Needs whose funding differs between the two, largest change first. */
  needs: { need_id: string; priority_cents: Cents; optimized_cents: Cents; difference_cents: Cents }[];
  funds: { fund_code: string; priority_allocated_cents: Cents; optimized_allocated_cents: Cents; difference_cents: Cents }[];
  sites: { site_id: string; priority_cents: Cents; optimized_cents: Cents; difference_cents: Cents }[];
}

/** The optimised allocation beside the priority-order one, with what changed. */
export function allocateOptimized(project: Project, opts: AllocateOptions, solver: LpSolver): Parsed<{ optimized: AllocationResult; priority: AllocationResult; comparison: OptimizeComparison }> {
  const priority = allocate(project, opts);
  if (!priority.ok) return priority;
  const optimized = allocate(project, opts, lpSolver(solver), 'optimize');
  if (!optimized.ok) return optimized;
  const a = priority.value;
  const b = optimized.value;
  const byNeed = new Map(a.needs.map((n) => [n.need_id, n.funded_cents]));
  const needs = b.needs
    .map((n) => { const p = byNeed.get(n.need_id) ?? asCents(0); return { need_id: n.need_id, priority_cents: p, optimized_cents: n.funded_cents, difference_cents: asCents(n.funded_cents - p) }; })
    .filter((d) => d.difference_cents !== 0)
    .sort((x, y) => Math.abs(y.difference_cents) - Math.abs(x.difference_cents) || (x.need_id < y.need_id ? -1 : 1));
  const fundA = new Map(a.funds.map((f) => [f.fund_code, f.allocated_cents]));
  const siteA = new Map(a.sites.map((s) => [s.site_id, s.allocation_cents]));
  return ok({
    optimized: b,
    priority: a,
    comparison: {
      coverage_priority: a.coverage,
      coverage_optimized: b.coverage,
      coverage_gain: b.coverage - a.coverage,
      needs_funded_priority_cents: a.totals.needs_funded_cents,
      needs_funded_optimized_cents: b.totals.needs_funded_cents,
      needs,
      funds: b.funds.map((f) => { const p = fundA.get(f.fund_code) ?? asCents(0); return { fund_code: f.fund_code, priority_allocated_cents: p, optimized_allocated_cents: f.allocated_cents, difference_cents: asCents(f.allocated_cents - p) }; }),
      sites: b.sites.map((s) => { const p = siteA.get(s.site_id) ?? asCents(0); return { site_id: s.site_id, priority_cents: p, optimized_cents: s.allocation_cents, difference_cents: asCents(s.allocation_cents - p) }; }),
    },
  });
}

/** Loads HiGHS (WebAssembly) once; the `highs` package finds its .wasm beside itself in Node. */
let highsPromise: Promise<LpSolver> | null = null;
export function loadHighs(): Promise<LpSolver> {
  highsPromise ??= import('highs').then((m) => m.default() as unknown as Promise<LpSolver>);
  return highsPromise;
}
