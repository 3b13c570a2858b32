import { describe, expect, it } from 'vitest';
import { demoProject } from '../../../models/demo/district';
import { outcomes } from '../../../models/outcomes/outcomes';
import type { Project } from '../../../models/project/project';

const withHistory = (): Project => {
  const p = demoProject();
  // A second, dearer budget year for the EL program, and two years of a falling EL measure.
  const el = p.budget.filter((b) => b.program === 'el');
  const earlier = el.map((b) => ({ ...b, fiscal_year: 2025, amount: Math.round(b.amount * 0.8) }));
  const enr = p.enrollment.filter((e) => e.year === 2026).map((e) => ({ ...e, year: 2025 }));
  return { ...p, budget: [...p.budget, ...earlier], enrollment: [...p.enrollment.filter((e) => e.year !== 2025), ...enr] };
};

describe('steward outcomes', () => {
  it('follows each measure of the demo from its first year to its last, per site and per program', () => {
    const r = outcomes(demoProject());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.years).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(r.value.spending_years).toEqual([2026]);
    expect(r.value.sites.length).toBe(12);
    const el = r.value.programs.find((p) => p.id === 'el')!;
    expect(el.per_pupil_change_cents).toBeNull();
    expect(el.measures[0]!.steps).toHaveLength(4);
    expect(r.value.caveats.some((c) => c.includes('one fiscal year'))).toBe(true);
  });

  it('flags a program whose cost per pupil rose while its measure got worse or stayed flat two years', () => {
    const p = withHistory();
    const rows = p.outcomes.filter((o) => o.program !== 'el');
    const falling = [0.2, 0.21, 0.22, 0.2, 0.18].map((value, i) => ({ program: 'el', year: 2022 + i, measure: 'reclassified', value, higher_is_better: true }));
    const r = outcomes({ ...p, outcomes: [...rows, ...falling] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const el = r.value.programs.find((x) => x.id === 'el')!;
    expect(el.per_pupil_change_cents).toBeGreaterThan(0);
    expect(r.value.flags.filter((f) => f.code === 'cost_up_outcome_not' && f.entity === 'el')).toHaveLength(1);
  });

  it('says which row names neither a site nor a program', () => {
    const p = demoProject();
    const r = outcomes({ ...p, outcomes: [{ year: 2026, measure: 'x', value: 1, higher_is_better: true, src: { sheet: 'Outcomes', row: 7 } }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/Outcomes row 7: give a site_id, a program, or both/);
  });
});
