import type { Format } from './seeds';

/** What a campaign counts per format (and in total). */
export interface Tally {
  imported: number;
  rejected: number;
  internal: number;
  over5s: number;
  over1GB: number;
  hangs: number;
  /** CPU time, the largest of any input. */
  maxMs: number;
  maxWallMs: number;
  maxMb: number;
  /** CPU time of all inputs, for the mean. */
  sumMs: number;
}

export const emptyTally = (): Tally => ({ imported: 0, rejected: 0, internal: 0, over5s: 0, over1GB: 0, hangs: 0, maxMs: 0, maxWallMs: 0, maxMb: 0, sumMs: 0 });

/** Adds b into a: counts add, the max* figures take the larger. */
export function addTally(a: Tally, b: Tally): Tally {
  for (const k of Object.keys(a) as (keyof Tally)[]) a[k] = k.startsWith('max') ? Math.max(a[k], b[k]) : a[k] + b[k];
  return a;
}

const inputs = (t: Tally): number => t.imported + t.rejected + t.internal + t.hangs;

function row(label: string, t: Tally): string {
  const n = inputs(t);
  const cells = [n, t.imported, t.rejected, t.internal, t.over5s, t.over1GB, t.hangs].map(String);
  const widths = [6, 8, 8, 8, 4, 5, 5];
  const ms = [(t.sumMs / Math.max(1, n)).toFixed(0).padStart(11), t.maxMs.toFixed(0).padStart(10), t.maxWallMs.toFixed(0).padStart(11), t.maxMb.toFixed(0).padStart(6)];
  return `${label.padEnd(8)} ${cells.map((c, i) => c.padStart(widths[i]!)).join('  ')}  ${ms.join('  ')}`;
}

/** The figures table a campaign prints (and the README quotes), with its internal errors. */
export function figuresLines(perFormat: Iterable<[Format | string, Tally]>, internals: Iterable<[string, number]>): string[] {
  const lines = ['format   inputs  imported  rejected  internal  >5 s  >1 GB  hangs  mean cpu ms  max cpu ms  max wall ms  max MB'];
  const total = emptyTally();
  for (const [f, t] of perFormat) {
    lines.push(row(f, t));
    addTally(total, t);
  }
  lines.push(row('all', total));
  const errors = [...internals].sort((x, y) => y[1] - x[1]);
  if (errors.length > 0) {
    lines.push('', 'internal errors:');
    for (const [k, n] of errors.slice(0, 40)) lines.push(`  ${String(n).padStart(5)}  ${k}`);
  }
  return lines;
}
