// A small seeded generator (mulberry32) and a per-trial sub-seed (splitmix32 of seed and trial),
// so trial i draws the same numbers whichever worker runs it and however many workers there are.

export type Rng = () => number;

export { mulberry32 } from '../random/mulberry32';

/** splitmix32-style hash of (seed, index): independent-looking streams for each trial. */
export function subSeed(seed: number, index: number): number {
  let z = (Math.imul(seed >>> 0, 0x9e3779b9) + Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/** A standard normal draw (Box–Muller; one of the pair is discarded to keep streams simple). */
export function normal01(rng: Rng): number {
  let u = rng();
  while (u <= 0) u = rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
