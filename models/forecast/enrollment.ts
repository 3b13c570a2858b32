import type { EnrollmentRow, Grade } from '../schema/tables';

// Enrollment projection by site and grade. Cohort survival: the students in grade g+1 next year
// are this year's grade g × the grade progression ratio (GPR), the ratio averaged over the last
// `historyYears` pairs of years; kindergarten comes from a linear trend of past kindergartens, from
// births five years earlier × the average K/births ratio, or is held flat; PK is held flat.
// The projection does not depend on any driver, so it is computed once per project; scenarios
// multiply it by an index (enrollment_shift under cohort survival, enrollment_growth under growth).

export const GRADE_ORDER: readonly Grade[] = ['PK', 'K', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'];

export interface EnrollmentOptions {
  method: 'cohort' | 'growth';
  historyYears: number;
  kindergarten: 'trend' | 'births' | 'flat';
  births: Readonly<Record<string, number>>;
}

export interface SiteProjection {
  site_id: string;
  /** [year offset t][grade index] students (fractional; rounded only for display). */
  byGrade: Float64Array[];
  /** Ratio used for grade index h (students in h ÷ last year's h−1 at the site, or for an entry
   *  grade such as 6 in a middle school, ÷ last year's h−1 across the district); NaN = none. */
  gpr: Float64Array;
  /** 1 where the ratio of grade h is a feeder ratio (district-wide h−1). */
  feeder: Uint8Array;
}

export interface EnrollmentProjection {
  baseYear: number;
  sites: SiteProjection[];
  /** District total per year offset, before the scenario's index. */
  total: Float64Array;
  /** Site total per year offset, indexed like `sites`. */
  siteTotals: Float64Array[];
}

export function projectEnrollment(rows: readonly EnrollmentRow[], baseYear: number, years: number, opts: EnrollmentOptions): EnrollmentProjection {
  const G = GRADE_ORDER.length;
  const gradeIdx = new Map(GRADE_ORDER.map((g, i) => [g, i]));
  const bySite = new Map<string, Map<number, Float64Array>>();
  const district = new Map<number, Float64Array>();
  for (const r of rows) {
    if (r.year > baseYear) continue;
    let site = bySite.get(r.site_id);
    if (!site) bySite.set(r.site_id, (site = new Map()));
    let arr = site.get(r.year);
    if (!arr) site.set(r.year, (arr = new Float64Array(G)));
    const g = gradeIdx.get(r.grade)!;
    arr[g]! += r.students;
    let d = district.get(r.year);
    if (!d) district.set(r.year, (d = new Float64Array(G)));
    d[g]! += r.students;
  }
  const siteIds = [...bySite.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const models = siteIds.map((siteId) => {
    const hist = bySite.get(siteId)!;
    const histYears = [...hist.keys()].sort((a, b) => a - b);
    const last = histYears[histYears.length - 1]!;
    const recent = histYears.filter((y) => hist.has(y - 1)).slice(-opts.historyYears);
    const gpr = new Float64Array(G).fill(NaN);
    const feeder = new Uint8Array(G);
    for (let h = 2; h < G; h++) {
      let sum = 0;
      let n = 0;
      for (const y of recent) {
        const prev = hist.get(y - 1)![h - 1]!;
        if (prev > 0) { sum += hist.get(y)![h]! / prev; n++; }
      }
      if (n > 0) { gpr[h] = sum / n; continue; }
      // An entry grade (no h−1 at this site): students arrive from the district's h−1.
      const served = histYears.some((y) => hist.get(y)![h]! > 0);
      if (!served) continue;
      for (const y of histYears) {
        const prev = district.get(y - 1)?.[h - 1] ?? 0;
        if (prev > 0 && recent.includes(y)) { sum += hist.get(y)![h]! / prev; n++; }
      }
      if (n > 0) { gpr[h] = sum / n; feeder[h] = 1; }
      else gpr[h] = 1;
    }
    return { siteId, hist, last, gpr, feeder, k: kindergarten(hist, histYears, baseYear, last, years, opts) };
  });
  // Roll every site to the base year (if its history stops earlier), then forward year by year;
  // sites step together because entry grades read last year's district totals.
  const startYear = Math.min(...models.map((m) => m.last), baseYear);
  let cur = models.map((m) => (m.last === startYear ? Float64Array.from(m.hist.get(m.last)!) : new Float64Array(G)));
  const paths: Float64Array[][] = models.map(() => []);
  for (let y = startYear; y <= baseYear + years; y++) {
    if (y > startYear) {
      const districtPrev = new Float64Array(G);
      for (const c of cur) for (let g = 0; g < G; g++) districtPrev[g]! += c[g]!;
      cur = models.map((m, i) => {
        if (y <= m.last) return Float64Array.from(m.hist.get(y) ?? cur[i]!);
        if (opts.method === 'growth' && y > baseYear) return Float64Array.from(cur[i]!);
        const prev = cur[i]!;
        const next = new Float64Array(G);
        next[0] = prev[0]!; // PK held flat
        next[1] = prev[1]! > 0 ? m.k(y) : 0;
        for (let h = 2; h < G; h++) {
          const r = m.gpr[h]!;
          if (Number.isNaN(r)) continue;
          next[h] = (m.feeder[h] === 1 ? districtPrev[h - 1]! : prev[h - 1]!) * r;
        }
        return next;
      });
    }
    if (y >= baseYear) cur.forEach((c, i) => paths[i]!.push(c));
  }
  const total = new Float64Array(years + 1);
  const siteTotals: Float64Array[] = [];
  const sites: SiteProjection[] = models.map((m, i) => {
    const totals = new Float64Array(years + 1);
    for (let t = 0; t <= years; t++) {
      let s = 0;
      for (const v of paths[i]![t]!) s += v;
      totals[t] = s;
      total[t]! += s;
    }
    siteTotals.push(totals);
    return { site_id: m.siteId, byGrade: paths[i]!, gpr: m.gpr, feeder: m.feeder };
  });
  return { baseYear, sites, total, siteTotals };
}

/** Kindergarten for a fiscal year. */
function kindergarten(hist: Map<number, Float64Array>, histYears: number[], _baseYear: number, last: number, _years: number, opts: EnrollmentOptions): (year: number) => number {
  const ks = histYears.slice(-(opts.historyYears + 1)).map((y) => [y, hist.get(y)![1]!] as const);
  const lastK = hist.get(last)![1]!;
  if (opts.kindergarten === 'births') {
    const ratios = ks.map(([y, k]) => { const b = opts.births[String(y - 5)]; return b && b > 0 ? k / b : NaN; }).filter((r) => !Number.isNaN(r));
    if (ratios.length > 0) {
      const ratio = ratios.reduce((a, b) => a + b, 0) / ratios.length;
      return (year) => { const b = opts.births[String(year - 5)]; return b !== undefined ? b * ratio : lastK; };
    }
  }
  if (opts.kindergarten === 'flat' || ks.length < 2) return () => lastK;
  // Least-squares line through (year, K); never below zero.
  const n = ks.length;
  const mx = ks.reduce((a, [y]) => a + y, 0) / n;
  const my = ks.reduce((a, [, k]) => a + k, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [y, k] of ks) { sxy += (y - mx) * (k - my); sxx += (y - mx) ** 2; }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return (year) => Math.max(0, my + slope * (year - mx));
}
