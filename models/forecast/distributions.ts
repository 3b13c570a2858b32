import { normal01, type Rng } from './prng';

// Driver uncertainty. Every distribution is centred on the driver's `value` — the number the plain
// forecast uses — so the Monte Carlo median sits on the forecast rather than on the middle of
// low/high: normal mean = value, uniform centred on the value, lognormal median = value,
// triangular mode = value. low/high are a stated interval (90% by default, monte_carlo.interval)
// and give the spread; when the value is in their middle they are exactly its P5 and P95, the way
// Guesstimate and Squiggle read "5 to 10". Each kind becomes plain parameters once per project,
// so a draw is a few arithmetic operations.

export const Z95 = 1.6448536269514722; // standard normal quantile at 0.95

export type DistKind = 'normal' | 'lognormal' | 'triangular' | 'uniform';

export type DistParams =
  | { kind: 'normal'; mean: number; sd: number }
  | { kind: 'lognormal'; mu: number; sigma: number; shift: number } // value = shift + exp(N(mu, sigma))
  | { kind: 'triangular'; a: number; c: number; b: number }
  | { kind: 'uniform'; a: number; b: number };

/** The z of a central interval: 1.6449 for 90%. */
export function intervalZ(level: number): number {
  return level === 0.9 ? Z95 : normalQuantile((1 + level) / 2);
}

/** Turns value/low/high (low/high a central `level` interval) into distribution parameters, or a reason it cannot. */
export function fitDistribution(kind: DistKind, value: number, low: number, high: number, level = 0.9): DistParams | string {
  if (!(high > low)) return `high (${high}) must be above low (${low})`;
  if (!(level > 0 && level < 1)) return `the interval must be between 0 and 1, got ${level}`;
  const z = intervalZ(level);
  switch (kind) {
    case 'normal':
      return { kind, mean: value, sd: (high - low) / (2 * z) };
    case 'lognormal': {
      // Rates can be negative, so the log is taken of (x − shift) with the shift below low:
      // for positive intervals shift = 0; for rates shift = −1 (the log of the growth factor).
      const shift = low > 0 ? 0 : -1;
      if (low - shift <= 0) return `lognormal needs low above ${shift}`;
      if (value - shift <= 0) return `lognormal needs the value above ${shift}`;
      const l = Math.log(low - shift);
      const h = Math.log(high - shift);
      return { kind, mu: Math.log(value - shift), sigma: (h - l) / (2 * z), shift };
    }
    case 'uniform': {
      const w = (high - low) / level;
      return { kind, a: value - w / 2, b: value + w / 2 };
    }
    case 'triangular': {
      if (!(value > low && value < high)) return `triangular needs low < value < high (got ${low}, ${value}, ${high})`;
      // Solve for the ends a < low and b > high such that P(X < low) = P(X > high) = tail, keeping
      // the mode at `value`: F(low) = (low−a)² / ((b−a)(c−a)), 1 − F(high) = (b−high)² / ((b−a)(b−c)).
      const tail = (1 - level) / 2;
      const c = value;
      let a = low - (high - low) * 0.2;
      let b = high + (high - low) * 0.2;
      for (let i = 0; i < 200; i++) {
        a = low - Math.sqrt(tail * (b - a) * (c - a));
        b = high + Math.sqrt(tail * (b - a) * (b - c));
      }
      return { kind, a, c, b };
    }
  }
}

export function sample(p: DistParams, rng: Rng): number {
  switch (p.kind) {
    case 'normal':
      return p.mean + p.sd * normal01(rng);
    case 'lognormal':
      return p.shift + Math.exp(p.mu + p.sigma * normal01(rng));
    case 'uniform':
      return p.a + (p.b - p.a) * rng();
    case 'triangular': {
      const u = rng();
      const fc = (p.c - p.a) / (p.b - p.a);
      return u < fc ? p.a + Math.sqrt(u * (p.b - p.a) * (p.c - p.a)) : p.b - Math.sqrt((1 - u) * (p.b - p.a) * (p.b - p.c));
    }
  }
}

/** The analytic mean (tests compare the Monte Carlo mean against it). */
export function distMean(p: DistParams): number {
  switch (p.kind) {
    case 'normal': return p.mean;
    case 'lognormal': return p.shift + Math.exp(p.mu + (p.sigma * p.sigma) / 2);
    case 'uniform': return (p.a + p.b) / 2;
    case 'triangular': return (p.a + p.b + p.c) / 3;
  }
}

/** The cumulative distribution (tests check that low/high land on P5/P95). */
export function distCdf(p: DistParams, x: number): number {
  switch (p.kind) {
    case 'normal': return normalCdf((x - p.mean) / p.sd);
    case 'lognormal': return x <= p.shift ? 0 : normalCdf((Math.log(x - p.shift) - p.mu) / p.sigma);
    case 'uniform': return Math.min(1, Math.max(0, (x - p.a) / (p.b - p.a)));
    case 'triangular':
      if (x <= p.a) return 0;
      if (x >= p.b) return 1;
      return x <= p.c ? (x - p.a) ** 2 / ((p.b - p.a) * (p.c - p.a)) : 1 - (p.b - x) ** 2 / ((p.b - p.a) * (p.b - p.c));
  }
}

/** The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lowTail = (q: number) => (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < 0.02425) return lowTail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -lowTail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

function normalCdf(z: number): number {
  // Abramowitz–Stegun 7.1.26 on erf; accurate to ~1e-7, enough for tests and reports.
  const t = 1 / (1 + 0.3275911 * Math.abs(z / Math.SQRT2));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}
