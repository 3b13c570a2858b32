import { describe, expect, it } from 'vitest';
import { distCdf, distMean, fitDistribution } from '../../../models/forecast/distributions';
import { scenarioPaths } from '../../../models/forecast/drivers';
import { runTrials, summariseTrials } from '../../../models/forecast/monte-carlo';
import { prepareForecast } from '../../../models/forecast/prepare';
import { drivers, tinyProject } from './fixtures';

// Issue 21 item 14: a distribution is centred on the driver's value (the number the plain forecast
// uses); low/high are read as a stated interval (90% unless monte_carlo.interval says otherwise)
// and give the spread. z = 1.6448536 (the standard normal's 95th percentile).
const Z = 1.6448536269514722;
const fit = (kind: Parameters<typeof fitDistribution>[0], value: number, low: number, high: number, level?: number) => {
  const d = fitDistribution(kind, value, low, high, level);
  if (typeof d === 'string') throw new Error(d);
  return d;
};

describe('distributions centred on the value', () => {
  it('normal: mean = value, sd = (high − low) ÷ 2z', () => {
    // value 3%, low 0%, high 10%: mean 0.03 (not the midpoint 0.05), sd 0.1 ÷ 3.2897 = 0.030397.
    expect(fit('normal', 0.03, 0, 0.1)).toEqual({ kind: 'normal', mean: 0.03, sd: 0.1 / (2 * Z) });
  });
  it('uniform: width (high − low) ÷ 0.9, centred on the value', () => {
    // w = 0.1 ÷ 0.9 = 0.11111: from 0.03 − 0.05556 = −0.02556 to 0.03 + 0.05556 = 0.08556.
    const d = fit('uniform', 0.03, 0, 0.1);
    expect(d.kind === 'uniform' && [d.a, d.b]).toEqual([0.03 - 0.1 / 0.9 / 2, 0.03 + 0.1 / 0.9 / 2]);
    expect(distMean(d)).toBeCloseTo(0.03, 12);
  });
  it('lognormal: median = value, log-spread from the interval', () => {
    // low > 0: shift 0, μ = ln 0.03, σ = (ln 0.1 − ln 0.01) ÷ 2z = 2.302585 ÷ 3.2897 = 0.69994.
    const d = fit('lognormal', 0.03, 0.01, 0.1);
    expect(d).toMatchObject({ kind: 'lognormal', shift: 0 });
    expect(distCdf(d, 0.03)).toBeCloseTo(0.5, 6);
    expect(d.kind === 'lognormal' && d.sigma).toBeCloseTo(Math.log(10) / (2 * Z), 12);
  });
  it('when the value is mid-interval, low and high are the P5 and P95; another level widens or narrows', () => {
    for (const kind of ['normal', 'uniform'] as const) {
      const d = fit(kind, 0.05, 0, 0.1);
      expect(distCdf(d, 0)).toBeCloseTo(0.05, 4);
      expect(distCdf(d, 0.1)).toBeCloseTo(0.95, 4);
      // An 80% interval: low and high at P10 and P90.
      const e = fit(kind, 0.05, 0, 0.1, 0.8);
      expect(distCdf(e, 0)).toBeCloseTo(0.1, 4);
    }
  });
});

describe('Monte Carlo centred on the plain forecast', () => {
  // GEN revenue 100,000 flat, supplies 90,000 inflating by CPI; one projected year; beginning
  // balance 20,000. CPI value 3% with low 0% and high 10% (normal). The plain forecast's 2027
  // ending balance: 20,000 + (100,000 − 90,000) + (100,000 − 90,000 × 1.03) = 37,300.
  // Centred on the value, the trials' mean and median are 37,300 too (sd 90,000 × 0.030397 =
  // 2,735.7); centred on the midpoint 5% they were 35,500, $1,800 below the plain forecast.
  const project = tinyProject({
    settings: { district_name: 'Tiny', base_year: 2026, horizon_years: 1, beginning_fund_balance: 2_000_000, reserve_policy_pct: 0.08, seed: 1 },
    funds: [{ fund_code: 'GEN', name: 'General', source: 'local', restricted: false, available: 10_000_000 }],
    budget: [{ fiscal_year: 2026, fund_code: 'GEN', object: 'supplies', amount: 9_000_000 }],
    drivers: [...drivers({}).filter((d) => d.driver !== 'cpi'), { driver: 'cpi', value: 0.03, low: 0, high: 0.1, distribution: 'normal' }],
  });
  const prep = prepareForecast(project);
  if (!prep.ok) throw new Error(prep.reason);
  const p = prep.value;
  const sp = scenarioPaths('Base', p.scenarios, p.drivers.paths, p.baseYear, p.years);
  if (!sp.ok) throw new Error(sp.reason);
  const n = 20_000;
  const s = summariseTrials(p, [runTrials(p, sp.value.paths, 11, 0, n)], 11);

  it('has the plain forecast as its mean and median, within statistical tolerance', () => {
    const se = 273_570 / Math.sqrt(n); // cents
    expect(Math.abs(s.bands[1]!.mean - 3_730_000)).toBeLessThan(4 * se);
    expect(Math.abs(s.bands[1]!.p50 - 3_730_000)).toBeLessThan(5 * se);
  });

  it('says how each driver was drawn, and warns when the value is off the middle of its interval', () => {
    expect(s.distributions).toEqual([{
      driver: 'cpi', kind: 'normal', center: 0.03, low: 0, high: 0.1, interval: 0.9,
      // P(X < 0) = Φ(−0.03 ÷ 0.030397) = Φ(−0.98693) = 0.16184; P(X < 0.1) = Φ(2.30286) = 0.98935.
      p_low: expect.closeTo(0.16184, 4), p_high: expect.closeTo(0.98935, 4),
    }]);
    expect(p.warnings.join('\n')).toMatch(/driver cpi: the value 0\.03 is not in the middle of low 0 and high 0\.1/);
  });
});
