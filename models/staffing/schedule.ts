import { levelSchedule, type LevelSchedule, type StaffingConfig } from './config';
import { levelParam, type StaffingParams } from './params';
import { tidyFte } from './rounding';
import type { ScheduleRow } from './tables';

/** A school's schedule with every value filled in: its Schedules row over the level default, with scenario params applied. */
export interface SiteSchedule extends LevelSchedule {
  /** Per-subject course requests and caps (Schedules rows with a subject). */
  subjects: { subject: string; course_requests_per_student: number; class_size_cap: number }[];
  /** true when the values came from the site's own Schedules row (false: the level default). */
  fromSheet: boolean;
}

export interface ScheduleMetrics {
  students: number;
  /** false: self-contained classrooms (one homeroom per class, per grade). */
  period_schedule: boolean;
  sections: number;
  teacher_fte_needed: number;
  avg_class_size: number;
  students_per_teacher_per_day: number;
  planning_minutes_per_week: number;
  collaboration_minutes_per_week: number;
  instructional_minutes_per_year: number;
  subjects: { subject: string; requests: number; class_size_cap: number; sections: number }[];
}

const SCHEDULE_KEYS = [
  'instructional_days', 'minutes_per_day', 'periods_per_day', 'minutes_per_period', 'teaching_periods',
  'planning_periods', 'collaboration_minutes_per_week', 'class_size_cap', 'course_requests_per_student',
] as const;

/** A site's Schedules rows: the school row (no subject) and the subject rows. */
export interface ScheduleEntry { school?: ScheduleRow; subjects: ScheduleRow[] }

/** Schedules rows grouped by site. */
export function indexSchedules(rows: readonly ScheduleRow[]): Map<string, ScheduleEntry> {
  const bySite = new Map<string, ScheduleEntry>();
  for (const r of rows) {
    let entry = bySite.get(r.site_id);
    if (!entry) bySite.set(r.site_id, (entry = { subjects: [] }));
    if (r.subject && r.subject.trim() !== '') entry.subjects.push(r);
    else entry.school = r;
  }
  return bySite;
}

/**
 * Resolves a site's schedule: level default ← the site's Schedules row ← scenario params.
 * When the row gives periods and minutes per period but no minutes per day, the day is their
 * product. periods_per_day from params keeps the day length (periods get shorter) and scales
 * course requests with the periods, since secondary students fill every period.
 */
export function resolveSchedule(
  cfg: StaffingConfig,
  level: string,
  entry: ScheduleEntry | undefined,
  params?: StaffingParams,
): SiteSchedule {
  const s: LevelSchedule = { ...levelSchedule(cfg, level) };
  const row = entry?.school;
  if (row) {
    for (const k of SCHEDULE_KEYS) {
      const v = row[k];
      if (v !== undefined) s[k] = v;
    }
    if (row.minutes_per_day === undefined && row.periods_per_day && row.minutes_per_period) {
      s.minutes_per_day = row.periods_per_day * row.minutes_per_period;
    }
    if (row.periods_per_day === 0) s.teaching_periods = 0;
  }
  let subjects = (entry?.subjects ?? []).map((r) => ({
    subject: r.subject!.trim(),
    course_requests_per_student: r.course_requests_per_student ?? 0,
    class_size_cap: r.class_size_cap ?? s.class_size_cap,
  }));

  if (params) {
    const periodBased = s.periods_per_day > 0;
    const periods = levelParam(params, 'periods_per_day', level);
    if (periods !== undefined && periodBased && periods > 0 && periods !== s.periods_per_day) {
      const scale = periods / s.periods_per_day;
      s.minutes_per_period = s.minutes_per_period / scale;
      s.course_requests_per_student *= scale;
      subjects = subjects.map((x) => ({ ...x, course_requests_per_student: x.course_requests_per_student * scale }));
      s.periods_per_day = periods;
    }
    const teaching = levelParam(params, 'teaching_periods', level);
    if (teaching !== undefined && periodBased) s.teaching_periods = teaching;
    const requests = levelParam(params, 'course_requests_per_student', level);
    if (requests !== undefined && periodBased) s.course_requests_per_student = requests;
    const cap = levelParam(params, 'class_size_cap', level);
    if (cap !== undefined && cap > 0) {
      // Subjects on the school cap follow it; subjects with their own cap are held to at most the new one.
      const old = s.class_size_cap;
      s.class_size_cap = cap;
      subjects = subjects.map((x) => ({ ...x, class_size_cap: x.class_size_cap === old ? cap : Math.min(x.class_size_cap, cap) }));
    }
    const capDelta = levelParam(params, 'class_size_delta', level);
    if (capDelta !== undefined) {
      s.class_size_cap = Math.max(1, s.class_size_cap + capDelta);
      subjects = subjects.map((x) => ({ ...x, class_size_cap: Math.max(1, x.class_size_cap + capDelta) }));
    }
    const collab = levelParam(params, 'collaboration_minutes_per_week', level);
    if (collab !== undefined) s.collaboration_minutes_per_week = Math.max(0, collab);
    const collabDelta = levelParam(params, 'collaboration_minutes_delta', level);
    if (collabDelta !== undefined) s.collaboration_minutes_per_week = Math.max(0, s.collaboration_minutes_per_week + collabDelta);
    const days = levelParam(params, 'instructional_days', level);
    if (days !== undefined) s.instructional_days = days;
    const minutes = levelParam(params, 'minutes_per_day', level);
    if (minutes !== undefined) s.minutes_per_day = minutes;
  }
  return { ...s, subjects, fromSheet: row !== undefined };
}

/** true when a schedule has periods and teaching periods, so sections come from course requests. */
export function isPeriodSchedule(s: LevelSchedule): boolean {
  return s.periods_per_day > 0 && s.teaching_periods > 0;
}

/**
 * Sections and teacher FTE a schedule needs for some students.
 * - Period schedule (secondary): sections = ⌈students × course requests ÷ class-size cap⌉, per
 *   subject when subject rows exist; teacher FTE = sections ÷ teaching periods (unrounded: the
 *   staffing rule rounds it).
 * - Self-contained (elementary): one homeroom per ⌈students of a grade ÷ cap⌉ (classes do not span
 *   grades); teacher FTE = homerooms.
 */
export function scheduleMetrics(s: SiteSchedule, studentsByGrade: ReadonlyMap<string, number>): ScheduleMetrics {
  let students = 0;
  for (const n of studentsByGrade.values()) students += n;
  const period = isPeriodSchedule(s);
  let sections = 0;
  let seats = 0;
  const subjects: ScheduleMetrics['subjects'] = [];
  if (period) {
    if (s.subjects.length > 0) {
      for (const sub of s.subjects) {
        const requests = students * sub.course_requests_per_student;
        const n = requests > 0 ? Math.ceil(tidyFte(requests / sub.class_size_cap)) : 0;
        subjects.push({ subject: sub.subject, requests: tidyFte(requests), class_size_cap: sub.class_size_cap, sections: n });
        sections += n;
        seats += requests;
      }
    } else {
      seats = students * s.course_requests_per_student;
      sections = seats > 0 ? Math.ceil(tidyFte(seats / s.class_size_cap)) : 0;
    }
  } else {
    for (const n of studentsByGrade.values()) if (n > 0) sections += Math.ceil(tidyFte(n / s.class_size_cap));
    seats = students;
  }
  const teacherFte = period ? sections / s.teaching_periods : sections;
  const avgClass = sections > 0 ? seats / sections : 0;
  const weeklyPeriodMinutes = s.minutes_per_period > 0 ? s.minutes_per_period : 0;
  return {
    students,
    period_schedule: period,
    sections,
    teacher_fte_needed: tidyFte(teacherFte),
    avg_class_size: tidyFte(avgClass),
    students_per_teacher_per_day: tidyFte(period ? avgClass * s.teaching_periods : avgClass),
    planning_minutes_per_week: tidyFte(s.planning_periods * weeklyPeriodMinutes * 5),
    collaboration_minutes_per_week: s.collaboration_minutes_per_week,
    instructional_minutes_per_year: tidyFte(s.instructional_days * s.minutes_per_day),
    subjects,
  };
}

/** One full-time teacher's teaching minutes per week under a schedule. */
export function weeklyTeachingMinutes(s: LevelSchedule): number {
  if (isPeriodSchedule(s)) return s.teaching_periods * s.minutes_per_period * 5;
  return Math.max(0, s.minutes_per_day - s.planning_periods * s.minutes_per_period) * 5;
}

/**
 * FTE that covers M more collaboration minutes a week for `teacherFte` teachers who each teach W
 * minutes a week: specials/added staff teach the classes (teacherFte × M ÷ W); or the block comes
 * out of teaching time and the same classes need teacherFte × M ÷ (W − M) more; banked time
 * (students released) needs none.
 */
export function collaborationCoverageFte(teacherFte: number, minutes: number, weeklyTeaching: number, coverage: 'specials' | 'reduce_teaching' | 'banked_time'): number {
  if (!(minutes > 0) || !(teacherFte > 0)) return 0;
  if (coverage === 'specials') return weeklyTeaching > 0 ? (teacherFte * minutes) / weeklyTeaching : 0;
  if (coverage === 'reduce_teaching') return weeklyTeaching > minutes ? (teacherFte * minutes) / (weeklyTeaching - minutes) : 0;
  return 0;
}
