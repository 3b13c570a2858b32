import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formulaLikeCells, isFormulaLike, neutralisedText } from '../../models/export/formula-text';
import { compileCondition } from '../../models/forecast/condition';
import { importTable } from '../../models/import/table';

describe('issue 16 item 10: formula-like text is marked for the writer', () => {
  it('marks text starting with = + - @, a tab or a CR (and full-width = + - @); not numbers, not other text', () => {
    for (const t of ['=1+1', '+1', '-2', '@SUM(A1)', '\t=1+1', '\r=1+1', '\uff1d1+1', '＠x']) expect(isFormulaLike(t), JSON.stringify(t)).toBe(true);
    for (const t of ['', 'Lincoln', ' =1+1', '1-2', 'a=b', "'=1+1"]) expect(isFormulaLike(t), JSON.stringify(t)).toBe(false);
    expect(formulaLikeCells([['site_id', 'name'], ['101', '=1+1'], [102, -5, null, true, '@x'], []])).toEqual([{ r: 1, c: 1 }, { r: 2, c: 4 }]);
  });

  it('a site named "\\t=1+1" imports as "=1+1" (trimmed) — which the helper then marks', () => {
    const r = importTable([{ file: 's.csv', sheet: 's', rows: [['site_id', 'name', 'level'], ['101', '\t=1+1', 'ES']] }], { kind: 'sites' });
    const name = r.rows[0]!.name as string;
    expect(name).toBe('=1+1');
    expect(formulaLikeCells([['name'], [name]])).toEqual([{ r: 1, c: 0 }]);
  });

  it('CSV: neutralised text starts with an apostrophe exactly when the text is formula-like (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (t) => {
        const n = neutralisedText(t);
        expect(n === t).toBe(!isFormulaLike(t));
        if (n !== t) expect(n).toBe(`'${t}`);
        expect(isFormulaLike(n)).toBe(false);
      }),
      { numRuns: 500, seed: 10 },
    );
  });
});

describe('issue 16 item 10: a trigger condition that is NaN is an error, never true', () => {
  it('0/0 (and an indicator that is NaN) stop the forecast with the condition named', () => {
    const c = compileCondition('0/0 > -1', undefined, 'Triggers row 4');
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(() => c.value(() => 0)).toThrow(/Triggers row 4: condition "0\/0 > -1": "0\/0" is not a finite number/);
    const d = compileCondition('reserve_pct', new Set(['reserve_pct']));
    if (!d.ok) throw new Error(d.reason);
    expect(() => d.value(() => Number.NaN)).toThrow(/indicator "reserve_pct" is NaN, not a finite number/);
    const sqrt = compileCondition('sqrt(0 - 1) > 0');
    if (!sqrt.ok) throw new Error(sqrt.reason);
    expect(() => sqrt.value(() => 0)).toThrow(/no real value/);
  });
});
