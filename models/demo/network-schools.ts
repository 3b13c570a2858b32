import { growThroughYear } from '../network/grow-through';
import { CHARTER_GRADES, type CharterSchool } from '../network/tables';
import type { EnrollmentRow, Grade, Position, Site, SiteLevel } from '../schema/tables';
import type { Rng } from './prng';

// The demo network's schools: six charter schools at different stages of growing through their
// grades (two at full span, three still adding a grade a year, one opening in the forecast) and
// the network office. Fictional names; sizes typical of an urban charter network.

export const NETWORK_BASE_YEAR = 2026;
export const NETWORK_OFFICE = 'NO';

interface NetworkSchool { school: CharterSchool; name: string; level: SiteLevel }

const school = (site_id: string, name: string, level: SiteLevel, g: [Grade, Grade, number, number, number, number, number, Grade], costs?: { startup_cost: number; fixed_cost: number }): NetworkSchool => ({
  name, level,
  school: { site_id, first_grade: g[0], last_grade: g[1], open_year: g[2], grades_at_opening: g[3], seats_per_grade: g[4], fill_rate: g[5], attrition_rate: g[6], backfill_grade: g[7], ...costs },
});

//                                                                 first last  opens grades seats fill  attrition backfill
export const NETWORK_SCHOOLS: readonly NetworkSchool[] = [
  school('N1', 'Harbor Prep Lighthouse Elementary', 'ES', ['K', '4', 2016, 2, 100, 0.96, 0.05, '2']),
  school('N2', 'Harbor Prep Lighthouse Middle', 'MS', ['5', '8', 2019, 1, 110, 0.94, 0.07, '6']),
  school('N3', 'Harbor Prep High', 'HS', ['9', '12', 2025, 1, 120, 0.92, 0.08, '9']),
  school('N4', 'Harbor Prep Eastside Elementary', 'ES', ['K', '4', 2024, 2, 90, 0.93, 0.05, '2']),
  school('N5', 'Harbor Prep Eastside Middle', 'MS', ['5', '8', 2026, 1, 100, 0.9, 0.07, '6']),
  // Westside's pre-opening year (2027) costs $600,000 and its building $150,000 a year whatever
  // its students (docs/network.md, "Startup and fixed costs": the figures reasoned).
  school('N6', 'Harbor Prep Westside Elementary', 'ES', ['K', '4', 2028, 2, 100, 0.88, 0.05, '2'], { startup_cost: 60_000_000, fixed_cost: 15_000_000 }),
];

export function networkSites(): Site[] {
  return [...NETWORK_SCHOOLS.map((s) => ({ site_id: s.school.site_id, name: s.name, level: s.level })), { site_id: NETWORK_OFFICE, name: 'Harbor Prep Network Office', level: 'Central' }];
}

export const networkCharterSchools = (): CharterSchool[] => NETWORK_SCHOOLS.map((s) => ({ ...s.school }));

/**
 * Enrollment by grade for the three years to the base year: each school grown through from its
 * opening year by the same rules the forecast uses, with a little seeded noise (±3%) so the
 * counts read like a real October count.
 */
export function networkEnrollment(rng: Rng): EnrollmentRow[] {
  const rows: EnrollmentRow[] = [];
  for (const { school: s } of NETWORK_SCHOOLS) {
    let cur = new Float64Array(CHARTER_GRADES.length);
    for (let year = s.open_year; year <= NETWORK_BASE_YEAR; year++) {
      cur = growThroughYear(s, cur, year).map((v) => (v > 0 ? Math.round(v * (1 + 0.03 * (rng.next() * 2 - 1))) : 0));
      if (year < NETWORK_BASE_YEAR - 2) continue;
      cur.forEach((students, g) => { if (students > 0) rows.push({ site_id: s.site_id, year, grade: CHARTER_GRADES[g]!, students }); });
    }
  }
  return rows;
}

/**
 * The base year's positions, for the staffing, schedule and time-study commands (the forecast
 * costs the network's personnel from its budget lines): a teacher per 24 students, a principal,
 * an assistant principal above 300 students and an operations manager per school, and the
 * network office's staff. Salaries are seeded within a typical range.
 */
export function networkPositions(rng: Rng, enrollment: readonly EnrollmentRow[]): Position[] {
  const out: Position[] = [];
  const add = (site_id: string, role: string, n: number, lo: number, hi: number) => {
    for (let i = 1; i <= n; i++) out.push({ position_id: `${site_id}-${role}-${i}`, site_id, role, fte: 1, salary: Math.round(lo + rng.next() * (hi - lo)) * 100, benefits_rate: 0.27, funding: [], status: 'filled' });
  };
  for (const { school: s } of NETWORK_SCHOOLS) {
    const students = enrollment.filter((e) => e.site_id === s.site_id && e.year === NETWORK_BASE_YEAR).reduce((a, e) => a + e.students, 0);
    if (students === 0) continue;
    add(s.site_id, 'teacher', Math.ceil(students / 24), 56_000, 74_000);
    add(s.site_id, 'principal', 1, 112_000, 128_000);
    if (students > 300) add(s.site_id, 'assistant_principal', 1, 92_000, 104_000);
    add(s.site_id, 'operations_manager', 1, 64_000, 76_000);
  }
  add(NETWORK_OFFICE, 'network_staff', 14, 78_000, 132_000);
  return out;
}
