import { describe, expect, it } from 'vitest';
import { allocate } from '../../../models/allocate/allocate';
import { discretionaryShares, fixedPositions } from '../../../models/allocate/discretionary';
import { demoProject } from '../../../models/demo/district';

describe('discretionary share', () => {
  it('is the formula\'s unrestricted part less the positions staffing rules fix at the school', () => {
    const p = demoProject();
    const a = allocate(p, {});
    if (!a.ok) throw new Error(a.reason);
    const fixed = fixedPositions(p, a.value.year);
    const rows = discretionaryShares(a.value.sites, fixed);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const list = fixed.sites[r.site_id] ?? [];
      // Every school has rule-fixed positions (a principal at least), paid at least partly from unrestricted money.
      expect(list.some((x) => x.role === 'principal')).toBe(true);
      expect(r.fixed_positions_cents).toBe(list.reduce((s, x) => s + x.unrestricted_cents, 0));
      expect(r.discretionary_cents).toBe(Math.max(0, r.formula_cents - r.fixed_positions_cents));
      expect(r.share).toBeCloseTo(r.discretionary_cents / r.allocation_cents, 12);
      expect(r.share!).toBeLessThan(r.formula_cents / r.allocation_cents);
    }
    // Restricted money paying part of a role is not taken off the unrestricted part.
    const split = Object.values(fixed.sites).flat().find((x) => x.unrestricted_share < 1);
    if (split) expect(split.unrestricted_cents).toBe(Math.round(split.cost_cents * split.unrestricted_share));
  });
});
