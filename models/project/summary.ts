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

export function summariseProject(project: Project): ProjectSummary {
  const baseYear = project.settings.base_year;
  const fundsByCode = new Map(project.funds.map((f) => [f.fund_code, f]));
  const siteNames = new Map(project.sites.map((s) => [s.site_id, s]));

  const bySite = new Map<string, SiteAcc>();
  const siteAcc = (id: string): SiteAcc => {
    let acc = bySite.get(id);
    if (!acc) bySite.set(id, (acc = { students: 0, fte: 0, budgetCents: 0 }));
    return acc;
  };
  for (const s of project.sites) siteAcc(s.site_id);

  let students = 0;
  for (const row of project.enrollment) {
    if (row.year !== baseYear) continue;
    students += row.students;
    siteAcc(row.site_id).students += row.students;
  }

  // FTE summed in ten-thousandths so 0.1 + 0.2 shows as 0.3, not 0.30000000000000004.
  let fteUnits = 0;
  const siteFteUnits = new Map<string, number>();
  let vacant = 0;
  for (const p of project.positions) {
    const units = Math.round(p.fte * 10_000);
    fteUnits += units;
    siteFteUnits.set(p.site_id, (siteFteUnits.get(p.site_id) ?? 0) + units);
    siteAcc(p.site_id);
    if (p.status === 'vacant') vacant++;
  }
  for (const [id, units] of siteFteUnits) siteAcc(id).fte = units / 10_000;

  const byFund = new Map<string, number>();
  for (const f of project.funds) byFund.set(f.fund_code, 0);
  let budgetCents = 0;
  let budgetLines = 0;
  let districtWide = 0;
  let restricted = 0;
  let unrestricted = 0;
  let unclassified = 0;
  for (const line of project.budget) {
    if (line.fiscal_year !== baseYear) continue;
    budgetLines++;
    budgetCents += line.amount;
    byFund.set(line.fund_code, (byFund.get(line.fund_code) ?? 0) + line.amount);
    const fund = fundsByCode.get(line.fund_code);
    if (!fund) unclassified += line.amount;
    else if (fund.restricted) restricted += line.amount;
    else unrestricted += line.amount;
    if (line.site_id === undefined || line.site_id === '') districtWide += line.amount;
    else siteAcc(line.site_id).budgetCents += line.amount;
  }

  return {
    districtName: project.settings.district_name,
    baseYear,
    horizonYears: project.settings.horizon_years,
    totals: {
      students,
      sites: project.sites.length,
      positions: project.positions.length,
      vacantPositions: vacant,
      fte: fteUnits / 10_000,
      budgetCents,
      budgetLines,
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
    districtWideBudgetCents: districtWide,
  };
}
