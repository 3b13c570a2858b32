import { describe, expect, it } from 'vitest';
import { equityMeasures, verticalEquity } from '../../../models/allocate/equity';

describe('equity measures, pupil-weighted', () => {
  // Sites: $10 per pupil × 1 pupil, $20 × 2, $30 × 1. N = 4, mean (10 + 40 + 30) ÷ 4 = 20.
  const e = equityMeasures([{ x: 10, n: 1 }, { x: 20, n: 2 }, { x: 30, n: 1 }]);
  it.each([
    ['range', 20], // 30 − 10
    ['restricted_range', 20], // P95 = 30 (cumulative 4 ≥ 3.8), P5 = 10 (1 ≥ 0.2)
    ['federal_range_ratio', 2], // (30 − 10) ÷ 10
    ['cv', Math.sqrt(50) / 20], // SD = √((100 + 0 + 0 + 100) ÷ 4) = √50
    ['median', 20], // cumulative 3 ≥ 2 at $20
    ['mcloone', 0.5], // below the median: 1 pupil × 10 ÷ (1 × 20)
    ['verstegen', 1.5], // above: 1 × 30 ÷ (1 × 20)
    ['gini', 0.1875], // Σ_ij n_i n_j |x_i − x_j| = 2 × (1·2·10 + 1·1·20 + 2·1·10) = 120; 120 ÷ (2 × 16 × 20)
    ['theil', 0.25 * 0.5 * Math.log(0.5) + 0.25 * 1.5 * Math.log(1.5)], // Σ (n/N)(x/μ) ln(x/μ)
  ] as const)('%s', (k, want) => {
    expect(e[k]).toBeCloseTo(want, 10);
  });

  it('is perfectly equal when every site gets the same', () => {
    const f = equityMeasures([{ x: 7, n: 3 }, { x: 7, n: 9 }]);
    expect([f.range, f.cv, f.gini, f.theil, f.mcloone, f.verstegen]).toEqual([0, 0, 0, 0, 1, 1]);
  });

  it('vertical equity: slope and correlation of dollars per pupil on poverty share', () => {
    // x rises $100 per 1.00 of poverty share exactly: slope 100, correlation 1.
    const v = verticalEquity([{ x: 10, n: 1, poverty: 0.1 }, { x: 20, n: 2, poverty: 0.2 }, { x: 30, n: 1, poverty: 0.3 }]);
    expect(v.slope).toBeCloseTo(100, 9);
    expect(v.correlation).toBeCloseTo(1, 9);
  });
});
