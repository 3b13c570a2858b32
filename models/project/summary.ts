import { z } from 'zod';
import type { Project } from './project';

const money = z.number().int();

export const ProjectSummarySchema = z.object({
  districtName: z.string(),
  baseYear: z.number().int(),
  horizonYears: z.number().int(),
  totals: z.object({
    /** Students enrolled in the base year. */
    students: z.number().int().min(0),
    sites: z.number().int().min(0),
    positions: z.number().int().min(0),
    vacantPositions: z.number().int().min(0),
    fte: z.number().min(0),
    /** Base-year budget, all funds (cents). */
    budgetCents: money,
    budgetLines: z.number().int().min(0),
    /** Of budgetCents: funds marked restricted / not restricted / codes missing from Funds. */
    restrictedCents: money,
    unrestrictedCents: money,
    unclassifiedCents: money,
  }),
  byFund: z.array(z.object({
    fundCode: z.string(),
    name: z.string(),
    /** null when the code is used in Budget but missing from Funds. */
    restricted: z.boolean().nullable(),
    source: z.string().nullable(),
    budgetCents: money,
    availableCents: money.nullable(),
  })),
  bySite: z.array(z.object({
    siteId: z.string(),
    name: z.string(),
    /** null when the id is used in Budget/Positions/Enrollment but missing from Sites. */
    level: z.string().nullable(),
    students: z.number().int().min(0),
    fte: z.number().min(0),
    budgetCents: money,
  })),
  /** Base-year lines with no site (central office, district-wide). */
  districtWideBudgetCents: money,
});
export type ProjectSummary = z.infer<typeof ProjectSummarySchema>;


// The totals the overview screen shows, computed once from a project. Pure (no Electron, no DOM)
// so the main process and the in-browser API give the same figures. Money stays integer cents and
// every split (by fund, by site, restricted vs not) adds back to the total exactly.

interface SiteAcc { students: number; fte: number; budgetCents: number }

// The summary is built from one part per big table (each with its sites in first-seen order), so
// the app can keep a part while its table is unchanged (summary-incremental.ts) and still give
// exactly these figures, in this order.

/** Base-year enrollment: students in all, and by site. */
export interface EnrollmentPart { students: number; bySite: Map<string, number> }
/** Positions: FTE in ten-thousandths (all, by site), vacancies, count. */
export interface PositionsPart { fteUnits: number; bySite: Map<string, number>; vacant: number; count: number }
/** Base-year budget lines: cents in all, by fund code, by site (lines with one), district-wide. */
export interface BudgetPart { budgetCents: number; lines: number; byFund: Map<string, number>; bySite: Map<string, number>; districtWide: number }

export function enrollmentPart(enrollment: Project['enrollment'], baseYear: number): EnrollmentPart {
  let students = 0;
  const bySite = new Map<string, number>();
  for (const row of enrollment) {
    if (row.year !== baseYear) continue;
    students += row.students;
    bySite.set(row.site_id, (bySite.get(row.site_id) ?? 0) + row.students);
  }
  return { students, bySite };
}

export function positionsPart(positions: Project['positions']): PositionsPart {
  // FTE summed in ten-thousandths so 0.1 + 0.2 shows as 0.3, not 0.30000000000000004.
  let fteUnits = 0;
  const bySite = new Map<string, number>();
  let vacant = 0;
  for (const p of positions) {
    const units = Math.round(p.fte * 10_000);
    fteUnits += units;
    bySite.set(p.site_id, (bySite.get(p.site_id) ?? 0) + units);
    if (p.status === 'vacant') vacant++;
  }
  return { fteUnits, bySite, vacant, count: positions.length };
}

export function budgetPart(budget: Project['budget'], baseYear: number): BudgetPart {
  const byFund = new Map<string, number>();
  const bySite = new Map<string, number>();
  let budgetCents = 0;
  let lines = 0;
  let districtWide = 0;
  for (const line of budget) {
    if (line.fiscal_year !== baseYear) continue;
    lines++;
    budgetCents += line.amount;
    byFund.set(line.fund_code, (byFund.get(line.fund_code) ?? 0) + line.amount);
    if (line.site_id === undefined || line.site_id === '') districtWide += line.amount;
    else bySite.set(line.site_id, (bySite.get(line.site_id) ?? 0) + line.amount);
  }
  return { budgetCents, lines, byFund, bySite, districtWide };
}

/** The summary from the project's small tables and the parts of its big ones. */
export function combineSummary(project: Project, e: EnrollmentPart, pos: PositionsPart, b: BudgetPart): ProjectSummary {
  const fundsByCode = new Map(project.funds.map((f) => [f.fund_code, f]));
  const siteNames = new Map(project.sites.map((s) => [s.site_id, s]));

  const bySite = new Map<string, SiteAcc>();
  const siteAcc = (id: string): SiteAcc => {
    let acc = bySite.get(id);
    if (!acc) bySite.set(id, (acc = { students: 0, fte: 0, budgetCents: 0 }));
    return acc;
  };
  for (const s of project.sites) siteAcc(s.site_id);
  for (const [id, students] of e.bySite) siteAcc(id).students += students;
  for (const [id, units] of pos.bySite) siteAcc(id).fte = units / 10_000;

  const byFund = new Map<string, number>();
  for (const f of project.funds) byFund.set(f.fund_code, 0);
  let restricted = 0;
  let unrestricted = 0;
  let unclassified = 0;
  for (const [code, cents] of b.byFund) {
    byFund.set(code, (byFund.get(code) ?? 0) + cents);
    const fund = fundsByCode.get(code);
    if (!fund) unclassified += cents;
    else if (fund.restricted) restricted += cents;
    else unrestricted += cents;
  }
  for (const [id, cents] of b.bySite) siteAcc(id).budgetCents += cents;

  return {
    districtName: project.settings.district_name,
    baseYear: project.settings.base_year,
    horizonYears: project.settings.horizon_years,
    totals: {
      students: e.students,
      sites: project.sites.length,
      positions: pos.count,
      vacantPositions: pos.vacant,
      fte: pos.fteUnits / 10_000,
      budgetCents: b.budgetCents,
      budgetLines: b.lines,
      restrictedCents: restricted,
      unrestrictedCents: unrestricted,
      unclassifiedCents: unclassified,
    },
    byFund: [...byFund].map(([code, cents]) => {
      const fund = fundsByCode.get(code);
      return {
        fundCode: code,
        name: fund?.name ?? code,
        restricted: fund ? fund.restricted : null,
        source: fund?.source ?? null,
        budgetCents: cents,
        availableCents: fund ? fund.available : null,
      };
    }),
    bySite: [...bySite].map(([id, acc]) => {
      const site = siteNames.get(id);
      return { siteId: id, name: site?.name ?? id, level: site?.level ?? null, ...acc };
    }),
    districtWideBudgetCents: b.districtWide,
  };
}

export function summariseProject(project: Project): ProjectSummary {
  const baseYear = project.settings.base_year;
  return combineSummary(project, enrollmentPart(project.enrollment, baseYear), positionsPart(project.positions), budgetPart(project.budget, baseYear));
}
