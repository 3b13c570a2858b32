import { ProjectSchema, type Project } from '../../../models/project/project';

/** A small hand-built district with every part of the key results computable: two schools, two funds, a scenario. */
export function smallDistrict(): Project {
  const enrollment = ['K', '1', '2'].flatMap((grade) => [
    { site_id: 'A', year: 2026, grade, students: 100 },
    { site_id: 'B', year: 2026, grade, students: 60 },
  ]);
  return ProjectSchema.parse({
    settings: { district_name: 'Small', base_year: 2026, horizon_years: 3, beginning_fund_balance: 200_000_000, reserve_policy_pct: 0.08, seed: 7 },
    sites: [{ site_id: 'A', name: 'Alder', level: 'ES' }, { site_id: 'B', name: 'Birch', level: 'ES' }],
    enrollment,
    studentNeeds: [
      { site_id: 'A', year: 2026, counts: { econ_disadvantaged: 60 } },
      { site_id: 'B', year: 2026, counts: { econ_disadvantaged: 10 } },
    ],
    funds: [
      { fund_code: 'GEN', name: 'General', source: 'local', restricted: false, available: 400_000_000 },
      { fund_code: 'T1A', name: 'Title I', source: 'federal', restricted: true, available: 10_000_000 },
    ],
    budget: [
      { fiscal_year: 2026, fund_code: 'GEN', site_id: 'A', object: 'salaries', amount: 150_000_000 },
      { fiscal_year: 2026, fund_code: 'GEN', site_id: 'B', object: 'salaries', amount: 100_000_000 },
      { fiscal_year: 2026, fund_code: 'GEN', object: 'supplies', amount: 20_000_000 },
      { fiscal_year: 2026, fund_code: 'GEN', object: 'revenue_state', amount: 0 },
    ].filter((l) => l.object !== 'revenue_state'),
    positions: [
      { position_id: 'P1', site_id: 'A', role: 'teacher', fte: 12, salary: 6_000_000 },
      { position_id: 'P2', site_id: 'B', role: 'teacher', fte: 8, salary: 6_000_000 },
      { position_id: 'P3', site_id: 'A', role: 'principal', fte: 1, salary: 11_000_000 },
    ],
    salary: [],
    needs: [{ need_id: 'N1', site_id: 'A', category: 'econ_disadvantaged', cost: 5_000_000, priority: 1 }],
    drivers: [
      { driver: 'cola', value: 0.02 }, { driver: 'step_increase', value: 0 }, { driver: 'health_inflation', value: 0 },
      { driver: 'cpi', value: 0.02 }, { driver: 'local_revenue_growth', value: 0.01 }, { driver: 'enrollment_growth', value: 0 },
    ],
    scenarios: [{ scenario: 'Aid freeze', driver: 'local_revenue_growth', value: 0 }],
  });
}
