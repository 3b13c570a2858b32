import type { EnrollmentRow, Grade, Site, SiteLevel, StudentNeedsRow } from '../schema/tables';
import type { Rng } from './prng';

// The demo district's schools: fictional names, sizes and poverty levels chosen so the Title I
// ranking is interesting (a spread from 20% to 90%, high-poverty schools of every level).

export interface SchoolPlan {
  site_id: string;
  name: string;
  level: SiteLevel;
  grades: readonly Grade[];
  /** Students per grade in the first year, before noise. */
  perGrade: number;
  /** Share of students economically disadvantaged (free/reduced lunch). */
  poverty: number;
}

const ES_GRADES: readonly Grade[] = ['K', '1', '2', '3', '4', '5'];
const ES_PK: readonly Grade[] = ['PK', ...ES_GRADES];
const MS_GRADES: readonly Grade[] = ['6', '7', '8'];
const HS_GRADES: readonly Grade[] = ['9', '10', '11', '12'];
const K8_GRADES: readonly Grade[] = ['K', '1', '2', '3', '4', '5', '6', '7', '8'];

export const SCHOOLS: readonly SchoolPlan[] = [
  { site_id: '101', name: 'Alder Creek Elementary', level: 'ES', grades: ES_PK, perGrade: 82, poverty: 0.88 },
  { site_id: '102', name: 'Birchwood Elementary', level: 'ES', grades: ES_PK, perGrade: 76, poverty: 0.81 },
  { site_id: '103', name: 'Cedar Hollow Elementary', level: 'ES', grades: ES_GRADES, perGrade: 92, poverty: 0.72 },
  { site_id: '104', name: 'Dogwood Elementary', level: 'ES', grades: ES_GRADES, perGrade: 74, poverty: 0.58 },
  { site_id: '105', name: 'Elm Park Elementary', level: 'ES', grades: ES_PK, perGrade: 98, poverty: 0.44 },
  { site_id: '106', name: 'Foxglove Elementary', level: 'ES', grades: ES_GRADES, perGrade: 70, poverty: 0.31 },
  { site_id: '107', name: 'Granite Ridge Elementary', level: 'ES', grades: ES_GRADES, perGrade: 88, poverty: 0.22 },
  { site_id: '201', name: 'Heron Bay Middle School', level: 'MS', grades: MS_GRADES, perGrade: 280, poverty: 0.63 },
  { site_id: '202', name: 'Ironwood Middle School', level: 'MS', grades: MS_GRADES, perGrade: 262, poverty: 0.38 },
  { site_id: '301', name: 'Riverbend High School', level: 'HS', grades: HS_GRADES, perGrade: 340, poverty: 0.52 },
  { site_id: '302', name: 'Summit View High School', level: 'HS', grades: HS_GRADES, perGrade: 314, poverty: 0.34 },
  { site_id: '401', name: 'Juniper K-8 Academy', level: 'K8', grades: K8_GRADES, perGrade: 70, poverty: 0.67 },
];

export const CENTRAL: Site = { site_id: '900', name: 'Central Office', level: 'Central' };

export const FIRST_YEAR = 2022;
export const BASE_YEAR = 2026;

export function demoSites(): Site[] {
  return [...SCHOOLS.map((s) => ({ site_id: s.site_id, name: s.name, level: s.level })), { ...CENTRAL }];
}

/**
 * Five years of enrollment by grade with cohort flow: each grade's students next year are last
 * year's students of the grade below times a survival rate near 1 (a little loss to charters and
 * moves in the high grades); the entry grade follows a slow district-wide decline.
 */
export function demoEnrollment(rng: Rng): EnrollmentRow[] {
  const rows: EnrollmentRow[] = [];
  for (const school of SCHOOLS) {
    let prev = new Map<Grade, number>();
    for (let year = FIRST_YEAR; year <= BASE_YEAR; year++) {
      const now = new Map<Grade, number>();
      school.grades.forEach((grade, i) => {
        const below = i > 0 ? school.grades[i - 1] : undefined;
        let students: number;
        const isEntry = i === 0 || grade === 'K';
        if (year === FIRST_YEAR || isEntry || below === undefined) {
          const trend = Math.pow(0.99, year - FIRST_YEAR); // entry cohorts shrink about 1% a year
          const size = grade === 'PK' ? school.perGrade * 0.6 : school.perGrade;
          students = size * trend * (1 + 0.04 * rng.normal());
        } else {
          const survival = (school.level === 'HS' ? 0.965 : 0.985) + 0.015 * rng.normal();
          students = (prev.get(below) ?? school.perGrade) * survival;
        }
        const n = Math.max(8, Math.round(students));
        now.set(grade, n);
        rows.push({ site_id: school.site_id, year, grade, students: n });
      });
      prev = now;
    }
  }
  return rows;
}

/** Need counts per site and year; shares drift slowly around each school's own level. */
export function demoStudentNeeds(rng: Rng, enrollment: readonly EnrollmentRow[]): StudentNeedsRow[] {
  const totals = new Map<string, number>();
  for (const e of enrollment) totals.set(`${e.site_id}|${e.year}`, (totals.get(`${e.site_id}|${e.year}`) ?? 0) + e.students);
  const rows: StudentNeedsRow[] = [];
  for (const school of SCHOOLS) {
    const el = Math.min(0.35, 0.03 + 0.3 * school.poverty + 0.03 * rng.normal());
    const swd = 0.115 + 0.04 * rng.next();
    const homeless = 0.005 + 0.03 * school.poverty * rng.next();
    for (let year = FIRST_YEAR; year <= BASE_YEAR; year++) {
      const total = totals.get(`${school.site_id}|${year}`) ?? 0;
      const drift = 1 + 0.02 * rng.normal();
      const share = (s: number) => Math.max(0, Math.min(total, Math.round(total * Math.min(0.97, s * drift))));
      rows.push({
        site_id: school.site_id,
        year,
        counts: {
          econ_disadvantaged: share(school.poverty),
          english_learners: share(el),
          students_with_disabilities: share(swd),
          homeless: share(homeless),
        },
      });
    }
  }
  return rows;
}
