import { ProjectSchema, type Project } from '../../models/project/project';

/** A tiny hand-made project whose totals are worked out in project-summary.test.ts. */
export function tinyProject(): Project {
  return ProjectSchema.parse({
    settings: { district_name: 'Tiny USD', base_year: 2026, horizon_years: 3 },
    sites: [
      { site_id: 'E1', name: 'Elm Elementary', level: 'ES' },
      { site_id: 'H1', name: 'Hill High', level: 'HS' },
    ],
    enrollment: [
      { site_id: 'E1', year: 2026, grade: 'K', students: 40 },
      { site_id: 'E1', year: 2026, grade: '1', students: 35 },
      { site_id: 'H1', year: 2026, grade: '9', students: 120 },
      { site_id: 'E1', year: 2025, grade: 'K', students: 999 }, // prior year: not counted
    ],
    studentNeeds: [],
    funds: [
      { fund_code: 'GEN', name: 'General', source: 'local', restricted: false, available: 100_000_00 },
      { fund_code: 'T1A', name: 'Title I-A', source: 'federal', restricted: true, available: 20_000_00 },
    ],
    budget: [
      { fiscal_year: 2026, fund_code: 'GEN', object: 'salaries', amount: 50_000_01, site_id: 'E1' },
      { fiscal_year: 2026, fund_code: 'GEN', object: 'supplies', amount: 10_000_00, site_id: 'H1' },
      { fiscal_year: 2026, fund_code: 'GEN', object: 'other', amount: 5_000_00 }, // district-wide
      { fiscal_year: 2026, fund_code: 'T1A', object: 'salaries', amount: 12_345_67, site_id: 'E1' },
      { fiscal_year: 2026, fund_code: 'ZZZ', object: 'other', amount: 99, site_id: 'X9' }, // unknown fund and site
      { fiscal_year: 2025, fund_code: 'GEN', object: 'other', amount: 7_777_77 }, // prior year: not counted
    ],
    positions: [
      { position_id: 'P1', site_id: 'E1', role: 'teacher', fte: 1 },
      { position_id: 'P2', site_id: 'E1', role: 'aide', fte: 0.1 },
      { position_id: 'P3', site_id: 'E1', role: 'aide', fte: 0.2 },
      { position_id: 'P4', site_id: 'H1', role: 'teacher', fte: 1, status: 'vacant' },
    ],
    salary: [],
  });
}
