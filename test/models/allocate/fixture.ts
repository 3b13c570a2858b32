import { asCents } from '../../../models/money/cents';
import { ProjectSchema, type Project } from '../../../models/project/project';
import type { AllocateConfigInput } from '../../../models/allocate/config';
import type { Fund, Need, SiteLevel } from '../../../models/schema/tables';

/** A hand-made district for hand-computed tests: money in dollars here, cents in the project. */
export interface TinySite {
  id: string;
  level?: SiteLevel;
  grades: Record<string, number>;
  needs?: Record<string, number>;
  lastYear?: Record<string, number>;
}

export function tinyProject(opts: {
  sites: TinySite[];
  funds?: { code: string; dollars: number; restricted?: boolean; uses?: string[]; end?: string; name?: string }[];
  needs?: { id: string; category: string; dollars: number; priority: number; site?: string }[];
  config?: AllocateConfigInput;
  year?: number;
}): Project {
  const year = opts.year ?? 2026;
  const base = ProjectSchema.parse({ settings: { base_year: year }, sites: [], enrollment: [], studentNeeds: [], funds: [], budget: [], positions: [], salary: [] });
  const funds: Fund[] = (opts.funds ?? [{ code: 'GEN', dollars: 1_000_000 }]).map((f) => ({
    fund_code: f.code, name: f.name ?? f.code, source: f.restricted ? 'federal' : 'local', restricted: f.restricted ?? false,
    available: asCents(Math.round(f.dollars * 100)), eligible_uses: f.uses ?? ['any'], ...(f.end ? { end_date: f.end } : {}),
  }));
  const needs: Need[] = (opts.needs ?? []).map((n) => ({ need_id: n.id, category: n.category, cost: asCents(Math.round(n.dollars * 100)), priority: n.priority, ...(n.site ? { site_id: n.site } : {}) }));
  return {
    ...base,
    sites: opts.sites.map((s) => ({ site_id: s.id, name: `School ${s.id}`, level: s.level ?? 'ES' })),
    enrollment: opts.sites.flatMap((s) => [
      ...Object.entries(s.grades).map(([grade, students]) => ({ site_id: s.id, year, grade: grade as 'K', students })),
      ...Object.entries(s.lastYear ?? {}).map(([grade, students]) => ({ site_id: s.id, year: year - 1, grade: grade as 'K', students })),
    ]),
    studentNeeds: opts.sites.map((s) => ({ site_id: s.id, year, counts: s.needs ?? {} })),
    funds,
    needs,
    ...(opts.config ? { allocate: opts.config as Project['allocate'] } : {}),
  };
}
