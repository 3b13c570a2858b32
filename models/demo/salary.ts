import type { SalaryCell } from '../schema/tables';

// Salary schedules: teachers on lanes (education) × steps (years), classified staff on ranges ×
// steps. Figures are whole dollars, as boards adopt them.

export const TEACHER_LANES = ['BA', 'BA+15', 'BA+30', 'MA', 'MA+30', 'PhD'] as const;
const LANE_FACTOR: Record<(typeof TEACHER_LANES)[number], number> = {
  BA: 1, 'BA+15': 1.03, 'BA+30': 1.06, MA: 1.1, 'MA+30': 1.14, PhD: 1.18,
};
export const TEACHER_STEPS = 25; // steps 0–24
const TEACHER_BASE = 48_500;
const TEACHER_STEP_RAISE = 0.022;

export const CLASSIFIED_RANGES = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6'] as const;
const CLASSIFIED_BASE: Record<(typeof CLASSIFIED_RANGES)[number], number> = {
  C1: 31_000, C2: 34_500, C3: 38_500, C4: 43_500, C5: 49_000, C6: 56_500,
};
export const CLASSIFIED_STEPS = 10; // steps 0–9
const CLASSIFIED_STEP_RAISE = 0.025;

const dollars = (d: number) => Math.round(d) * 100;

export function demoSalarySchedule(): SalaryCell[] {
  const cells: SalaryCell[] = [];
  for (const lane of TEACHER_LANES) {
    for (let step = 0; step < TEACHER_STEPS; step++) {
      cells.push({ schedule: 'teachers', lane, step, salary: dollars(TEACHER_BASE * LANE_FACTOR[lane] * Math.pow(1 + TEACHER_STEP_RAISE, step)) });
    }
  }
  for (const lane of CLASSIFIED_RANGES) {
    for (let step = 0; step < CLASSIFIED_STEPS; step++) {
      cells.push({ schedule: 'classified', lane, step, salary: dollars(CLASSIFIED_BASE[lane] * Math.pow(1 + CLASSIFIED_STEP_RAISE, step)) });
    }
  }
  return cells;
}
