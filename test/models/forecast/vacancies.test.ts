import { describe, expect, it } from 'vitest';
import { forecastProject } from '../../../models/forecast/forecast';
import { drivers, tinyProject } from './fixtures';

// Issue 21 item 9: a vacancy with no salary is costed, at the role's hiring step (the default) or
// at the role's average pay (personnel.vacancy_cost: role_average), and the report says which.
// Schedule: BA step 1 $40,000, 2 $50,000, 3 $60,000; MA step 1 $45,000, 2 $55,000. Filled teachers
// at BA 3 ($60,000) and MA 2 ($55,000); the vacancy has no lane, step or salary. No benefits;
// COLA, steps and attrition 0 except the schedule's own steps.
const project = (vacancy_cost?: 'hiring_step' | 'role_average') => tinyProject({
  salary: [
    ...[1, 2, 3].map((step) => ({ schedule: 'teachers', lane: 'BA', step, salary: (30_000 + 10_000 * step) * 100 })),
    ...[1, 2].map((step) => ({ schedule: 'teachers', lane: 'MA', step, salary: (35_000 + 10_000 * step) * 100 })),
  ],
  positions: [
    { position_id: 'T1', site_id: 'S1', role: 'teacher', fte: 1, lane: 'BA', step: 3, benefits_rate: 0 },
    { position_id: 'T2', site_id: 'S1', role: 'teacher', fte: 1, lane: 'MA', step: 2, benefits_rate: 0 },
    { position_id: 'V1', site_id: 'S1', role: 'teacher', fte: 1, status: 'vacant', benefits_rate: 0 },
  ],
  drivers: drivers({}),
  forecast: { enrollment: { method: 'growth' }, ...(vacancy_cost ? { personnel: { vacancy_cost } } : {}) },
});
const run = (p: ReturnType<typeof project>) => {
  const r = forecastProject(p);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe('a vacancy with no salary', () => {
  it('is costed at the hiring step: the entry lane (lowest pay) at its first step, stepping up after', () => {
    // 2026: 60,000 + 55,000 + BA step 1 40,000 = 155,000 (before: the vacancy cost $0 → 115,000).
    // 2027: BA 3 stays (top) 60,000; MA 2 stays (top) 55,000; the new hire moves to BA 2 50,000 → 165,000.
    // 2028: the hire reaches BA 3 60,000 → 175,000.
    const r = run(project());
    expect(r.scenarios[0]!.years.map((y) => y.expenditure_by_object!.salaries)).toEqual([15_500_000, 16_500_000, 17_500_000]);
    expect(r.vacancies).toEqual([{ position_id: 'V1', role: 'teacher', costed_at: 'hiring_step', schedule: 'teachers', lane: 'BA', step: 1, salary_cents: 4_000_000 }]);
    expect(r.warnings.join('\n')).toMatch(/position V1: no salary and no schedule step — costed at the teacher hiring step \(teachers BA step 1, \$40,000 a year\)/);
  });

  it("or at the role's average pay, when the setting says so", () => {
    // Average of the filled teachers: (60,000 + 55,000) ÷ 2 = 57,500, held flat (step_increase 0).
    const r = run(project('role_average'));
    expect(r.scenarios[0]!.years.map((y) => y.expenditure_by_object!.salaries)).toEqual([17_250_000, 17_250_000, 17_250_000]);
    expect(r.vacancies).toEqual([{ position_id: 'V1', role: 'teacher', costed_at: 'role_average', salary_cents: 5_750_000 }]);
  });
});
