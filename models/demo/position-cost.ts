import { apportion } from '../money/apportion';
import { asCents, scaleCents, type Cents } from '../money/cents';
import type { Position, SalaryCell } from '../schema/tables';

// How the demo district budgets a position (and how its invariant test checks the budget):
//   salary cost   = annual salary (own salary, else the schedule cell for lane × step) × FTE
//   benefits cost = salary cost × benefits_rate + health_plan_cost (a whole premium per position)
// each split across the position's funding with apportion, so the fund parts add to the whole.

export function scheduleIndex(cells: readonly SalaryCell[]): Map<string, Cents> {
  const index = new Map<string, Cents>();
  for (const c of cells) index.set(`${c.lane}|${c.step}`, asCents(c.salary));
  return index;
}

export function annualSalary(p: Position, schedule: ReadonlyMap<string, Cents>): Cents {
  if (p.salary !== undefined) return asCents(p.salary);
  const cell = schedule.get(`${p.lane ?? ''}|${p.step ?? -1}`);
  if (cell === undefined) throw new RangeError(`demo position ${p.position_id} has no salary cell ${p.lane}/${p.step}`);
  return cell;
}

export interface PositionCost {
  salary: Cents;
  benefits: Cents;
  /** Per fund code, in the order of the position's funding. */
  salaryByFund: [string, Cents][];
  benefitsByFund: [string, Cents][];
}

export function positionCost(p: Position, schedule: ReadonlyMap<string, Cents>): PositionCost {
  const salary = scaleCents(annualSalary(p, schedule), p.fte);
  const benefits = asCents(scaleCents(salary, p.benefits_rate ?? 0) + (p.health_plan_cost ?? 0));
  const funding = p.funding.length > 0 ? p.funding : [{ fund_code: 'GEN', share: 1 }];
  const weights = funding.map((f) => f.share);
  const s = apportion(salary, weights);
  const b = apportion(benefits, weights);
  return {
    salary,
    benefits,
    salaryByFund: funding.map((f, i) => [f.fund_code, s[i]!]),
    benefitsByFund: funding.map((f, i) => [f.fund_code, b[i]!]),
  };
}
