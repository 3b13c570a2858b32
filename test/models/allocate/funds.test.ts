import { describe, expect, it } from 'vitest';
import { allocate } from '../../../models/allocate/allocate';
import { AllocateConfigSchema } from '../../../models/allocate/config';
import { siteProfiles } from '../../../models/allocate/profile';
import { rankTitle1 as rankParsed, title1PerPupilNonIncreasing } from '../../../models/allocate/title1';
import { asCents } from '../../../models/money/cents';
import { tinyProject } from './fixture';

const ranked = tinyProject({
  sites: [
    { id: 'S1', grades: { '1': 100 }, needs: { econ_disadvantaged: 90 } }, // 90%
    { id: 'S2', grades: { '1': 200 }, needs: { econ_disadvantaged: 160 } }, // 80%
    { id: 'S3', grades: { '1': 100 }, needs: { econ_disadvantaged: 50 } }, // 50%
    { id: 'S4', grades: { '1': 100 }, needs: { econ_disadvantaged: 20 } }, // 20%
  ],
});
const profiles = siteProfiles(ranked, 2026);
const t1cfg = (over: Record<string, unknown> = {}) => AllocateConfigSchema.parse({ title1: over }).title1;
const rankTitle1 = (...args: Parameters<typeof rankParsed>) => {
  const r = rankParsed(...args);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe('Title I, Part A ranking (ESEA §1113)', () => {
  it('serves schools above 75% in rank order, then those at the district average', () => {
    // District average 320 ÷ 500 = 64%: S1 (90%) and S2 (80%) served; S3 (50%) and S4 (20%) not.
    // $10,000.03 = 1,000,003 cents over 250 low-income pupils: rate ⌊1,000,003 ÷ 250⌋ = 4,000, 3 cents left,
    // which go to the top-ranked school: S1 = 90 × 4,000 + 3 = 360,003; S2 = 160 × 4,000 = 640,000.
    const r = rankTitle1(profiles, asCents(1_000_003), t1cfg());
    expect(r.threshold).toBeCloseTo(0.64);
    expect(r.sites.map((s) => [s.site_id, s.rank, s.served, s.allocation_cents])).toEqual([
      ['S1', 1, true, 360_003], ['S2', 2, true, 640_000], ['S3', 3, false, 0], ['S4', 4, false, 0],
    ]);
    expect(title1PerPupilNonIncreasing(r.sites)).toBe(true);
  });

  it('with a 35% threshold also serves S3, and no lower-ranked school gets more per pupil', () => {
    // 300 pupils: rate ⌊1,000,003 ÷ 300⌋ = 3,333 (999,900), 103 cents left: S1 takes 90, S2 the last 13.
    // S1 = 90 × 3,333 + 90 = 300,060; S2 = 160 × 3,333 + 13 = 533,293; S3 = 50 × 3,333 = 166,650.
    const r = rankTitle1(profiles, asCents(1_000_003), t1cfg({ threshold: 0.35 }));
    expect(r.sites.map((s) => s.allocation_cents)).toEqual([300_060, 533_293, 166_650, 0]);
    expect(r.allocated_cents).toBe(1_000_003);
    expect(title1PerPupilNonIncreasing(r.sites)).toBe(true);
  });

  it('drops the lowest-ranked optional schools until the minimum per pupil is met, never one above 75%', () => {
    // Minimum $35 per pupil with $10,000: 300 pupils give $33.33 → S3 dropped; 250 give $40.
    const r = rankTitle1(profiles, asCents(1_000_000), t1cfg({ threshold: 0.35, min_per_pupil_cents: 3500 }));
    expect(r.sites.map((s) => s.reason)).toEqual(['above_high_poverty', 'above_high_poverty', 'dropped_min_per_pupil', 'below_threshold']);
  });
});

describe('restricted funds first, then general funds', () => {
  // GEN $1,000 (any use); T3 $300 for english learners only.
  // Needs in priority order: N1 (EL, p1, A, $200), N3 (tutoring, p1, A, $100), N2 (EL, p2, B, $200).
  // N1: T3 pays 200 (T3 has 100 left). N3: T3 may not pay → GEN 100. N2: T3 its last 100, GEN 100.
  // GEN left for the formula: 1,000 − 200 = $800, shared by pupils 1:1 → A $400, B $400.
  const p = tinyProject({
    sites: [{ id: 'A', grades: { '1': 50 } }, { id: 'B', grades: { '1': 50 } }],
    funds: [{ code: 'GEN', dollars: 1000 }, { code: 'T3', dollars: 300, restricted: true, uses: ['english_learners'], end: '2026-09-30' }],
    needs: [
      { id: 'N1', category: 'english_learners', dollars: 200, priority: 1, site: 'A' },
      { id: 'N2', category: 'english_learners', dollars: 200, priority: 2, site: 'B' },
      { id: 'N3', category: 'tutoring', dollars: 100, priority: 1, site: 'A' },
    ],
    config: { rules: [{ name: 'flat' }] },
  });
  const r = allocate(p);
  if (!r.ok) throw new Error(r.reason);
  const v = r.value;

  it('pays each need from eligible restricted funds before general funds', () => {
    expect(v.needs.map((n) => [n.need_id, n.by_fund.map((b) => `${b.fund_code}:${b.cents}`).join(' '), n.status])).toEqual([
      ['N1', 'T3:20000', 'funded'], ['N3', 'GEN:10000', 'funded'], ['N2', 'T3:10000 GEN:10000', 'funded'],
    ]);
  });

  it('sends the rest of the general fund through the formula, and every fund adds up', () => {
    expect(v.rules.pool_cents).toBe(80_000);
    expect(v.sites.map((s) => [s.site_id, s.formula_cents, s.allocation_cents])).toEqual([['A', 40_000, 70_000], ['B', 40_000, 60_000]]);
    expect(v.funds.map((f) => [f.fund_code, f.allocated_cents, f.leftover_cents])).toEqual([['GEN', 100_000, 0], ['T3', 30_000, 0]]);
  });

  it('computes per-pupil dollars and the cost-balance ratio', () => {
    // A $700 for 50 pupils = $14.00 (1,400 cents); B $600 → 1,200 cents. Equal weighted need (50 each):
    // A: (700 ÷ 1,300) ÷ (50 ÷ 100) = 1.0769…; B: (600 ÷ 1,300) ÷ 0.5 = 0.923… — both inside 0.90–1.10, so no flag.
    expect(v.sites.map((s) => s.per_pupil_cents)).toEqual([1400, 1200]);
    expect(v.sites[0]!.cost_balance_ratio).toBeCloseTo(14 / 13, 12);
    expect(v.sites[1]!.cost_balance_ratio).toBeCloseTo(12 / 13, 12);
    expect(v.flags.filter((f) => f.code === 'cost_balance')).toEqual([]);
  });

  it('reports partly funded and unfunded needs, and IDEA money only for disability needs', () => {
    const q = tinyProject({
      sites: [{ id: 'A', grades: { '1': 10 } }],
      funds: [{ code: 'IDEAB', name: 'IDEA Part B', dollars: 150, restricted: true, uses: ['any'] }],
      needs: [
        { id: 'D1', category: 'students_with_disabilities', dollars: 100, priority: 1, site: 'A' },
        { id: 'D2', category: 'students_with_disabilities', dollars: 100, priority: 2, site: 'A' },
        { id: 'X', category: 'tutoring', dollars: 100, priority: 1, site: 'A' },
      ],
    });
    const res = allocate(q);
    if (!res.ok) throw new Error(res.reason);
    expect(res.value.needs.map((n) => [n.need_id, n.funded_cents, n.status])).toEqual([['D1', 10_000, 'funded'], ['X', 0, 'unfunded'], ['D2', 5_000, 'partly_funded']]);
  });

  it('never spends a fund past its end date, and flags lapse risk', () => {
    const q = tinyProject({
      sites: [{ id: 'A', grades: { '1': 10 } }],
      funds: [{ code: 'OLD', dollars: 100, restricted: true, end: '2024-09-30' }, { code: 'SOON', dollars: 100, restricted: true, uses: ['x'], end: '2025-08-15' }],
      needs: [{ id: 'N', category: 'y', dollars: 50, priority: 1, site: 'A' }],
    });
    const res = allocate(q);
    if (!res.ok) throw new Error(res.reason);
    expect(res.value.needs[0]!.funded_cents).toBe(0);
    expect(res.value.funds.map((f) => [f.fund_code, f.lapse_risk])).toEqual([['OLD', 'expired'], ['SOON', 'high']]);
  });
});

describe('awkward funds', () => {
  it('a general fund in deficit gives the formula nothing and reports the deficit as a negative balance', () => {
    const p = tinyProject({ sites: [{ id: 'A', grades: { '1': 10 } }], funds: [{ code: 'GEN', dollars: -500 }], config: { rules: [{ name: 'r', pool_cents: 10_000 }] } });
    const r = allocate(p);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.sites[0]!.allocation_cents).toBe(0);
    expect(r.value.funds[0]!.leftover_cents).toBe(-50_000);
  });
});

describe('Title I by grade span', () => {
  it('measures each school against its own span\'s average', () => {
    // ES: E1 60% (60/100), E2 40% (40/100) → ES average 50%: E1 served, E2 not.
    // MS: M1 30% (30/100), M2 10% (10/100) → MS average 20%: M1 served (30% ≥ 20%), M2 not.
    // District-wide the average is 140/400 = 35%: only E1 and E2 (40% ≥ 35%) would be served.
    const p = siteProfiles(tinyProject({
      sites: [
        { id: 'E1', level: 'ES', grades: { '1': 100 }, needs: { econ_disadvantaged: 60 } },
        { id: 'E2', level: 'ES', grades: { '1': 100 }, needs: { econ_disadvantaged: 40 } },
        { id: 'M1', level: 'MS', grades: { '6': 100 }, needs: { econ_disadvantaged: 30 } },
        { id: 'M2', level: 'MS', grades: { '6': 100 }, needs: { econ_disadvantaged: 10 } },
      ],
    }), 2026);
    const served = (rank_by: 'district' | 'grade_span') => rankTitle1(p, asCents(100_000), t1cfg({ rank_by })).sites.filter((s) => s.served).map((s) => s.site_id).sort();
    expect(served('district')).toEqual(['E1', 'E2']);
    expect(served('grade_span')).toEqual(['E1', 'M1']);
  });
});
