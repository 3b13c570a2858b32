import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { staffingPlan } from '../../../models/staffing/plan';
import type { StaffingRule } from '../../../models/staffing/tables';
import { makeProject, grades } from './fixture';

const rule = (r: Partial<StaffingRule> & { role: string }): StaffingRule => ({
  level: 'any', grades: [], basis: 'students', minimum_fte: 0, rounding: 'up', increment: 1, round_by: 'grade', ...r,
});
const greenville = (extra: Partial<StaffingRule> = {}): StaffingRule[] => [
  rule({ role: 'teacher', basis: 'grade', grades: ['K'], ratio: 25, ...extra }),
  rule({ role: 'teacher', basis: 'grade', grades: ['1-3'], ratio: 21.5, ...extra }),
  rule({ role: 'teacher', basis: 'grade', grades: ['4', '5'], ratio: 25.5, ...extra }),
];
const ES = { K: 52, '1': 44, '2': 40, '3': 66, '4': 51, '5': 60 };
const esProject = (rules: StaffingRule[], over: Record<string, unknown> = {}) => makeProject({
  sites: [{ site_id: 'E1', name: 'Elm Elementary', level: 'ES' }],
  enrollment: grades('E1', ES),
  staffingRules: rules,
  ...over,
});
const teacherFte = (p: ReturnType<typeof staffingPlan>) => p.sites.find((r) => r.role === 'teacher')!.required_fte;

describe('elementary teacher FTE from grade ratios', () => {
  it('rounds each grade up (a class cannot span grades)', () => {
    // K 52/25 = 2.08 → 3; gr1 44/21.5 = 2.047 → 3; gr2 40/21.5 = 1.860 → 2; gr3 66/21.5 = 3.070 → 4;
    // gr4 51/25.5 = 2.000 → 2; gr5 60/25.5 = 2.353 → 3.  3+3+2+4+2+3 = 17 FTE.
    expect(teacherFte(staffingPlan({ project: esProject(greenville()) }))).toBe(17);
  });
  it('rounds the school total per rule when round_by is school', () => {
    // K 52/25 = 2.08 → 3; gr1–3 150/21.5 = 6.977 → 7; gr4–5 111/25.5 = 4.353 → 5.  3+7+5 = 15 FTE.
    expect(teacherFte(staffingPlan({ project: esProject(greenville({ round_by: 'school' })) }))).toBe(15);
  });
  it('rounds to the nearest, down, and in fractional increments', () => {
    // nearest: 2.08→2, 2.047→2, 1.860→2, 3.070→3, 2→2, 2.353→2 = 13; down: 2+2+1+3+2+2 = 12.
    expect(teacherFte(staffingPlan({ project: esProject(greenville({ rounding: 'nearest' })) }))).toBe(13);
    expect(teacherFte(staffingPlan({ project: esProject(greenville({ rounding: 'down' })) }))).toBe(12);
    // tenths, up: 2.1 + 2.1 + 1.9 + 3.1 + 2.0 + 2.4 = 13.6.
    expect(teacherFte(staffingPlan({ project: esProject(greenville({ increment: 0.1 })) }))).toBe(13.6);
  });
  it('uses the high-poverty ratio at or above the threshold', () => {
    // 313 students, 250 econ. disadvantaged = 79.9% ≥ 75%: K–3 at 1:18.
    // K 52/18 = 2.89 → 3; gr1 44/18 = 2.44 → 3; gr2 40/18 = 2.22 → 3; gr3 66/18 = 3.67 → 4; gr4–5 as before 2 + 3.  = 18.
    const rules = greenville({ poverty_threshold: 0.75 }).map((r) => (r.grades.includes('4') ? { ...r, poverty_threshold: undefined } : { ...r, ratio_high_poverty: 18 }));
    const needs = [{ site_id: 'E1', year: 2026, counts: { econ_disadvantaged: 250 } }];
    const plan = staffingPlan({ project: esProject(rules, { studentNeeds: needs }) });
    expect(teacherFte(plan)).toBe(18);
    expect(plan.sites[0]!.rules.filter((r) => r.high_poverty)).toHaveLength(2);
    // At 70% poverty the ordinary ratios apply: 17 FTE.
    const low = [{ site_id: 'E1', year: 2026, counts: { econ_disadvantaged: 219 } }];
    expect(teacherFte(staffingPlan({ project: esProject(rules, { studentNeeds: low }) }))).toBe(17);
  });
  it('class_size_delta and ratio_scale move teacher ratios', () => {
    // class_size_delta −3.5 turns 1:21.5 into 1:18 and 1:25 into 1:21.5: K 52/21.5 = 2.42 → 3; gr1 44/18 → 3; gr2 40/18 → 3;
    // gr3 66/18 → 4; gr4 51/22 = 2.32 → 3; gr5 60/22 = 2.73 → 3.  = 19.
    expect(teacherFte(staffingPlan({ project: esProject(greenville()), params: { class_size_delta: -3.5 } }))).toBe(19);
    // ratio_scale 2 doubles every ratio: K 52/50 → 2; gr1 44/43 → 2; gr2 40/43 → 1; gr3 66/43 → 2; gr4 51/51 = 1; gr5 60/51 → 2. = 10.
    expect(teacherFte(staffingPlan({ project: esProject(greenville()), params: { ratio_scale: 2 } }))).toBe(10);
  });
});

describe('support and caseload rules', () => {
  const project = esProject([
    rule({ role: 'counselor', ratio: 250, rounding: 'nearest', increment: 0.5, minimum_fte: 0.5 }),
    rule({ role: 'Assistant Principal', ratio: 300, rounding: 'down' }),
    rule({ role: 'principal', basis: 'site', minimum_fte: 1 }),
    rule({ role: 'sped_teacher', basis: 'subgroup', subgroup: 'SWD', ratio: 15, increment: 0.5 }),
    rule({ role: 'el_teacher', basis: 'subgroup', subgroup: 'english_learners', ratio: 40, increment: 0.5, minimum_fte: 0.5 }),
  ], {
    sites: [{ site_id: 'E1', name: 'Elm', level: 'ES' }, { site_id: 'C', name: 'Central office', level: 'Central' }],
    studentNeeds: [{ site_id: 'E1', year: 2026, counts: { students_with_disabilities: 38 } }],
  });
  const plan = staffingPlan({ project });
  const fte = (role: string) => plan.sites.find((r) => r.role === role)?.required_fte;
  it('applies ratios, minimums, site FTE and caseloads', () => {
    // 313 students: counselor 313/250 = 1.252 → nearest half 1.5; AP 313/300 = 1.04 → down 1; principal 1 per school;
    // SWD 38/15 = 2.53 → up half 3; no English learners → no EL teacher (minimums apply only where students are counted).
    expect(fte('counselor')).toBe(1.5);
    expect(fte('Assistant Principal')).toBe(1);
    expect(fte('principal')).toBe(1);
    expect(fte('sped_teacher')).toBe(3);
    expect(fte('el_teacher')).toBeUndefined();
    // The central office has no students: no principal there.
    expect(plan.sites.filter((r) => r.site_id === 'C')).toHaveLength(0);
  });
});

describe('gaps and their cost', () => {
  it('costs gaps at the schedule average and at actual salaries, split over the role’s funds', () => {
    // Schedule: teachers BA step 5 = $60,000. Two positions at E1: BA/5 schedule-paid 10 FTE (GEN 75%, T1A 25%), and an
    // own-salary $70,000 position 2 FTE (GEN). Benefits 25%, no health.
    // Schedule average (positions mode): both on BA/5 → $60,000 × 1.25 = $75,000 per FTE.
    // Actual at E1: (10 × 75,000 + 2 × 70,000 × 1.25) / 12 = (750,000 + 175,000) / 12 = $77,083.33 per FTE.
    // Required 17 (above), actual 12 → gap 5: $375,000.00 at schedule, 5 × 7,708,333 cents = $385,416.65 actual.
    // Funding mix at E1: GEN (10×0.75 + 2) / 12 = 0.79167, T1A 2.5/12 = 0.20833 → $375,000 splits 296,875.00 / 78,125.00.
    const project = esProject(greenville(), {
      funds: [
        { fund_code: 'GEN', name: 'General', source: 'local', restricted: false, available: 0 },
        { fund_code: 'T1A', name: 'Title I', source: 'federal', restricted: true, available: 0 },
      ],
      salary: [{ schedule: 'teachers', lane: 'BA', step: 5, salary: 6_000_000 }],
      positions: [
        { position_id: 'A', site_id: 'E1', role: 'Teacher', fte: 10, lane: 'BA', step: 5, benefits_rate: 0.25, funding: [{ fund_code: 'GEN', share: 0.75 }, { fund_code: 'T1A', share: 0.25 }] },
        { position_id: 'B', site_id: 'E1', role: 'teacher', fte: 2, lane: 'BA', step: 5, salary: 7_000_000, benefits_rate: 0.25 },
      ],
    });
    const plan = staffingPlan({ project });
    const row = plan.sites.find((r) => r.role === 'teacher')!;
    expect(row).toMatchObject({ required_fte: 17, actual_fte: 12, gap_fte: 5, gap_cost_cents_schedule: 37_500_000, gap_cost_cents_actual: 38_541_665 });
    expect(row.gap_funding.map((f) => [f.fund_code, f.cents_schedule])).toEqual([['GEN', 29_687_500], ['T1A', 7_812_500]]);
    expect(row.gap_funding.reduce((a, f) => a + f.cents_actual, 0)).toBe(row.gap_cost_cents_actual);
    expect(plan.totals).toMatchObject({ gap_fte: 5, positions_added_fte: 5, positions_cut_fte: 0 });
    // A plan is plain data: it survives structuredClone and JSON.
    expect(JSON.parse(JSON.stringify(structuredClone(plan)))).toEqual(JSON.parse(JSON.stringify(plan)));
  });
});

describe('properties', () => {
  // Invariant: required FTE never falls when any grade's enrollment rises, whatever the rounding.
  it('required FTE is monotone in enrollment', () => {
    const counts = fc.record({ K: fc.nat(200), '1': fc.nat(200), '6': fc.nat(400), '9': fc.nat(600) });
    const mode = fc.constantFrom('up' as const, 'down' as const, 'nearest' as const);
    fc.assert(fc.property(counts, fc.constantFrom('K', '1', '6', '9'), fc.integer({ min: 1, max: 80 }), mode, fc.constantFrom(1, 0.5, 0.1), fc.constantFrom('grade' as const, 'school' as const),
      (c, g, more, rounding, increment, round_by) => {
        const rules = [
          rule({ role: 'teacher', basis: 'grade', grades: ['K', '1'], ratio: 22, rounding, increment, round_by }),
          rule({ role: 'teacher', basis: 'sections', grades: ['6-12'], rounding, increment }),
          rule({ role: 'counselor', ratio: 250, rounding, increment, minimum_fte: 0.5 }),
        ];
        const at = (counts: Record<string, number>) => {
          const p = makeProject({ sites: [{ site_id: 'S', name: 'S', level: 'HS' }], enrollment: grades('S', counts), staffingRules: rules });
          return staffingPlan({ project: p }).totals.required_fte;
        };
        expect(at({ ...c, [g]: c[g as keyof typeof c] + more })).toBeGreaterThanOrEqual(at(c));
      }), { numRuns: 200 });
  });
});

describe('warnings', () => {
  it('names rules that cannot apply and roles with no salary', () => {
    const project = esProject([
      rule({ role: 'teacher', basis: 'grade', grades: ['K'] }),
      rule({ role: 'el_teacher', basis: 'subgroup', subgroup: 'english_learners', ratio: 40 }),
      rule({ role: 'counselor', ratio: 250 }),
    ]);
    const plan = staffingPlan({ project });
    expect(plan.warnings).toEqual([
      'StaffingRules row 2 (teacher): basis grade needs a ratio; the rule was skipped',
      'StaffingRules row 3 (el_teacher): no school has StudentNeeds counts for "english_learners"',
      'no salary found for counselor (no positions with a salary or schedule cell): its gap is costed at $0',
    ]);
  });
});
