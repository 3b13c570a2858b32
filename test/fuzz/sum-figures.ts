/**
 * Adds up the figures of a campaign run in parts: `npm run -s fuzz:sum -- part1.json part2.json …`
 * (each written by `npm run fuzz -- --from I --count N --out part.json`). A long campaign on a
 * shared machine runs in parts so that a stopped run loses one part, not all of it; the parts must
 * not overlap, which this checks.
 */
import { readFileSync } from 'node:fs';
import { addTally, emptyTally, figuresLines, type Tally } from './harness/figures';

interface Part {
  seed: number;
  from: number;
  count: number;
  seconds: number;
  perFormat: Record<string, Tally>;
  internals: Record<string, number>;
}

const parts = process.argv.slice(2).map((f) => JSON.parse(readFileSync(f, 'utf8')) as Part);
if (parts.length === 0) throw new Error('fuzz:sum: name the --out files of the parts');
parts.sort((a, b) => a.from - b.from);
const seeds = new Set(parts.map((p) => p.seed));
if (seeds.size > 1) throw new Error(`fuzz:sum: parts of different seeds (${[...seeds].join(', ')})`);
for (let i = 1; i < parts.length; i++) {
  const prev = parts[i - 1]!;
  if (parts[i]!.from < prev.from + prev.count) throw new Error(`fuzz:sum: parts overlap at input ${parts[i]!.from}`);
}
const perFormat = new Map<string, Tally>();
const internals = new Map<string, number>();
for (const p of parts) {
  for (const [f, t] of Object.entries(p.perFormat)) perFormat.set(f, addTally(perFormat.get(f) ?? emptyTally(), t));
  for (const [k, n] of Object.entries(p.internals)) internals.set(k, (internals.get(k) ?? 0) + n);
}
const count = parts.reduce((s, p) => s + p.count, 0);
const seconds = parts.reduce((s, p) => s + p.seconds, 0);
const ranges = parts.map((p) => `${p.from}–${p.from + p.count - 1}`).join(', ');
process.stdout.write([`fuzz: seed ${[...seeds][0]}, ${count} inputs in ${parts.length} parts (${ranges}), ${(seconds / 60).toFixed(0)} min of running`, '', ...figuresLines(perFormat, internals)].join('\n') + '\n');
