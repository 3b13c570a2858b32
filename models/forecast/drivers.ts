import type { Driver, ScenarioOverride } from '../schema/tables';
import { parseFiscalYear } from '../parse/values';
import { fail, ok, type Parsed } from '../result';
import { DEFAULT_DRIVERS, type ScenarioConfig } from './config';
import { distCdf, fitDistribution, type DistKind, type DistParams } from './distributions';

// Drivers become one value per year offset (0 = the base year … N). A path is resolved in this
// order: the driver's per-year value, its single value, the config's value, the built-in default;
// a year with no value carries the previous year's forward (a single value stands only for the
// years before the first year column). Scenarios override projected years (t ≥ 1): a row with a
// blank year sets every projected year, a row with a year sets that year; the base year is the
// adopted budget and keeps the base path (its pension rate is the one the benefit rates include).

export type DriverPaths = Record<string, Float64Array>;

export interface UncertainDriver {
  name: string;
  /** The value the distribution is centred on; a draw shifts the whole path by (draw − center). */
  center: number;
  low: number;
  high: number;
  /** The share of draws low/high are read to hold (a central interval: 0.9 = P5 to P95). */
  interval: number;
  dist: DistParams;
}

export interface BaseDrivers {
  paths: DriverPaths;
  uncertain: UncertainDriver[];
  problems: string[];
}

function yearKey(key: string): number | null {
  const p = parseFiscalYear(key);
  return p.ok ? p.value : null;
}

export function baseDriverPaths(rows: readonly Driver[], configDrivers: Readonly<Record<string, number>>, baseYear: number, years: number, interval = 0.9): BaseDrivers {
  const paths: DriverPaths = Object.create(null) as DriverPaths;
  const problems: string[] = [];
  const uncertain: UncertainDriver[] = [];
  const flat = (v: number) => new Float64Array(years + 1).fill(v);
  for (const [name, v] of Object.entries(DEFAULT_DRIVERS)) paths[name] = flat(v);
  for (const [name, v] of Object.entries(configDrivers)) paths[name] = flat(v);
  for (const row of rows) {
    const byYear = new Map<number, number>();
    for (const [k, v] of Object.entries(row.by_year)) {
      const y = yearKey(k);
      if (y === null) problems.push(`driver ${row.driver}: column "${k}" is not a year`);
      else byYear.set(y, v);
    }
    // Before its first year column a driver is its single value (else the config's or the default);
    // from each year column on, that year's value carries forward until the next column.
    const fallback = row.value ?? paths[row.driver]?.[0] ?? 0;
    const path = new Float64Array(years + 1);
    let carry = fallback;
    for (const [y, v] of [...byYear].sort((a, b) => a[0] - b[0])) if (y < baseYear) carry = v;
    for (let t = 0; t <= years; t++) {
      const v = byYear.get(baseYear + t);
      if (v !== undefined) carry = v;
      path[t] = carry;
    }
    paths[row.driver] = path;
    if (row.low !== undefined && row.high !== undefined) {
      const center = row.value ?? path[Math.min(1, years)]!;
      const kind: DistKind = row.distribution ?? 'normal';
      const dist = fitDistribution(kind, center, row.low, row.high, interval);
      if (typeof dist === 'string') problems.push(`driver ${row.driver}: ${dist}`);
      else {
        const u: UncertainDriver = { name: row.driver, center, low: row.low, high: row.high, interval, dist };
        const offCentre = offCentreNote(u);
        if (offCentre) problems.push(offCentre);
        uncertain.push(u);
      }
    } else if (row.distribution) {
      problems.push(`driver ${row.driver}: a distribution needs low and high`);
    }
  }
  return { paths, uncertain, problems };
}

/**
 * A note when the value sits off the middle of low/high: the distribution is centred on the value
 * with the interval's spread, so low and high are not the interval's ends (say where they fall).
 */
function offCentreNote(u: UncertainDriver): string | null {
  if (u.dist.kind === 'triangular') return null; // its ends are solved so low and high are exact
  const tail = (1 - u.interval) / 2;
  const pLow = distCdf(u.dist, u.low);
  const pHigh = distCdf(u.dist, u.high);
  if (Math.abs(pLow - tail) <= 0.02 && Math.abs(pHigh - (1 - tail)) <= 0.02) return null;
  const pc = (x: number) => `P${Math.round(x * 100)}`;
  return `driver ${u.name}: the value ${u.center} is not in the middle of low ${u.low} and high ${u.high}: the ${u.dist.kind} distribution is centred on the value with the interval's spread, so low and high fall at ${pc(pLow)} and ${pc(pHigh)} (not ${pc(tail)} and ${pc(1 - tail)})`;
}

/** One scenario: its overrides (driver → per-offset value or NaN = not overridden). */
export interface ScenarioSpec {
  name: string;
  based_on?: string;
  overrides: Record<string, { all?: number; byYear: Map<number, number> }>;
  priority_plan?: string;
}

/** Collects scenarios from the Scenarios sheet and the config (config wins on a clash). */
export function collectScenarios(rows: readonly ScenarioOverride[], config: readonly ScenarioConfig[]): ScenarioSpec[] {
  const specs = new Map<string, ScenarioSpec>();
  const get = (name: string) => {
    let s = specs.get(name);
    if (!s) specs.set(name, (s = { name, overrides: Object.create(null) as ScenarioSpec['overrides'] }));
    return s;
  };
  for (const r of rows) {
    const s = get(r.scenario);
    if (r.based_on) s.based_on = r.based_on;
    const o = (s.overrides[r.driver] ??= { byYear: new Map() });
    if (r.year === undefined) o.all = r.value;
    else o.byYear.set(r.year, r.value);
  }
  for (const c of config) {
    const s = get(c.name);
    if (c.based_on) s.based_on = c.based_on;
    if (c.priority_plan) s.priority_plan = c.priority_plan;
    for (const [driver, v] of Object.entries(c.overrides)) {
      const o = (s.overrides[driver] ??= { byYear: new Map() });
      if (typeof v === 'number') o.all = v;
      else for (const [k, x] of Object.entries(v)) { const y = yearKey(k); if (y !== null) o.byYear.set(y, x); }
    }
  }
  return [...specs.values()];
}

export const BASE_SCENARIO = 'Base';

/**
 * The driver paths of a scenario: the base paths, then each ancestor's overrides from the root
 * down. A based_on cycle or an unknown parent is an error naming the chain.
 */
export function scenarioPaths(name: string, specs: readonly ScenarioSpec[], base: DriverPaths, baseYear: number, years: number): Parsed<{ paths: DriverPaths; priority_plan?: string }> {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const chain: ScenarioSpec[] = [];
  const seen: string[] = [];
  let cur: string | undefined = name;
  while (cur !== undefined && cur !== BASE_SCENARIO) {
    if (seen.includes(cur)) return fail(`scenario "${name}": based_on makes a cycle (${[...seen, cur].join(' → ')})`);
    seen.push(cur);
    const s = byName.get(cur);
    if (!s) return fail(seen.length === 1 ? `no scenario named "${cur}" (known: ${[BASE_SCENARIO, ...byName.keys()].join(', ')})` : `scenario "${seen[seen.length - 2]}" is based on "${cur}", which does not exist`);
    chain.unshift(s);
    cur = s.based_on;
  }
  const paths: DriverPaths = Object.create(null) as DriverPaths;
  for (const k of Object.keys(base)) paths[k] = base[k]!;
  let priority: string | undefined;
  for (const s of chain) {
    if (s.priority_plan) priority = s.priority_plan;
    for (const [driver, o] of Object.entries(s.overrides)) {
      const p = Float64Array.from(paths[driver] ?? new Float64Array(years + 1));
      for (let t = 1; t <= years; t++) {
        const v = o.byYear.get(baseYear + t) ?? o.all;
        if (v !== undefined) p[t] = v;
      }
      paths[driver] = p;
    }
  }
  return ok(priority === undefined ? { paths } : { paths, priority_plan: priority });
}
