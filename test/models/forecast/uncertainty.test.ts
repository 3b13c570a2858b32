import { describe, expect, it } from 'vitest';
import { distCdf, distMean, fitDistribution, sample, type DistKind } from '../../../models/forecast/distributions';
import { scenarioPaths } from '../../../models/forecast/drivers';
import { runTrials, summariseTrials } from '../../../models/forecast/monte-carlo';
import { prepareForecast } from '../../../models/forecast/prepare';
import { mulberry32 } from '../../../models/forecast/prng';
import { breakEven, tornado } from '../../../models/forecast/sensitivity';
import { drivers, tinyProject } from './fixtures';

describe('distributions read low/high as a 90% interval', () => {
  // Centred on the value (mc-centring.test.ts): with the value mid-interval — the middle for normal
  // and uniform, the geometric middle for lognormal (√(0.01 × 0.06)) — low/high are P5 and P95;
  // triangular solves its ends so they are, wherever the mode is.
  const middle: Record<DistKind, number> = { normal: 0.035, uniform: 0.035, lognormal: Math.sqrt(0.01 * 0.06), triangular: 0.03 };
  for (const kind of ['normal', 'lognormal', 'triangular', 'uniform'] as DistKind[]) {
    it(kind, () => {
      const d = fitDistribution(kind, middle[kind], 0.01, 0.06);
      if (typeof d === 'string') throw new Error(d);
      expect(distCdf(d, 0.01)).toBeCloseTo(0.05, 4);
      expect(distCdf(d, 0.06)).toBeCloseTo(0.95, 4);
      const rng = mulberry32(9);
      let sum = 0;
      const n = 40_000;
      for (let i = 0; i < n; i++) sum += sample(d, rng);
      expect(Math.abs(sum / n - distMean(d))).toBeLessThan(0.0003);
    });
  }
});

// GEN revenue 100,000 flat; supplies 90,000 inflating by CPI ~ normal with 90% interval [0%, 10%]
// (mean 5%, sd 0.1 / (2 × 1.6449) = 0.030397); beginning balance 20,000; one projected year.
// Ending balance 2027 = 20,000 + (100,000 − 90,000) + (100,000 − 90,000 × (1 + cpi)), so its mean
// is 40,000 − 90,000 × 0.05 = 35,500 and its sd 90,000 × 0.030397 = 2,735.7.
const project = tinyProject({
  settings: { district_name: 'Tiny', base_year: 2026, horizon_years: 1, beginning_fund_balance: 2_000_000, reserve_policy_pct: 0.08, seed: 1 },
  funds: [{ fund_code: 'GEN', name: 'General', source: 'local', restricted: false, available: 10_000_000 }],
  budget: [{ fiscal_year: 2026, fund_code: 'GEN', object: 'supplies', amount: 9_000_000 }],
  drivers: [...drivers({}).filter((d) => d.driver !== 'cpi'), { driver: 'cpi', value: 0.05, low: 0, high: 0.1, distribution: 'normal' }],
});
const prep = prepareForecast(project);
if (!prep.ok) throw new Error(prep.reason);
const p = prep.value;
const paths = (() => { const s = scenarioPaths('Base', p.scenarios, p.drivers.paths, p.baseYear, p.years); if (!s.ok) throw new Error(s.reason); return s.value.paths; })();

describe('Monte Carlo', () => {
  it('is reproducible by seed and independent of how trials are split', () => {
    const whole = runTrials(p, paths, 42, 0, 1000);
    const a = runTrials(p, paths, 42, 0, 400);
    const b = runTrials(p, paths, 42, 400, 600);
    expect(Array.from(whole.balance)).toEqual([...Array.from(a.balance), ...Array.from(b.balance)]);
    expect(summariseTrials(p, [b, a], 42)).toEqual(summariseTrials(p, [whole], 42));
    expect(Array.from(runTrials(p, paths, 43, 0, 50).balance)).not.toEqual(Array.from(whole.balance.slice(0, 100)));
  });

  it('has its mean within statistical tolerance of the analytic mean', () => {
    const n = 20_000;
    const s = summariseTrials(p, [runTrials(p, paths, 7, 0, n)], 7);
    const sd = 9_000_000 * (0.1 / (2 * 1.6448536269514722));
    // 4 standard errors: a false alarm about once in 15,000 runs (and never with this seed).
    expect(Math.abs(s.bands[1]!.mean - 3_550_000)).toBeLessThan((4 * sd) / Math.sqrt(n));
    expect(s.bands[1]!.p50).toBeGreaterThan(s.bands[1]!.p25);
    expect(s.bands[1]!.p95).toBeGreaterThan(s.bands[1]!.p75);
    // Breach: reserve = ending / expenditure < 8% ⇔ 40,000 − 90,000(1+c) < 0.08 × 90,000(1+c) ⇔ c > −0.588…: never.
    expect(s.breach_probability[1]!.p).toBe(0);
  });
});

describe('sensitivity', () => {
  it('tornado puts the driver at its low and high', () => {
    const t = tornado(p, paths);
    // CPI 0%: 2027 expenditure 90,000 → ending 40,000; CPI 10%: 99,000 → ending 31,000.
    expect(t.bars[0]).toMatchObject({ driver: 'cpi', ending_balance_at_low_cents: 4_000_000, ending_balance_at_high_cents: 3_100_000, swing_cents: 900_000 });
  });
  it('break-even finds the CPI at which the reserve meets the policy', () => {
    // 2027 expenditure E = 90,000(1+x); ending = 20,000 + 10,000 + 100,000 − E = 130,000 − E.
    // reserve = ending ÷ E = 0.08 ⇔ 130,000 = 1.08 E
    // ⇔ E = 120,370.37 ⇔ x = 120,370.37 / 90,000 − 1 = 0.337449.
    const be = breakEven(p, paths, 'cpi', [0, 1]);
    expect(be.value).not.toBeNull();
    expect(be.value!).toBeCloseTo(130_000 / 1.08 / 90_000 - 1, 5);
  });
});
