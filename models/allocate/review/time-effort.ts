import type { Fund, Position } from '../../schema/tables';

export interface TimeEffortEntry {
  position_id: string;
  site_id: string;
  role: string;
  fte: number;
  funding: { fund_code: string; share: number }[];
  /** Number of cost objectives the salary is charged to. */
  cost_objectives: number;
  documentation: 'semi_annual_certification' | 'monthly_par';
  frequency: string;
  basis: string;
}

const BASIS = '2 CFR 200.430(i) (charges for salaries must rest on records that reflect the work done); semi-annual certifications and monthly personnel activity reports are the forms the U.S. Department of Education and state agencies accept (from former OMB Circular A-87, Att. B §8.h).';

/**
 * Positions paid in whole or part by a federal or restricted grant, with the time-and-effort record
 * each needs: one cost objective (100% one grant) → a semi-annual certification signed by the
 * employee or a supervisor; several (split between funds) → monthly after-the-fact personnel
 * activity reports (PARs) that account for all of the employee's time.
 */
export function timeAndEffort(positions: readonly Position[], funds: readonly Fund[]): TimeEffortEntry[] {
  const grant = new Set(funds.filter((f) => f.restricted || f.source === 'federal').map((f) => f.fund_code));
  const out: TimeEffortEntry[] = [];
  for (const p of positions) {
    const splits = p.funding.filter((s) => s.share > 0);
    if (!splits.some((s) => grant.has(s.fund_code))) continue;
    const multiple = splits.length > 1;
    out.push({
      position_id: p.position_id, site_id: p.site_id, role: p.role, fte: p.fte, funding: splits.map((s) => ({ fund_code: s.fund_code, share: s.share })),
      cost_objectives: splits.length,
      documentation: multiple ? 'monthly_par' : 'semi_annual_certification',
      frequency: multiple ? 'monthly, after the fact, reconciled to payroll at least quarterly' : 'every six months',
      basis: BASIS,
    });
  }
  return out;
}
