import { StaffingConfigSchema } from '../staffing/config';
import { expandGrades } from '../staffing/site-data';
import { GRADES } from '../schema/tables';
import type { ProblemSink } from './problem-sink';
import type { Project } from './project';

// Staffing rules, schedules and the time study checked as the staffing engine reads them: a grade
// or caseload group that matches nothing would staff nobody; a schedule or time-study row for a
// site or position that does not exist would be ignored.

const GRADE_SET = new Set<string>(GRADES);

export function checkStaffingRules(project: Project, sink: ProblemSink): void {
  if (project.staffing !== undefined) {
    const cfg = StaffingConfigSchema.safeParse(project.staffing);
    if (!cfg.success) for (const i of cfg.error.issues.slice(0, 20)) sink.error('project', undefined, undefined, undefined, `staffing settings ${i.path.join('.')}: ${i.message}`);
  }
  const counted = new Set<string>();
  for (const n of project.studentNeeds) for (const k of Object.keys(n.counts)) counted.add(k);
  for (const r of project.staffingRules) {
    const bad = expandGrades(r.grades).filter((g) => !GRADE_SET.has(g));
    if (bad.length > 0) sink.error('staffingRules', r.src, 'grades', r.grades.join(', '), `${r.role}: ${bad.map((g) => `"${g}"`).join(', ')} ${bad.length === 1 ? 'is no grade' : 'are no grades'} (PK, K, 1–12, or a range such as K-5)`);
    if (r.basis === 'subgroup') {
      if (r.subgroup === undefined) sink.error('staffingRules', r.src, 'subgroup', '', `${r.role}: a caseload rule (basis subgroup) needs the need category it serves`);
      else if (!counted.has(r.subgroup)) sink.error('staffingRules', r.src, 'subgroup', r.subgroup, `${r.role}: "${r.subgroup}" is no need category of StudentNeeds (columns: ${[...counted].sort().join(', ') || 'none'})`);
    }
    if ((r.basis === 'students' || r.basis === 'grade' || r.basis === 'subgroup') && r.ratio === undefined) {
      sink.error('staffingRules', r.src, 'ratio', '', `${r.role}: basis ${r.basis} needs a ratio (students per FTE)`);
    }
    if (r.maximum_fte !== undefined && r.maximum_fte < r.minimum_fte) sink.error('staffingRules', r.src, 'maximum_fte', r.maximum_fte, `${r.role}: maximum_fte is below minimum_fte (${r.minimum_fte})`);
  }
  const sites = new Set(project.sites.map((s) => s.site_id));
  for (const s of project.schedules) {
    if (!sites.has(s.site_id)) sink.error('schedules', s.src, 'site_id', s.site_id, `unknown site_id "${s.site_id}" (not on the Sites sheet)`);
  }
  const positions = new Set(project.positions.map((p) => p.position_id));
  for (const t of project.timeStudy) {
    if (t.position_id !== undefined && !positions.has(t.position_id)) sink.error('timeStudy', t.src, 'position_id', t.position_id, `unknown position_id "${t.position_id}" (not on the Positions sheet)`);
    if (t.position_id === undefined && t.role === undefined) sink.error('timeStudy', t.src, 'role', '', 'a time-study row needs a role or a position_id');
  }
}
