import { describe, expect, it } from 'vitest';
import { readNumber, signpostProblem } from '../../renderer/features/scenarios/signpost-check';

// Issue 18: the signposts editor checks a signpost as it is typed, with the names a trigger may read.

const known = new Set(['enrollment_change', 'state_aid_growth', 'cola']);
const form = (over: Partial<{ signpost: string; indicator: string; threshold: string; observed: string }> = {}) => ({ signpost: 'October count', indicator: 'enrollment_change', threshold: '-0.02', observed: '', ...over });

describe('signposts as typed', () => {
  it('reads numbers, percents and thousands', () => {
    expect([readNumber('0.08'), readNumber('8%'), readNumber('-2.5%'), readNumber('1,200'), readNumber(''), readNumber('  ')]).toEqual([0.08, 0.08, -0.025, 1200, undefined, undefined]);
    expect(readNumber('abc')).toBeNaN();
  });
  it('accepts a complete signpost, a blank indicator and a blank observed value', () => {
    expect(signpostProblem(form(), known)).toBeNull();
    expect(signpostProblem(form({ indicator: '' }), known)).toBeNull();
    expect(signpostProblem(form({ observed: '-1.5%' }), known)).toBeNull();
  });
  it('names what is wrong', () => {
    expect(signpostProblem(form({ signpost: ' ' }), known)).toMatch(/Name what is watched/);
    expect(signpostProblem(form({ indicator: 'enrolment_change' }), known)).toBe('"enrolment_change" is no indicator (pick one from the list, or a driver).');
    expect(signpostProblem(form({ threshold: '' }), known)).toMatch(/Give the threshold/);
    expect(signpostProblem(form({ threshold: '2x' }), known)).toBe('The threshold "2x" is not a number.');
    expect(signpostProblem(form({ observed: 'soon' }), known)).toMatch(/observed value "soon" is not a number/);
  });
});
