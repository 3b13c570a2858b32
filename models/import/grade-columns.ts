import type { Spread } from './spread';
import { parseGrade } from './grade';
import { isPlaceholder } from './convert';
import { fastNumber } from './text-numbers';
import { parseInteger } from '../parse/values';
import type { Cell } from './types';
import { fiscalYearIn } from './title-block';

// Enrollment laid out with one column per grade ("PK | K | 1 … 12", "Grade K", "Grade 1" …), as
// state reports and student systems export it: each non-blank grade cell becomes one Enrollment
// row. A column of totals is not a grade and is left for the report.

export interface GradeColumn {
  c: number;
  grade: string;
  /** The school year named in the header ("Grade 3 Students [District] 2019-20"), or null. */
  year: number | null;
}

/**
 * The grade (and school year) a column header names: "K", "Grade 1", "Grade PK (Half Day & Full
 * Day)", and state-report headers such as "Grade 3 Students [District] 2019-20" or
 * "Prekindergarten Students [District] 2024-25" (NCES ELSI). Totals ("All Grades") are not grades.
 */
export function gradeOfHeader(header: string): { grade: string; year: number | null } | null {
  const whole = parseGrade(header);
  if (whole !== null) return { grade: whole, year: null };
  if (/\b(total|all\s+grades|ungraded|adult)\b/i.test(header)) return null;
  const m = /\b(pre-?\s*k(?:indergarten)?|prekindergarten|kindergarten|grade\s*(?:\d{1,2}|k|pk))\b/i.exec(header);
  if (!m) return null;
  const grade = parseGrade(m[1]!);
  if (grade === null) return null;
  return { grade, year: fiscalYearIn(header.replace(m[0], ' ')) };
}

export function gradeColumns(headers: readonly string[], unmapped: readonly number[]): GradeColumn[] {
  const out: GradeColumn[] = [];
  const seen = new Set<string>();
  for (const c of unmapped) {
    const g = gradeOfHeader(headers[c] ?? '');
    if (g === null) continue;
    const key = `${g.grade}|${g.year ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ c, grade: g.grade, year: g.year });
  }
  // Mixed layouts (some headers with a year, some without) keep only the columns with years.
  return out.some((x) => x.year !== null) ? out.filter((x) => x.year !== null) : out;
}

function count(raw: Cell): number | null | undefined {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 0 ? raw : undefined;
  if (raw === null || typeof raw === 'boolean') return raw === null ? null : undefined;
  const t = raw.trim();
  if (t === '' || isPlaceholder(t)) return null;
  const f = fastNumber(t);
  if (f !== undefined) return Number.isInteger(f) && f >= 0 ? f : undefined;
  const r = parseInteger(t);
  return r.ok && r.value !== null && r.value >= 0 ? r.value : r.ok && r.value === null ? null : undefined;
}

export function gradeColumnsSpread(headers: readonly string[], cols: readonly GradeColumn[]): Spread {
  const withYears = cols.every((x) => x.year !== null);
  const shown = cols.length > 16 ? `${cols.slice(0, 16).map((x) => headers[x.c]!.trim()).join(', ')}, … ${cols.length} in all` : cols.map((x) => headers[x.c]!.trim()).join(', ');
  return {
    columns: cols.map((x) => x.c),
    supplies: withYears ? ['grade', 'students', 'year'] : ['grade', 'students'],
    replaces: withYears ? ['grade', 'students', 'year'] : ['grade', 'students'],
    emptyReason: 'no student counts in the grade columns',
    note: `one column per grade${withYears ? ' and year' : ''} (${shown}): each cell read as one enrollment row`,
    apply(row, base, bad) {
      const out: Record<string, unknown>[] = [];
      let ok = true;
      for (const { c, grade, year } of cols) {
        const raw = row[c] ?? null;
        const n = count(raw);
        if (n === null) continue;
        if (n === undefined) {
          bad(c, raw, 'not a whole, non-negative number of students');
          ok = false;
          continue;
        }
        out.push(year === null ? { ...base, grade, students: n } : { ...base, year, grade, students: n });
      }
      return ok ? out : null;
    },
  };
}
