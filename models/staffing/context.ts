import type { Project } from '../project/project';
import { resolveStaffingConfig, presetRules, type StaffingConfig } from './config';
import { roleCosts, type RoleCosts } from './costs';
import { effectiveSchedules } from './defaults';
import { param, type StaffingParams } from './params';
import { roleKeyer } from './roles';
import type { ScheduleRow, StaffingRule } from './tables';

/**
 * What the staffing engine derives from a project alone — config, role keys, rules, schedules,
 * role costs. A forecast asks for staffing figures in every scenario-year, and these parts cost
 * more than the year's own arithmetic, so a run makes one context and passes it down (the
 * forecast's staffing link does). Nothing is cached by the project object: a project edited in
 * place must give new figures on the next call, never the old ones.
 */
export interface StaffingContext {
  cfg: StaffingConfig;
  keyOf: (role: string) => string;
  rules: StaffingRule[];
  rulesSource: 'project' | 'preset';
  scheduleRows: ScheduleRow[];
  /** Positions summed by site and role key (FTE and vacant FTE), the role totals, and each role
   *  key's first spelling in Positions: constant for the project, needed by every plan. */
  positions: {
    bySite: Map<string, Map<string, { actual: number; vacant: number }>>;
    fteByKey: Map<string, number>;
    nameByKey: Map<string, string>;
  };
  /** Role costs under the params' salary_scale and benefits_rate (the only params costs read). */
  costs(params?: StaffingParams): RoleCosts;
}

export function staffingContext(project: Project): StaffingContext {
  const cfg = resolveStaffingConfig(project.staffing);
  const keyOf = roleKeyer(cfg);
  // The rules a project staffs by: its StaffingRules sheet, or the configured preset when it has none.
  const own = project.staffingRules;
  const rules = own.length > 0 ? own : presetRules(cfg.preset);
  const byCostParams = new Map<string, RoleCosts>();
  return {
    cfg, keyOf, rules, rulesSource: own.length > 0 ? 'project' : 'preset',
    scheduleRows: effectiveSchedules(project),
    positions: positionTotals(project, keyOf),
    costs(params) {
      const salaryScale = param(params, 'salary_scale');
      const benefits = param(params, 'benefits_rate');
      const key = `${salaryScale ?? ''}|${benefits ?? ''}`;
      let c = byCostParams.get(key);
      if (!c) {
        const only: StaffingParams = Object.create(null) as StaffingParams;
        if (salaryScale !== undefined) only.salary_scale = salaryScale;
        if (benefits !== undefined) only.benefits_rate = benefits;
        c = roleCosts({ positions: project.positions, salary: project.salary, funds: project.funds, cfg, keyOf, params: only });
        byCostParams.set(key, c);
      }
      return c;
    },
  };
}

function positionTotals(project: Project, keyOf: (role: string) => string): StaffingContext['positions'] {
  const bySite = new Map<string, Map<string, { actual: number; vacant: number }>>();
  const fteByKey = new Map<string, number>();
  const nameByKey = new Map<string, string>();
  for (const p of project.positions) {
    const k = keyOf(p.role);
    if (!nameByKey.has(k)) nameByKey.set(k, p.role);
    fteByKey.set(k, (fteByKey.get(k) ?? 0) + p.fte);
    let site = bySite.get(p.site_id);
    if (!site) bySite.set(p.site_id, (site = new Map()));
    let c = site.get(k);
    if (!c) site.set(k, (c = { actual: 0, vacant: 0 }));
    c.actual += p.fte;
    if (p.status === 'vacant') c.vacant += p.fte;
  }
  return { bySite, fteByKey, nameByKey };
}
