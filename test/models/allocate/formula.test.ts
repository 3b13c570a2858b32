import { describe, expect, it } from 'vitest';
import { allocate } from '../../../models/allocate/allocate';
import { RuleSetSchema } from '../../../models/allocate/config';
import { computeFormula } from '../../../models/allocate/formula';
import { applyHoldHarmless } from '../../../models/allocate/hold-harmless';
import { HOUSTON_2018 } from '../../../models/allocate/presets';
import { siteProfiles } from '../../../models/allocate/profile';
import { asCents, type Cents } from '../../../models/money/cents';
import { tinyProject } from './fixture';

const rules = (r: Record<string, unknown>) => RuleSetSchema.parse({ name: 'test', ...r });
const two = tinyProject({
  sites: [
    { id: 'A', level: 'ES', grades: { K: 100, '1': 100 }, needs: { econ_disadvantaged: 50 } },
    { id: 'B', level: 'MS', grades: { '6': 300 }, needs: { econ_disadvantaged: 100 } },
  ],
});
const profiles = siteProfiles(two, 2026);
const cents = (r: ReturnType<typeof computeFormula>) => {
  if (!r.ok) throw new Error(r.reason);
  return Object.fromEntries(r.value.sites.map((s) => [s.site_id, s.allocation_cents]));
};

describe('weighted student formula', () => {
  const wsf = { foundation_cents: { ES: 1_000_000, MS: 2_000_000 }, grade_weights: { K: 1.5 }, need_weights: { econ_disadvantaged: 0.2 } };

  it('solves the base so the pool is spent exactly', () => {
    // W_A = 100×1.5 + 100×1.0 + 50×0.2 = 260; W_B = 300×1.0 + 100×0.2 = 320.
    // base = (1,000,000 − 10,000 − 20,000) ÷ 580 = 1,672.41379…
    // A = 10,000 + 260 × base = 444,827.586…  B = 20,000 + 320 × base = 555,172.413…
    // in cents 44,482,758.62 and 55,517,241.38: the one cent left goes to A (larger remainder .62).
    const r = computeFormula(profiles, rules({ ...wsf, base_mode: 'solve' }), asCents(100_000_000), null);
    expect(cents(r)).toEqual({ A: 44_482_759, B: 55_517_241 });
    if (r.ok) expect(r.value.base_per_pupil).toBeCloseTo(970_000 / 580, 6);
  });

  it('uses a fixed base and leaves the rest of the pool', () => {
    // base $1,000: A = 10,000 + 260,000 = 270,000; B = 20,000 + 320,000 = 340,000 (total 610,000 < pool).
    const r = computeFormula(profiles, rules({ ...wsf, base_mode: 'fixed', base_per_pupil_cents: 100_000 }), asCents(100_000_000), null);
    expect(cents(r)).toEqual({ A: 27_000_000, B: 34_000_000 });
  });

  it('scales a fixed base down to the pool when it costs more, and flags it', () => {
    // Costs 610,000 against a pool of 305,000: every site halves: A 135,000, B 170,000.
    const r = computeFormula(profiles, rules({ ...wsf, base_mode: 'fixed', base_per_pupil_cents: 100_000 }), asCents(30_500_000), null);
    expect(cents(r)).toEqual({ A: 13_500_000, B: 17_000_000 });
    if (r.ok) expect(r.value.flags.map((f) => f.code)).toContain('pool_short');
  });

  it('adds a custom term written as an expression over site variables', () => {
    // Term: 100 × econ_disadvantaged → A +5,000, B +10,000 on top of the fixed-base amounts above.
    const r = computeFormula(profiles, rules({ ...wsf, base_mode: 'fixed', base_per_pupil_cents: 100_000, custom_terms: [{ name: 'poverty dollars', expression: '100 * econ_disadvantaged' }] }), asCents(100_000_000), null);
    expect(cents(r)).toEqual({ A: 27_500_000, B: 35_000_000 });
  });

  it('refuses a custom term with an unknown variable, naming the rule', () => {
    const r = computeFormula(profiles, rules({ custom_terms: [{ name: 'typo', expression: 'enrolment * 2' }] }), asCents(100), null);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/rules "test": custom term "typo": unknown variable "enrolment"/);
  });

  it('gives the Houston small-school subsidy, capped at 15% of the base allocation', () => {
    // A: 200 ES pupils, threshold 500: (500 − 200) × $850 = $255,000; cap = min(15% × $3,522 × 200, $228,480)
    //    = min($105,660, $228,480) = $105,660. Base allocation $704,400 → $810,060.
    // B: 700 ES pupils: no subsidy: $3,522 × 700 = $2,465,400.
    const p = siteProfiles(tinyProject({ sites: [{ id: 'A', grades: { '1': 200 } }, { id: 'B', grades: { '1': 700 } }] }), 2026);
    const r = computeFormula(p, HOUSTON_2018, asCents(1_000_000_000), null);
    expect(cents(r)).toEqual({ A: 81_006_000, B: 246_540_000 });
    if (r.ok) expect(r.value.sites[0]!.small_school_cents).toBe(10_566_000);
  });
});

describe('hold-harmless', () => {
  const c = (xs: number[]) => xs.map((x) => asCents(x));
  const prior = (xs: number[]) => new Map<string, Cents>(xs.map((x, i) => [String.fromCharCode(65 + i), asCents(x)]));

  it('raises a losing site to its floor and scales the others to pay for it', () => {
    // Formula 500 / 300 / 200 of 1,000; last year 700 / 200 / 100; max loss 10% → floors 630 / 180 / 90.
    // A (500) is under 630: held at 630. The other 370 is shared 300:200 → B 222, C 148 (both above floor).
    const r = applyHoldHarmless(['A', 'B', 'C'], c([500, 300, 200]), prior([700, 200, 100]), 0.1);
    expect(r.cents).toEqual([630, 222, 148]);
    expect(r.held).toEqual([true, false, false]);
  });

  it('iterates to a fixed point when paying for one floor pushes another site under its own', () => {
    // Floors 540 / 297 / 90 (last year 600 / 330 / 100, 10% loss).
    // Round 1: A 500 < 540 → held. Round 2: 460 shared 300:200 → B 276 < 297 → held.
    // Round 3: C gets 1,000 − 540 − 297 = 163 ≥ 90. Result 540 / 297 / 163.
    const r = applyHoldHarmless(['A', 'B', 'C'], c([500, 300, 200]), prior([600, 330, 100]), 0.1);
    expect(r.cents).toEqual([540, 297, 163]);
    expect(r.cents.reduce((a, b) => a + b, 0)).toBe(1000);
  });

  it('scales every floor when the floors alone exceed the pool', () => {
    // Last year 1,000 / 334, 10% loss → floors 900 / ⌈300.6⌉ = 301, together 1,201 > 1,000.
    // 1,000 shared 900:301 = 749.38 / 250.62 → 749 / 250 and the last cent to B (.62 > .38) → 749 / 251.
    const r = applyHoldHarmless(['A', 'B'], c([500, 500]), prior([1000, 334]), 0.1);
    expect(r.cents).toEqual([749, 251]);
    expect(r.flags.map((f) => f.code)).toContain('hold_harmless_infeasible');
  });

  it('works inside allocate(): last year estimated from last year\'s students', () => {
    // Pool $1,000 (GEN); this year A 10 pupils, B 90; last year A 50, B 50 → last year's formula gave A $500.
    // Max loss 20% → A's floor $400; formula would give A $100. A held at $400, B gets $600.
    const p = tinyProject({
      sites: [{ id: 'A', grades: { '1': 10 }, lastYear: { '1': 50 } }, { id: 'B', grades: { '1': 90 }, lastYear: { '1': 50 } }],
      funds: [{ code: 'GEN', dollars: 1000 }],
      config: { rules: [{ name: 'hh', hold_harmless_max_loss: 0.2 }] },
    });
    const r = allocate(p);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.sites.map((s) => s.allocation_cents)).toEqual([40_000, 60_000]);
    expect(r.value.rules.prior_source).toBe('formula_prior_year');
  });
});
