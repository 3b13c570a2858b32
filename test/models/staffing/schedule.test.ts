import { describe, expect, it } from 'vitest';
import { scheduleChangeCost } from '../../../models/staffing/schedule-change';
import { staffingPlan } from '../../../models/staffing/plan';
import { staffingMetrics } from '../../../models/staffing/metrics';
import { StaffingConfigSchema } from '../../../models/staffing/config';
import type { ScheduleRow, StaffingRule } from '../../../models/staffing/tables';
import { makeProject, grades } from './fixture';

const HS_ROW: ScheduleRow = { site_id: 'H1', instructional_days: 180, minutes_per_day: 350, periods_per_day: 7, minutes_per_period: 50, teaching_periods: 6, planning_periods: 1, collaboration_minutes_per_week: 45, class_size_cap: 32, course_requests_per_student: 7 };
const sectionsRule: StaffingRule = { role: 'teacher', level: 'any', grades: ['9-12'], basis: 'sections', minimum_fte: 0, rounding: 'up', increment: 0.5, round_by: 'grade' };
const teacherPay = {
  salary: [{ schedule: 'teachers', lane: 'BA', step: 5, salary: 6_000_000 }],
  funds: [
    { fund_code: 'GEN', name: 'General', source: 'local', restricted: false, available: 0 },
    { fund_code: 'T1A', name: 'Title I', source: 'federal', restricted: true, available: 0 },
  ],
};
const hs = (schedules: ScheduleRow[], positions: unknown[] = []) => makeProject({
  sites: [{ site_id: 'H1', name: 'High', level: 'HS' }],
  enrollment: grades('H1', { '9': 250, '10': 250, '11': 250, '12': 250 }),
  schedules, staffingRules: [sectionsRule], positions, ...teacherPay,
});

describe('high school sections and FTE from course requests', () => {
  it('derives sections, teacher FTE, load and minutes from the school schedule', () => {
    // 1,000 students × 7 requests = 7,000 seats ÷ cap 32 = 218.75 → 219 sections; ÷ 6 teaching periods = 36.5 FTE.
    // Average class 7,000 / 219 = 31.963; students per teacher per day 31.963 × 6 = 191.78.
    // Planning 1 period × 50 min × 5 days = 250 min/week; instructional 180 days × 350 = 63,000 min/year.
    const plan = staffingPlan({ project: hs([HS_ROW]) });
    const m = plan.schedules[0]!.metrics;
    expect(m).toMatchObject({ students: 1000, sections: 219, teacher_fte_needed: 36.5, planning_minutes_per_week: 250, collaboration_minutes_per_week: 45, instructional_minutes_per_year: 63_000 });
    expect(m.avg_class_size).toBeCloseTo(31.9635, 4);
    expect(m.students_per_teacher_per_day).toBeCloseTo(191.7808, 3);
    expect(plan.sites[0]!.required_fte).toBe(36.5);
  });
  it('counts sections per subject when subject rows are given', () => {
    // ELA 1,000/30 = 33.3 → 34; Math → 34; Science 1,000/28 = 35.7 → 36; Social studies 1,000/32 = 31.25 → 32;
    // World languages 800/30 = 26.7 → 27; Arts 1,200/28 = 42.9 → 43; PE 1,000/35 = 28.6 → 29.  Σ = 235 sections.
    // 235 ÷ 6 = 39.17 FTE → rule rounds up to the half: 39.5.
    const subjects: [string, number, number][] = [['ELA', 1, 30], ['Math', 1, 30], ['Science', 1, 28], ['Social studies', 1, 32], ['World languages', 0.8, 30], ['Arts', 1.2, 28], ['PE', 1, 35]];
    const rows = [HS_ROW, ...subjects.map(([subject, r, cap]) => ({ site_id: 'H1', subject, course_requests_per_student: r, class_size_cap: cap }))];
    const plan = staffingPlan({ project: hs(rows) });
    expect(plan.schedules[0]!.metrics.sections).toBe(235);
    expect(plan.schedules[0]!.metrics.teacher_fte_needed).toBe(39.1667);
    expect(plan.sites[0]!.required_fte).toBe(39.5);
  });
});

const ES_ROW: ScheduleRow = { site_id: 'E1', instructional_days: 180, minutes_per_day: 360, periods_per_day: 0, minutes_per_period: 0, teaching_periods: 0, planning_periods: 0, collaboration_minutes_per_week: 45, class_size_cap: 25 };
const esTeachers = [{ position_id: 'T', site_id: 'E1', role: 'teacher', fte: 24, lane: 'BA', step: 5, benefits_rate: 0.25, health_plan_cost: 1_200_000, funding: [{ fund_code: 'GEN', share: 0.75 }, { fund_code: 'T1A', share: 0.25 }] }];
const es = makeProject({
  sites: [{ site_id: 'E1', name: 'Elm', level: 'ES' }],
  enrollment: grades('E1', { K: 100, '1': 100, '2': 100, '3': 100, '4': 100, '5': 100 }),
  schedules: [ES_ROW], positions: esTeachers, ...teacherPay,
});

describe('the cost of a weekly 90-minute collaboration block', () => {
  // 600 students, cap 25: 100/25 = 4 homerooms × 6 grades = 24 teacher FTE. A teacher teaches 360 × 5 = 1,800 min/week.
  // Loaded cost per FTE: $60,000 × 1.25 + $12,000 health = $87,000.
  it('covered by specials / added staff', () => {
    // 24 × 90 ÷ 1,800 = 1.2 FTE × $87,000 = $104,400.00; GEN 75% = $78,300.00, T1A 25% = $26,100.00.
    const c = scheduleChangeCost(es, 'E1', { kind: 'collaboration_block', minutes_per_week: 90, coverage: 'specials' })!;
    expect(c.teacher_fte_before).toBe(24);
    expect(c.delta_fte).toBe(1.2);
    expect(c.cost_per_fte_cents_schedule).toBe(8_700_000);
    expect(c.delta_cost_cents_schedule).toBe(10_440_000);
    expect(c.delta_cost_cents_actual).toBe(10_440_000);
    expect(c.funding.map((f) => [f.fund_code, f.cents])).toEqual([['GEN', 7_830_000], ['T1A', 2_610_000]]);
    expect(c.after.collaboration_minutes_per_week).toBe(135);
  });
  it('taken from teaching time', () => {
    // 24 × 90 ÷ (1,800 − 90) = 1.26316 → 1.2632 FTE × $87,000 = $109,898.40.
    const c = scheduleChangeCost(es, 'E1', { kind: 'collaboration_block', coverage: 'reduce_teaching' })!;
    expect(c.delta_fte).toBe(1.2632);
    expect(c.delta_cost_cents_schedule).toBe(10_989_840);
  });
  it('banked from student time', () => {
    // No FTE; 90 min × 180 days ÷ 5 = 3,240 fewer instructional minutes a year (64,800 → 61,560).
    const c = scheduleChangeCost(es, 'E1', { kind: 'collaboration_block', coverage: 'banked_time' })!;
    expect(c.delta_fte).toBe(0);
    expect(c.delta_cost_cents_schedule).toBe(0);
    expect(c.instructional_minutes_per_year_change).toBe(-3240);
    expect(c.after.instructional_minutes_per_year).toBe(61_560);
  });
});

describe('period and class-size changes at a high school', () => {
  const positions = [{ position_id: 'T', site_id: 'H1', role: 'teacher', fte: 36, lane: 'BA', step: 5, benefits_rate: 0.25, health_plan_cost: 1_200_000 }];
  it('7 → 8 periods', () => {
    // Students take 8 courses: 8,000 seats ÷ 32 = 250 sections ÷ 6 = 41.6667 FTE; before 219 ÷ 6 = 36.5.
    // Δ 5.1667 FTE × $87,000 = $449,502.90. Periods shorten to 50 × 7 ÷ 8 = 43.75 min; the day stays 350 min.
    const c = scheduleChangeCost(hs([HS_ROW], positions), 'H1', { kind: 'periods', periods_per_day: 8 })!;
    expect(c.before.sections).toBe(219);
    expect(c.after.sections).toBe(250);
    expect(c.delta_fte).toBe(5.1667);
    expect(c.delta_cost_cents_schedule).toBe(44_950_290);
    expect(c.after.schedule.minutes_per_period).toBe(43.75);
    expect(c.instructional_minutes_per_year_change).toBe(0);
    // Teaching 7 of 8 instead: 250 ÷ 7 = 35.7143 FTE, Δ −0.7857 FTE.
    expect(scheduleChangeCost(hs([HS_ROW], positions), 'H1', { kind: 'periods', periods_per_day: 8, teaching_periods: 7 })!.delta_fte).toBe(-0.7857);
  });
  it('lowering the class-size cap 32 → 30', () => {
    // 7,000 ÷ 30 = 233.3 → 234 sections ÷ 6 = 39 FTE; Δ 2.5 FTE × $87,000 = $217,500.
    const c = scheduleChangeCost(hs([HS_ROW], positions), 'H1', { kind: 'class_size_cap', class_size_cap: 30 })!;
    expect(c.delta_fte).toBe(2.5);
    expect(c.delta_cost_cents_schedule).toBe(21_750_000);
  });
  it('returns null for an unknown site', () => {
    expect(scheduleChangeCost(hs([HS_ROW]), 'nope', { kind: 'class_size_cap', class_size_cap: 30 })).toBeNull();
  });
});

describe('staffingMetrics under scenario params', () => {
  it('reports schedule metrics and moves with caps, periods and collaboration time', () => {
    const project = hs([HS_ROW], [{ position_id: 'T', site_id: 'H1', role: 'teacher', fte: 36, lane: 'BA', step: 5, benefits_rate: 0.25, health_plan_cost: 1_200_000 }]);
    const base = staffingMetrics({ project, year: 2026, enrollment: project.enrollment });
    // 36.5 required (above) vs 36 → +0.5 FTE × $87,000 = $43,500.
    expect(base).toMatchObject({ requiredFteByRole: { teacher: 36.5 }, fteByRole: { teacher: 36 }, costCents: 4_350_000, collaborationMinutesPerWeek: 45, instructionalMinutesPerYear: 63_000, sections: 219, students: 1000 });
    expect(base.teacherLoad).toBeCloseTo(191.78, 2);
    const smaller = staffingMetrics({ project, year: 2026, enrollment: project.enrollment, params: { class_size_delta: -2, collaboration_minutes_delta: 90, unknown_driver: 5 } });
    // cap 30: 234 sections ÷ 6 = 39 FTE; plus the 90 added collaboration minutes covered by specials:
    // 39 × 90 ÷ (6 periods × 50 min × 5 days = 1,500) = 2.34 FTE → 41.34.
    expect(smaller.requiredFteByRole.teacher).toBe(41.34);
    expect(smaller.collaborationMinutesPerWeek).toBe(135);
    expect(smaller.avgClassSize).toBeLessThan(base.avgClassSize);
    expect(structuredClone(smaller)).toEqual(smaller);
  });
});

describe('a scenario that adds collaboration time', () => {
  it('adds the coverage FTE to the teachers required (or instructional minutes lost when banked)', () => {
    // Preset rules at E1 (100 per grade): K 100/25 = 4; gr 1–3 100/21.5 = 4.65 → 5 × 3 = 15; gr 4–5 100/25.5 = 3.92 → 4 × 2 = 8.
    // 27 teachers × 90 min ÷ 1,800 teaching min/week = 1.35 FTE of coverage → 28.35.
    const plan = staffingPlan({ project: es, params: { collaboration_minutes_delta: 90 } });
    const teacher = plan.sites.find((r) => r.role === 'teacher')!;
    expect(teacher.required_fte).toBe(28.35);
    expect(teacher.rules.at(-1)).toMatchObject({ rule: -1, basis: 'collaboration', required_fte: 1.35 });
    // Banked time: no FTE; 90 × 180 ÷ 5 = 3,240 fewer instructional minutes (64,800 → 61,560).
    const banked = staffingPlan({ project: { ...es, staffing: StaffingConfigSchema.parse({ collaborationCoverage: 'banked_time' }) }, params: { collaboration_minutes_delta: 90 } });
    expect(banked.sites.find((r) => r.role === 'teacher')!.required_fte).toBe(27);
    expect(banked.schedules[0]!.metrics.instructional_minutes_per_year).toBe(61_560);
  });
});
