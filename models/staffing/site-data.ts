import type { EnrollmentRow, StudentNeedsRow } from '../schema/tables';
import { normaliseHeader } from '../schema/fields';

/** Students of one site in the year staffed: by grade, in total, and by need category. */
export interface SiteStudents {
  byGrade: Map<string, number>;
  total: number;
  /** Normalised need category → students (scaled from the latest need year when the year has none). */
  needs: Map<string, number>;
}

// Need category spellings seen in rules and exports, folded onto the StudentNeeds names.
const NEED_ALIASES: Record<string, string> = {
  swd: 'studentswithdisabilities', withdisabilities: 'studentswithdisabilities', sped: 'studentswithdisabilities', iep: 'studentswithdisabilities', specialeducation: 'studentswithdisabilities', disabilities: 'studentswithdisabilities',
  el: 'englishlearners', ell: 'englishlearners', ells: 'englishlearners', lep: 'englishlearners', englishlearner: 'englishlearners', esl: 'englishlearners', ml: 'englishlearners', multilinguallearners: 'englishlearners',
  frl: 'econdisadvantaged', frpl: 'econdisadvantaged', poverty: 'econdisadvantaged', ed: 'econdisadvantaged', economicallydisadvantaged: 'econdisadvantaged', lowincome: 'econdisadvantaged',
};

const needKeys = new Map<string, string>();
export function needKey(category: string): string {
  let k = needKeys.get(category);
  if (k === undefined) {
    const n = normaliseHeader(category);
    k = Object.prototype.hasOwnProperty.call(NEED_ALIASES, n) ? NEED_ALIASES[n]! : n;
    if (needKeys.size < 10_000) needKeys.set(category, k);
  }
  return k;
}

export const POVERTY_KEY = 'econdisadvantaged';

/**
 * Groups the staffed year's enrollment by site and attaches need counts. A site's needs come from
 * its StudentNeeds row for that year; for a forecast year with no row, from the latest earlier
 * row (or the earliest later one) as shares of that year's enrollment × this year's students —
 * need shares carry forward, counts do not.
 */
export function studentsBySite(
  enrollment: readonly EnrollmentRow[],
  year: number,
  needsRows: readonly StudentNeedsRow[],
  allEnrollment: readonly EnrollmentRow[],
): Map<string, SiteStudents> {
  const out = new Map<string, SiteStudents>();
  for (const r of enrollment) {
    if (r.year !== year) continue;
    let s = out.get(r.site_id);
    if (!s) out.set(r.site_id, (s = { byGrade: new Map(), total: 0, needs: new Map() }));
    s.byGrade.set(r.grade, (s.byGrade.get(r.grade) ?? 0) + r.students);
    s.total += r.students;
  }
  if (out.size === 0 || needsRows.length === 0) return out;

  // Best needs row per site: the staffed year, else the nearest earlier, else the nearest later.
  const best = new Map<string, StudentNeedsRow>();
  for (const r of needsRows) {
    if (!out.has(r.site_id)) continue;
    const cur = best.get(r.site_id);
    if (!cur || rank(r.year, year) < rank(cur.year, year)) best.set(r.site_id, r);
  }
  let totals: Map<string, number> | null = null;
  for (const [siteId, r] of best) {
    const s = out.get(siteId)!;
    let scale = 1;
    if (r.year !== year) {
      totals ??= totalsBySiteYear(allEnrollment);
      const then = totals.get(`${siteId}\u0000${r.year}`) ?? 0;
      scale = then > 0 ? s.total / then : 1;
    }
    for (const [cat, n] of Object.entries(r.counts)) {
      const k = needKey(cat);
      s.needs.set(k, (s.needs.get(k) ?? 0) + n * scale);
    }
  }
  return out;
}

// Distance to the staffed year, earlier years first: same year 0, 1 year back 1, 1 year ahead 1.5.
function rank(rowYear: number, year: number): number {
  return rowYear <= year ? year - rowYear : rowYear - year + 0.5;
}

function totalsBySiteYear(rows: readonly EnrollmentRow[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) {
    const k = `${r.site_id}\u0000${r.year}`;
    m.set(k, (m.get(k) ?? 0) + r.students);
  }
  return m;
}

/** Expands "K-5", "6–8", "K" into grade names (PK, K, 1–12). */
export function expandGrades(list: readonly string[]): string[] {
  const ORDER = ['PK', 'K', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'];
  const norm = (g: string): string => {
    const t = g.trim().toUpperCase().replace(/^0+(?=\d)/, '');
    if (t === 'KG' || t === 'KN' || t === 'KINDERGARTEN') return 'K';
    if (t === 'P' || t === 'PREK' || t === 'PRE-K') return 'PK';
    return t;
  };
  const out: string[] = [];
  for (const item of list) {
    for (const part of item.split(/[,;]/)) {
      const p = part.trim();
      if (p === '') continue;
      const m = /^(.+?)\s*[-\u2013\u2014]\s*(.+)$/.exec(p);
      if (m && !/^pre-k$/i.test(p)) {
        const a = ORDER.indexOf(norm(m[1]!));
        const b = ORDER.indexOf(norm(m[2]!));
        if (a >= 0 && b >= a) {
          for (let i = a; i <= b; i++) out.push(ORDER[i]!);
          continue;
        }
      }
      out.push(norm(p));
    }
  }
  return [...new Set(out)];
}
