import { describe, expect, it } from 'vitest';
import { demoProject } from '../../../models/demo/district';
import { prepareForecast } from '../../../models/forecast/prepare';
import type { Project } from '../../../models/project/project';

// Revenue sources a project gets when its forecast config names none: one per fund, with the
// general fund split by the Settings key state_aid_share, and recurring grants without a cliff.
describe('default revenue sources', () => {
  const demo = demoProject();
  const gen = demo.funds.find((f) => f.fund_code === 'GEN')!;

  it('splits an unrestricted local fund by state_aid_share, to the cent', () => {
    const p = prepareForecast(demo);
    if (!p.ok) throw new Error(p.reason);
    const state = p.value.revenue.find((r) => r.id === 'GEN_STATE')!;
    const local = p.value.revenue.find((r) => r.id === 'GEN_LOCAL')!;
    // state = round(available × 0.62); local = available − state, so the two add up exactly.
    expect(state.baseCents).toBe(Math.round(gen.available * 0.62));
    expect(state.baseCents + local.baseCents).toBe(gen.available);
    expect(state.kind).toBe('per_pupil');
    expect(local.kind).toBe('growth');
  });

  it('keeps one growth source when the setting is absent or out of range', () => {
    for (const share of [undefined, '0', '1.5', 'abc']) {
      const extra: Record<string, string> = share === undefined ? {} : { state_aid_share: share };
      const p = prepareForecast({ ...demo, settings: { ...demo.settings, extra } } as Project);
      if (!p.ok) throw new Error(p.reason);
      expect(p.value.revenue.filter((r) => r.id.startsWith('GEN')).map((r) => r.id)).toEqual(['GEN']);
    }
  });

  it('gives a recurring grant no cliff, and a one-off grant its end date', () => {
    const p = prepareForecast(demo);
    if (!p.ok) throw new Error(p.reason);
    const fund = (code: string) => p.value.funds.find((f) => f.code === code)!;
    expect(fund('T1A').lastYear).toBe(Infinity);
    // ESSER III's end date 2024-09-30 falls in FY 2025 (July start): no revenue after it.
    expect(fund('ESSER3').lastYear).toBe(2025);
  });
});
