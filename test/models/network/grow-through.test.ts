import { describe, expect, it } from 'vitest';
import { growThrough, topGrade } from '../../../models/network/grow-through';
import type { CharterSchool } from '../../../models/network/tables';

// Index of a grade in the forecast's grade order (PK, K, 1 … 12).
const at = (g: string) => ['PK', 'K', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'].indexOf(g);
const grades = (m: Record<string, number>) => { const a = new Float64Array(14); for (const [g, v] of Object.entries(m)) a[at(g)] = v; return a; };
const round = (a: Float64Array) => Array.from(a, (v) => Math.round(v * 1000) / 1000);

describe('grow-through enrollment with attrition and backfill', () => {
  // A K–4 school that opened in 2026 with K and 1; 100 seats a grade filled to 90%; 10% of a cohort
  // leaves each year; empty seats are refilled through grade 1 only.
  const school: CharterSchool = { site_id: 'A', first_grade: 'K', last_grade: '4', open_year: 2026, grades_at_opening: 2, seats_per_grade: 100, fill_rate: 0.9, attrition_rate: 0.1, backfill_grade: '1' };

  it('adds one grade a year up to its last grade', () => {
    expect([2026, 2027, 2028, 2029, 2030].map((y) => topGrade(school, y))).toEqual([at('1'), at('2'), at('3'), at('4'), at('4')]);
    expect(topGrade(school, 2025)).toBe(-1);
  });

  it('moves cohorts up less attrition, refilling only through the backfill grade', () => {
    // Base year 2027 as counted: K 90, grade 1 85, grade 2 80.
    const path = growThrough(school, grades({ K: 90, '1': 85, '2': 80 }), 2027, 3);
    // 2028 (grades K–3): K = 100 × 0.9 = 90 (entry grade);
    //   1 = max(90 × 0.9, 90) = max(81, 90) = 90 (backfilled to 90);
    //   2 = 85 × 0.9 = 76.5 (above the backfill grade: leavers not replaced);
    //   3 = 80 × 0.9 = 72; total 328.5.
    expect(round(path[1]!)).toEqual(round(grades({ K: 90, '1': 90, '2': 76.5, '3': 72 })));
    // 2029 (grades K–4): K 90; 1 = max(81, 90) = 90; 2 = 90 × 0.9 = 81; 3 = 76.5 × 0.9 = 68.85;
    //   4 = 72 × 0.9 = 64.8; total 394.65.
    expect(round(path[2]!)).toEqual(round(grades({ K: 90, '1': 90, '2': 81, '3': 68.85, '4': 64.8 })));
    // 2030 (full span, no grade added): 4 = 68.85 × 0.9 = 61.965.
    expect(round(path[3]!)).toEqual(round(grades({ K: 90, '1': 90, '2': 81, '3': 72.9, '4': 61.965 })));
  });

  it('opens a new school with its opening grades full, then grows', () => {
    // A 5–8 middle school opening in 2029 with grades 5 and 6, 120 seats filled to 95% (114), 5% attrition, no backfill grade given (every grade backfilled).
    const ms: CharterSchool = { site_id: 'B', first_grade: '5', last_grade: '8', open_year: 2029, grades_at_opening: 2, seats_per_grade: 120, fill_rate: 0.95, attrition_rate: 0.05 };
    const path = growThrough(ms, new Float64Array(14), 2027, 3);
    expect(path[1]!.reduce((a, b) => a + b, 0)).toBe(0); // 2028: not open
    expect(round(path[2]!)).toEqual(round(grades({ '5': 114, '6': 114 }))); // 2029: 2 × 114 = 228
    // 2030: 5 = 114; 6 = max(114 × 0.95, 114) = 114 (backfilled); 7 = max(108.3, 114) = 114.
    expect(round(path[3]!)).toEqual(round(grades({ '5': 114, '6': 114, '7': 114 })));
  });
});
