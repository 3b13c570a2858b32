import { describe, expect, it } from 'vitest';
import { functionArea, planAreas, yearAreas } from '../../../models/forecast/areas';
import { forecastProject } from '../../../models/forecast/forecast';
import { NONE, programSplit, splitByProgram } from '../../../models/forecast/program-split';
import { drivers, tinyProject } from './fixtures';

// Issue 18: the forecast carries the budget's program and function columns through the years.
// Each fund × object class cell is split over the (program, function) pairs of its base-year lines,
// in their proportions, by largest remainder.

const lines = [
  // GEN supplies: regular/1000 $2,000, sped/1000 $1,000 → a 2 : 1 split.
  { fiscal_year: 2026, fund_code: 'GEN', object: 'supplies', amount: 200_000, program: 'regular', function: '1000' },
  { fiscal_year: 2026, fund_code: 'GEN', object: 'supplies', amount: 100_000, program: 'sped', function: '1000' },
  // GEN capital: buses (transportation/2700) $3,000, roof (operations/2600) $1,000.
  { fiscal_year: 2026, fund_code: 'GEN', object: 'capital', amount: 300_000, program: 'transportation', function: '2700' },
  { fiscal_year: 2026, fund_code: 'GEN', object: 'capital', amount: 100_000, program: 'operations', function: '2600' },
  // GEN purchased services: three equal lines, one with no program or function.
  { fiscal_year: 2026, fund_code: 'GEN', object: 'purchased_services', amount: 10_000, program: 'a', function: '2300' },
  { fiscal_year: 2026, fund_code: 'GEN', object: 'purchased_services', amount: 10_000, program: 'b', function: '2300' },
  { fiscal_year: 2026, fund_code: 'GEN', object: 'purchased_services', amount: 10_000 },
  // A line of another year is not read.
  { fiscal_year: 2025, fund_code: 'GEN', object: 'supplies', amount: 999_999, program: 'old', function: '9999' },
];

describe('program and function split', () => {
  it('splits a cell by its lines, remainder cents to the largest remainders (ties to the first key)', () => {
    const split = programSplit(tinyProject({ budget: lines }), 2026);
    // purchased services 100 cents over three equal lines: 33.33 each → 34, 33, 33 (keys sorted:
    // "(none)", "a", "b"); supplies 1,000 cents 2 : 1 → 666.67, 333.33 → 667, 333.
    const out = splitByProgram(split, [{ fund_code: 'GEN', expenditure_by_object: { purchased_services: 100, supplies: 1000 } }]);
    expect(out.expenditure_by_program).toEqual({ [NONE]: 34, a: 33, b: 33, regular: 667, sped: 333 });
    expect(out.expenditure_by_function).toEqual({ 1000: 1000, 2300: 66, [NONE]: 34 });
    expect(out.object_by_function.purchased_services).toEqual({ 2300: 66, [NONE]: 34 });
  });

  it('puts a cell with no base-year lines (another fund, transfers) under "(none)"', () => {
    const split = programSplit(tinyProject({ budget: lines }), 2026);
    const out = splitByProgram(split, [
      { fund_code: 'GEN', expenditure_by_object: { transfers_out: 500 } },
      { fund_code: 'T1', expenditure_by_object: { supplies: 250 } },
    ]);
    expect(out.expenditure_by_program).toEqual({ [NONE]: 750 });
  });

  it('carries the split through the forecast years, adding up to the cent', () => {
    // CPI 10%: 2027 supplies $3,300 → regular $2,200, sped $1,100; purchased services $330 → $110
    // each; capital (not inflated by default) $4,000 → 2700 $3,000, 2600 $1,000. 2028 (× 1.21):
    // supplies $3,630 → $2,420 and $1,210; purchased services $363 → $121 each.
    const r = forecastProject(tinyProject({ budget: lines.filter((l) => l.fiscal_year === 2026), drivers: drivers({ cpi: 0.1 }) }));
    if (!r.ok) throw new Error(r.reason);
    const [, y1, y2] = r.value.scenarios[0]!.years;
    expect(y1!.expenditure_by_program).toEqual({ [NONE]: 11_000, a: 11_000, b: 11_000, operations: 100_000, regular: 220_000, sped: 110_000, transportation: 300_000 });
    expect(y1!.object_by_function!.capital).toEqual({ 2600: 100_000, 2700: 300_000 });
    expect(y2!.expenditure_by_function).toEqual({ 1000: 363_000, 2300: 24_200, 2600: 100_000, 2700: 300_000, [NONE]: 12_100 });
    const total = y2!.funds!.reduce((a, f) => a + f.expenditure_cents, 0);
    expect(Object.values(y2!.expenditure_by_program!).reduce((a, b) => a + b, 0)).toBe(total);

    // The four areas of 2028: capital $4,000 ($3,000 transportation, $1,000 facilities).
    const areas = yearAreas(y2!);
    expect(areas.expenditure_cents).toBe(total);
    expect(areas.infrastructure).toEqual({ facilities_cents: 100_000, transportation_cents: 300_000, capital_cents: 400_000, capital_by_function: { 2600: 100_000, 2700: 300_000 } });
    expect(areas.staffing.purchased_services_cents).toBe(36_300);
    expect(areas.budgets.by_fund).toEqual({ GEN: total });
    expect(planAreas(r.value.scenarios)[0]!.years.map((y) => y.year)).toEqual([2026, 2027, 2028]);
  });

  it('reads function codes and names as facilities or transportation', () => {
    expect(['2600', '2610', '4000', 'Operation of plant', 'Maintenance', 'facilities'].map(functionArea)).toEqual(Array(6).fill('facilities'));
    expect(['2700', '2720', 'Student transportation', 'bus'].map(functionArea)).toEqual(Array(4).fill('transportation'));
    expect(['1000', '2300', 'instruction', '40'].map(functionArea)).toEqual([null, null, null, null]);
  });
});
