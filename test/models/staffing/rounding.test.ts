import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundFte } from '../../../models/staffing/rounding';
import { fteCost } from '../../../models/staffing/costs';
import { asCents, scaleCents } from '../../../models/money/cents';

describe('roundFte', () => {
  it('rounds up, down and to the nearest increment', () => {
    // 2.08 FTE: up → 3, down → 2, nearest → 2; in halves: up 2.5, nearest 2.0; in tenths up 2.1.
    expect(roundFte(2.08, 'up', 1)).toBe(3);
    expect(roundFte(2.08, 'down', 1)).toBe(2);
    expect(roundFte(2.08, 'nearest', 1)).toBe(2);
    expect(roundFte(2.08, 'up', 0.5)).toBe(2.5);
    expect(roundFte(2.08, 'nearest', 0.5)).toBe(2);
    expect(roundFte(2.08, 'up', 0.1)).toBe(2.1);
    // Halves go up under nearest: 2.5 → 3; 2.25 in halves → 2.5.
    expect(roundFte(2.5, 'nearest', 1)).toBe(3);
    expect(roundFte(2.25, 'nearest', 0.5)).toBe(2.5);
  });

  it('does not round float noise up a whole position', () => {
    // 51 ÷ 25.5 = 2 exactly; 0.1 × 3 = 0.30000000000000004 must stay 0.3 in tenths.
    expect(roundFte(51 / 25.5, 'up', 1)).toBe(2);
    expect(roundFte(0.1 * 3, 'up', 0.1)).toBe(0.3);
  });

  // Invariants: the result is a multiple of the increment, within one increment of the raw value,
  // never below it when rounding up, never above it when rounding down, and monotone in the raw value.
  it('keeps the rounding invariants', () => {
    const inc = fc.constantFrom(1, 0.5, 0.25, 0.1);
    const mode = fc.constantFrom('up' as const, 'down' as const, 'nearest' as const);
    fc.assert(fc.property(fc.double({ min: 0, max: 500, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), inc, mode, (raw, more, step, m) => {
      const r = roundFte(raw, m, step);
      const units = r / step;
      expect(Math.abs(units - Math.round(units))).toBeLessThan(1e-6);
      expect(Math.abs(r - raw)).toBeLessThanOrEqual(step + 1e-6);
      if (m === 'up') expect(r).toBeGreaterThanOrEqual(raw - 1e-4);
      if (m === 'down') expect(r).toBeLessThanOrEqual(raw + 1e-4);
      expect(roundFte(raw + more, m, step)).toBeGreaterThanOrEqual(r);
    }));
  });
});

describe('fteCost', () => {
  // Invariant: the fast path gives exactly what scaleCents gives (half away from zero, float noise removed).
  it('matches scaleCents', () => {
    fc.assert(fc.property(fc.integer({ min: -50_000_000, max: 50_000_000 }), fc.integer({ min: -100_000, max: 100_000 }), (perFte, fteTenThousandths) => {
      const fte = fteTenThousandths / 10_000;
      expect(fteCost(fte, asCents(perFte))).toBe(scaleCents(asCents(perFte), fte));
    }), { numRuns: 2000 });
    // A half cent: 0.5 FTE × 1 cent = 0.5 → 1; −0.5 → −1.
    expect(fteCost(0.5, asCents(1))).toBe(1);
    expect(fteCost(-0.5, asCents(1))).toBe(-1);
  });
});
