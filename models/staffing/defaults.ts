import type { Project } from '../project/project';
import { levelSchedule, presetRules, resolveStaffingConfig } from './config';
import type { Responsibility, ScheduleRow, StaffingRule, TimeStudyRow } from './tables';

/**
 * Illustrative staffing sheets for a project that has none (the demo district, a new workbook):
 * the configured preset's rules, each school's level-default schedule, a responsibilities matrix
 * for practice 15's district functions, and a role-average time study showing the common pattern
 * (operations crowd out monitoring and feedback). Deterministic; not a published standard.
 */
export function defaultStaffingRows(project: Project): {
  staffingRules: StaffingRule[];
  schedules: ScheduleRow[];
  responsibilities: Responsibility[];
  timeStudy: TimeStudyRow[];
} {
  const cfg = resolveStaffingConfig(project.staffing);
  const schedules: ScheduleRow[] = [];
  for (const s of project.sites) {
    if (s.level === 'Central') continue;
    const d = levelSchedule(cfg, s.level);
    schedules.push({ site_id: s.site_id, ...d });
    // High schools: per-subject course requests (4 core + 3 electives = 7 courses), electives in larger sections.
    if (s.level === 'HS') {
      for (const [subject, requests, cap] of HS_SUBJECTS) schedules.push({ site_id: s.site_id, subject, course_requests_per_student: requests, class_size_cap: cap });
    }
  }
  return { staffingRules: presetRules(cfg.preset).map((r) => ({ ...r })), schedules, responsibilities: RESPONSIBILITIES.map((r) => ({ ...r })), timeStudy: TIME_STUDY.map((r) => ({ ...r })) };
}

const HS_SUBJECTS: [string, number, number][] = [
  ['ELA', 1, 30], ['Math', 1, 30], ['Science', 1, 28], ['Social studies', 1, 32], ['World languages', 0.8, 30], ['Arts and CTE', 1.2, 28], ['PE and health', 1, 35],
];

const R = (fn: string, owner_role: string, protected_hours_per_week: number, note?: string): Responsibility => ({ function: fn, owner_role, protected_hours_per_week, note });
const RESPONSIBILITIES: Responsibility[] = [
  R('program_design', 'director', 4, 'Program planning cycle in the director job description'),
  R('monitoring_data_review', 'director', 3, 'Monthly data review with principals'),
  R('systems_work', 'director', 4),
  R('communication', 'director', 3),
  R('pilots', 'coordinator', 4, 'Pilot design and support'),
  R('monitoring_data_review', 'coordinator', 3),
  R('program_design', 'principal', 2),
  R('monitoring_data_review', 'principal', 3, 'Weekly data meeting'),
  R('feedback', 'principal', 5, 'Classroom walkthroughs with feedback'),
  R('culture', 'principal', 2),
  R('communication', 'principal', 2),
  R('feedback', 'assistant_principal', 4),
  R('monitoring_data_review', 'assistant_principal', 2),
  R('feedback', 'instructional_coach', 8, 'Coaching cycles'),
  R('pilots', 'instructional_coach', 3),
  R('monitoring_data_review', 'instructional_coach', 3),
  R('monitoring_data_review', 'teacher', 1.5, 'PLC data review inside collaboration time'),
];

const T = (role: string, activity: string, hours_per_week: number): TimeStudyRow => ({ role, activity, hours_per_week });
const TIME_STUDY: TimeStudyRow[] = [
  T('director', 'program_design', 3), T('director', 'monitoring_data_review', 2), T('director', 'systems_work', 3), T('director', 'communication', 6), T('director', 'meetings_and_compliance', 20), T('director', 'operations', 11),
  T('coordinator', 'pilots', 2), T('coordinator', 'monitoring_data_review', 3.5), T('coordinator', 'meetings_and_compliance', 14), T('coordinator', 'operations', 20.5),
  T('principal', 'program_design', 1), T('principal', 'monitoring_data_review', 1.5), T('principal', 'feedback', 2.5), T('principal', 'culture', 3), T('principal', 'communication', 5), T('principal', 'operations', 22), T('principal', 'student_discipline', 10), T('principal', 'meetings_and_compliance', 5),
  T('assistant_principal', 'feedback', 2), T('assistant_principal', 'monitoring_data_review', 1), T('assistant_principal', 'student_discipline', 22), T('assistant_principal', 'operations', 20),
  T('instructional_coach', 'feedback', 6), T('instructional_coach', 'pilots', 3), T('instructional_coach', 'monitoring_data_review', 2), T('instructional_coach', 'substitute_coverage', 8), T('instructional_coach', 'operations', 21),
  T('teacher', 'instruction', 30), T('teacher', 'planning', 5), T('teacher', 'monitoring_data_review', 0.75), T('teacher', 'duties', 3.25), T('teacher', 'meetings_and_compliance', 1),
];

/** The Schedules rows the engine uses: the project's, or the illustrative ones when it has none. */
export function effectiveSchedules(project: Project): ScheduleRow[] {
  return project.schedules.length > 0 ? project.schedules : defaultStaffingRows(project).schedules;
}

/**
 * The project with illustrative sheets filled in where it has none, and which ones were filled,
 * so reports can say "illustrative defaults" instead of passing them off as the district's.
 */
export function withStaffingDefaults(project: Project): { project: Project; defaulted: ('staffingRules' | 'schedules' | 'responsibilities' | 'timeStudy')[] } {
  const d = defaultStaffingRows(project);
  const defaulted: ('staffingRules' | 'schedules' | 'responsibilities' | 'timeStudy')[] = [];
  const out: Project = { ...project };
  // Rules are not copied: the engine staffs by the configured preset when the sheet is empty and
  // says so (plan.rulesSource = 'preset').
  if (project.staffingRules.length === 0) defaulted.push('staffingRules');
  if (project.schedules.length === 0) { out.schedules = d.schedules; defaulted.push('schedules'); }
  if (project.responsibilities.length === 0 && project.timeStudy.length === 0) {
    out.responsibilities = d.responsibilities;
    out.timeStudy = d.timeStudy;
    defaulted.push('responsibilities', 'timeStudy');
  }
  return { project: out, defaulted };
}

/**
 * Staffing sheets for the demo district (models/demo/district.ts may spread these into its
 * project): rules written as the demo district's own policy (the class sizes and ratios its
 * generator staffs by, so gaps are modest and real), its schedules (high schools: 7 periods, 6
 * taught, cap 35), the responsibilities matrix and time study, and scenario rows that move
 * staffing: ASCA counselor ratio, classes two smaller, a collaboration block, an 8-period day at period-schedule schools.
 */
export function demoStaffingSheets(project: Project): ReturnType<typeof defaultStaffingRows> & {
  scenarios: { scenario: string; driver: string; value: number; based_on?: string }[];
} {
  const d = defaultStaffingRows(project);
  const policy = 'Riverbend staffing policy (demo)';
  const r = (x: Partial<StaffingRule> & Pick<StaffingRule, 'role'>): StaffingRule => ({ level: 'any', grades: [], basis: 'students', minimum_fte: 0, rounding: 'up', increment: 1, round_by: 'grade', note: policy, ...x });
  const staffingRules: StaffingRule[] = [
    r({ role: 'teacher', basis: 'grade', grades: ['PK'], ratio: 18 }),
    r({ role: 'teacher', basis: 'grade', grades: ['K', '1'], ratio: 21 }),
    r({ role: 'teacher', basis: 'grade', grades: ['2', '3'], ratio: 22 }),
    r({ role: 'teacher', basis: 'grade', grades: ['4', '5'], ratio: 26 }),
    r({ role: 'teacher', basis: 'grade', grades: ['6', '7', '8'], ratio: 27 }),
    r({ role: 'teacher', level: 'HS', basis: 'sections', grades: ['9', '10', '11', '12'], increment: 0.5 }),
    r({ role: 'counselor', ratio: 400, rounding: 'nearest', minimum_fte: 1 }),
    r({ role: 'assistant_principal', ratio: 600, rounding: 'down' }),
    r({ role: 'principal', basis: 'site', minimum_fte: 1 }),
    r({ role: 'sped_teacher', basis: 'subgroup', subgroup: 'students_with_disabilities', ratio: 22, rounding: 'nearest', minimum_fte: 1 }),
    r({ role: 'el_teacher', basis: 'subgroup', subgroup: 'english_learners', ratio: 55, rounding: 'nearest', increment: 0.5, minimum_fte: 0.5 }),
  ];
  const schedules = d.schedules.map((s) => (s.subject === undefined && project.sites.find((x) => x.site_id === s.site_id)?.level === 'HS' ? { ...s, class_size_cap: 35 } : s))
    .filter((s) => s.subject === undefined);
  return {
    staffingRules,
    schedules,
    responsibilities: d.responsibilities,
    timeStudy: d.timeStudy,
    scenarios: [
      { scenario: 'ASCA counselors', driver: 'ratio_scale_counselor', value: 0.625 },
      { scenario: 'Classes two smaller', driver: 'class_size_delta', value: -2 },
      { scenario: 'Collaboration block', driver: 'collaboration_minutes_delta', value: 90 },
      { scenario: 'Eight-period day', driver: 'periods_per_day', value: 8 },
    ],
  };
}
