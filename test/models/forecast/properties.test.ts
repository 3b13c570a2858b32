import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastProject } from '../../../models/forecast/forecast';
import { tinyProject } from './fixtures';

// Invariants, for random small districts, plans and drivers:
//  - every year: beginning balance + revenue − expenditure = ending balance, and the ending balance
//    is next year's beginning balance;
//  - every money figure (totals, by source, by object, by fund) is a whole number of cents;
//  - the by-object expenditure of the general funds adds up to the expenditure, and each fund's too;
//  - when the Budget sheet has salary or benefit lines, the base year is the Budget sheet: every
//    fund's spending by object class equals its lines, to the cent, whatever the positions cost.
const arbProject = fc.record({
  positions: fc.array(fc.record({
    fte: fc.constantFrom(0.5, 1, 0.75), salary: fc.integer({ min: 2_000_000, max: 12_000_000 }), rate: fc.double({ min: 0, max: 0.4, noNaN: true }),
    t1: fc.double({ min: 0, max: 1, noNaN: true }), role: fc.constantFrom('teacher', 'aide', 'counselor'),
  }), { minLength: 0, maxLength: 8 }),
  supplies: fc.integer({ min: 0, max: 50_000_000 }),
  salaryLines: fc.option(fc.record({ gen: fc.integer({ min: 0, max: 90_000_000 }), ben: fc.integer({ min: -1_000, max: 20_000_000 }), t1: fc.integer({ min: 0, max: 3_000_000 }) }), { nil: undefined }),
  cola: fc.double({ min: -0.05, max: 0.08, noNaN: true }), cpi: fc.double({ min: -0.02, max: 0.1, noNaN: true }),
  attrition: fc.double({ min: 0, max: 0.2, noNaN: true }), cut: fc.double({ min: 0, max: 3, noNaN: true }),
  grantEnd: fc.constantFrom('2026-12-31', '2028-06-30', undefined), policy: fc.constantFrom('move_to_general', 'cut'),
});

describe('forecast properties', () => {
  it('keeps the balance identity and whole cents every year', () => {
    fc.assert(fc.property(arbProject, (a) => {
      const project = tinyProject({
        settings: { district_name: 'P', base_year: 2026, horizon_years: 4, beginning_fund_balance: 5_000_000, reserve_policy_pct: 0.08, seed: 1 },
        funds: [
          { fund_code: 'GEN', name: 'General', source: 'state', restricted: false, available: 60_000_000 },
          { fund_code: 'T1', name: 'Title I', source: 'federal', restricted: true, available: 5_000_000, ...(a.grantEnd ? { end_date: a.grantEnd } : {}) },
        ],
        positions: a.positions.map((p, i) => ({
          position_id: `P${i}`, site_id: 'S1', role: p.role, fte: p.fte, salary: p.salary, benefits_rate: p.rate,
          funding: p.t1 > 0.5 ? [{ fund_code: 'GEN', share: 1 - p.t1 }, { fund_code: 'T1', share: p.t1 }] : [],
        })),
        budget: [
          { fiscal_year: 2026, fund_code: 'GEN', object: 'supplies', amount: a.supplies }, { fiscal_year: 2026, fund_code: 'T1', object: 'supplies', amount: 100_001 },
          ...(a.salaryLines ? [
            { fiscal_year: 2026, fund_code: 'GEN', object: '1100', amount: a.salaryLines.gen }, { fiscal_year: 2026, fund_code: 'GEN', object: 'benefits', amount: a.salaryLines.ben },
            { fiscal_year: 2026, fund_code: 'T1', object: 'salaries', amount: a.salaryLines.t1 },
          ] : []),
        ],
        drivers: [{ driver: 'cola', value: a.cola }, { driver: 'cpi', value: a.cpi }, { driver: 'attrition_rate', value: a.attrition }],
        forecast: { enrollment: { method: 'growth' }, grant_end: a.policy, priority_plan: 'P' },
        plans: [{ plan: 'P', action: 'cut_positions', start_year: 2028, role: 'teacher', fte: a.cut }],
      });
      const r = forecastProject(project);
      if (!r.ok) throw new Error(r.reason);
      const years = r.value.scenarios[0]!.years;
      expect(years).toHaveLength(5);
      years.forEach((y, i) => {
        expect(y.beginning_balance_cents + y.revenue_cents - y.expenditure_cents).toBe(y.ending_balance_cents);
        if (i > 0) expect(y.beginning_balance_cents).toBe(years[i - 1]!.ending_balance_cents);
        const money = [y.revenue_cents, y.expenditure_cents, y.ending_balance_cents, ...Object.values(y.revenue_by_source!), ...Object.values(y.expenditure_by_object!), ...y.funds!.flatMap((f) => [f.revenue_cents, f.expenditure_cents])];
        for (const m of money) expect(Number.isSafeInteger(m)).toBe(true);
        expect(Object.values(y.expenditure_by_object!).reduce((s, v) => s + v, 0)).toBe(y.expenditure_cents);
        for (const f of y.funds!) {
          expect(Object.values(f.expenditure_by_object).reduce((s, v) => s + v, 0)).toBe(f.expenditure_cents);
          expect(f.reconciling_by_object.salaries + f.reconciling_by_object.benefits).toBe(f.reconciling_cents);
          expect(Number.isSafeInteger(f.reconciling_cents)).toBe(true);
        }
      });
      if (a.salaryLines) {
        const l = a.salaryLines;
        expect(years[0]!.funds!.map((f) => [f.fund_code, f.expenditure_by_object])).toEqual([
          ['GEN', { salaries: l.gen, benefits: l.ben, purchased_services: 0, supplies: a.supplies, capital: 0, other: 0, transfers_out: 0 }],
          ['T1', { salaries: l.t1, benefits: 0, purchased_services: 0, supplies: 100_001, capital: 0, other: 0, transfers_out: 0 }],
        ]);
      } else {
        expect(years[0]!.reconciling_cents).toBe(0);
      }
    }), { numRuns: 150 });
  });
});
