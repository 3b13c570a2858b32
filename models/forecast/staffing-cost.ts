import type { SiteMove } from './site-moves';

// What the forecast engine needs from the staffing engine, as a plain interface: the engine stays
// free of staffing code, a worker can pass a table-driven coster, and tests can pass a fake.

/** FTE a scenario's staffing parameters add (+) or cut (−) for one forecast role. */
export interface StaffingDelta {
  /** Index into Prepared.roles, or −1 for a role with no positions in the budget. */
  role: number;
  fte: number;
  /** Loaded cost of 1.0 FTE at the salary schedule average, base-year dollars (cents): used
   *  only when the role has no positions whose average this year's cost can come from. */
  cost_per_fte_cents: number;
}

export interface StaffingCoster {
  /** The staffing parameters in effect in year t; `get` reads a plan override, else the scenario path. */
  paramsAt(t: number, get: (name: string) => number | undefined): Record<string, number>;
  /**
   * Required-FTE change by role under `params` against the baseline's, or null when there is none,
   * at the enrollment left after the year's school merges and closures.
   */
  delta(t: number, params: Record<string, number>, enrollmentIndex: number, moves?: readonly SiteMove[]): StaffingDelta[] | null;
}
