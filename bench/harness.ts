/**
 * The benchmark harness: each bench file registers cases; `npm run bench` runs them and prints
 * one line per figure with its target and, where a bare library does the same work, the ratio.
 */
export interface Figure {
  name: string;
  value: number;
  unit: 'ms' | 's' | 'MB' | 'x';
  /** The target, e.g. { max: 200 } for "under 200 ms". */
  target?: { max?: number; min?: number };
  /** Compared against (e.g. "bare papaparse"). */
  baseline?: { name: string; value: number };
}

export interface BenchCase {
  name: string;
  run: () => Promise<Figure[]>;
}

export const cases: BenchCase[] = [];
export function bench(name: string, run: () => Promise<Figure[]>): void {
  cases.push({ name, run });
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
