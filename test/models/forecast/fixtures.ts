import { ProjectSchema, type Project } from '../../../models/project/project';

/** A tiny synthetic district; `over` replaces whole tables. Parsed through ProjectSchema so defaults apply. */
export function tinyProject(over: Record<string, unknown> = {}): Project {
  return ProjectSchema.parse({
    settings: { district_name: 'Tiny', base_year: 2026, horizon_years: 2, beginning_fund_balance: 100_000_000, reserve_policy_pct: 0.08, seed: 1 },
    sites: [{ site_id: 'S1', name: 'School One', level: 'ES' }],
    enrollment: [{ site_id: 'S1', year: 2026, grade: 'K', students: 100 }],
    studentNeeds: [],
    funds: [{ fund_code: 'GEN', name: 'General', source: 'local', restricted: false, available: 30_000_000 }],
    budget: [],
    positions: [],
    salary: [],
    forecast: { enrollment: { method: 'growth' } },
    drivers: [
      { driver: 'cola', value: 0 }, { driver: 'step_increase', value: 0 }, { driver: 'health_inflation', value: 0 },
      { driver: 'cpi', value: 0 }, { driver: 'local_revenue_growth', value: 0 },
    ],
    ...over,
  });
}

export const drivers = (values: Record<string, number>) => Object.entries({ cola: 0, step_increase: 0, health_inflation: 0, cpi: 0, local_revenue_growth: 0, ...values }).map(([driver, value]) => ({ driver, value }));
