import { describe, expect, it } from 'vitest';
import { demoProject } from '../../../models/demo/district';
import { PREBUILT_DEMO_JSON } from '../../../models/demo/prebuilt';

// The engine worker opens the demo from models/demo/prebuilt.ts (first load) while the CLI and the
// fixtures generate it: both must be the same district. `npm run fixtures` rewrites the file.
describe('the prebuilt demo district', () => {
  const generated = demoProject();

  it('is exactly JSON.stringify(demoProject()) (else run `npm run fixtures`)', () => {
    expect(PREBUILT_DEMO_JSON === JSON.stringify(generated)).toBe(true);
  });

  it('parses to a project equal to demoProject(), table by table', () => {
    // toEqual, not toStrictEqual: the only difference JSON makes is an optional field set to
    // undefined (a responsibility's `note`) being absent — the same "no note" either way.
    const parsed = JSON.parse(PREBUILT_DEMO_JSON) as Record<string, unknown>;
    const g = generated as unknown as Record<string, unknown>;
    expect(Object.keys(parsed).sort()).toEqual(Object.keys(g).sort());
    for (const table of Object.keys(g)) expect(parsed[table], table).toEqual(g[table]);
  });
});
