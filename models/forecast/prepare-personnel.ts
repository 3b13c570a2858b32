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

export interface PersonnelInput {
  project: Project;
  config: ForecastConfig;
  K: number;
  funds: FundTable;
  roles: NameList;
  sites: NameList;
  warnings: string[];
}

export function prepareBuckets(input: PersonnelInput): Buckets {
  const { project, config, K, funds, roles, sites, warnings } = input;
  const { lanes, schedulesByLane } = schedules(project.salary);
  const { personnel } = config;
  // Average full-time pay by role, for vacancies with neither a salary nor a schedule cell.
  const roleSum = new Map<string, { sum: number; n: number }>();
  for (const p of project.positions) if (p.salary !== undefined) { const r = roleSum.get(p.role) ?? { sum: 0, n: 0 }; r.sum += p.salary; r.n++; roleSum.set(p.role, r); }
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
    const schedule = p.lane !== undefined ? (personnel.role_schedule[p.role] ?? schedulesByLane.get(p.lane)?.[0]) : undefined;
    const lane = schedule !== undefined && p.lane !== undefined ? lanes.get(`${schedule}\u0000${p.lane}`) : undefined;
    if (lane && p.step !== undefined) {
      const start = cellAt(lane, p.step);
      const entryStep = personnel.replacement_step ?? lane.steps[0]!;
      for (let k = 0; k < K; k++) {
        const cell = cellAt(lane, p.step + k);
        // A salary written on the position overrides the cell but still moves with the schedule.
        const pay = p.salary !== undefined && start > 0 ? Math.round((p.salary * cell) / start) : cell;
        const amount = pay * p.fte;
        b.row.pay[k]! += amount;
        b.row.payRated[k]! += amount * rate;
        // A replacement is hired at the entry step of the lane (at the schedule's pay) and steps up from there.
        const entry = cellAt(lane, entryStep + k) * p.fte;
        b.row.entry[k]! += entry;
        b.row.entryRated[k]! += entry * rate;
      }
    } else {
      let pay = p.salary;
      if (pay === undefined) {
        const avg = roleSum.get(p.role);
        pay = avg ? Math.round(avg.sum / avg.n) : 0;
        warnings.push(`position ${p.position_id}: no salary and no schedule cell — costed at the ${p.role} average (${pay / 100} a year)`);
      }
      b.row.offSchedule[0]! += pay * p.fte;
      b.row.offScheduleRated[0]! += pay * p.fte * rate;
    }
  }
  return packBuckets([...buckets.values()], K);
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
