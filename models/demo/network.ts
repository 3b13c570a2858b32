import { ProjectSchema, type Project } from '../project/project';
import type { BudgetLine, Driver, ScenarioOverride } from '../schema/tables';
import type { PlanAction, Trigger } from '../forecast/tables';
import { makeRng, type Rng } from './prng';
import { NETWORK_BASE_YEAR, NETWORK_OFFICE, NETWORK_SCHOOLS, networkCharterSchools, networkEnrollment, networkPositions, networkSites } from './network-schools';

export const DEMO_NETWORK_NAME = 'Harbor Prep Public Schools';

// The demo charter network (`demo-network` in the CLI): six schools growing through their
// grades, a network office paid by a 12% management fee, a facilities loan whose lender requires
// a DSCR of at least 1.20 and 45 days cash, and philanthropy of about a tenth of revenue, one gift
// ending in 2028. The story (docs/network.md): under "Enrollment and funding squeeze" the DSCR
// falls below the covenant in 2028; the board's covenant recovery plan starts the next year and
// brings it back above 1.20. Fictional, and the same for the same seed on every machine.

/** Dollars → cents, with ±`noise` seeded variation, rounded to $100. */
const amount = (rng: Rng, dollars: number, noise = 0.02) => Math.round(dollars * (1 + noise * (rng.next() * 2 - 1)) / 100) * 10_000;

function budget(rng: Rng): BudgetLine[] {
  const y = NETWORK_BASE_YEAR;
  const line = (object: string, dollars: number, site_id: string, description: string): BudgetLine => ({ fiscal_year: y, fund_code: 'GEN', object, amount: amount(rng, dollars), site_id, description });
  const lines: BudgetLine[] = [];
  // School costs, roughly by enrollment (the base year's schools, N6 not yet open).
  const size: Record<string, number> = { N1: 1, N2: 0.86, N3: 0.44, N4: 0.72, N5: 0.2 };
  for (const [site, k] of Object.entries(size)) {
    lines.push(line('salaries', 3_540_000 * k, site, 'Teachers, leaders and staff'), line('benefits', 970_000 * k, site, 'Benefits'),
      line('purchased_services', 900_000 * k, site, 'Facilities lease, food service, transport'), line('supplies', 300_000 * k, site, 'Curriculum and supplies'));
  }
  lines.push(
    line('salaries', 1_650_000, NETWORK_OFFICE, 'Network office: academics, operations, finance, talent'), line('benefits', 420_000, NETWORK_OFFICE, 'Network office benefits'),
    line('purchased_services', 480_000, NETWORK_OFFICE, 'Network office: audit, legal, IT'), line('other', 140_000, NETWORK_OFFICE, 'Insurance and fees'),
    line('capital', 220_000, NETWORK_OFFICE, 'Technology refresh'),
    { fiscal_year: y, fund_code: 'T1', object: 'salaries', amount: amount(rng, 1_020_000), site_id: 'N1', description: 'Title I interventionists (network-wide)' },
    { fiscal_year: y, fund_code: 'T1', object: 'benefits', amount: amount(rng, 280_000), site_id: 'N1', description: 'Benefits' },
  );
  return lines;
}

function drivers(): Driver[] {
  const d = (driver: string, value: number, low: number, high: number, distribution: Driver['distribution']): Driver => ({ driver, value, low, high, distribution, by_year: {} });
  return [
    d('enrollment_shift', 0, -0.02, 0.02, 'normal'),
    d('state_aid_per_pupil_growth', 0.025, 0, 0.04, 'triangular'),
    d('local_revenue_growth', 0.02, 0.005, 0.035, 'normal'),
    d('cola', 0.025, 0.015, 0.035, 'normal'),
    d('step_increase', 0.01, 0.005, 0.015, 'uniform'),
    d('health_inflation', 0.06, 0.04, 0.08, 'normal'),
    d('cpi', 0.025, 0.015, 0.035, 'normal'),
    d('philanthropy_growth', 0, -0.15, 0.05, 'triangular'),
  ];
}

function scenarios(): ScenarioOverride[] {
  return [
    { scenario: 'Philanthropy falls by half', driver: 'philanthropy_growth', value: -0.5, year: 2028 },
    { scenario: 'Enrollment and funding squeeze', driver: 'enrollment_shift', value: -0.06, year: 2027 },
    { scenario: 'Enrollment and funding squeeze', driver: 'state_aid_per_pupil_growth', value: 0, year: 2027 },
    { scenario: 'Enrollment and funding squeeze', driver: 'state_aid_per_pupil_growth', value: 0, year: 2028 },
    { scenario: 'Enrollment and funding squeeze', driver: 'philanthropy_growth', value: -0.5, year: 2028 },
  ];
}

function plans(): PlanAction[] {
  const plan = 'Covenant recovery plan';
  return [
    { plan, action: 'budget_pct', start_year: 2028, pct: -0.06, object: 'salaries', description: 'Hold 6% of positions vacant across the network' },
    { plan, action: 'budget_pct', start_year: 2028, pct: -0.15, object: 'purchased_services', description: 'Renegotiate services and defer contracts 15%' },
    { plan, action: 'schedule', start_year: 2028, end_year: 2028, parameter: 'cola', value: 0, description: 'No cost-of-living raise for a year' },
  ] as PlanAction[];
}

function triggers(): Trigger[] {
  return [{ plan: 'Covenant recovery plan', condition: 'dscr < 1.2 or days_cash_on_hand < 45', lag: 1, deadline: '04-01' }] as Trigger[];
}

export function demoNetworkProject(seed = 2026): Project {
  const rng = makeRng(seed);
  const enrollment = networkEnrollment(rng);
  const b = budget(rng);
  const gen = b.filter((l) => l.fund_code === 'GEN').reduce((a, l) => a + l.amount, 0);
  const students = enrollment.filter((e) => e.year === NETWORK_BASE_YEAR).reduce((a, e) => a + e.students, 0);
  const perPupil = (dollars: number) => Math.round(students * dollars) * 100;
  return ProjectSchema.parse({
    settings: {
      district_name: DEMO_NETWORK_NAME, base_year: NETWORK_BASE_YEAR, horizon_years: 5, seed, reserve_policy_pct: 0.15,
      // The general fund's balance: about 17% of a year's spending (the network's net assets without donor restrictions).
      beginning_fund_balance: Math.round((gen * 0.17) / 100_000) * 100_000,
      extra: { network_fee_basis: 'pct_public_revenue', network_fee_rate: '0.12', network_office_site: NETWORK_OFFICE, network_cost_per_added_pupil: '11800' },
    },
    sites: networkSites(),
    enrollment,
    studentNeeds: NETWORK_SCHOOLS.map((s) => ({ site_id: s.school.site_id, year: NETWORK_BASE_YEAR, counts: {} })).filter((n) => enrollment.some((e) => e.site_id === n.site_id)),
    funds: [
      { fund_code: 'GEN', name: 'Unrestricted operating', source: 'state', restricted: false, available: gen },
      { fund_code: 'T1', name: 'Title I Part A', source: 'federal', restricted: true, available: amount(rng, 1_300_000), recurring: true },
    ],
    budget: b, positions: networkPositions(rng, enrollment), salary: [],
    drivers: drivers(), scenarios: scenarios(), plans: plans(), triggers: triggers(),
    forecast: {
      personnel_source: 'budget',
      revenue: [
        { id: 'STATE', label: 'State per-pupil funding', fund_code: 'GEN', kind: 'per_pupil', source: 'state', base_cents: perPupil(11_450) },
        { id: 'LOCAL', label: 'Local per-pupil pass-through', fund_code: 'GEN', kind: 'per_pupil', source: 'local', growth: 'local_revenue_growth', base_cents: perPupil(2_650) },
        { id: 'T1', label: 'Title I Part A', fund_code: 'T1', kind: 'per_pupil', source: 'federal', growth: 0 },
      ],
    },
    charterSchools: networkCharterSchools(),
    loans: [{ loan_id: 'FAC-2021', lender: 'Community Facilities Fund', balance: 1_240_000_000, interest_rate: 0.055, annual_principal: 42_000_000, site_id: 'N2' }],
    covenants: [
      { lender: 'Community Facilities Fund', measure: 'dscr', direction: 'min', threshold: 1.2 },
      { lender: 'Community Facilities Fund', measure: 'days_cash_on_hand', direction: 'min', threshold: 45 },
    ],
    balanceSheet: [
      { item: 'cash', amount: 380_000_000 }, { item: 'other_current_assets', amount: 110_000_000 }, { item: 'current_liabilities', amount: 210_000_000 },
      { item: 'total_assets', amount: 1_980_000_000 }, { item: 'total_liabilities', amount: 1_520_000_000 }, { item: 'depreciation', amount: 64_000_000 },
    ],
    philanthropy: [
      { source_id: 'Founders Fund', amount: 140_000_000, kind: 'recurring', start_year: 2020, end_year: 2031 },
      { source_id: 'City Education Foundation', amount: 60_000_000, kind: 'recurring', start_year: 2024, end_year: 2028 },
      // Paid in Westside's planning year, when its startup cost is spent (network-schools.ts).
      { source_id: 'Westside launch grant', amount: 90_000_000, kind: 'one_time', start_year: 2027, site_id: 'N6' },
    ],
  });
}
