/**
 * mulberry32: the one small seeded generator every part of Steward uses (demo district, Monte
 * Carlo, synthetic bench data), so the same seed gives the same numbers bit for bit everywhere.
 * Uniform in [0, 1). Not for anything that needs cryptographic or strong statistical quality.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
