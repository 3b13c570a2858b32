import { describe, expect, it } from 'vitest';
import { allocateFee } from '../../../models/network/fee';

describe('network fee allocation', () => {
  it('splits a % of public revenue so the schools\' fees add to the office\'s fee revenue exactly', () => {
    // Public revenue $1,000,000.01 + $2,000,000.01 + $3,000,000.01 = 600,000,003 cents.
    // Fee 12%: 600,000,003 × 0.12 = 72,000,000.36 → 72,000,000 cents (rounded once).
    // Shares 1/6, 2/6, 3/6 of 72,000,000 (weights 100,000,001 : 200,000,001 : 300,000,001):
    //   11,999,999.99…, 23,999,999.99…, 35,999,999.99… → floors 11,999,999 + 23,999,999 + 35,999,999
    //   = 71,999,997; the 3 cents left go to the largest remainders, one each.
    const f = allocateFee([
      { site_id: 'A', public_revenue: 100_000_001, students: 120 },
      { site_id: 'B', public_revenue: 200_000_001, students: 240 },
      { site_id: 'C', public_revenue: 300_000_001, students: 360 },
    ], { feeBasis: 'pct_public_revenue', feeRate: 0.12 });
    expect(f.total_cents).toBe(72_000_000);
    expect(f.by_school).toEqual({ A: 12_000_000, B: 24_000_000, C: 36_000_000 });
    expect(Object.values(f.by_school).reduce((a, b) => a + b, 0)).toBe(f.total_cents);
  });

  it('charges per pupil, the odd cent by largest remainder', () => {
    // $333.33 (33,333 cents) a student; 1 + 1 + 2 students: total 4 × 33,333 = 133,332 cents, split 1:1:2 = 33,333 / 33,333 / 66,666.
    expect(allocateFee([{ site_id: 'A', public_revenue: 0, students: 1 }, { site_id: 'B', public_revenue: 0, students: 1 }, { site_id: 'C', public_revenue: 0, students: 2 }], { feeBasis: 'per_pupil', feeRate: 33_333 }))
      .toEqual({ total_cents: 133_332, by_school: { A: 33_333, B: 33_333, C: 66_666 } });
    // 10 cents over 3 equal schools: 3.33… each → 3, 3, 3 and the 1 left to the first (ties go to the earlier).
    expect(allocateFee([{ site_id: 'A', public_revenue: 0, students: 1 }, { site_id: 'B', public_revenue: 0, students: 1 }, { site_id: 'C', public_revenue: 0, students: 1 }], { feeBasis: 'per_pupil', feeRate: 10 / 3 }).by_school)
      .toEqual({ A: 4, B: 3, C: 3 });
  });
});
