import type { Project } from '../project/project';
import { fixed, list, plural } from './evidence';
import type { Criterion } from './types';

// Roles that lead (central office and buildings); other roles with responsibilities are staff in standing team roles.
const LEADER = /director|coordinator|principal|superintendent|chief|officer|supervisor/i;
const norm = (s: string) => s.trim().toLowerCase();

/** Practice 15a: roles with protected time for district functions, reviewed, time-studied. */
export function practice15a(project: Project): Criterion[] {
  const roles = new Set(project.positions.map((p) => norm(p.role)));
  const protectedRows = project.responsibilities.filter((r) => r.protected_hours_per_week > 0 && roles.has(norm(r.owner_role)));
  const owners = [...new Set(protectedRows.map((r) => r.owner_role))];
  const noted = project.responsibilities.filter((r) => r.note);
  const staffReviews = [...new Set(project.allocationReviews.filter((r) => r.kind === 'schedule' || r.kind === 'positions').map((r) => r.review_id))];
  const comms = protectedRows.filter((r) => ['communication', 'culture'].includes(norm(r.function)));
  const studiedRoles = [...new Set(project.timeStudy.map((t) => t.role ?? t.position_id ?? ''))].filter((x) => x !== '');
  // Time studied on each protected function against its protected hours, per role (role-average rows).
  let target = 0; let studied = 0;
  for (const r of protectedRows) {
    const rows = project.timeStudy.filter((t) => t.role && norm(t.role) === norm(r.owner_role) && norm(t.activity) === norm(r.function));
    if (rows.length === 0) continue;
    target += r.protected_hours_per_week;
    studied += Math.min(r.protected_hours_per_week, rows.reduce((s, t) => s + t.hours_per_week, 0));
  }
  return [
    {
      id: '15a-protected-time', level: 'getting started', text: 'Roles for district functions, with time for them protected in schedules', screen: 'Staffing',
      status: protectedRows.length > 0 ? 'met' : 'not met',
      evidence: protectedRows.length > 0 ? `${plural(protectedRows.length, 'function')} with protected hours across ${plural(owners.length, 'role')} (${list(owners)})` : 'no Responsibilities row gives a role in Positions protected hours',
    },
    {
      id: '15a-job-descriptions', level: 'getting started', text: 'The responsibilities are written into job descriptions', screen: 'Staffing',
      status: noted.length > 0 ? 'met' : 'not shown by the data',
      evidence: noted.length > 0 ? `${noted.length} of ${plural(project.responsibilities.length, 'responsibility', 'responsibilities')} say where they sit in a job description or schedule` : 'no responsibility says where it sits in a job description',
    },
    {
      id: '15a-review-adjust', level: 'getting better', text: 'Outcomes are reviewed regularly to adjust schedules and responsibilities', screen: 'Allocate',
      status: staffReviews.length > 0 ? 'met' : 'not shown by the data',
      evidence: staffReviews.length > 0 ? `${plural(staffReviews.length, 'review')} changed schedules or positions (${list(staffReviews)})` : 'no review of schedules or positions is recorded (Reviews table)',
    },
    {
      id: '15a-communication-culture', level: 'getting better', text: 'Regular time is scheduled for communication and culture building', screen: 'Staffing',
      status: comms.length > 0 ? 'met' : 'not met',
      evidence: comms.length > 0 ? `protected time for ${list([...new Set(comms.map((c) => `${c.function} (${c.owner_role})`))])}` : 'no protected time for communication or culture',
    },
    {
      id: '15a-time-study', level: 'keep improving', text: 'Regular time studies show where time goes', screen: 'Staffing',
      status: project.timeStudy.length > 0 ? 'met' : 'not met',
      evidence: project.timeStudy.length > 0 ? `a time study of ${plural(studiedRoles.length, 'role')} (${plural(project.timeStudy.length, 'row')}); its date is not in the data, so "in the last year" is the user's to confirm` : 'the TimeStudy table is empty',
    },
    {
      id: '15a-time-matches', level: 'keep improving', text: 'Time studied on district functions reaches the time protected for them', screen: 'Staffing',
      status: target === 0 ? 'not shown by the data' : studied / target >= 0.9 ? 'met' : 'not met',
      evidence: target === 0 ? 'no time-study row matches a protected function' : `${fixed(studied, 1)} of ${fixed(target, 1)} protected hours a week are spent on their functions (${Math.round((studied / target) * 100)}%; 90% is the mark)`,
    },
  ];
}

/** Practice 15b: collaborative team time in schedules, standing roles for staff. */
export function practice15b(project: Project): Criterion[] {
  const schoolRows = project.schedules.filter((s) => !s.subject);
  const withCollab = schoolRows.filter((s) => (s.collaboration_minutes_per_week ?? 0) > 0);
  const mins = withCollab.map((s) => s.collaboration_minutes_per_week!);
  const sitesWithStudents = [...new Set(project.enrollment.filter((e) => e.students > 0).map((e) => e.site_id))];
  const collabSites = new Set(withCollab.map((s) => s.site_id));
  const without = sitesWithStudents.filter((s) => !collabSites.has(s));
  const staffRoles = project.responsibilities.filter((r) => !LEADER.test(r.owner_role) && r.protected_hours_per_week > 0);
  return [
    {
      id: '15b-collaboration-time', level: 'getting started', text: 'Time for collaborative teams is scheduled', screen: 'Staffing',
      status: withCollab.length > 0 ? 'met' : 'not met',
      evidence: withCollab.length > 0 ? `${withCollab.length} of ${plural(schoolRows.length, 'school schedule')} have collaboration time (${Math.min(...mins) === Math.max(...mins) ? Math.min(...mins) : `${Math.min(...mins)}–${Math.max(...mins)}`} minutes a week)` : schoolRows.length === 0 ? 'the Schedules table is empty' : 'no schedule has collaboration minutes',
    },
    {
      id: '15b-standing-roles', level: 'getting better', text: 'Standing roles for teachers and support staff in district systems, in job descriptions', screen: 'Staffing',
      status: staffRoles.length > 0 ? 'met' : 'not met',
      evidence: staffRoles.length > 0 ? `protected time for ${list([...new Set(staffRoles.map((r) => r.owner_role))])} (${list([...new Set(staffRoles.map((r) => r.function))])})` : 'no responsibility belongs to a teacher or support role',
    },
    {
      id: '15b-every-school', level: 'getting better', text: 'Schedules allow collaboration in every school', screen: 'Staffing',
      status: sitesWithStudents.length === 0 ? 'not shown by the data' : without.length === 0 ? 'met' : 'not met',
      evidence: sitesWithStudents.length === 0 ? 'no enrollment' : without.length === 0 ? `all ${plural(sitesWithStudents.length, 'school')} with students have collaboration time` : `${plural(without.length, 'school')} without collaboration time: ${list(without)}`,
    },
    {
      id: '15b-reviewed', level: 'keep improving', text: 'Roles and responsibilities are reviewed and updated periodically', screen: 'Staffing',
      status: 'not shown by the data',
      evidence: 'the project does not record when roles were last reviewed',
    },
  ];
}
