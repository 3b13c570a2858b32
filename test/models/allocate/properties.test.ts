import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocate, type AllocationResult } from '../../../models/allocate/allocate';
import { AllocateConfigSchema } from '../../../models/allocate/config';
import { eligible, fundRules } from '../../../models/allocate/funds';
import { priorityPass } from '../../../models/allocate/priority-pass';
import { allocateOptimized, loadHighs, type LpSolver } from '../../../models/allocate/optimize';
import { title1PerPupilNonIncreasing } from '../../../models/allocate/title1';
import { syntheticProject } from '../../../models/allocate/synthetic';
import type { Project } from '../../../models/project/project';

const arbProject = fc.record({
  sites: fc.integer({ min: 1, max: 14 }),
  funds: fc.integer({ min: 1, max: 12 }),
  needs: fc.integer({ min: 0, max: 80 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  preset: fc.constantFrom(undefined, 'boston', 'houston', 'nyc'),
});

/** Every invariant a result must keep, whatever the district. */
function checkInvariants(p: Project, v: AllocationResult): void {
  // Each fund: allocated + left over = available, neither negative, and the parts add up.
  for (const f of v.funds) {
    expect(f.allocated_cents + f.leftover_cents).toBe(f.available_cents);
    expect(f.leftover_cents).toBeGreaterThanOrEqual(0);
    expect(f.to_needs_cents + f.to_sites_cents + f.to_formula_cents + f.to_reservations_cents).toBe(f.allocated_cents);
    expect(Number.isSafeInteger(f.allocated_cents)).toBe(true);
  }
  // What sites get + what district-wide needs get + Title I reservations = what the funds allocated, to the cent.
  const siteSum = v.sites.reduce((a, s) => a + s.allocation_cents, 0);
  const districtNeeds = v.needs.filter((n) => n.site_id === undefined).reduce((a, n) => a + n.funded_cents, 0);
  expect(siteSum + districtNeeds + v.totals.reserved_cents).toBe(v.totals.allocated_cents);
  // Title I: the reservations, the schools' allocations and what stays at the district add up to the fund.
  const res = v.title1.reservations;
  if (res) expect(res.family_engagement_cents + res.equitable_services_cents + res.homeless_cents + res.neglected_delinquent_cents + res.district_reserve_cents + res.schools_cents).toBe(res.allocation_cents);
  // Supplement-not-supplant: what a Title I school is short is exactly neutral − general when positive, else 0.
  for (const s of v.compliance.sns) expect(s.supplanted_cents).toBe(s.title1 ? Math.max(0, s.neutral_cents - s.general_cents) : 0);
  // Needs: never over cost; by-fund parts add up; every fund that paid was allowed to.
  const cfg = AllocateConfigSchema.parse(p.allocate ?? {});
  const rules = new Map(fundRules(p.funds, cfg, v.allocation_date).map((r) => [r.fund.fund_code, r]));
  const byId = new Map(p.needs.map((n) => [n.need_id, n]));
  for (const n of v.needs) {
    expect(n.funded_cents).toBeLessThanOrEqual(n.cost_cents);
    expect(n.by_fund.reduce((a, b) => a + b.cents, 0)).toBe(n.funded_cents);
    for (const b of n.by_fund) expect(eligible(rules.get(b.fund_code)!, byId.get(n.need_id)!)).toBe(true);
  }
  expect(title1PerPupilNonIncreasing(v.title1.sites)).toBe(true);
}

describe('allocation invariants (property tests)', () => {
  it('totals are exact to the cent, eligibility is never violated, Title I per pupil never rises down the ranking', () => {
    fc.assert(fc.property(arbProject, ({ preset, ...size }) => {
      const p = syntheticProject(size);
      const r = allocate(p, preset ? { preset } : {});
      if (!r.ok) throw new Error(r.reason);
      checkInvariants(p, r.value);
    }), { numRuns: 60 });
  });

  it('the totals-only priority pass (the supplement-not-supplant rerun) pays every need the same amounts', () => {
    fc.assert(fc.property(arbProject, ({ preset: _preset, ...size }) => {
      const p = syntheticProject(size);
      const cfg = AllocateConfigSchema.parse(p.allocate ?? {});
      const rules = fundRules(p.funds, cfg, '2025-07-01');
      const pots = () => ({ district: new Map(rules.map((r) => [r.fund.fund_code, r.fund.available as number])), title1Sites: new Map<string, number>() });
      const full = priorityPass(p.needs, rules, pots(), true);
      const lite = priorityPass(p.needs, rules, pots(), true, true);
      expect(lite.map(({ by_fund: _b, ...n }) => n)).toEqual(full.map(({ by_fund: _b, ...n }) => n));
    }), { numRuns: 30 });
  });

  it('same inputs give bit-identical results', () => {
    const p = syntheticProject({ sites: 20, funds: 8, needs: 100, seed: 7 });
    expect(JSON.stringify(allocate(p))).toBe(JSON.stringify(allocate(structuredClone(p))));
  });
});

describe('optimising mode (HiGHS)', () => {
  let solver: LpSolver;
  beforeAll(async () => { solver = await loadHighs(); });

  it('is feasible and covers at least as much as the priority order', () => {
    fc.assert(fc.property(arbProject, ({ preset, ...size }) => {
      const p = syntheticProject(size);
      const r = allocateOptimized(p, preset ? { preset } : {}, solver);
      if (!r.ok) throw new Error(r.reason);
      checkInvariants(p, r.value.optimized);
      expect(r.value.comparison.coverage_optimized).toBeGreaterThanOrEqual(r.value.comparison.coverage_priority - 1e-9);
    }), { numRuns: 25 });
  });

  it('respects per-site caps and floors', () => {
    const p = syntheticProject({ sites: 6, funds: 6, needs: 60, seed: 3 });
    const site = p.needs.find((n) => n.site_id)!.site_id!;
    const other = p.sites.map((s) => s.site_id).find((s) => s !== site)!;
    p.allocate = AllocateConfigSchema.parse({ ...p.allocate, optimize: { site_cap_cents: { [site]: 100_000 }, site_floor_cents: { [other]: 50_000 } } });
    const r = allocateOptimized(p, {}, solver);
    if (!r.ok) throw new Error(r.reason);
    const atSite = (id: string) => r.value.optimized.needs.filter((n) => n.site_id === id).reduce((a, n) => a + n.funded_cents, 0);
    expect(atSite(site)).toBeLessThanOrEqual(100_000);
    const otherCost = p.needs.filter((n) => n.site_id === other).reduce((a, n) => a + n.cost, 0);
    expect(atSite(other)).toBeGreaterThanOrEqual(Math.min(50_000, otherCost) - 1);
  });
});

describe('worker boundary', () => {
  it('inputs and results survive structuredClone unchanged (they cross to and from a worker)', () => {
    const p = syntheticProject({ sites: 8, funds: 6, needs: 40, seed: 5 });
    const r = allocate(structuredClone(p));
    if (!r.ok) throw new Error(r.reason);
    expect(structuredClone(r.value)).toEqual(r.value);
  });
});
