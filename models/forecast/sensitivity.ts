import type { DriverPaths } from './drivers';
import { makeWorkspace, runScenario, type ScenarioRun } from './engine';
import type { Prepared } from './prepare';
import type { StaffingCoster } from './staffing-cost';

// Tornado: each uncertain driver moved to its low and then its high (the whole path shifted by
// the same amount), every other driver at base; bars sorted by swing. Break-even: bisection on one
// driver for the value at which the lowest reserve % over the horizon equals the policy.

export interface TornadoBar {
  driver: string;
  base: number;
  low: number;
  high: number;
  min_reserve_at_low: number;
  min_reserve_at_high: number;
  ending_balance_at_low_cents: number;
  ending_balance_at_high_cents: number;
  swing_cents: number;
}

export interface Tornado { base_min_reserve: number; base_ending_balance_cents: number; bars: TornadoBar[] }

const minReserve = (r: ScenarioRun) => r.years.slice(1).reduce((m, y) => Math.min(m, y.reserve_pct), Infinity);
const lastBalance = (r: ScenarioRun) => r.years[r.years.length - 1]?.ending_balance_cents ?? 0;

function shifted(paths: DriverPaths, name: string, delta: number): DriverPaths {
  const out: DriverPaths = Object.create(null) as DriverPaths;
  for (const k of Object.keys(paths)) out[k] = paths[k]!;
  const base = paths[name] ?? new Float64Array(0);
  out[name] = base.map((v, t) => (t === 0 ? v : v + delta));
  return out;
}

export function tornado(p: Prepared, paths: DriverPaths, priorityPlan?: string, staffing?: StaffingCoster): Tornado {
  const ws = makeWorkspace(p);
  const run = (x: DriverPaths) => runScenario(p, x, { lean: true, workspace: ws, priorityPlan, staffing });
  const base = run(paths);
  const bars = p.drivers.uncertain.map((u) => {
    const lo = run(shifted(paths, u.name, u.low - u.center));
    const hi = run(shifted(paths, u.name, u.high - u.center));
    return {
      driver: u.name, base: u.center, low: u.low, high: u.high,
      min_reserve_at_low: minReserve(lo), min_reserve_at_high: minReserve(hi),
      ending_balance_at_low_cents: lastBalance(lo), ending_balance_at_high_cents: lastBalance(hi),
      swing_cents: Math.abs(lastBalance(hi) - lastBalance(lo)),
    };
  });
  bars.sort((a, b) => b.swing_cents - a.swing_cents || (a.driver < b.driver ? -1 : 1));
  return { base_min_reserve: minReserve(base), base_ending_balance_cents: lastBalance(base), bars };
}

export interface BreakEven {
  driver: string;
  /** Driver value (every projected year) at which the lowest reserve % equals the policy, or null. */
  value: number | null;
  base: number;
  reason?: string;
}

export function breakEven(p: Prepared, paths: DriverPaths, driver: string, range?: [number, number], priorityPlan?: string, staffing?: StaffingCoster): BreakEven {
  const ws = makeWorkspace(p);
  const basePath = paths[driver];
  const base = basePath?.[1] ?? 0;
  const u = p.drivers.uncertain.find((x) => x.name === driver);
  const [lo0, hi0] = range ?? (u ? [u.center - 5 * (u.center - u.low), u.center + 5 * (u.high - u.center)] : [base - 0.25, base + 0.25]);
  const f = (x: number) => {
    const flat: DriverPaths = Object.create(null) as DriverPaths;
    for (const k of Object.keys(paths)) flat[k] = paths[k]!;
    const path = Float64Array.from(basePath ?? new Float64Array(p.K));
    for (let t = 1; t < p.K; t++) path[t] = x;
    flat[driver] = path;
    return minReserve(runScenario(p, flat, { lean: true, workspace: ws, priorityPlan, staffing })) - p.policy;
  };
  let lo = lo0;
  let hi = hi0;
  let flo = f(lo);
  const fhi = f(hi);
  if (Number.isNaN(flo) || Number.isNaN(fhi) || flo * fhi > 0) {
    return { driver, value: null, base, reason: `the lowest reserve stays ${flo > 0 ? 'above' : 'below'} the policy for ${driver} from ${round(lo0)} to ${round(hi0)}` };
  }
  for (let i = 0; i < 60 && hi - lo > 1e-9; i++) {
    const mid = (lo + hi) / 2;
    const fm = f(mid);
    if (fm === 0) return { driver, value: mid, base };
    if (fm * flo < 0) hi = mid;
    else { lo = mid; flo = fm; }
  }
  return { driver, value: (lo + hi) / 2, base };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
