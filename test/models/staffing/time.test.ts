import { describe, expect, it } from 'vitest';
import { timeStudyReport } from '../../../models/staffing/time';
import { makeProject } from './fixture';

describe('time study against the responsibilities matrix', () => {
  const project = makeProject({
    sites: [{ site_id: 'E1', name: 'Elm', level: 'ES' }],
    positions: [
      { position_id: 'P1', site_id: 'E1', role: 'principal', fte: 1, salary: 12_000_000, benefits_rate: 0.25 },
      { position_id: 'P2', site_id: 'E1', role: 'Principal', fte: 1, salary: 12_000_000, benefits_rate: 0.25 },
    ],
    responsibilities: [
      { function: 'feedback', owner_role: 'principal', protected_hours_per_week: 5 },
      { function: 'monitoring_data_review', owner_role: 'principal', protected_hours_per_week: 3 },
    ],
    timeStudy: [
      { position_id: 'P1', activity: 'Feedback', hours_per_week: 2 },
      { position_id: 'P1', activity: 'monitoring_data_review', hours_per_week: 4 },
      { position_id: 'P1', activity: 'operations', hours_per_week: 30 },
      { position_id: 'P2', activity: 'feedback', hours_per_week: 4 },
      { position_id: 'P2', activity: 'operations', hours_per_week: 36 },
      { position_id: 'P9', activity: 'operations', hours_per_week: 10 },
    ],
  });
  const r = timeStudyReport(project);
  const line = (a: string) => r.lines.find((l) => l.activity.toLowerCase() === a)!;

  it('averages hours per person, compares with targets and costs the time as a share of pay', () => {
    // Loaded cost per principal FTE $120,000 × 1.25 = $150,000; 2 FTE → pay $300,000 (30,000,000 ¢).
    // feedback: (2 + 4) ÷ 2 principals = 3 h/week vs 5 protected → short by 2.
    // monitoring: 4 ÷ 2 = 2 h vs 3 → short by 1.  operations: (30 + 36) ÷ 2 = 33 h, no target.
    // Studied week 3 + 2 + 33 = 38 h; standard week 1,520 h ÷ 38 weeks = 40 h; costed week max(38, 40) = 40 h.
    //   feedback cost 30,000,000 × 3 ÷ 40 = 2,250,000 ¢; at target 5 h: 30,000,000 × 5 ÷ 40 = 3,750,000 ¢.
    //   hourly: 15,000,000 ÷ (40 h × 38 weeks) = 9,868.42 → 9,868 ¢.
    // Share of time on feedback: 3 ÷ (3 + 2 + 33) = 0.0789.
    expect(line('feedback')).toMatchObject({ target_hours_per_week: 5, actual_hours_per_week: 3, gap_hours_per_week: -2, status: 'short', respondents: 2, staff_fte: 2, loaded_hourly_cents: 9868, annual_cost_cents: 2_250_000, target_cost_cents: 3_750_000, share_of_time: 0.0789 });
    expect(line('monitoring_data_review')).toMatchObject({ actual_hours_per_week: 2, gap_hours_per_week: -1, status: 'short', annual_cost_cents: 1_500_000 });
    expect(line('operations')).toMatchObject({ actual_hours_per_week: 33, target_hours_per_week: null, status: 'no_target', annual_cost_cents: 24_750_000 });
    const fb = r.byFunction.find((f) => f.activity.toLowerCase() === 'feedback')!;
    // Person-hours across the role: 3 × 2 = 6 actual vs 5 × 2 = 10 protected; gap cost 2,250,000 − 3,750,000 = −1,500,000 ¢.
    expect(fb).toMatchObject({ actual_hours_per_week: 6, target_hours_per_week: 10, gap_cost_cents: -1_500_000 });
    // The 2 hours of the standard week the study does not account for: 30,000,000 × 2 ÷ 40 = 1,500,000 ¢;
    // 2,250,000 + 1,500,000 + 24,750,000 + 1,500,000 = 30,000,000 = the pay.
    expect(r.roles).toEqual([expect.objectContaining({ role: 'principal', pay_cents: 30_000_000, studied_hours_per_week: 38, standard_hours_per_week: 40, costed_hours_per_week: 40, activity_cost_cents: 28_500_000, unrecorded_cost_cents: 1_500_000 })]);
  });
  it('reports rows it cannot place', () => {
    expect(r.problems).toEqual([{ row: undefined, message: 'position P9 is not in Positions and the row has no role' }]);
  });
});

describe('time-study activities written as people write them', () => {
  // "Data meetings" and "Observation & feedback" are the functions monitoring_data_review and
  // feedback (built-in synonyms); "Instructional rounds" is mapped by the district's own alias.
  const project = makeProject({
    sites: [{ site_id: 'E1', name: 'Elm', level: 'ES' }],
    positions: [{ position_id: 'P1', site_id: 'E1', role: 'principal', fte: 1, salary: 12_000_000, benefits_rate: 0.25 }],
    staffing: { activityAliases: { 'Instructional rounds': 'feedback' } },
    responsibilities: [
      { function: 'feedback', owner_role: 'principal', protected_hours_per_week: 5 },
      { function: 'monitoring_data_review', owner_role: 'principal', protected_hours_per_week: 3 },
    ],
    timeStudy: [
      { position_id: 'P1', activity: 'Data meetings', hours_per_week: 1.5 },
      { position_id: 'P1', activity: 'Observation & feedback', hours_per_week: 2 },
      { position_id: 'P1', activity: 'Instructional rounds', hours_per_week: 1 },
      { position_id: 'P1', activity: 'Planning', hours_per_week: 4 },
    ],
  });
  const r = timeStudyReport(project);
  const line = (a: string) => r.lines.find((l) => l.activity === a);

  it('matches synonyms and aliases to the Responsibilities functions, named as that sheet names them', () => {
    // feedback: 2 + 1 = 3 h vs 5; monitoring: 1.5 h vs 3.
    expect(line('feedback')).toMatchObject({ actual_hours_per_week: 3, target_hours_per_week: 5, status: 'short' });
    expect(line('monitoring_data_review')).toMatchObject({ actual_hours_per_week: 1.5, target_hours_per_week: 3, status: 'short' });
    // Lesson planning is not program design: it stays its own activity, with no target.
    expect(line('Planning')).toMatchObject({ actual_hours_per_week: 4, status: 'no_target' });
    expect(r.lines).toHaveLength(3);
  });
});

describe('time-study costs add up to pay (issue 21, item 5)', () => {
  // A principal who logs 50 hours a week and a 12-month director (2,080 hours) who logs 45.
  // Before: cost = hours × 38 weeks × (pay ÷ annual hours), so the principal's activities came to
  // 50 × 38 ÷ 1,520 = 125% of pay and the director's to 45 × 38 ÷ 2,080 = 82.2%.
  const project = makeProject({
    sites: [{ site_id: 'E1', name: 'Elm', level: 'ES' }],
    positions: [
      { position_id: 'P1', site_id: 'E1', role: 'principal', fte: 1, salary: 12_000_000, benefits_rate: 0.25 },
      { position_id: 'D1', site_id: 'E1', role: 'director', fte: 1, salary: 13_000_000, benefits_rate: 0.2 },
    ],
    staffing: { roleWorkHours: { director: 2080 } },
    responsibilities: [{ function: 'program_design', owner_role: 'director', protected_hours_per_week: 10 }],
    timeStudy: [
      { position_id: 'P1', activity: 'feedback', hours_per_week: 10 },
      { position_id: 'P1', activity: 'operations', hours_per_week: 40 },
      { position_id: 'D1', activity: 'program_design', hours_per_week: 9 },
      { position_id: 'D1', activity: 'operations', hours_per_week: 36 },
    ],
  });
  const r = timeStudyReport(project);
  const cost = (role: string, act: string) => r.lines.find((l) => l.role === role && l.activity === act)!.annual_cost_cents;

  it('a principal working 50 hours: the activities share the pay, not 125% of it', () => {
    // Pay $120,000 × 1.25 = $150,000 = 15,000,000 ¢; costed week max(50, 40) = 50 h.
    // feedback 15,000,000 × 10 ÷ 50 = 3,000,000 ¢; operations × 40 ÷ 50 = 12,000,000 ¢; sum = pay.
    expect(cost('principal', 'feedback')).toBe(3_000_000);
    expect(cost('principal', 'operations')).toBe(12_000_000);
    expect(r.roles.find((x) => x.role === 'principal')).toMatchObject({ pay_cents: 15_000_000, activity_cost_cents: 15_000_000, unrecorded_cost_cents: 0, costed_hours_per_week: 50 });
  });

  it('a role set to 2,080 hours works more weeks of the same week, and its activities still add to its pay', () => {
    // Pay $130,000 × 1.2 = $156,000 = 15,600,000 ¢. 2,080 h ÷ (1,520 h ÷ 38 weeks = 40 h) = 52 weeks; standard week 40 h;
    // costed week max(45, 40) = 45 h. program_design 15,600,000 × 9 ÷ 45 = 3,120,000 ¢; operations × 36 ÷ 45 = 12,480,000 ¢.
    // At the 10 protected hours: 15,600,000 × 10 ÷ 45 = 3,466,666.67 → 3,466,667 ¢. Hourly 15,600,000 ÷ (45 × 52) = 6,666.67 → 6,667 ¢.
    expect(cost('director', 'program_design')).toBe(3_120_000);
    expect(cost('director', 'operations')).toBe(12_480_000);
    expect(r.lines.find((l) => l.role === 'director' && l.activity === 'program_design')).toMatchObject({ target_cost_cents: 3_466_667, loaded_hourly_cents: 6667 });
    expect(r.roles.find((x) => x.role === 'director')).toMatchObject({ pay_cents: 15_600_000, work_weeks: 52, standard_hours_per_week: 40, activity_cost_cents: 15_600_000 });
  });

  it('for every role, lines + unrecorded time = pay, to the cent', () => {
    for (const role of r.roles) {
      const lines = r.lines.filter((l) => l.role === role.role).reduce((a, l) => a + l.annual_cost_cents, 0);
      expect(lines + role.unrecorded_cost_cents).toBe(role.pay_cents);
    }
  });
});
