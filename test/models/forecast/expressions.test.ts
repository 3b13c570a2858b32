import { describe, expect, it } from 'vitest';
import { compileCondition } from '../../../models/forecast/condition';
import { compileFormula } from '../../../models/forecast/formula';
import { forecastProject } from '../../../models/forecast/forecast';
import { tinyProject } from './fixtures';

describe('trigger conditions', () => {
  const vals: Record<string, number> = { reserve_pct: 0.05, state_aid_growth: -0.01, surplus: 10 };
  const get = (n: string) => vals[n];
  it.each([
    ['reserve_pct < 0.08', true], ['reserve_pct < 8%', true], ['reserve_pct < 0.08 and state_aid_growth >= 0', false],
    ['reserve_pct < 0.08 && (state_aid_growth < 0 || surplus > 100)', true], ['not (surplus > 5)', false], ['surplus * 2 - 5 == 15', true], ['-surplus < -9', true],
  ])('%s → %s', (text, want) => {
    const c = compileCondition(text);
    if (!c.ok) throw new Error(c.reason);
    expect(c.value(get)).toBe(want);
  });
  it.each([
    ['reserve_pct <', /ends too early/], ['reserve_pct < 0.08)', /unexpected "\)"/], ['constructor < 1', /unknown indicator "constructor"/], ['constructor("x")', /function constructor\(\) is not allowed/],
    ['a; b', /unexpected ";/], ['x'.repeat(501), /longer than 500/],
  ])('refuses %s', (text, why) => {
    const c = compileCondition(text, new Set(['reserve_pct']));
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.reason).toMatch(why);
  });
});

describe('formula revenue (one formula module, models/expr)', () => {
  it('evaluates over drivers and refuses dangerous functions', () => {
    const f = compileFormula('base * (1 + cola) ^ t', 'revenue source X');
    if (!f.ok) throw new Error(f.reason);
    expect(f.value(new Map([['base', 100], ['cola', 0.1], ['t', 2]]))).toBeCloseTo(121, 10);
    for (const bad of ['import({}, {})', 'evaluate("1+1")', 'parse("x")', 'createUnit("foo")']) {
      const c = compileFormula(bad, 'revenue source X');
      expect(c.ok).toBe(false);
      if (!c.ok) expect(c.reason).toMatch(/revenue source X/);
    }
    expect(compileFormula('1 +', 'revenue source X')).toMatchObject({ ok: false });
  });
  it('drives a formula revenue source, and names it when it fails', () => {
    // 500 pupils × $8,000 × 1.05 (state_aid_per_pupil_growth 5% in 2027) = $4,200,000.
    const p = tinyProject({
      enrollment: [{ site_id: 'S1', year: 2026, grade: 'K', students: 500 }],
      forecast: { enrollment: { method: 'growth' }, revenue: [{ id: 'AID', kind: 'formula', source: 'state', expression: 'enrollment * 8000 * (1 + state_aid_per_pupil_growth) ^ t' }] },
      drivers: [{ driver: 'state_aid_per_pupil_growth', value: 0.05 }],
    });
    const r = forecastProject(p);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.scenarios[0]!.years[1]!.revenue_by_source!.state).toBe(420_000_000);
    const broken = forecastProject(tinyProject({ forecast: { revenue: [{ id: 'AID', kind: 'formula', expression: 'nosuch * 2' }] } }));
    if (!broken.ok) throw new Error(broken.reason);
    expect(broken.value.scenarios[0]!.error).toMatch(/revenue source AID: expression "nosuch \* 2": unknown variable "nosuch"/);
  });
});
