import { CHARTER_GRADES, type CharterSchool } from './tables';

// Grow-through enrollment of a charter school, replacing district cohort survival for a site on
// the CharterSchools sheet. A school opens with its first `grades_at_opening` grades and adds one
// grade a year up to its last grade. Each year:
//   - the entry grade fills to seats × fill rate;
//   - every other grade is last year's grade below less attrition (students leave and are not
//     replaced) — except grades up to the backfill grade, whose empty seats are refilled to
//     seats × fill rate;
//   - in the opening year every opening grade fills to seats × fill rate.
// Students are kept fractional (rounded only for display), like the cohort projection.

/** Grades as the forecast indexes them (enrollment.ts GRADE_ORDER: PK, K, 1 … 12). */
const G = CHARTER_GRADES.length;
const gradeIndex = (g: string) => (CHARTER_GRADES as readonly string[]).indexOf(g);

/** The highest grade index the school serves in `year` (−1 before it opens). */
export function topGrade(s: CharterSchool, year: number): number {
  if (year < s.open_year) return -1;
  const first = gradeIndex(s.first_grade);
  return Math.min(gradeIndex(s.last_grade), first + s.grades_at_opening - 1 + (year - s.open_year));
}

/**
 * Next year's students by grade from this year's (`prev`, indexed like CHARTER_GRADES) for the
 * school in `year`.
 */
export function growThroughYear(s: CharterSchool, prev: Float64Array, year: number): Float64Array {
  const next = new Float64Array(G);
  const top = topGrade(s, year);
  if (top < 0) return next;
  const first = gradeIndex(s.first_grade);
  const full = s.seats_per_grade * s.fill_rate;
  const backfill = s.backfill_grade === undefined ? gradeIndex(s.last_grade) : gradeIndex(s.backfill_grade);
  const opening = year === s.open_year;
  for (let g = first; g <= top; g++) {
    if (g === first || opening) { next[g] = full; continue; }
    const stayers = prev[g - 1]! * (1 - s.attrition_rate);
    next[g] = g <= backfill ? Math.max(stayers, full) : stayers;
  }
  return next;
}

/**
 * The school's students by grade for base year … base year + years: the base year as counted
 * (`base`, from the Enrollment sheet; zeros for a school that has not opened), then grown through.
 */
export function growThrough(s: CharterSchool, base: Float64Array, baseYear: number, years: number): Float64Array[] {
  const out: Float64Array[] = [Float64Array.from(base)];
  for (let t = 1; t <= years; t++) out.push(growThroughYear(s, out[t - 1]!, baseYear + t));
  return out;
}
