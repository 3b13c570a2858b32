import { describe, expect, it } from 'vitest';
import { forecastProject } from '../../../models/forecast/forecast';
import { drivers, tinyProject } from './fixtures';

// Issue 21 item 15: with no Positions sheet, personnel is projected from the Budget sheet's lines
// with the same pay assumptions positions get. Salary lines grow by COLA and steps (× (1 + cola)
// × (1 + step_increase) a year; a step freeze holds the step part). Benefit lines that follow pay —
// social security (NCES 220), retirement (230) and the like — grow with salaries; group insurance
// (210) and health benefits (280) grow with health_inflation; a change in the pension rate from the
// base year is added on the salaries. Lines: salaries $100,000 (1100), group insurance $10,000
// (2100), social security $7,500 (2200), retirement $18,500 (2300). COLA 2%, step 1.5%, health 6%,
// pension rate 18.5% in 2026 and 19.5% from 2027.
const project = (over: Record<string, unknown> = {}) => tinyProject({
  budget: [
    { fiscal_year: 2026, fund_code: 'GEN', object: '1100', amount: 10_000_000 },
    { fiscal_year: 2026, fund_code: 'GEN', object: '2100', amount: 1_000_000 },
    { fiscal_year: 2026, fund_code: 'GEN', object: '2200', amount: 750_000 },
    { fiscal_year: 2026, fund_code: 'GEN', object: '2300', amount: 1_850_000 },
  ],
  drivers: [...drivers({ cola: 0.02, step_increase: 0.015, health_inflation: 0.06 }), { driver: 'pension_rate', value: 0.185, by_year: { '2027': 0.195 } }],
  ...over,
});
const personnel = (p: ReturnType<typeof project>) => {
  const r = forecastProject(p);
  if (!r.ok) throw new Error(r.reason);
  return r.value.scenarios[0]!.years.map((y) => [y.expenditure_by_object!.salaries, y.expenditure_by_object!.benefits]);
};

describe('personnel from budget lines (no Positions sheet)', () => {
  it('grows salaries by COLA and steps, pay-driven benefits with them, insurance by health inflation', () => {
    // 2027: salaries 100,000 × 1.02 × 1.015 = 103,530. Benefits: insurance 10,000 × 1.06 = 10,600;
    // social security and retirement 26,000 × 1.0353 = 26,917.80; pension change (19.5% − 18.5%) ×
    // 103,530 = 1,035.30 → 38,553.10. (Before: salaries × 1.02 = 102,000 and all benefits × 1.06 =
    // 38,160, the pension change left out.)
    const y = personnel(project());
    expect(y[0]).toEqual([10_000_000, 3_600_000]);
    expect(y[1]).toEqual([10_353_000, 3_855_310]);
  });

  it('holds the step part during a step freeze', () => {
    // Freeze 2027: salaries 100,000 × 1.02 = 102,000; pay benefits 26,000 × 1.02 = 26,520;
    // insurance 10,600; pension 1% × 102,000 = 1,020 → 38,140.
    const y = personnel(project({
      forecast: { enrollment: { method: 'growth' }, priority_plan: 'Freeze' },
      plans: [{ plan: 'Freeze', action: 'schedule', parameter: 'step_freeze', value: 1, start_year: 2027, end_year: 2027 }],
    }));
    expect(y[1]).toEqual([10_200_000, 3_814_000]);
  });
});
