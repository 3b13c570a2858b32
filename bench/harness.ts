/**
 * The benchmark harness: each bench file registers cases; `npm run bench` runs them and prints
 * one line per figure with its target and, where a bare library does the same work, the ratio.
 */
export interface Figure {
  name: string;
  value: number;
  unit: 'ms' | 's' | 'MB' | 'x' | '%';
  /** The target, e.g. { max: 200 } for "under 200 ms". */
  target?: { max?: number; min?: number };
  /** Compared against (e.g. "bare papaparse"). */
  baseline?: { name: string; value: number };
  /** Printed under the figure: the range over runs, the machine's load, or why it was not measured (value NaN). */
  note?: string;
}

export interface BenchCase {
  name: string;
  run: () => Promise<Figure[]>;
}

export const cases: BenchCase[] = [];
export function bench(name: string, run: () => Promise<Figure[]>): void {
  cases.push({ name, run });
}

/** A full garbage collection when node runs with --expose-gc (npm run bench does), else nothing. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Two functions timed in alternation (a, b, a, b, …), a full collection before each run, so both
 * see the same machine and start from a clean heap: on a shared 2-core VM the load changes from
 * second to second, and timing all of a before all of b turned that into the ratio. Returns each
 * one's median and the median of the per-pair ratios b ÷ a.
 */
export async function timePaired(a: () => unknown, b: () => unknown, reps = 9, warm = 2): Promise<{ a: number; b: number; ratio: number }> {
  for (let i = 0; i < warm; i++) { await a(); await b(); }
  const ta: number[] = [];
  const tb: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < reps; i++) {
    collectGarbage();
    let t0 = performance.now();
    await a();
    const x = performance.now() - t0;
    collectGarbage();
    t0 = performance.now();
    await b();
    const y = performance.now() - t0;
    ta.push(x);
    tb.push(y);
    ratios.push(y / x);
  }
  const median = (v: number[]) => v.slice().sort((p, q) => p - q)[Math.floor(v.length / 2)]!;
  return { a: median(ta), b: median(tb), ratio: median(ratios) };
}

/** Median wall time of `reps` runs after `warm` warm-ups, in ms. */
export async function timeIt(fn: () => unknown | Promise<unknown>, reps = 5, warm = 1): Promise<number> {
  for (let i = 0; i < warm; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
