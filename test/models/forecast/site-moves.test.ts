import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastProject } from '../../../models/forecast/forecast';
import { GRADE_ORDER } from '../../../models/forecast/enrollment';
import { prepareForecast } from '../../../models/forecast/prepare';
import { studentsAfterMoves, type SiteMove } from '../../../models/forecast/site-moves';
import { drivers, tinyProject } from './fixtures';

// Three elementary schools, flat enrollment: S1 has 100 kindergartners and 50 first graders, S2 60
// kindergartners, S3 40 kindergartners. Moves are checked by hand below.
const sites = ['S1', 'S2', 'S3'].map((site_id) => ({ site_id, name: site_id, level: 'ES' }));
const enrollment = [
  { site_id: 'S1', year: 2026, grade: 'K', students: 100 },
  { site_id: 'S1', year: 2026, grade: '1', students: 50 },
  { site_id: 'S2', year: 2026, grade: 'K', students: 60 },
  { site_id: 'S3', year: 2026, grade: 'K', students: 40 },
];
const prepared = (() => {
  const r = prepareForecast(tinyProject({ sites, enrollment, drivers: drivers({ enrollment_growth: 0 }) }));
  if (!r.ok) throw new Error(r.reason);
  return r.value;
})();
const K = GRADE_ORDER.indexOf('K');
const G1 = GRADE_ORDER.indexOf('1');

/** { site: [K, grade 1] } in year 1 after the moves. */
function after(moves: SiteMove[], index = 1): Record<string, [number, number]> {
  const m = studentsAfterMoves(prepared, 1, index, moves);
  return Object.fromEntries(prepared.enrollment.sites.map((s, i) => [s.site_id, [m[i]![K]!, m[i]![G1]!]]));
}

describe('students after school merges and closures', () => {
  it('leaves enrollment alone without moves, and scales it by the index', () => {
    expect(after([])).toEqual({ S1: [100, 50], S2: [60, 0], S3: [40, 0] });
    expect(after([], 1.1).S2![0]).toBeCloseTo(66, 9);
  });

  it('moves a merged school to its target, chains included', () => {
    expect(after([{ from: 'S1', to: 'S2' }])).toEqual({ S1: [0, 0], S2: [160, 50], S3: [40, 0] });
    // S1 into S2, S2 into S3: everyone ends at S3, in either order.
    expect(after([{ from: 'S1', to: 'S2' }, { from: 'S2', to: 'S3' }])).toEqual({ S1: [0, 0], S2: [0, 0], S3: [200, 50] });
    expect(after([{ from: 'S2', to: 'S3' }, { from: 'S1', to: 'S2' }])).toEqual({ S1: [0, 0], S2: [0, 0], S3: [200, 50] });
  });

  it('reassigns a closed school by grade to the open schools that teach it', () => {
    // S1 closes: its 100 K go 60:40 to S2 and S3; no open school teaches grade 1, so its 50 split evenly.
    expect(after([{ from: 'S1', to: null }])).toEqual({ S1: [0, 0], S2: [120, 25], S3: [80, 25] });
    // A cycle of merges has nowhere to go: closed. S1 and S2's 160 K and 50 first graders all go to S3.
    expect(after([{ from: 'S1', to: 'S2' }, { from: 'S2', to: 'S1' }])).toEqual({ S1: [0, 0], S2: [0, 0], S3: [200, 50] });
  });

  it('keeps every student while a school stays open (property)', () => {
    const site = fc.constantFrom('S1', 'S2', 'S3');
    const move = fc.record({ from: site, to: fc.option(site, { nil: null }) });
    fc.assert(fc.property(fc.array(move, { maxLength: 4 }), fc.double({ min: 0.5, max: 1.5, noNaN: true }), (moves, index) => {
      const m = studentsAfterMoves(prepared, 1, index, moves);
      const total = m.reduce((a, g) => a + g.reduce((x, y) => x + y, 0), 0);
      const open = ['S1', 'S2', 'S3'].filter((s) => !moves.some((x) => x.from === s));
      if (open.length > 0) expect(total).toBeCloseTo(250 * index, 6);
      else expect(total).toBe(0);
      // Schools that left hold no one.
      prepared.enrollment.sites.forEach((s, i) => { if (!open.includes(s.site_id)) expect(m[i]!.every((x) => x === 0)).toBe(true); });
    }), { numRuns: 300, seed: 20261123 });
  });
});

describe('the forecast staffs the schools a plan leaves open', () => {
  it('a class-size action at a merge target counts the students merged into it', () => {
    // S2 (60 K) merges into S1 (150) from 2027: class size 25 at S1 → 210 ÷ 25 = 8.4 teachers; S1
    // has 2, so +6.4 FTE at the $50,000 average. (Before, merged students were lost: 150 ÷ 25 = 6.)
    const r = forecastProject(tinyProject({
      sites, enrollment: enrollment.slice(0, 3), drivers: drivers({ enrollment_growth: 0 }),
      positions: [1, 2].map((i) => ({ position_id: `T${i}`, site_id: 'S1', role: 'teacher', fte: 1, salary: 5_000_000, benefits_rate: 0 })),
      forecast: { enrollment: { method: 'growth' }, priority_plan: 'P' },
      plans: [
        { plan: 'P', action: 'merge_site', site_id: 'S2', target_site: 'S1', start_year: 2027 },
        { plan: 'P', action: 'class_size', site_id: 'S1', value: 25, start_year: 2027 },
      ],
    }));
    if (!r.ok) throw new Error(r.reason);
    const y = r.value.scenarios[0]!.years[1]!;
    expect(y.positions_added_fte).toBeCloseTo(6.4, 9);
    expect(y.expenditure_by_object!.salaries).toBe(42_000_000);
  });

  it('costs a staffing scenario at the merged schools, and reports their metrics', () => {
    // Two schools of 45 kindergartners, teachers 1:25 per school (rounded up), four teachers.
    // Apart, smaller classes (1:20) need ⌈45/20⌉ × 2 = 6 against ⌈45/25⌉ × 2 = 4: +2 FTE. With S2
    // merged into S1 from 2027, one school of 90 needs ⌈90/20⌉ = 5 against ⌈90/25⌉ = 4: +1 FTE,
    // $60,000 (salary $50,000 + 20% benefits).
    const rule = { level: 'any', grades: ['K'], basis: 'grade', minimum_fte: 0, rounding: 'up', increment: 1, round_by: 'grade', role: 'teacher', ratio: 25 };
    const project = (plans: unknown[]) => tinyProject({
      sites: sites.slice(0, 2),
      enrollment: [{ site_id: 'S1', year: 2026, grade: 'K', students: 45 }, { site_id: 'S2', year: 2026, grade: 'K', students: 45 }],
      salary: [{ schedule: 'teachers', lane: 'BA', step: 1, salary: 5_000_000 }],
      positions: [1, 2, 3, 4].map((i) => ({ position_id: `T${i}`, site_id: i <= 2 ? 'S1' : 'S2', role: 'teacher', fte: 1, salary: 5_000_000, lane: 'BA', step: 1, benefits_rate: 0.2 })),
      drivers: drivers({ enrollment_growth: 0 }),
      staffingRules: [rule],
      scenarios: [{ scenario: 'Smaller classes', driver: 'class_size_delta', value: -5 }],
      forecast: { enrollment: { method: 'growth' }, ...(plans.length > 0 ? { priority_plan: 'Merge' } : {}) },
      plans,
    });
    const smaller = (plans: unknown[]) => {
      const r = forecastProject(project(plans), { scenarios: ['Smaller classes'], staffing: true });
      if (!r.ok) throw new Error(r.reason);
      return r.value.scenarios[0]!.years[1]!;
    };
    expect(smaller([])).toMatchObject({ staffing_change_fte: 2 });
    const merged = smaller([{ plan: 'Merge', action: 'merge_site', site_id: 'S2', target_site: 'S1', start_year: 2027 }]);
    expect(merged).toMatchObject({ staffing_change_fte: 1, expenditure_cents: 4 * 6_000_000 + 6_000_000 });
    expect(merged.staffing).toMatchObject({ students: 90, sections: 5, requiredFteByRole: { teacher: 5 } });
  });
});
