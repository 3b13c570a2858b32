import { describe, expect, it } from 'vitest';
import { parseDate, parseFiscalYear, parseFte, parseRate } from '../../../models/parse/values';

const v = <T>(r: { ok: true; value: T } | { ok: false; reason: string }) => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe('fiscal years', () => {
  it.each([['2026', 2026], [2026, 2026], ['FY26', 2026], ['FY 2026', 2026], ['2025-26', 2026], ['2025–2026', 2026], ['FY 2025-26', 2026], ['1999-00', 2000]] as const)(
    '%s → %d', (t, y) => expect(v(parseFiscalYear(t))).toBe(y));
  it.each(['2025-27', '26', 'next year', '20266'])('refuses %s', (t) => expect(parseFiscalYear(t).ok).toBe(false));
});

describe('rates and FTE', () => {
  it('reads percent strings and decimals', () => {
    expect(v(parseRate('3%'))).toBe(0.03);
    expect(v(parseRate('93.5%'))).toBe(0.935);
    expect(v(parseRate('0.03'))).toBe(0.03);
    expect(v(parseRate('60', { percentIfAbove1: true }))).toBe(0.6);
  });
  it('FTE decimals, not negative', () => {
    expect(v(parseFte('.5'))).toBe(0.5);
    expect(v(parseFte(' 1.0 '))).toBe(1);
    expect(parseFte('-1').ok).toBe(false);
  });
});

describe('dates', () => {
  it.each([
    [45000, '2023-03-15'], ['45000', '2023-03-15'], [61, '1900-03-01'], [59, '1900-02-28'],
    ['2026-03-15', '2026-03-15'], ['3/15/2026', '2026-03-15'], ['15-Mar-2026', '2026-03-15'], ['March 15, 2026', '2026-03-15'],
  ] as const)('%s → %s', (raw, iso) => expect(v(parseDate(raw))).toBe(iso));
  it('1904 system', () => expect(v(parseDate(0 + 1, { date1904: true }))).toBe('1904-01-02'));
  it('refuses impossible dates', () => expect(parseDate('2/30/2026').ok).toBe(false));
});
