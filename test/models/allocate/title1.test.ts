import { describe, expect, it } from 'vitest';
import { allocate } from '../../../models/allocate/allocate';
import { AllocateConfigSchema } from '../../../models/allocate/config';
import { siteProfiles } from '../../../models/allocate/profile';
import { rankTitle1, title1PerPupilNonIncreasing, type Title1Ranking } from '../../../models/allocate/title1';
import { demoProject } from '../../../models/demo/district';
import { asCents } from '../../../models/money/cents';
import { gate } from '../../../models/project/gate';
import { checkProject } from '../../../models/project/open';
import type { Project } from '../../../models/project/project';
import type { SiteLevel } from '../../../models/schema/tables';
import { tinyProject } from './fixture';

const t1cfg = (over: Record<string, unknown> = {}) => AllocateConfigSchema.parse({ title1: over }).title1;
/** Schools as [id, low-income, enrollment, level]. */
const profilesOf = (schools: [string, number, number, SiteLevel?][]) =>
  siteProfiles(tinyProject({ sites: schools.map(([id, low, enr, level]) => ({ id, level: level ?? 'ES', grades: { '1': enr }, needs: { econ_disadvantaged: low } })) }), 2026);
const rank = (profiles: ReturnType<typeof profilesOf>, cents: number, over: Record<string, unknown> = {}): Title1Ranking => {
  const r = rankTitle1(profiles, asCents(cents), t1cfg(over));
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const table = (r: Title1Ranking) => r.sites.map((s) => [s.site_id, s.served, s.allocation_cents]);

describe('the 125% rule (ESEA §1113(c)(2)(A))', () => {
  // S1 80/100, S2 57/100, S3 30/100, S4 28/100, S5 25/200 (12.5%): 220 low-income children; Title I $220,000,
  // so the district received $1,000.00 per low-income child and 125% of it is $1,250.00.
  // A threshold of 25% serves S1–S4 (195 children): 22,000,000 ÷ 195 = 112,820 ¢ rate, 100 ¢ left (S1 takes 80, S2 20):
  // S1 gets $1,128.21 per child — below $1,250 while schools at 30% and 28% are served.
  const p = profilesOf([['S1', 80, 100], ['S2', 57, 100], ['S3', 30, 100], ['S4', 28, 100], ['S5', 25, 200]]);

  it('flags every served school under 125% when asked only to flag (before: served at $1,128.21, unflagged)', () => {
    const r = rank(p, 22_000_000, { threshold: 0.25, rule_125: 'flag' });
    expect(table(r)).toEqual([['S1', true, 80 * 112_820 + 80], ['S2', true, 57 * 112_820 + 20], ['S3', true, 30 * 112_820], ['S4', true, 28 * 112_820], ['S5', false, 0]]);
    expect(r.rule_125).toMatchObject({ applies: true, lea_per_child_cents: 100_000, min_per_child_cents: 125_000, met: false });
    expect(r.flags.filter((f) => f.code === 'title1_125').map((f) => f.site_id)).toEqual(['S1', 'S2', 'S3', 'S4']);
    expect(r.flags[0]!.message).toContain('at least $1,250.00 per low-income child');
  });

  it('by default serves fewer: the lowest-ranked school below 35% drops until every served school gets 125%', () => {
    // Without S4 (28%): 167 children, 22,000,000 ÷ 167 = 131,736 ¢ (≥ 125,000), 88 ¢ left: S1 +80, S2 +8.
    // S3 (30%) is still served, so the rule applies — and is met.
    const r = rank(p, 22_000_000, { threshold: 0.25 });
    expect(table(r)).toEqual([['S1', true, 10_538_960], ['S2', true, 7_508_960], ['S3', true, 3_952_080], ['S4', false, 0], ['S5', false, 0]]);
    expect(r.sites[3]!.reason).toBe('dropped_125_rule');
    expect(r.rule_125).toMatchObject({ applies: true, met: true, dropped: ['S4'] });
    expect(r.allocated_cents).toBe(22_000_000);
  });

  it('does not apply when every served school is at 35% or more', () => {
    expect(rank(p, 22_000_000, { threshold: 0.35 }).rule_125).toMatchObject({ applies: false, met: null });
  });
});

describe('reservations off the top (§1116(a)(3), §1117, §1113(c)(3))', () => {
  // S1 90/100, S2 160/200: both above 75%, 250 low-income children. Title I $2,650,000 (over $500,000).
  // Family engagement ⌈1% × 265,000,000⌉ = 2,650,000 ¢, 90% (2,385,000 ¢) to schools, 265,000 ¢ at the district;
  // equitable services $40,000 and homeless $10,000 as the district worked them out.
  // Schools share 265,000,000 − 2,650,000 − 4,000,000 − 1,000,000 = 257,350,000 ¢: 1,029,400 ¢ per child exactly.
  // Family engagement to schools by low-income children 90 : 160 → 858,600 and 1,526,400 ¢.
  const over = { reservations: { equitable_services_cents: 4_000_000, homeless_cents: 1_000_000 } };

  it('takes family engagement (1%, 90% of it to schools), equitable services and homeless money first', () => {
    const r = rank(profilesOf([['S1', 90, 100], ['S2', 160, 200]]), 265_000_000, over);
    expect(r.reservations).toMatchObject({ family_engagement_cents: 2_650_000, family_engagement_schools_cents: 2_385_000, family_engagement_district_cents: 265_000, equitable_services_cents: 4_000_000, homeless_cents: 1_000_000, schools_cents: 257_350_000, reserved_cents: 5_265_000 });
    expect(r.sites.map((s) => [s.site_id, s.allocation_cents, s.family_engagement_cents])).toEqual([['S1', 92_646_000, 858_600], ['S2', 164_704_000, 1_526_400]]);
  });

  it('in the allocation: the fund adds up, schools get the family-engagement money, the rest is reserved', () => {
    const q = tinyProject({
      sites: [{ id: 'S1', grades: { '1': 100 }, needs: { econ_disadvantaged: 90 } }, { id: 'S2', grades: { '1': 200 }, needs: { econ_disadvantaged: 160 } }],
      funds: [{ code: 'GEN', dollars: 1_000_000 }, { code: 'T1A', name: 'Title I, Part A', dollars: 2_650_000, restricted: true, uses: ['econ_disadvantaged'] }],
      config: { title1: over },
    });
    const r = allocate(q);
    if (!r.ok) throw new Error(r.reason);
    const f = r.value.funds.find((x) => x.fund_code === 'T1A')!;
    // to sites 257,350,000 + 2,385,000 = 259,735,000; reserved 265,000 + 4,000,000 + 1,000,000 = 5,265,000.
    expect(f).toMatchObject({ to_sites_cents: 259_735_000, to_reservations_cents: 5_265_000, allocated_cents: 265_000_000, leftover_cents: 0 });
    expect(r.value.sites.map((s) => [s.site_id, s.title1_family_engagement_cents])).toEqual([['S1', 858_600], ['S2', 1_526_400]]);
  });

  it('no family-engagement reservation at $500,000 or less; reservations above the allocation are an error', () => {
    expect(rank(profilesOf([['S1', 90, 100]]), 50_000_000).reservations.family_engagement_cents).toBe(0);
    expect(rank(profilesOf([['S1', 90, 100]]), 50_000_001).reservations.family_engagement_cents).toBe(500_001);
    const bad = rankTitle1(profilesOf([['S1', 90, 100]]), asCents(1_000_000), t1cfg({ reservations: { equitable_services_cents: 2_000_000 } }));
    expect(bad.ok).toBe(false);
  });

  it('the demo reserves $26,500 for family engagement ($23,850 to its Title I schools)', () => {
    const r = allocate(demoProject());
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.title1.reservations).toMatchObject({ family_engagement_cents: 2_650_000, family_engagement_schools_cents: 2_385_000, family_engagement_district_cents: 265_000 });
    expect(r.value.sites.reduce((a, s) => a + s.title1_family_engagement_cents, 0)).toBe(2_385_000);
  });
});

describe('per-low-income-child bands', () => {
  // A published table: ≥ 75% $477, ≥ 65% $464, ≥ 50% $450, the rest share the remainder.
  // A 80/100 (band 1), B 70/100 (band 2), C 55/100 (band 3), D 45/100 and E 40/100 (band 4), threshold 35%.
  // Fixed: 80 × 47,700 + 70 × 46,400 + 55 × 45,000 = 3,816,000 + 3,248,000 + 2,475,000 = 9,539,000 ¢.
  // Pot $132,836.27: remainder 13,283,627 − 9,539,000 = 3,744,627 ¢ over 85 children → ⌊÷ 85⌋ = 44,054 ¢ ($440.54),
  // 3,744,627 − 85 × 44,054 = 37 ¢ left, one per child down the ranking: D = 45 × 44,054 + 37 = 1,982,467; E = 40 × 44,054 = 1,762,160.
  const p = profilesOf([['A', 80, 100], ['B', 70, 100], ['C', 55, 100], ['D', 45, 100], ['E', 40, 100]]);
  const bands = [{ min_share: 0.75, per_child_cents: 47_700 }, { min_share: 0.65, per_child_cents: 46_400 }, { min_share: 0.5, per_child_cents: 45_000 }, { min_share: 0 }];

  it('reproduces the table to the cent from the counts, the pot and the band definitions', () => {
    const r = rank(p, 13_283_627, { threshold: 0.35, bands });
    expect(r.sites.map((s) => [s.site_id, s.band, s.allocation_cents])).toEqual([['A', 1, 3_816_000], ['B', 2, 3_248_000], ['C', 3, 2_475_000], ['D', 4, 1_982_467], ['E', 4, 1_762_160]]);
    expect(r.bands.map((b) => [b.band, b.per_child_cents, b.remainder, b.schools, b.low_income])).toEqual([[1, 47_700, false, 1, 80], [2, 46_400, false, 1, 70], [3, 45_000, false, 1, 55], [4, 44_054, true, 2, 85]]);
    expect(r.allocated_cents).toBe(13_283_627);
    expect(title1PerPupilNonIncreasing(r.sites)).toBe(true);
  });

  it('never gives the remainder band more per child than the band above: it is held there and the rest stays at the district', () => {
    // Pot $200,000: remainder 20,000,000 − 9,539,000 = 10,461,000 ¢ would be 123,070 ¢ a child, above band 3's 45,000.
    // Held at 45,000: D 2,025,000, E 1,800,000; 10,461,000 − 3,825,000 = 6,636,000 ¢ unplaced.
    const r = rank(p, 20_000_000, { threshold: 0.35, bands });
    expect(r.sites.slice(3).map((s) => s.allocation_cents)).toEqual([2_025_000, 1_800_000]);
    expect(r.allocated_cents).toBe(20_000_000 - 6_636_000);
    expect(r.flags.map((f) => f.code)).toContain('title1_bands');
    expect(title1PerPupilNonIncreasing(r.sites)).toBe(true);
  });

  it('a table that costs more than the pot is an error, not a silent scale-down', () => {
    const r = rankTitle1(p, asCents(9_000_000), t1cfg({ threshold: 0.35, bands }));
    expect(r.ok ? '' : r.reason).toContain('the per-child bands cost $95,390.00, more than the $90,000.00');
  });

  it('a band that pays more than the one above it is a validation error on its row of the settings', () => {
    const bad = { ...demoProject(), allocate: { title1: { bands: [{ min_share: 0.75, per_child_cents: 40_000 }, { min_share: 0.5, per_child_cents: 45_000 }] } } } as unknown as Project;
    const g = gate(checkProject(bad, 'district.steward'), 'allocate', 'district.steward');
    expect(g.ok).toBe(false);
    expect(g.problems.find((x) => x.severity === 'error')!.message).toMatch(/title1\.bands\.1\.per_child_cents: a lower band may not get more per child/);
  });
});

describe('eligibility options', () => {
  it('"district average or 35%": a school at 40% is eligible when the average is 47.5%', () => {
    // 90 + 50 + 40 + 10 = 190 of 400 = 47.5%. Average alone: S1, S2. Average or 35%: S3 (40%) too.
    const p = profilesOf([['S1', 90, 100], ['S2', 50, 100], ['S3', 40, 100], ['S4', 10, 100]]);
    const served = (threshold: unknown) => rank(p, 1_000_000, { threshold }).sites.filter((s) => s.served).map((s) => s.site_id);
    expect(served('district_average')).toEqual(['S1', 'S2']);
    expect(served('district_average_or_35')).toEqual(['S1', 'S2', 'S3']);
  });

  it('high schools at 50%: a high school above 50% is served with the schools above 75%, ahead of them in rank order', () => {
    // E1 ES 70%, H1 HS 55%, E2 ES 60%: average 185/300 = 61.7%. Without the option H1 (55%) is not served.
    // With high_school_high_poverty 0.5, H1 is in the must-serve group and ranks first.
    const p = profilesOf([['E1', 70, 100, 'ES'], ['H1', 55, 100, 'HS'], ['E2', 60, 100, 'ES']]);
    expect(rank(p, 1_000_000).sites.filter((s) => s.served).map((s) => s.site_id)).toEqual(['E1']);
    const r = rank(p, 1_000_000, { high_school_high_poverty: 0.5 });
    expect(r.sites.map((s) => [s.site_id, s.rank, s.served, s.reason])).toEqual([['H1', 1, true, 'high_school_above_threshold'], ['E1', 2, true, 'at_or_above_threshold'], ['E2', 3, false, 'below_threshold']]);
  });

  it('grade-span mode reports each school\'s own threshold and rank within its span', () => {
    // ES average 50%, MS average 20% (as in funds.test.ts).
    const p = profilesOf([['E1', 60, 100, 'ES'], ['E2', 40, 100, 'ES'], ['M1', 30, 100, 'MS'], ['M2', 10, 100, 'MS']]);
    const r = rank(p, 100_000, { rank_by: 'grade_span' });
    expect(r.span_thresholds).toEqual({ ES: 0.5, MS: 0.2 });
    expect(r.sites.map((s) => [s.site_id, s.rank, s.span_rank, s.threshold, s.served])).toEqual([['E1', 1, 1, 0.5, true], ['E2', 2, 2, 0.5, false], ['M1', 3, 1, 0.2, true], ['M2', 4, 2, 0.2, false]]);
  });
});

describe('the 125% rule counts private-school low-income children in the district\'s per-child amount', () => {
  it('30 private-school children lower the minimum from $1,250.00 to $1,100.00', () => {
    // 22,000,000 ¢ ÷ (220 + 30) = 88,000 ¢ a child; × 1.25 = 110,000 ¢. Serving S1–S4 at 112,820 ¢ meets it.
    const p = profilesOf([['S1', 80, 100], ['S2', 57, 100], ['S3', 30, 100], ['S4', 28, 100], ['S5', 25, 200]]);
    const r = rank(p, 22_000_000, { threshold: 0.25, private_low_income: 30 });
    expect(r.rule_125).toMatchObject({ applies: true, lea_per_child_cents: 88_000, min_per_child_cents: 110_000, met: true, dropped: [] });
  });
});
