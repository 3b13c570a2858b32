import { beforeAll, describe, expect, it } from 'vitest';
import { allocateOptimized, loadHighs, type LpSolver } from '../../../models/allocate/optimize';
import { tinyProject } from './fixture';

describe('optimiser beside the priority order', () => {
  let solver: LpSolver;
  beforeAll(async () => { solver = await loadHighs(); });

  it('routes restricted money so more priority-weighted need is covered', () => {
    // R1 ($100, categories a and b, ends sooner) and R2 ($100, category a only); no general money.
    // Priority order: N1 (a, p1, $100) takes R1 (sooner end date first); N2 (b, p2, $100) can only use R1 → unfunded.
    //   coverage = (1 × 100) ÷ (1 × 100 + ½ × 100) = 2/3.
    // LP: N1 ← R2, N2 ← R1 → both funded, coverage 1.
    const p = tinyProject({
      sites: [{ id: 'A', grades: { '1': 10 } }],
      funds: [
        { code: 'GEN', dollars: 0 },
        { code: 'R1', dollars: 100, restricted: true, uses: ['a', 'b'], end: '2026-06-30' },
        { code: 'R2', dollars: 100, restricted: true, uses: ['a'], end: '2026-09-30' },
      ],
      needs: [{ id: 'N1', category: 'a', dollars: 100, priority: 1, site: 'A' }, { id: 'N2', category: 'b', dollars: 100, priority: 2, site: 'A' }],
    });
    const r = allocateOptimized(p, {}, solver);
    if (!r.ok) throw new Error(r.reason);
    const c = r.value.comparison;
    expect(c.coverage_priority).toBeCloseTo(2 / 3, 9);
    expect(c.coverage_optimized).toBeCloseTo(1, 9);
    expect(r.value.optimized.needs.map((n) => [n.need_id, n.by_fund.map((b) => `${b.fund_code}:${b.cents}`).join(' ')])).toEqual([['N1', 'R2:10000'], ['N2', 'R1:10000']]);
    expect(c.needs).toEqual([{ need_id: 'N2', priority_cents: 0, optimized_cents: 10_000, difference_cents: 10_000 }]);
  });

  it('reports a floor that cannot be met as an error value, not a throw', () => {
    const p = tinyProject({
      sites: [{ id: 'A', grades: { '1': 10 } }],
      funds: [{ code: 'GEN', dollars: 10 }],
      needs: [{ id: 'N1', category: 'a', dollars: 100, priority: 1, site: 'A' }],
      config: { optimize: { site_floor_cents: { A: 5_000 } } },
    });
    const r = allocateOptimized(p, {}, solver);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/floor/);
  });
});
