import type { ScenarioResult } from './forecast';

// A comparison of scenarios on chosen metrics: one row per metric × year, one column per scenario,
// plus each scenario's difference from the first (the reference).

export const COMPARE_METRICS = [
  'revenue_cents', 'expenditure_cents', 'surplus_cents', 'ending_balance_cents', 'reserve_pct', 'fte', 'enrollment',
  'avg_class_size', 'per_pupil_cents', 'positions_added_fte', 'positions_cut_fte',
] as const;
export type CompareMetric = (typeof COMPARE_METRICS)[number];

export interface ComparisonRow { metric: string; year: number; values: Record<string, number>; diff_from_reference: Record<string, number> }
export interface Comparison { reference: string; scenarios: string[]; metrics: string[]; rows: ComparisonRow[] }

export function compareScenarios(results: readonly ScenarioResult[], metrics: readonly CompareMetric[] = ['revenue_cents', 'expenditure_cents', 'ending_balance_cents', 'reserve_pct', 'fte']): Comparison {
  const ref = results[0];
  const rows: ComparisonRow[] = [];
  for (const metric of metrics) {
    for (let t = 0; t < (ref?.years.length ?? 0); t++) {
      const values: Record<string, number> = {};
      const diff: Record<string, number> = {};
      const refValue = ref!.years[t]![metric];
      for (const s of results) {
        const y = s.years[t];
        if (!y) continue;
        values[s.name] = y[metric];
        diff[s.name] = y[metric] - refValue;
      }
      rows.push({ metric, year: ref!.years[t]!.year, values, diff_from_reference: diff });
    }
  }
  return { reference: ref?.name ?? '', scenarios: results.map((s) => s.name), metrics: [...metrics], rows };
}
