import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../../models/forecast/indicators';
import { INDICATORS as PLAN_INDICATORS } from '../../../models/forecast/plans';

// Indicator names live in one list (models/forecast/indicators.ts): what a condition may name is
// what the engine can read, and docs/forecast.md's indicator table lists the same names in order.
describe('indicators', () => {
  it('are one list, used by plans and listed in docs/forecast.md', () => {
    expect(PLAN_INDICATORS).toBe(INDICATORS);
    const docs = readFileSync(new URL('../../../docs/forecast.md', import.meta.url), 'utf8');
    const table = docs.slice(docs.indexOf('| indicator |'));
    const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
    expect(rows.map((r) => /^\| `([a-z_]+)` \|/.exec(r)?.[1])).toEqual([...INDICATORS]);
  });
});
