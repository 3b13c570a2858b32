import type { Project } from '../project/project';
import type { Position, SalaryCell } from '../schema/tables';
import type { ForecastConfig } from './config';
import type { FundTable } from './prepare-funds';
import { newPayTerms, type PayTerms } from './pay';

// Positions grouped into buckets (role × site × funding split), each with its pay for every number
// of steps advanced, so a scenario-year is a loop over a few hundred buckets, not every position.

/** Positions by bucket: who they are, which funds pay them, and their pay terms (pay.ts). */
export interface Buckets extends PayTerms {
  count: number;
  role: Int32Array;
  /** Site of the bucket, or −1 for sites no plan names (pooled). */
  site: Int32Array;
  fte: Float64Array;
  /** Funding shares of bucket b: [shareStart[b], shareStart[b + 1]) into shareFund / shareWeight (weights add to 1). */
  shareStart: Int32Array;
  shareFund: Int32Array;
  shareWeight: Float64Array;
}

/** Names → indices, handed out in the order met. */
export interface NameList { names: string[]; index(name: string): number }

export function nameList(initial: readonly string[] = []): NameList {
  const names: string[] = [];
  const at = new Map<string, number>();
  const index = (name: string) => { let i = at.get(name); if (i === undefined) { i = names.length; names.push(name); at.set(name, i); } return i; };
  for (const n of initial) index(n);
  return { names, index };
}

interface Lane { steps: number[]; pay: Map<number, number> }

/** Salary schedules: (schedule, lane) → steps, and the schedules each lane appears in. */
function schedules(cells: readonly SalaryCell[]) {
  const lanes = new Map<string, Lane>();
  const schedulesByLane = new Map<string, string[]>();
  for (const c of cells) {
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
  return { lanes, schedulesByLane };
}

/** The cell at `step`, or the highest step below it (the top step caps). */
function cellAt(l: Lane, step: number): number {
  let s = l.steps[0]!;
  for (const x of l.steps) if (x <= step) s = x;
  return l.pay.get(s)!;
}

interface Bucket { role: number; site: number; fte: number; row: PayTerms; shares: [number, number][] }

/** How a position with neither a salary nor a schedule step was costed (the forecast report lists them). */
export interface VacancyCost {
  position_id: string;
  role: string;
  /** hiring_step: the role's schedule at its entry lane and hiring step; role_average: the role's average pay. */
  costed_at: 'hiring_step' | 'role_average';
  schedule?: string;
  lane?: string;
  step?: number;
  /** Full-time base-year pay it is costed at (cents). */
  salary_cents: number;
}

export interface PersonnelInput {
  project: Project;
  config: ForecastConfig;
  K: number;
  funds: FundTable;
  roles: NameList;
  sites: NameList;
  warnings: string[];
  /** Filled with each position costed by the vacancy rule. */
  vacancies: VacancyCost[];
}

/** Where a position sits on a schedule, if it does: the lane's cells and its step. */
interface Placement { lane: Lane; step: number; salary: number | undefined }

export function prepareBuckets(input: PersonnelInput): Buckets {
  const { project, config, K, funds, roles, sites } = input;
  const table = schedules(project.salary);
  const { personnel } = config;
  const scheduleOf = (p: Position) => (p.lane !== undefined ? (personnel.role_schedule[p.role] ?? table.schedulesByLane.get(p.lane)?.[0]) : undefined);
  const laneOf = (schedule: string | undefined, lane: string | undefined) => (schedule !== undefined && lane !== undefined ? table.lanes.get(`${schedule}\u0000${lane}`) : undefined);
  const vacancy = vacancyRule(input, table, scheduleOf, laneOf);
  // Sites no plan names are pooled (site −1): a bucket is then role × funding, which keeps the
  // scenario-year loop short (the demo's 850 positions make ~60 buckets instead of ~200).
  const namedSites = new Set<string>();
  for (const a of project.plans ?? []) { if (a.site_id) namedSites.add(a.site_id); if (a.target_site) namedSites.add(a.target_site); }

  const buckets = new Map<string, Bucket>();
  const bucketOf = (p: Position): Bucket => {
    const role = roles.index(p.role);
    const siteNo = sites.index(p.site_id);
    const site = namedSites.has(p.site_id) ? siteNo : -1;
    const shares: [number, number][] = p.funding.length === 0 ? [[funds.general, 1]] : p.funding.map((s) => [funds.index(s.fund_code), s.share]);
    const key = `${role}|${site}|${shares.map(([f, w]) => `${f}:${w}`).join(',')}`;
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = { role, site, fte: 0, row: newPayTerms(1, K), shares }));
    return b;
  };
  for (const p of project.positions) {
    const b = bucketOf(p);
    const rate = p.benefits_rate ?? personnel.default_benefits_rate;
    b.fte += p.fte;
    b.row.health[0]! += p.health_plan_cost ?? Math.round(personnel.default_health_cost_cents * p.fte);
    const lane = laneOf(scheduleOf(p), p.lane);
    const placed: Placement | number = lane && p.step !== undefined ? { lane, step: p.step, salary: p.salary } : (p.salary ?? vacancy(p));
    if (typeof placed === 'number') {
      b.row.offSchedule[0]! += placed * p.fte;
      b.row.offScheduleRated[0]! += placed * p.fte * rate;
    } else addScheduled(b.row, placed, p.fte, rate, personnel.replacement_step, K);
  }
  return packBuckets([...buckets.values()], K);
}

/** A scheduled position's pay after k = 0 … K − 1 steps, and its replacement's (turnover: pay.ts). */
function addScheduled(row: PayTerms, at: Placement, fte: number, rate: number, replacementStep: number | undefined, K: number): void {
  const start = cellAt(at.lane, at.step);
  const entryStep = replacementStep ?? at.lane.steps[0]!;
  for (let k = 0; k < K; k++) {
    const cell = cellAt(at.lane, at.step + k);
    // A salary written on the position overrides the cell but still moves with the schedule.
    const pay = at.salary !== undefined && start > 0 ? Math.round((at.salary * cell) / start) : cell;
    const amount = pay * fte;
    row.pay[k]! += amount;
    row.payRated[k]! += amount * rate;
    // A replacement is hired at the entry step of the lane (at the schedule's pay) and steps up from there.
    const entry = cellAt(at.lane, entryStep + k) * fte;
    row.entry[k]! += entry;
    row.entryRated[k]! += entry * rate;
  }
}

/**
 * The vacancy rule (personnel.vacancy_cost): a position with neither a salary nor a schedule step is
 * placed at the role's hiring step — its own lane, else the role's schedule's entry lane (the lowest
 * pay at the hiring step), at personnel.replacement_step or the lane's first step — or costed at the
 * role's average full-time pay (scheduled positions at their step, salaried ones at their salary).
 * A role with no schedule is costed at its average either way.
 */
function vacancyRule(
  input: PersonnelInput, table: ReturnType<typeof schedules>, scheduleOf: (p: Position) => string | undefined, laneOf: (schedule: string | undefined, lane: string | undefined) => Lane | undefined,
): (p: Position) => Placement | number {
  const { project, config, warnings, vacancies } = input;
  const { personnel } = config;
  const average = new Map<string, { sum: number; n: number }>();
  const scheduleFte = new Map<string, Map<string, number>>();
  for (const p of project.positions) {
    const schedule = scheduleOf(p);
    const lane = laneOf(schedule, p.lane);
    const pay = p.salary ?? (lane && p.step !== undefined ? cellAt(lane, p.step) : undefined);
    if (pay !== undefined) { const r = average.get(p.role) ?? { sum: 0, n: 0 }; r.sum += pay; r.n++; average.set(p.role, r); }
    if (lane && schedule !== undefined) { const m = scheduleFte.get(p.role) ?? new Map<string, number>(); m.set(schedule, (m.get(schedule) ?? 0) + p.fte); scheduleFte.set(p.role, m); }
  }
  const roleSchedule = (role: string) => personnel.role_schedule[role] ?? [...(scheduleFte.get(role) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  const dollars = (c: number) => `$${(c / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
  return (p) => {
    const schedule = p.lane !== undefined && laneOf(scheduleOf(p), p.lane) ? scheduleOf(p) : roleSchedule(p.role);
    const hiring = personnel.vacancy_cost === 'hiring_step' && schedule !== undefined ? hiringPlacement(table, schedule, p.lane, personnel.replacement_step) : undefined;
    if (hiring) {
      const salary = cellAt(hiring.lane, hiring.step);
      vacancies.push({ position_id: p.position_id, role: p.role, costed_at: 'hiring_step', schedule, lane: hiring.laneName, step: hiring.step, salary_cents: salary });
      warnings.push(`position ${p.position_id}: no salary and no schedule step — costed at the ${p.role} hiring step (${schedule} ${hiring.laneName} step ${hiring.step}, ${dollars(salary)} a year)`);
      return { lane: hiring.lane, step: hiring.step, salary: undefined };
    }
    const avg = average.get(p.role);
    const pay = avg ? Math.round(avg.sum / avg.n) : 0;
    vacancies.push({ position_id: p.position_id, role: p.role, costed_at: 'role_average', salary_cents: pay });
    warnings.push(`position ${p.position_id}: no salary and no schedule step — costed at the ${p.role} average (${dollars(pay)} a year)${avg ? '' : ': no position of the role has pay to average'}`);
    return pay;
  };
}

/** The hiring placement on a schedule: the position's lane if the schedule has it, else the entry lane. */
function hiringPlacement(table: ReturnType<typeof schedules>, schedule: string, laneName: string | undefined, replacementStep: number | undefined): { lane: Lane; laneName: string; step: number } | undefined {
  const own = laneName !== undefined ? table.lanes.get(`${schedule}\u0000${laneName}`) : undefined;
  if (own && laneName !== undefined) return { lane: own, laneName, step: replacementStep ?? own.steps[0]! };
  let best: { lane: Lane; laneName: string; step: number; pay: number } | undefined;
  for (const [key, lane] of table.lanes) {
    const [s, name] = key.split('\u0000') as [string, string];
    if (s !== schedule) continue;
    const step = replacementStep ?? lane.steps[0]!;
    const pay = cellAt(lane, step);
    if (!best || pay < best.pay || (pay === best.pay && name < best.laneName)) best = { lane, laneName: name, step, pay };
  }
  return best && { lane: best.lane, laneName: best.laneName, step: best.step };
}

/** No positions (personnel comes from the Budget sheet). */
export const noBuckets = (K: number): Buckets => packBuckets([], K);

/** The buckets as flat typed arrays (one scenario-year reads them in order, allocation-free). */
function packBuckets(list: readonly Bucket[], K: number): Buckets {
  const B = list.length;
  const out: Buckets = {
    ...newPayTerms(B, K), count: B, role: new Int32Array(B), site: new Int32Array(B), fte: new Float64Array(B),
    shareStart: new Int32Array(B + 1), shareFund: new Int32Array(0), shareWeight: new Float64Array(0),
  };
  const shareFund: number[] = [];
  const shareWeight: number[] = [];
  list.forEach((b, i) => {
    out.role[i] = b.role; out.site[i] = b.site; out.fte[i] = b.fte;
    out.pay.set(b.row.pay, i * K); out.payRated.set(b.row.payRated, i * K); out.entry.set(b.row.entry, i * K); out.entryRated.set(b.row.entryRated, i * K);
    out.offSchedule[i] = b.row.offSchedule[0]!; out.offScheduleRated[i] = b.row.offScheduleRated[0]!; out.health[i] = b.row.health[0]!;
    out.shareStart[i] = shareFund.length;
    const total = b.shares.reduce((a, [, w]) => a + w, 0);
    for (const [f, w] of b.shares) { shareFund.push(f); shareWeight.push(total > 0 ? w / total : 1 / b.shares.length); }
  });
  out.shareStart[B] = shareFund.length;
  out.shareFund = Int32Array.from(shareFund);
  out.shareWeight = Float64Array.from(shareWeight);
  return out;
}
