import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { compileField, isPlainTextAt } from '../../../models/import/convert';
import { fastCents, fastNumber } from '../../../models/import/text-numbers';
import { dollarsToCents } from '../../../models/money/cents';
import { parseAmount } from '../../../models/money/cents';
import { parseGrade } from '../../../models/import/grade';
import { parseFunding } from '../../../models/import/funding';
import { parseStepLabel } from '../../../models/import/salary-matrix';
import { excludeReason, totalKind } from '../../../models/import/exclude';
import { readTitleBlock } from '../../../models/import/title-block';

describe('fast paths agree with the careful parsers', () => {
  // Property: whenever the allocation-free fast path answers, it gives parseAmount's cents.
  it('fastCents = parseAmount for every text it accepts', () => {
    const amountText = fc.tuple(
      fc.constantFrom('', '(', '-', '$', '-$', '$-', '($'),
      fc.bigInt({ min: 0n, max: 10n ** 12n }),
      fc.boolean(),
      fc.constantFrom('', '.', '.5', '.05', '.50', '.123'),
      fc.constantFrom('', ')', '-', ' '),
    ).map(([pre, int, commas, dec, post]) => `${pre}${commas ? BigInt(int).toLocaleString('en-US') : String(int)}${dec}${post}`);
    fc.assert(fc.property(fc.oneof(amountText, fc.string({ maxLength: 12 })), (s) => {
      const fast = fastCents(s);
      if (fast === undefined) return;
      const careful = parseAmount(s);
      expect(careful.ok && careful.value).toBe(fast);
    }), { numRuns: 3000 });
    expect(fastCents('$1,234.56')).toBe(123456);
    expect(fastCents('(1,234.56)')).toBe(-123456);
    expect(fastCents('1,234.56-')).toBe(-123456);
    expect(fastCents('12,34')).toBeUndefined();
  });

  it('spreadsheet dollar numbers become the same cents as dollarsToCents', () => {
    const money = compileField('m', z.number().int(), { kind: 'money', doc: '' }).convert;
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 2 }), (cents, extra) => {
      const dollars = cents / 100 + extra * 0.001; // whole cents, and values with a third decimal
      expect(money(dollars)).toBe(dollarsToCents(dollars));
    }), { numRuns: 3000 });
    expect(money(1.005)).toBe(101); // 1.005 is stored as 1.00499…; half away from zero after toPrecision
  });

  it('fastNumber = Number for plain decimals', () => {
    fc.assert(fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, d) => {
      const s = x.toFixed(d);
      const f = fastNumber(s);
      if (f !== undefined) expect(f).toBe(Number(s) + 0); // "-0" reads as 0: no negative zeros
    }), { numRuns: 2000 });
  });

  // Property: where isPlainTextAt says a text cell is plain, the text converter gives it back as it is.
  it('isPlainTextAt means toText leaves the cell as it is', () => {
    const text = compileField('description', z.string().optional(), { kind: 'text' } as never).convert;
    const piece = fc.constantFrom('a', 'B', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', 'é', '\ufeff', 'x y');
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), fc.string({ maxLength: 3 }), (parts, pad) => {
      const s = parts.join('');
      const all = pad + s + pad;
      expect(isPlainTextAt(all, pad.length, pad.length + s.length)).toBe(text(s) === s);
    }), { numRuns: 2000 });
  });
});

describe('cell readers', () => {
  it('grades as student systems write them', () => {
    const cases: [string | number, string | null][] = [['PK', 'PK'], ['Pre-K', 'PK'], ['K', 'K'], ['KG', 'K'], ['Kindergarten', 'K'], ['01', '1'], ['Grade 1', '1'], ['Gr. 3', '3'], ['1st', '1'], ['12th', '12'], [12, '12'], ['Grade PK (Half Day & Full Day)', 'PK'], ['13', null], ['Total', null]];
    for (const [raw, want] of cases) expect(parseGrade(raw), String(raw)).toBe(want);
  });

  it('funding splits in the forms HR systems write', () => {
    expect(parseFunding('GEN:0.6; T1:0.4')).toEqual({ ok: true, value: [{ fund_code: 'GEN', share: 0.6 }, { fund_code: 'T1', share: 0.4 }] });
    expect(parseFunding('GEN 60%/T1 40%')).toEqual({ ok: true, value: [{ fund_code: 'GEN', share: 0.6 }, { fund_code: 'T1', share: 0.4 }] });
    expect(parseFunding('GEN=60, T1A=40')).toEqual({ ok: true, value: [{ fund_code: 'GEN', share: 0.6 }, { fund_code: 'T1A', share: 0.4 }] });
    expect(parseFunding('T1A')).toEqual({ ok: true, value: [{ fund_code: 'T1A', share: 1 }] });
    expect(parseFunding('GEN:0.6; T1').ok).toBe(false);
  });

  it('salary step labels: ranges, plus, parentheses, letters', () => {
    expect(parseStepLabel('1-3')).toEqual([1, 2, 3]);
    expect(parseStepLabel('1 & 2')).toEqual([1, 2]);
    expect(parseStepLabel('23+')).toEqual([23]);
    expect(parseStepLabel('(12)')).toEqual([12]);
    expect(parseStepLabel('C')).toEqual([3]);
    expect(parseStepLabel('Professional Teacher 3')).toEqual([3]);
    expect(parseStepLabel('Emegering Teacher')).toBeNull();
  });

  it('totals, subtotals and footers by their labels', () => {
    expect(totalKind('Total')).toBe('total');
    expect(totalKind('Grand Total')).toBe('total');
    expect(totalKind('Totals:')).toBe('total');
    expect(totalKind('Total DCPS')).toBe('total');
    expect(totalKind('Fund 110 - Total')).toBe('subtotal');
    expect(totalKind('Lincoln Elementary Total')).toBe('subtotal');
    expect(totalKind('Subtotal')).toBe('subtotal');
    expect(totalKind('Total for Object 5100')).toBe('subtotal');
    expect(totalKind('Total Quality Management Supplies')).toBeNull();
    expect(totalKind('Cost of living total')).toBeNull();
    expect(excludeReason(['Printed 3/4/2026 10:15 AM'])?.kind).toBe('footer');
    expect(excludeReason([null, 'Page 1 of 3'])?.kind).toBe('footer');
    expect(excludeReason(['Report generated 2026-03-04 by Munis', null])?.kind).toBe('footer');
    expect(excludeReason(['Printed materials', 'supplies', 120])).toBeNull();
  });

  it('title block: fund, fiscal year and site from the lines above the header', () => {
    const grid = { file: 'f.xlsx', sheet: 'S', rows: [['Anytown USD'], ['School: 0101 Lincoln Elementary'], [null, 'Fund: 211 Title I-A'], ['Budget Year 2026'], ['Printed 3/4/2026'], ['Obj', 'Amount']] };
    expect(readTitleBlock(grid, 5)).toEqual({ title: 'Anytown USD', site_id: '0101', fund_code: '211', fiscal_year: '2026' });
    expect(readTitleBlock({ ...grid, rows: [['FY 2025-26 Adopted Budget']] }, 1).fiscal_year).toBe('2026');
    expect(readTitleBlock({ ...grid, rows: [['School Year 2024-25']] }, 1).fiscal_year).toBe('2025');
  });
});
