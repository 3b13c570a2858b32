import { asCents, scaleCents, type Cents } from '../money/cents';
import { normaliseHeader } from '../schema/fields';
import type { Fund, Position, SalaryCell } from '../schema/tables';
import type { StaffingConfig } from './config';
import { param, type StaffingParams } from './params';

/**
 * What an FTE of a role costs, two ways (as position-budgeting tools do):
 * - schedule average: the role's salary schedule at its positions' lanes and steps (FTE-weighted;
 *   or the plain mean of the schedule's cells), plus benefits — what a new or vacant position costs;
 * - actual: the FTE-weighted mean of the role's positions' own salaries at the site (district-wide
 *   when the site has none), plus their benefits.
 * A position's salary is its full-time annual rate (Positions.salary, else its schedule cell);
 * loaded cost per FTE = salary × (1 + benefits rate) + employer health premium.
 */
export interface RoleCosts {
  /** Loaded cost of 1.0 FTE at the schedule average (cents). */
  scheduleAverage(roleKey: string): Cents;
  /** Loaded cost of 1.0 FTE at the site's actual salaries (cents). */
  actualAverage(siteId: string, roleKey: string): Cents;
  /** The role's funding mix at the site (FTE-weighted shares by fund), for splitting a gap's cost. */
  fundingMix(siteId: string, roleKey: string): { fund_code: string; share: number }[];
  /** Loaded cost per FTE of one position (cents), or null when its salary cannot be found. */
  positionCost(p: Position): Cents | null;
}

interface Acc { fte: number; cost: number }

export function roleCosts(input: {
  positions: readonly Position[];
  salary: readonly SalaryCell[];
  funds: readonly Fund[];
  cfg: StaffingConfig;
  keyOf: (role: string) => string;
  params?: StaffingParams;
}): RoleCosts {
  const { cfg, keyOf, params } = input;
  const salaryScale = param(params, 'salary_scale') ?? 1;
  const benefitsOverride = param(params, 'benefits_rate');

  // Schedule name → lane → step → salary; each lane's top step, for positions past the last step.
  const schedules = new Map<string, Map<string, Map<number, number>>>();
  const cellSums = new Map<string, Acc>();
  for (const c of input.salary) {
    const sk = normaliseHeader(c.schedule);
    let lanes = schedules.get(sk);
    if (!lanes) schedules.set(sk, (lanes = new Map()));
    const lk = normaliseHeader(c.lane);
    let steps = lanes.get(lk);
    if (!steps) lanes.set(lk, (steps = new Map()));
    steps.set(c.step, c.salary);
    const acc = cellSums.get(sk) ?? { fte: 0, cost: 0 };
    acc.fte += 1;
    acc.cost += c.salary;
    cellSums.set(sk, acc);
  }
  const scheduleNames = [...schedules.keys()];
  const laneOwner = new Map<string, Map<number, number>>();
  for (const lanes of schedules.values()) for (const [lk, steps] of lanes) if (!laneOwner.has(lk)) laneOwner.set(lk, steps);
  const configured = new Map(Object.entries(cfg.roleSchedules).map(([r, s]) => [keyOf(r), normaliseHeader(s)]));
  const scheduleFor = memo((roleKey: string): string | undefined => {
    const c = configured.get(roleKey);
    if (c && schedules.has(c)) return c;
    if (schedules.has(roleKey)) return roleKey;
    if (schedules.has(`${roleKey}s`)) return `${roleKey}s`;
    if (scheduleNames.length === 1) return scheduleNames[0];
    const byPart = scheduleNames.find((n) => n.length > 3 && roleKey.includes(n.replace(/s$/, '')));
    if (byPart) return byPart;
    return scheduleNames.find((n) => /teach|cert/.test(n)) ?? scheduleNames[0];
  });
  const laneKey = memo(normaliseHeader);
  const cellSalary = (scheduleKey: string | undefined, lane: string | undefined, step: number | undefined): number | null => {
    if (lane === undefined) return null;
    const lk = laneKey(lane);
    // The role's schedule first; else any schedule with that lane (classified ranges, admin grades).
    let steps = scheduleKey ? schedules.get(scheduleKey)?.get(lk) : undefined;
    if (!steps) steps = laneOwner.get(lk);
    if (!steps) return null;
    const s = step ?? 0;
    const hit = steps.get(s);
    if (hit !== undefined) return hit;
    let best: number | null = null;
    let bestStep = -Infinity;
    for (const [k, v] of steps) if (k <= s && k > bestStep) { bestStep = k; best = v; }
    return best;
  };

  const rateOf = (p: Position) => benefitsOverride ?? p.benefits_rate ?? cfg.defaultBenefitsRate;
  const healthOf = (p: Position) => p.health_plan_cost ?? cfg.defaultHealthCents;
  const loaded = (salaryCents: number, rate: number, health: number): number => salaryCents * salaryScale * (1 + rate) + health;

  const positionCost = (p: Position, cell?: number | null): Cents | null => {
    const sal = p.salary ?? (cell !== undefined ? cell : cellSalary(scheduleFor(keyOf(p.role)), p.lane, p.step));
    return sal === null ? null : asCents(Math.round(loaded(sal, rateOf(p), healthOf(p))));
  };

  // One pass over positions: actual cost by site+role and role, schedule cost by role, funding by site+role and role.
  const actualBySite = new Map<string, Map<string, Acc>>();
  const actualByRole = new Map<string, Acc>();
  const schedByRole = new Map<string, Acc>();
  const benefitsByRole = new Map<string, { fte: number; rate: number; health: number }>();
  const fundsBySite = new Map<string, Map<string, Map<string, number>>>();
  const fundsByRole = new Map<string, Map<string, number>>();
  const generalFund = input.funds.find((f) => normaliseHeader(f.fund_code) === 'gen')?.fund_code
    ?? input.funds.find((f) => !f.restricted)?.fund_code ?? 'GEN';
  const add = (m: Map<string, Acc>, k: string, fte: number, cost: number) => {
    const a = m.get(k);
    if (a) { a.fte += fte; a.cost += cost * fte; } else m.set(k, { fte, cost: cost * fte });
  };
  const addFund = (m: Map<string, Map<string, number>>, k: string, fund: string, fte: number) => {
    let f = m.get(k);
    if (!f) m.set(k, (f = new Map()));
    f.set(fund, (f.get(fund) ?? 0) + fte);
  };
  const inner = <V>(m: Map<string, Map<string, V>>, k: string): Map<string, V> => {
    let x = m.get(k);
    if (!x) m.set(k, (x = new Map()));
    return x;
  };
  for (const p of input.positions) {
    if (!(p.fte > 0)) continue;
    const rk = keyOf(p.role);
    const rate = rateOf(p);
    const health = healthOf(p);
    const b = benefitsByRole.get(rk);
    if (b) { b.fte += p.fte; b.rate += rate * p.fte; b.health += health * p.fte; }
    else benefitsByRole.set(rk, { fte: p.fte, rate: rate * p.fte, health: health * p.fte });
    const cell = cellSalary(scheduleFor(rk), p.lane, p.step);
    const cost = positionCost(p, cell);
    if (cost !== null) {
      add(inner(actualBySite, p.site_id), rk, p.fte, cost);
      add(actualByRole, rk, p.fte, cost);
    }
    if (cell !== null) add(schedByRole, rk, p.fte, loaded(cell, rate, health));
    const siteFunds = inner(fundsBySite, p.site_id);
    if (p.funding.length === 0) {
      addFund(siteFunds, rk, generalFund, p.fte);
      addFund(fundsByRole, rk, generalFund, p.fte);
    } else {
      for (const s of p.funding) {
        addFund(siteFunds, rk, s.fund_code, p.fte * s.share);
        addFund(fundsByRole, rk, s.fund_code, p.fte * s.share);
      }
    }
  }

  const mean = (a: Acc | undefined): number | null => (a && a.fte > 0 ? a.cost / a.fte : null);
  // The schedule average of a role, in this order: (1) its positions' schedule cells, FTE-weighted
  // ('positions' mode) or the plain mean of its schedule's cells ('cells' mode) when the role is on
  // a schedule (its positions have lanes, or roleSchedules names one); (2) for roles paid outside
  // any schedule (principals, nurses with their own salaries), the job type's average salary;
  // (3) the mean of the best-matching schedule with default benefits; else 0.
  const scheduleAverage = memo((roleKey: string): Cents => {
    const b = benefitsByRole.get(roleKey);
    const rate = benefitsOverride ?? (b && b.fte > 0 ? b.rate / b.fte : cfg.defaultBenefitsRate);
    const health = b && b.fte > 0 ? b.health / b.fte : cfg.defaultHealthCents;
    const onSchedule = schedByRole.has(roleKey) || configured.has(roleKey);
    const cells = mean(cellSums.get(scheduleFor(roleKey) ?? ''));
    if (onSchedule) {
      const byPositions = cfg.scheduleAverage === 'positions' ? mean(schedByRole.get(roleKey)) : null;
      if (byPositions !== null) return asCents(Math.round(byPositions));
      if (cells !== null) return asCents(Math.round(loaded(cells, rate, health)));
    }
    const actual = mean(actualByRole.get(roleKey));
    if (actual !== null) return asCents(Math.round(actual));
    return asCents(cells === null ? 0 : Math.round(loaded(cells, rate, health)));
  });
  return {
    scheduleAverage,
    actualAverage(siteId, roleKey) {
      const m = mean(actualBySite.get(siteId)?.get(roleKey)) ?? mean(actualByRole.get(roleKey));
      return m === null ? scheduleAverage(roleKey) : asCents(Math.round(m));
    },
    fundingMix(siteId, roleKey) {
      const m = fundsBySite.get(siteId)?.get(roleKey) ?? fundsByRole.get(roleKey);
      if (!m) return [{ fund_code: generalFund, share: 1 }];
      let total = 0;
      for (const v of m.values()) total += v;
      if (!(total > 0)) return [{ fund_code: generalFund, share: 1 }];
      return [...m].map(([fund_code, fte]) => ({ fund_code, share: fte / total }));
    },
    positionCost: (p: Position) => positionCost(p),
  };
}

/**
 * FTE × loaded cost per FTE, to the cent, half away from zero (as scaleCents). The product is
 * rounded directly unless it sits within float noise of a half cent, where scaleCents' careful
 * path decides: same result, without a toPrecision call for every row.
 */
export function fteCost(fte: number, perFte: Cents): Cents {
  const x = perFte * fte;
  const frac = Math.abs(x - Math.trunc(x));
  if (Math.abs(frac - 0.5) > 1e-6 && Number.isSafeInteger(Math.round(x))) {
    const r = Math.sign(x) * Math.round(Math.abs(x));
    return asCents(r === 0 ? 0 : r);
  }
  return scaleCents(perFte, fte);
}

function memo<T>(fn: (k: string) => T): (k: string) => T {
  const cache = new Map<string, T>();
  return (k) => {
    if (cache.has(k)) return cache.get(k)!;
    const v = fn(k);
    cache.set(k, v);
    return v;
  };
}
