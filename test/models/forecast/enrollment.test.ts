import { describe, expect, it } from 'vitest';
import { projectEnrollment } from '../../../models/forecast/enrollment';
import type { EnrollmentRow } from '../../../models/schema/tables';

const row = (site_id: string, year: number, grade: EnrollmentRow['grade'], students: number): EnrollmentRow => ({ site_id, year, grade, students });

describe('cohort survival', () => {
  it('projects a two-grade school (K and 1) by hand', () => {
    // History: 2024 K 100, gr1 90; 2025 K 110, gr1 95; 2026 K 120, gr1 105.
    // GPR K→1 over the last 2 pairs: 95/100 = 0.95 and 105/110 = 0.954545… → mean 0.952273.
    // Kindergarten trend: the line through (2024,100), (2025,110), (2026,120) → 2027: 130, 2028: 140.
    // Grade 1 in 2027 = 120 × 0.952273 = 114.2727; in 2028 = 130 × 0.952273 = 123.7955.
    const rows = [row('A', 2024, 'K', 100), row('A', 2024, '1', 90), row('A', 2025, 'K', 110), row('A', 2025, '1', 95), row('A', 2026, 'K', 120), row('A', 2026, '1', 105)];
    const e = projectEnrollment(rows, 2026, 2, { method: 'cohort', historyYears: 2, kindergarten: 'trend', births: {} });
    const gpr = (0.95 + 105 / 110) / 2;
    const a = e.sites[0]!;
    expect(a.gpr[2]).toBeCloseTo(gpr, 12);
    expect(a.byGrade[1]![1]).toBeCloseTo(130, 9);
    expect(a.byGrade[1]![2]).toBeCloseTo(120 * gpr, 9);
    expect(a.byGrade[2]![1]).toBeCloseTo(140, 9);
    expect(a.byGrade[2]![2]).toBeCloseTo(130 * gpr, 9);
    expect(e.total[0]).toBe(225);
    expect(e.total[2]).toBeCloseTo(140 + 130 * gpr, 9);
  });

  it('feeds a middle school entry grade from the district grade below', () => {
    // ES has grade 5, MS starts at 6. MS grade 6 / district grade 5 a year earlier: 2026 45/50 = 0.9.
    // 2027 MS grade 6 = 0.9 × the district's 2026 grade 5 (60) = 54.
    const rows = [row('ES', 2025, '5', 50), row('ES', 2026, '5', 60), row('MS', 2025, '6', 40), row('MS', 2026, '6', 45)];
    const e = projectEnrollment(rows, 2026, 1, { method: 'cohort', historyYears: 3, kindergarten: 'flat', births: {} });
    const ms = e.sites.find((s) => s.site_id === 'MS')!;
    expect(ms.feeder[7]).toBe(1);
    expect(ms.byGrade[1]![7]).toBeCloseTo(54, 9);
  });

  it('takes kindergarten from births five years earlier', () => {
    // K/births: 2025 100/1000 = 0.1, 2026 99/900 = 0.11 → 0.105; 2027 K = 0.105 × births 2022 (1,200) = 126.
    const rows = [row('A', 2025, 'K', 100), row('A', 2026, 'K', 99)];
    const e = projectEnrollment(rows, 2026, 1, { method: 'cohort', historyYears: 3, kindergarten: 'births', births: { 2020: 1000, 2021: 900, 2022: 1200 } });
    expect(e.sites[0]!.byGrade[1]![1]).toBeCloseTo(126, 9);
  });
});
