import type { Project } from '../../../models/project/project';
import { tinyProject } from './fixtures';

/**
 * A district whose Monte Carlo trials fail on about half the draws: revenue is the formula
 * `90000 + sqrt(cpi - 0.03) * 100000` (dollars a year), and cpi is uncertain, uniform with 90% of
 * draws in [1%, 5%] around 3% — a draw below 3% asks for the square root of a negative number.
 * Spending is $90,000 of supplies held flat (inflated by cola = 0), the beginning balance $20,000
 * and the reserve policy 30%; the base year (cpi = 3%) has revenue $90,000 and succeeds.
 */
export function failingProject(opts: { draw?: 'per_trial' | 'per_year'; expression?: string; supplies?: number; cpiHigh?: number } = {}): Project {
  return tinyProject({
    settings: { district_name: 'Failing', base_year: 2026, horizon_years: 2, beginning_fund_balance: 2_000_000, reserve_policy_pct: 0.3, seed: 1 },
    funds: [{ fund_code: 'GEN', name: 'General', source: 'state', restricted: false, available: 9_000_000 }],
    budget: [{ fiscal_year: 2026, fund_code: 'GEN', object: 'supplies', amount: opts.supplies ?? 9_000_000 }],
    forecast: {
      enrollment: { method: 'growth' },
      inflation_by_object: { supplies: 'cola' },
      revenue: [{ id: 'STATE', kind: 'formula', source: 'state', expression: opts.expression ?? '90000 + sqrt(cpi - 0.03) * 100000' }],
      monte_carlo: { draw: opts.draw ?? 'per_trial' },
    },
    drivers: [{ driver: 'cpi', value: 0.03, low: 0.01, high: opts.cpiHigh ?? 0.05, distribution: 'uniform' }, { driver: 'cola', value: 0 }],
  });
}
