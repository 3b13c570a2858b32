// Horizontal and vertical equity, pupil-weighted (Berne & Stiefel, The Measurement of Equity in
// School Finance, 1984). x = dollars per pupil of a site, n = its pupils. Formulas in docs/allocate.md.

export interface EquityMeasures {
  /** max − min, dollars per pupil. */
  range: number;
  /** P95 − P5. */
  restricted_range: number;
  /** (P95 − P5) ÷ P5. */
  federal_range_ratio: number;
  /** Pupil-weighted standard deviation ÷ mean. */
  cv: number;
  mcloone: number;
  verstegen: number;
  gini: number;
  theil: number;
  mean: number;
  median: number;
  pupils: number;
}

export interface VerticalEquity {
  /** Weighted least-squares slope of dollars per pupil on poverty share (dollars per 1.00 of share). */
  slope: number;
  /** Pupil-weighted Pearson correlation of dollars per pupil with poverty share. */
  correlation: number;
}

const EMPTY: EquityMeasures = { range: 0, restricted_range: 0, federal_range_ratio: 0, cv: 0, mcloone: 1, verstegen: 1, gini: 0, theil: 0, mean: 0, median: 0, pupils: 0 };

/**
 * Pupil-weighted percentile: the smallest x at which the share of pupils at or below it reaches p
 * (the inverse of the pupil-weighted distribution function; no interpolation, so it is a real site's value).
 */
export function weightedPercentile(sorted: readonly { x: number; n: number }[], p: number, total: number): number {
  let cum = 0;
  for (const s of sorted) {
    cum += s.n;
    if (cum >= p * total - 1e-9) return s.x;
  }
  return sorted.length > 0 ? sorted[sorted.length - 1]!.x : 0;
}

export function equityMeasures(values: readonly { x: number; n: number }[]): EquityMeasures {
  const v = values.filter((s) => s.n > 0 && Number.isFinite(s.x)).map((s) => ({ x: s.x, n: s.n })).sort((a, b) => a.x - b.x);
  if (v.length === 0) return { ...EMPTY };
  let N = 0;
  let sum = 0;
  for (const s of v) { N += s.n; sum += s.n * s.x; }
  const mean = sum / N;
  let ss = 0;
  for (const s of v) ss += s.n * (s.x - mean) ** 2;
  const sd = Math.sqrt(ss / N);
  const p5 = weightedPercentile(v, 0.05, N);
  const p95 = weightedPercentile(v, 0.95, N);
  const median = weightedPercentile(v, 0.5, N);
  let belowN = 0, belowSum = 0, aboveN = 0, aboveSum = 0;
  for (const s of v) {
    if (s.x < median) { belowN += s.n; belowSum += s.n * s.x; }
    else if (s.x > median) { aboveN += s.n; aboveSum += s.n * s.x; }
  }
  // Gini over sorted values: G = Σ_i n_i x_i (2 C_i − n_i − N) ÷ (N² μ), C_i = pupils up to and including i —
  // the same as Σ_i Σ_j n_i n_j |x_i − x_j| ÷ (2 N² μ) in O(n log n).
  let cum = 0;
  let g = 0;
  for (const s of v) {
    cum += s.n;
    g += s.n * s.x * (2 * cum - s.n - N);
  }
  let theil = 0;
  if (mean > 0) for (const s of v) if (s.x > 0) theil += (s.n / N) * (s.x / mean) * Math.log(s.x / mean);
  return {
    range: v[v.length - 1]!.x - v[0]!.x,
    restricted_range: p95 - p5,
    federal_range_ratio: p5 > 0 ? (p95 - p5) / p5 : 0,
    cv: mean !== 0 ? sd / mean : 0,
    mcloone: belowN > 0 && median > 0 ? belowSum / (belowN * median) : 1,
    verstegen: aboveN > 0 && median > 0 ? aboveSum / (aboveN * median) : 1,
    gini: mean > 0 ? g / (N * N * mean) : 0,
    theil,
    mean,
    median,
    pupils: N,
  };
}

/** How dollars per pupil rise with poverty: weighted least squares slope and weighted correlation. */
export function verticalEquity(values: readonly { x: number; n: number; poverty: number }[]): VerticalEquity {
  const v = values.filter((s) => s.n > 0);
  let N = 0, mx = 0, mp = 0;
  for (const s of v) { N += s.n; mx += s.n * s.x; mp += s.n * s.poverty; }
  if (N === 0) return { slope: 0, correlation: 0 };
  mx /= N; mp /= N;
  let sxp = 0, spp = 0, sxx = 0;
  for (const s of v) {
    sxp += s.n * (s.x - mx) * (s.poverty - mp);
    spp += s.n * (s.poverty - mp) ** 2;
    sxx += s.n * (s.x - mx) ** 2;
  }
  return { slope: spp > 0 ? sxp / spp : 0, correlation: spp > 0 && sxx > 0 ? sxp / Math.sqrt(spp * sxx) : 0 };
}
