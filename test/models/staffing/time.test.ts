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

  it('averages hours per person, compares with targets and costs the time', () => {
    // Loaded cost per principal FTE $120,000 × 1.25 = $150,000; ÷ 1,520 h = $98.684 → 9,868 cents an hour.
    // feedback: (2 + 4) ÷ 2 principals = 3 h/week vs 5 protected → short by 2.
    //   cost 3 h × 38 weeks × 9,868 ¢ × 2 FTE = 2,249,904 ¢; at target 5 h: 3,749,840 ¢.
    // monitoring: 4 ÷ 2 = 2 h vs 3 → short by 1.  operations: (30 + 36) ÷ 2 = 33 h, no target.
    // Share of time on feedback: 3 ÷ (3 + 2 + 33) = 0.0789.
    expect(line('feedback')).toMatchObject({ target_hours_per_week: 5, actual_hours_per_week: 3, gap_hours_per_week: -2, status: 'short', respondents: 2, staff_fte: 2, loaded_hourly_cents: 9868, annual_cost_cents: 2_249_904, target_cost_cents: 3_749_840, share_of_time: 0.0789 });
    expect(line('monitoring_data_review')).toMatchObject({ actual_hours_per_week: 2, gap_hours_per_week: -1, status: 'short' });
    expect(line('operations')).toMatchObject({ actual_hours_per_week: 33, target_hours_per_week: null, status: 'no_target' });
    const fb = r.byFunction.find((f) => f.activity.toLowerCase() === 'feedback')!;
    // Person-hours across the role: 3 × 2 = 6 actual vs 5 × 2 = 10 protected; gap cost 2,249,904 − 3,749,840 = −1,499,936 ¢.
    expect(fb).toMatchObject({ actual_hours_per_week: 6, target_hours_per_week: 10, gap_cost_cents: -1_499_936 });
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
