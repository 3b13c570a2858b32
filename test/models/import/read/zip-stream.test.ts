import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { listEntries, readEntry, streamEntry, ZipProblem } from '../../../../models/import/read/zip';
import { mulberry32 } from '../../../../models/random/mulberry32';

/** streamEntry (the streamed .xlsx sheet) keeps every promise readEntry keeps, piece by piece. */

// 1.2 MB of pseudo-random digits: deflates to ~0.5 MB, more than one 256 KB push of input.
const random = mulberry32(16);
const text = Array.from({ length: 1_200_000 }, () => Math.floor(random() * 10)).join('');
const same = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && Buffer.compare(a, b) === 0;
const entryOf = (zip: Uint8Array, name: string) => listEntries(zip).find((e) => e.name === name)!;

function streamed(zip: Uint8Array, name: string, budget = { remaining: 2 ** 30 }): { bytes: Uint8Array; pieces: number } {
  const parts: Uint8Array[] = [];
  streamEntry(zip, entryOf(zip, name), budget, (c) => parts.push(c.slice()));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return { bytes: out, pieces: parts.length };
}

describe('streamEntry', () => {
  it('gives the bytes readEntry gives, in several pieces, deflated or stored, and spends the budget as readEntry does', () => {
    for (const level of [0, 6] as const) {
      const zip = zipSync({ 'a.xml': strToU8(text) }, { level });
      const whole = readEntry(zip, entryOf(zip, 'a.xml'), { remaining: 2 ** 30 });
      const budget = { remaining: 2 ** 30 };
      const s = streamed(zip, 'a.xml', budget);
      expect(same(s.bytes, whole)).toBe(true);
      expect(s.pieces).toBeGreaterThan(1);
      expect(budget.remaining).toBe(2 ** 30 - text.length);
    }
  });

  it('refuses an entry over the budget before inflating, and one whose header lies while inflating', () => {
    const zip = zipSync({ 'a.xml': strToU8(text) });
    expect(() => streamed(zip, 'a.xml', { remaining: 1000 })).toThrowError(expect.objectContaining({ kind: 'zip-bomb' }));
    // Declare 100 bytes for an entry that inflates to 1.2 MB (sizes at local header +22, central directory +24).
    const lying = zip.slice();
    const view = new DataView(lying.buffer);
    for (let i = 0; i + 4 < lying.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50 && view.getUint32(i + 22, true) === text.length) view.setUint32(i + 22, 100, true);
      if (sig === 0x02014b50 && view.getUint32(i + 24, true) === text.length) view.setUint32(i + 24, 100, true);
    }
    let seen = 0;
    let err: unknown;
    try {
      streamEntry(lying, entryOf(lying, 'a.xml'), { remaining: 2 ** 30 }, (c) => (seen += c.length));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ZipProblem);
    expect((err as ZipProblem).kind).toBe('zip-bomb');
    expect(seen).toBeLessThanOrEqual(100);
  });

  it('throws what the consumer throws, as it is (not as damaged data)', () => {
    const zip = zipSync({ 'a.xml': strToU8(text) });
    class Stop extends Error {}
    expect(() => streamEntry(zip, entryOf(zip, 'a.xml'), { remaining: 2 ** 30 }, () => { throw new Stop('enough'); })).toThrowError(Stop);
  });
});
