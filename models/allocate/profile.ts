import type { Project } from '../project/project';
import type { SiteLevel } from '../schema/tables';

/** What the engine knows about one site in one year: students by grade and need counts. */
export interface SiteProfile {
  site_id: string;
  name: string;
  level: SiteLevel;
  enrollment: number;
  byGrade: Record<string, number>;
  /** Need category → students (StudentNeeds). */
  needs: Record<string, number>;
  /** Need category → share of enrollment (0 when the site has no students). */
  shares: Record<string, number>;
}

/** Need profiles of every site for `year` (sites with no rows get zeros: offices, closed schools). */
export function siteProfiles(project: Pick<Project, 'sites' | 'enrollment' | 'studentNeeds'>, year: number): SiteProfile[] {
  const bySite = new Map<string, SiteProfile>();
  for (const s of project.sites) {
    bySite.set(s.site_id, { site_id: s.site_id, name: s.name, level: s.level, enrollment: 0, byGrade: Object.create(null) as Record<string, number>, needs: Object.create(null) as Record<string, number>, shares: Object.create(null) as Record<string, number> });
  }
  for (const e of project.enrollment) {
    if (e.year !== year) continue;
    const p = bySite.get(e.site_id);
    if (!p) continue;
    p.enrollment += e.students;
    p.byGrade[e.grade] = (p.byGrade[e.grade] ?? 0) + e.students;
  }
  for (const n of project.studentNeeds) {
    if (n.year !== year) continue;
    const p = bySite.get(n.site_id);
    if (!p) continue;
    for (const [k, v] of Object.entries(n.counts)) p.needs[k] = (p.needs[k] ?? 0) + v;
  }
  for (const p of bySite.values()) {
    for (const [k, v] of Object.entries(p.needs)) p.shares[k] = p.enrollment > 0 ? Math.min(1, v / p.enrollment) : 0;
  }
  return [...bySite.values()];
}

/** Every need category counted anywhere in the profiles, sorted. */
export function needCategories(profiles: readonly SiteProfile[]): string[] {
  const set = new Set<string>();
  for (const p of profiles) for (const k of Object.keys(p.needs)) set.add(k);
  return [...set].sort();
}

/** The base year: the project setting, else the latest enrollment year. */
export function baseYear(project: Pick<Project, 'settings' | 'enrollment'>): number {
  if (project.settings.base_year) return project.settings.base_year;
  let y = 0;
  for (const e of project.enrollment) if (e.year > y) y = e.year;
  return y;
}
