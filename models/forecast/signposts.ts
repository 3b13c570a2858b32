import type { YearResult } from './engine';
import type { Signpost } from './tables';

// Signposts: what the district watches (the October count, the governor's budget proposal), each
// with a threshold that points to a scenario. A signpost is met when its observed value is past
// its threshold; the scenario with the largest share of its signposts met is the one unfolding.
// Each signpost with an indicator also shows each scenario's projected value for the first year.

export interface SignpostReading {
  signposts: { signpost: string; scenario: string; direction: 'above' | 'below'; threshold: number; observed: number | null; met: boolean | null; projected: Record<string, number> }[];
  by_scenario: { scenario: string; met: number; watched: number }[];
  unfolding: string | null;
}

export function evaluateSignposts(signposts: readonly Signpost[], scenarios: readonly { name: string; years: YearResult[] }[]): SignpostReading {
  const rows = signposts.map((s) => {
    const met = s.observed === undefined ? null : s.direction === 'above' ? s.observed > s.threshold : s.observed < s.threshold;
    const projected: Record<string, number> = {};
    if (s.indicator) {
      for (const sc of scenarios) {
        const y = sc.years[1] ?? sc.years[0];
        const v = y ? readIndicator(y, s.indicator) : undefined;
        if (v !== undefined) projected[sc.name] = v;
      }
    }
    return { signpost: s.signpost, scenario: s.scenario, direction: s.direction, threshold: s.threshold, observed: s.observed ?? null, met, projected };
  });
  const tally = new Map<string, { met: number; watched: number }>();
  for (const r of rows) {
    const t = tally.get(r.scenario) ?? { met: 0, watched: 0 };
    t.watched++;
    if (r.met) t.met++;
    tally.set(r.scenario, t);
  }
  const by = [...tally].map(([scenario, t]) => ({ scenario, ...t }));
  let unfolding: string | null = null;
  let best = 0;
  for (const b of by) { const share = b.met / b.watched; if (share > best) { best = share; unfolding = b.scenario; } }
  return { signposts: rows, by_scenario: by, unfolding };
}

function readIndicator(y: YearResult, name: string): number | undefined {
  const direct = (y as unknown as Record<string, unknown>)[name];
  if (typeof direct === 'number') return direct;
  return y.indicators?.[name];
}
