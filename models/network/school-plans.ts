import type { EnrollmentProjection } from '../forecast/enrollment';
import type { Project } from '../project/project';
import type { ScenarioOverride } from '../schema/tables';

// Scenarios and backup plans that change a network's schools (docs/network.md, "Opening and
// delaying schools"), read through drivers so a Scenarios row, a plan's schedule action and a
// trigger all work as they do for any driver:
//   school_delay_<site_id> — years the school's grow-through is held back. From the first year it
//     is above 0 the school keeps last year's grades and size for that many years, then grows on
//     as it would have: a school not yet open opens that many years later. A delay is never taken
//     back: each year's delay is the largest set so far ("delay the new school a year").
//   A plan's delay_school action (site_id, value years; blank or 0 = 1) sets the same delay while
//     it runs: "if days cash on hand falls below 45, delay the new school a year".
//   A CharterSchools row with a `scenario` opens only in that scenario (and those based on it):
//     the scenario sets school_open_<site_id> to 1; elsewhere it is 0 and the school enrolls no one.

export const schoolDelayDriver = (site: string) => `school_delay_${site}`;
export const schoolOpenDriver = (site: string) => `school_open_${site}`;

/** The Scenarios rows the CharterSchools sheet implies: each scenario-only school opens in its scenario. */
export function schoolScenarioRows(p: Project): ScenarioOverride[] {
  return p.charterSchools.flatMap((c) => (c.scenario ? [{ scenario: c.scenario, driver: schoolOpenDriver(c.site_id), value: 1 }] : []));
}

/** The driver names the network's schools answer to, for the driver-name check. */
export function schoolDriverNames(p: Project): string[] {
  return p.charterSchools.flatMap((c) => [schoolDelayDriver(c.site_id), ...(c.scenario ? [schoolOpenDriver(c.site_id)] : [])]);
}

/** Per school (PreparedNetwork.schools order): the delay so far and the year index it began (−1: none). */
export interface SchoolHold { delay: Int32Array; from: Int32Array }

export const noHold = (schools: number): SchoolHold => ({ delay: new Int32Array(schools), from: new Int32Array(schools).fill(-1) });

const NO_PLANNED: ReadonlyMap<string, number> = new Map();

/** The delay_school actions in effect: site → years (the largest if two name a site). */
export function plannedDelays(actions: readonly { kind: string; site: number; value: number }[], sites: readonly string[]): ReadonlyMap<string, number> {
  let out: Map<string, number> | undefined;
  for (const a of actions) {
    if (a.kind !== 'delay_school' || a.site < 0) continue;
    out ??= new Map();
    const site = sites[a.site]!;
    out.set(site, Math.max(out.get(site) ?? 0, a.value > 0 ? Math.round(a.value) : 1));
  }
  return out ?? NO_PLANNED;
}

export interface SchoolsThisYear {
  /** The network's students before the scenario's enrollment_shift. */
  total: number;
  /** Each school's, before enrollment_shift. */
  bySchool: number[];
  hold: SchoolHold;
}

/**
 * This year's projection with each school's delay and opening applied. A school held from year
 * index `from` for `delay` years has, in year t, the projection of year max(from − 1, t − delay).
 */
export function schoolsThisYear(e: EnrollmentProjection, schools: readonly { site_id: string; projection: number; scenarioOnly: boolean }[], t: number, drv: (name: string) => number, prev: SchoolHold, planned: ReadonlyMap<string, number> = NO_PLANNED): SchoolsThisYear {
  const hold: SchoolHold = { delay: prev.delay.slice(), from: prev.from.slice() };
  let total = e.total[t]!;
  const bySchool = schools.map((s, i) => {
    const path = e.siteTotals[s.projection]!;
    const d = Math.max(hold.delay[i]!, Math.round(drv(schoolDelayDriver(s.site_id))), planned.get(s.site_id) ?? 0);
    if (d > 0 && hold.from[i]! < 0) hold.from[i] = t;
    hold.delay[i] = d;
    const open = !s.scenarioOnly || drv(schoolOpenDriver(s.site_id)) >= 1;
    const students = !open ? 0 : d > 0 ? path[Math.max(0, hold.from[i]! - 1, t - d)]! : path[t]!;
    total += students - path[t]!;
    return students;
  });
  return { total, bySchool, hold };
}

/**
 * A new school's year index of opening as the hold stands: a hold that began by the opening year
 * moves it `delay` years; one that began after (the school already open) leaves it.
 */
export function openingIndex(opens: number, hold: SchoolHold, i: number): number {
  const d = hold.delay[i]!;
  return d > 0 && hold.from[i]! <= opens ? opens + d : opens;
}

/** Each school's costs that do not follow its students this year (cents, at this year's prices). */
export interface SchoolCosts { startup: number[]; fixed: number[]; total: number; paid: Uint8Array }

/**
 * A new school's startup and fixed costs in forecast year t (t ≥ 1: the base year is its Budget
 * lines), following its delay and opening (docs/network.md, "Startup and fixed costs"):
 *   startup — once, in the year before it opens as the hold stands that year; a delay decided
 *     once it was spent (in the opening year itself) does not refund or repeat it (`paid`);
 *   fixed — every year from its (delayed) opening, whatever its students.
 * Only a school that opens after the base year and, if scenario-only, opens in this scenario.
 * Base-year prices grow with `infl` (the purchased-services cost index).
 */
export function schoolCosts(schools: readonly { site_id: string; scenarioOnly: boolean; opens: number; startup: number; fixed: number }[], t: number, drv: (name: string) => number, hold: SchoolHold, paid: Uint8Array, infl: number): SchoolCosts {
  const out: SchoolCosts = { startup: [], fixed: [], total: 0, paid: paid.slice() };
  schools.forEach((s, i) => {
    let startup = 0;
    let fixed = 0;
    const open = !s.scenarioOnly || drv(schoolOpenDriver(s.site_id)) >= 1;
    if (t >= 1 && s.opens >= 1 && open) {
      const opens = openingIndex(s.opens, hold, i);
      if (s.startup > 0 && paid[i] === 0 && t === opens - 1) { startup = Math.round(s.startup * infl); out.paid[i] = 1; }
      if (s.fixed > 0 && t >= opens) fixed = Math.round(s.fixed * infl);
    }
    out.startup.push(startup); out.fixed.push(fixed); out.total += startup + fixed;
  });
  return out;
}
