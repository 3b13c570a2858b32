import { normal01, type Rng } from './prng';

// Driver uncertainty. low/high are read as a 90% interval (P5, P95), the way Guesstimate and
// Squiggle read "5 to 10"; `value` is the base (mode for triangular). Each kind becomes plain
// parameters once per project, so a draw is a few arithmetic operations.

export const Z95 = 1.6448536269514722; // standard normal quantile at 0.95

export type DistKind = 'normal' | 'lognormal' | 'triangular' | 'uniform';

export type DistParams =
  | { kind: 'normal'; mean: number; sd: number }
  | { kind: 'lognormal'; mu: number; sigma: number; shift: number } // value = shift + exp(N(mu, sigma))
  | { kind: 'triangular'; a: number; c: number; b: number }
  | { kind: 'uniform'; a: number; b: number };

/** Turns base/low/high into distribution parameters, or a reason it cannot. */
export function fitDistribution(kind: DistKind, base: number, low: number, high: number): DistParams | string {
  if (!(high > low)) return `high (${high}) must be above low (${low})`;
  switch (kind) {
    case 'normal':
      return { kind, mean: (low + high) / 2, sd: (high - low) / (2 * Z95) };
    case 'lognormal': {
      // Rates can be negative, so the log is taken of (x − shift) with the shift below low:
      // for positive intervals shift = 0; for rates shift = −1 (the log of the growth factor).
      const shift = low > 0 ? 0 : -1;
      if (low - shift <= 0) return `lognormal needs low above ${shift}`;
      const l = Math.log(low - shift);
      const h = Math.log(high - shift);
      return { kind, mu: (l + h) / 2, sigma: (h - l) / (2 * Z95), shift };
    }
    case 'uniform': {
      const w = (high - low) / 0.9;
      return { kind, a: low - 0.05 * w, b: high + 0.05 * w };
    }
    case 'triangular': {
      if (!(base > low && base < high)) return `triangular needs low < value < high (got ${low}, ${base}, ${high})`;
      // Solve for the ends a < low and b > high such that P(X < low) = P(X > high) = 5%, keeping
      // the mode at `base`: F(low) = (low−a)² / ((b−a)(c−a)), 1 − F(high) = (b−high)² / ((b−a)(b−c)).
      const c = base;
      let a = low - (high - low) * 0.2;
      let b = high + (high - low) * 0.2;
      for (let i = 0; i < 200; i++) {
        a = low - Math.sqrt(0.05 * (b - a) * (c - a));
        b = high + Math.sqrt(0.05 * (b - a) * (b - c));
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

function normalCdf(z: number): number {
  // Abramowitz–Stegun 7.1.26 on erf; accurate to ~1e-7, enough for tests and reports.
  const t = 1 / (1 + 0.3275911 * Math.abs(z / Math.SQRT2));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}
