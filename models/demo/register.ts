import { scaleCents, asCents } from '../money/cents';
import type { Actual, BudgetLine, Driver, Need, ScenarioOverride } from '../schema/tables';
import type { Rng } from './prng';
import { SCHOOLS } from './schools';

// The demo district's needs register, mid-year actuals, forecast drivers and scenarios.

const SCHOOL_NEEDS: readonly (readonly [category: string, description: string, dollars: number, minPoverty: number])[] = [
  ['econ_disadvantaged', 'After-school tutoring for students below grade level', 120_000, 0.5],
  ['econ_disadvantaged', 'Family resource center staffing', 85_000, 0.6],
  ['early_literacy', 'Reading intervention for K-2 students not on track', 95_000, 0],
  ['english_learners', 'Newcomer support and bilingual aides', 70_000, 0.4],
  ['students_with_disabilities', 'Additional resource room teacher', 105_000, 0],
  ['mental_health', 'Social worker or counselor time', 90_000, 0],
  ['attendance', 'Chronic absenteeism outreach', 45_000, 0.45],
  ['facilities', 'Classroom HVAC replacement', 260_000, 0],
  ['technology', 'Replace aging student devices', 150_000, 0],
  ['professional_development', 'Coaching for new teachers', 40_000, 0],
];
const DISTRICT_NEEDS: readonly (readonly [string, string, number])[] = [
  ['students_with_disabilities', 'Bring out-of-district placements back with a district program', 640_000],
  ['english_learners', 'District newcomer center', 420_000],
  ['mental_health', 'District mental health clinician team', 380_000],
  ['professional_development', 'Science of reading training for all K-5 teachers', 210_000],
  ['technology', 'Network core switch replacement', 330_000],
  ['facilities', 'Roof replacement at two elementary schools', 1_150_000],
  ['econ_disadvantaged', 'Universal free breakfast gap funding', 260_000],
  ['early_literacy', 'Pre-K expansion: two classrooms', 450_000],
  ['attendance', 'Transportation for students in temporary housing', 120_000],
];

export function demoNeeds(rng: Rng): Need[] {
  const needs: Need[] = [];
  const add = (category: string, description: string, dollars: number, site?: string) => {
    const need: Need = {
      need_id: `N${String(needs.length + 1).padStart(3, '0')}`,
      category,
      cost: Math.round((dollars * Math.exp(0.25 * rng.normal())) / 500) * 500 * 100,
      priority: 1,
      description,
    };
    if (site !== undefined) need.site_id = site;
    needs.push(need);
  };
  for (const school of SCHOOLS) {
    // High-poverty schools see more of the poverty-linked needs; every school gets four or five.
    const eligible = SCHOOL_NEEDS.filter((n) => school.poverty >= n[3]);
    const chosen = eligible.filter((_, i) => i < 2 || rng.chance(0.35)).slice(0, 5);
    for (const [cat, desc, dollars] of chosen) add(cat, desc, dollars * (school.level === 'HS' ? 1.4 : 1), school.site_id);
  }
  for (const [cat, desc, dollars] of DISTRICT_NEEDS) add(cat, desc, dollars);
  // Priorities: poverty-linked and safety needs first, then the rest, 1 (highest) to 5.
  const rank: Record<string, number> = { econ_disadvantaged: 1, students_with_disabilities: 1, english_learners: 2, early_literacy: 2, mental_health: 2, attendance: 3, facilities: 3, professional_development: 4, technology: 4 };
  for (const n of needs) n.priority = Math.min(5, Math.max(1, (rank[n.category] ?? 3) + (rng.chance(0.3) ? 1 : 0)));
  return needs;
}

/** Spending to date as a share of the budget, by object, at mid-year and three quarters through. */
const PACE: Record<string, [number, number]> = {
  salaries: [0.49, 0.74], benefits: [0.5, 0.75], supplies: [0.56, 0.78], purchased_services: [0.44, 0.7], capital: [0.28, 0.55], other: [0.42, 0.68],
};
export const REVIEW_DATES = ['2025-12-31', '2026-03-31'] as const;

export function demoActuals(rng: Rng, budget: readonly BudgetLine[]): Actual[] {
  // One actuals row per fund × object × function × site: how a ledger's YTD report rolls lines up.
  const groups = new Map<string, { line: BudgetLine; amount: number }>();
  for (const b of budget) {
    const key = `${b.fund_code}|${b.object}|${b.function ?? ''}|${b.site_id ?? ''}`;
    const g = groups.get(key);
    if (g) g.amount += b.amount;
    else groups.set(key, { line: b, amount: b.amount });
  }
  const rows: Actual[] = [];
  REVIEW_DATES.forEach((as_of, q) => {
    for (const { line, amount } of groups.values()) {
      const pace = (PACE[line.object] ?? [0.5, 0.75])[q]!;
      const spent = Math.min(1, Math.max(0, pace + 0.05 * rng.normal()));
      const ytd = scaleCents(asCents(amount), spent);
      const row: Actual = { as_of, fiscal_year: line.fiscal_year, fund_code: line.fund_code, object: line.object, ytd_amount: ytd };
      if (line.object !== 'salaries' && line.object !== 'benefits') {
        row.encumbered = scaleCents(asCents(amount - ytd), Math.min(1, 0.15 + 0.2 * rng.next()) * (q === 0 ? 1 : 0.6));
      }
      if (line.function !== undefined) row.function = line.function;
      if (line.site_id !== undefined) row.site_id = line.site_id;
      rows.push(row);
    }
  });
  return rows;
}

export function demoDrivers(): Driver[] {
  const d = (driver: string, value: number, low: number, high: number, distribution: Driver['distribution'], by_year: Record<string, number> = {}): Driver => ({ driver, value, low, high, distribution, by_year });
  return [
    d('enrollment_growth', -0.005, -0.02, 0.01, 'normal'),
    d('state_aid_per_pupil_growth', 0.04, 0.01, 0.055, 'triangular'),
    d('local_revenue_growth', 0.045, 0.03, 0.06, 'normal'),
    d('grant_growth', 0.02, 0, 0.04, 'triangular'),
    d('cola', 0.025, 0.015, 0.035, 'normal', { '2027': 0.03, '2028': 0.025 }),
    d('step_increase', 0.015, 0.01, 0.02, 'uniform'),
    d('health_inflation', 0.05, 0.035, 0.07, 'lognormal'),
    d('pension_rate', 0.185, 0.17, 0.21, 'triangular'),
    d('cpi', 0.025, 0.015, 0.035, 'normal'),
    d('attrition_rate', 0.09, 0.06, 0.12, 'uniform'),
  ];
}

export function demoScenarios(): ScenarioOverride[] {
  // The Drivers sheet is the baseline ("Base"); each stress scenario moves one or two drivers from
  // it (no based_on: a scenario starts from Base). Their sizes and sources: docs/demo.md.
  return [
    { scenario: 'Enrollment decline', driver: 'enrollment_growth', value: -0.03 },
    { scenario: 'State aid freeze', driver: 'state_aid_per_pupil_growth', value: 0, year: 2028 },
    { scenario: 'State aid freeze', driver: 'state_aid_per_pupil_growth', value: 0, year: 2029 },
    { scenario: 'State aid freeze', driver: 'state_aid_per_pupil_growth', value: 0.04, year: 2030 },
    { scenario: 'Levy fails', driver: 'local_revenue_growth', value: -0.1, year: 2027 },
    { scenario: 'Levy fails', driver: 'local_revenue_growth', value: 0.03, year: 2028 },
    // The 2027 raise is already settled (3%); the next contract, from 2028, is the generous one.
    { scenario: 'Generous settlement', driver: 'cola', value: 0.03, year: 2027 },
    { scenario: 'Generous settlement', driver: 'cola', value: 0.035 },
  ];
}
