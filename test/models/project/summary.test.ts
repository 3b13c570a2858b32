import { describe, expect, it } from 'vitest';
import { summariseProject } from '../../../models/project/summary';
import { ProjectSummarySchema } from '../../../models/project/summary';
import { demoProject } from '../../../models/demo/district';
import { tinyProject } from '../../electron/project-fixture';

describe('summariseProject — hand-computed tiny project', () => {
  const s = summariseProject(tinyProject());

  it('counts base-year students and sites', () => {
    // 2026 only: 40 + 35 (E1) + 120 (H1) = 195; the 2025 row (999) is left out.
    expect(s.totals.students).toBe(195);
    expect(s.totals.sites).toBe(2);
    expect(s.baseYear).toBe(2026);
    expect(s.districtName).toBe('Tiny USD');
  });

  it('adds FTE without float noise and counts vacancies', () => {
    // 1 + 0.1 + 0.2 + 1 = 2.3 (not 2.3000000000000003); E1 = 1.3; one vacant.
    expect(s.totals.fte).toBe(2.3);
    expect(s.totals.positions).toBe(4);
    expect(s.totals.vacantPositions).toBe(1);
    expect(s.bySite.find((x) => x.siteId === 'E1')?.fte).toBe(1.3);
  });

  it('splits the base-year budget by fund, restriction and site to the cent', () => {
    // GEN 5,000,001 + 1,000,000 + 500,000 = 6,500,001 ¢; T1A 1,234,567 ¢; ZZZ 99 ¢ → 7,734,667 ¢.
    expect(s.totals.budgetCents).toBe(7_734_667);
    expect(s.totals.budgetLines).toBe(5);
    expect(s.totals.unrestrictedCents).toBe(6_500_001);
    expect(s.totals.restrictedCents).toBe(1_234_567);
    expect(s.totals.unclassifiedCents).toBe(99);
    expect(s.byFund.map((f) => [f.fundCode, f.budgetCents, f.restricted])).toEqual([
      ['GEN', 6_500_001, false], ['T1A', 1_234_567, true], ['ZZZ', 99, null],
    ]);
    // E1 = 5,000,001 + 1,234,567 = 6,234,568; H1 = 1,000,000; X9 (not in Sites) = 99; no site = 500,000.
    expect(s.bySite.map((x) => [x.siteId, x.budgetCents, x.level])).toEqual([
      ['E1', 6_234_568, 'ES'], ['H1', 1_000_000, 'HS'], ['X9', 99, null],
    ]);
    expect(s.districtWideBudgetCents).toBe(500_000);
  });

  it('matches the contract schema', () => {
    expect(ProjectSummarySchema.safeParse(s).success).toBe(true);
  });
});

describe('summariseProject — demo district invariants', () => {
  const project = demoProject();
  const s = summariseProject(project);

  it('parts add back to the whole', () => {
    const t = s.totals;
    expect(t.restrictedCents + t.unrestrictedCents + t.unclassifiedCents).toBe(t.budgetCents);
    expect(s.byFund.reduce((a, f) => a + f.budgetCents, 0)).toBe(t.budgetCents);
    expect(s.bySite.reduce((a, x) => a + x.budgetCents, 0) + s.districtWideBudgetCents).toBe(t.budgetCents);
    expect(s.bySite.reduce((a, x) => a + x.students, 0)).toBe(t.students);
  });

  it('agrees with a direct count over the project tables', () => {
    const base = project.settings.base_year;
    expect(s.totals.students).toBe(project.enrollment.filter((e) => e.year === base).reduce((a, e) => a + e.students, 0));
    expect(s.totals.budgetCents).toBe(project.budget.filter((b) => b.fiscal_year === base).reduce((a, b) => a + b.amount, 0));
    expect(s.totals.positions).toBe(project.positions.length);
    expect(ProjectSummarySchema.safeParse(s).success).toBe(true);
  });
});
