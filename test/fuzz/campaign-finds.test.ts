import { describe, expect, it } from 'vitest';
import { mutantAt } from './harness/mutators';
import { runInput } from './harness/run-input';
import { seeds } from './harness/seeds';

/**
 * Inputs the 100,000-input campaign of seed 16 (2026-12-07) found, made again from seed and index:
 * each must now end in a result or a clear message through the real import and project paths.
 */
const all = seeds();

describe('inputs the seed-16 campaign found', () => {
  it('16/37767: an ODS whose repeated rows give hundreds of thousands of problems opens without overflowing the stack', () => {
    const m = mutantAt(all, 16, 37767);
    expect(m.recipe).toBe('district.ods: odsRepeat@content.xml');
    const r = runInput(m.bytes, m.name, { project: true });
    expect(r.outcome, r.message).not.toBe('internal');
  });

  it.each([
    [62910, 'sites-biff5.xls: biff:hugeDimensions → remove'],
    [67626, 'sites-biff5.xls: biff:hugeRow → remove'],
  ])('16/%i: a BIFF2 text record claiming more characters than it holds is refused as damaged (30–37 s inside SheetJS before)', (index, recipe) => {
    const m = mutantAt(all, 16, index);
    expect(m.recipe).toBe(recipe);
    const r = runInput(m.bytes, m.name, { project: false });
    expect(r.outcome).toBe('rejected');
    expect(r.code).toBe('corrupt');
    expect(r.message).toMatch(/looks damaged/);
  });

  it('16/17817: 200,000 nested tags in the shared strings read in linear time (117 s of CPU before)', () => {
    const m = mutantAt(all, 16, 17817);
    expect(m.recipe).toBe('handmade.xlsx: deepNesting@xl/sharedStrings.xml');
    const r = runInput(m.bytes, m.name, { project: false });
    expect(r.outcome, r.message).toBe('imported');
  });
});
