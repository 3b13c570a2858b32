import { describe, expect, it } from 'vitest';
import { contentHash } from '../../host/content-hash';
import { tinyProject } from '../models/forecast/fixtures';

describe('contentHash', () => {
  it('is the same for equal content, whatever the object or its key order', () => {
    const p = tinyProject();
    const reordered: Record<string, unknown> = Object.fromEntries(Object.entries(structuredClone(p)).reverse());
    reordered.sites = (reordered.sites as Record<string, unknown>[]).map((r) => Object.fromEntries(Object.entries(r).reverse()));
    expect(contentHash(structuredClone(p))).toBe(contentHash(p));
    expect(contentHash(reordered)).toBe(contentHash(p));
    expect(contentHash(p)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when the object is edited in place', () => {
    const p = tinyProject();
    const before = contentHash(p);
    p.settings.beginning_fund_balance += 1;
    expect(contentHash(p)).not.toBe(before);
  });

  it('keeps apart what JSON would blur', () => {
    const pairs: [unknown, unknown][] = [
      [{ a: NaN }, { a: null }], [{ a: Infinity }, { a: null }], [{ a: -0 }, { a: 0 }], [{ a: undefined }, {}],
      [[undefined], [null]], [{ a: undefined }, { a: '\u0000u' }], [{ a: NaN }, { a: '\u0000nNaN' }], [{ a: '1' }, { a: 1 }],
    ];
    for (const [x, y] of pairs) expect(contentHash(x)).not.toBe(contentHash(y));
  });

  it('gives no hash for what is not plain data (the caller must not cache it)', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const v of [{ m: new Map([[1, 2]]) }, { s: new Set([1]) }, { f: new Float64Array(2) }, { fn: () => 1 }, cyclic]) expect(contentHash(v)).toBeNull();
  });
});
