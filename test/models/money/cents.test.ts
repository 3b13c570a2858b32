import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dollarsToCents, formatCents, parseAmount } from '../../../models/money/cents';
import { apportion } from '../../../models/money/apportion';

const value = (s: string | number | null) => {
  const r = parseAmount(s);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe('parseAmount: what finance exports contain', () => {
  it.each([
    ['$1,234.56', 123456],
    ['(1,234.56)', -123456],
    ['-1,234.56', -123456],
    ['1234.5', 123450],
    ['1,234', 123400],
    ['$ -', 0],
    [' - ', 0],
    ['$(1,234.56)', -123456],
    ['-$1,234.56', -123456],
    ['$-1,234.56', -123456],
    ['1,234.56-', -123456],
    ['\u22121,234.56', -123456],
    ['.5', 50],
    ['0.005', 1],
    ['12345.6700000001', 1234567],
    ['1.2E+05', 12000000],
    ['$\u00a01,234.00', 123400],
  ])('%s → %d cents', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it('blank is null, not zero', () => {
    expect(value('')).toBeNull();
    expect(value('   ')).toBeNull();
    expect(value(null)).toBeNull();
  });

  it.each(['abc', '1,23', '12.34.56', '(12', '--5', '(-5)', '$', 'N/A', '1 234x', '$1,2345'])('refuses %s with a reason', (text) => {
    const r = parseAmount(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeGreaterThan(5);
  });

  it('numbers from spreadsheets lose their float noise', () => {
    expect(value(1234.5600000000002)).toBe(123456);
    expect(value(-0.1 - 0.2)).toBe(-30);
    expect(dollarsToCents(1.005)).toBe(101);
  });

  it('property: any cents value formatted in any export style parses back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.constantFrom('plain', 'dollar', 'parens', 'grouped', 'trailing'), (c, style) => {
        const abs = Math.abs(c);
        const grouped = formatCents(abs as never, { symbol: false });
        const plain = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
        const neg = c < 0;
        const text =
          style === 'plain' ? `${neg ? '-' : ''}${plain}`
          : style === 'dollar' ? `${neg ? '-' : ''}$${grouped}`
          : style === 'parens' ? (neg ? `(${grouped})` : grouped)
          : style === 'trailing' ? `${grouped}${neg ? '-' : ''}`
          : formatCents(c as never);
        expect(value(text)).toBe(c === 0 ? 0 : c);
      }),
    );
  });

  it('property: never throws, whatever the text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (s) => { parseAmount(s); }));
  });
});

describe('apportion (largest remainder)', () => {
  it('splits $100.00 three ways exactly', () => {
    expect(apportion(10000 as never, [1, 1, 1])).toEqual([3334, 3333, 3333]);
  });
  it('property: parts add up to the whole, each within a cent of its exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }), (total, weights) => {
        const parts = apportion(total as never, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        const sum = weights.reduce((a, b) => a + b, 0);
        parts.forEach((p, i) => {
          const exact = sum > 0 ? (total * weights[i]!) / sum : total / weights.length;
          expect(Math.abs(p - exact)).toBeLessThan(1.0000001);
          expect(Number.isInteger(p)).toBe(true);
        });
      }),
    );
  });
});
