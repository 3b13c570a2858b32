import type { YearResult } from './engine';
import type { ScenarioResult } from './forecast';
import { OBJECT_CLASSES } from './objects';

// Each scenario's plan in the four areas a contingency plan names (docs/forecast.md, "Plan areas"):
// budgets (by fund and object), staffing and contracts (FTE by role; purchased services), programs
// (spending by program) and infrastructure (facilities, transportation, capital by function).
// All funds, read from a full (not lean) forecast year; every figure is a sum of the year's cents,
// so each area adds up to the year's all-funds expenditure.

export interface PlanAreasYear {
  year: number;
  plan: string | null;
  /** All funds' expenditure (cents): what by_fund, by_object and programs each add up to. */
  expenditure_cents: number;
  budgets: { by_fund: Record<string, number>; by_object: Record<string, number> };
  staffing: { fte: number; fte_by_role: Record<string, number>; personnel_cents: number; purchased_services_cents: number };
  programs: Record<string, number>;
  infrastructure: { facilities_cents: number; transportation_cents: number; capital_cents: number; capital_by_function: Record<string, number> };
}

export interface ScenarioAreas { scenario: string; years: PlanAreasYear[] }

/** Where a function code or name belongs: NCES 2600 (operation and maintenance of plant) and 4000 (facilities acquisition and construction), 2700 (student transportation). */
export function functionArea(fn: string): 'facilities' | 'transportation' | null {
  const f = fn.trim().toLowerCase();
  if (/^26\d*$/.test(f) || /^4\d{3}$/.test(f)) return 'facilities';
  if (/^27\d*$/.test(f)) return 'transportation';
  if (/^\d/.test(f)) return null;
  if (/transport|bus/.test(f)) return 'transportation';
  if (/plant|maint|facilit|custod|utilit|construct|building|operations/.test(f)) return 'facilities';
  return null;
}

export function yearAreas(y: YearResult): PlanAreasYear {
  const funds = y.funds ?? [];
  const byFund: Record<string, number> = {};
  const byObject: Record<string, number> = Object.fromEntries(OBJECT_CLASSES.map((c) => [c, 0]));
  let total = 0;
  for (const f of funds) {
    byFund[f.fund_code] = f.expenditure_cents;
    total += f.expenditure_cents;
    for (const c of OBJECT_CLASSES) byObject[c]! += f.expenditure_by_object[c] ?? 0;
  }
  let facilities = 0;
  let transportation = 0;
  for (const [fn, v] of Object.entries(y.expenditure_by_function ?? {})) {
    const area = functionArea(fn);
    if (area === 'facilities') facilities += v;
    else if (area === 'transportation') transportation += v;
  }
  return {
    year: y.year, plan: y.plan, expenditure_cents: total,
    budgets: { by_fund: byFund, by_object: byObject },
    staffing: { fte: y.fte, fte_by_role: y.fte_by_role ?? {}, personnel_cents: byObject.salaries! + byObject.benefits!, purchased_services_cents: byObject.purchased_services! },
    programs: y.expenditure_by_program ?? {},
    infrastructure: { facilities_cents: facilities, transportation_cents: transportation, capital_cents: byObject.capital!, capital_by_function: y.object_by_function?.capital ?? {} },
  };
}

/** Every scenario's plan areas, year by year (scenarios in the order given). */
export function planAreas(scenarios: readonly ScenarioResult[]): ScenarioAreas[] {
  return scenarios.map((s) => ({ scenario: s.name, years: s.years.map(yearAreas) }));
}
