import type { StaffingMetrics } from '../staffing/metrics';
import type { YearResult } from './engine';
import type { ScenarioResult } from './forecast';

// A comparison of scenarios on chosen metrics: one row per metric × year, one column per scenario,
// plus each scenario's difference from the first (the reference). Budget, staffing and schedule
// metrics sit in one table, so a board sees what a scenario costs and what it buys together.

/** Budget metrics, read from the forecast year. */
export const BUDGET_METRICS = [
  'revenue_cents', 'expenditure_cents', 'surplus_cents', 'ending_balance_cents', 'reserve_balance_cents', 'reserve_pct', 'fte', 'enrollment',
  'avg_class_size', 'per_pupil_cents', 'positions_added_fte', 'positions_cut_fte', 'personnel_cents', 'staffing_change_fte',
] as const satisfies readonly (keyof YearResult)[];

/** Staffing and schedule metrics, read from the staffing engine's figures for the scenario-year. */
export const STAFFING_METRICS = {
  required_fte: (m: StaffingMetrics) => sum(m.requiredFteByRole),
  staffing_gap_fte: (m: StaffingMetrics) => sum(m.gapFteByRole),
  class_size: (m: StaffingMetrics) => m.avgClassSize,
  sections: (m: StaffingMetrics) => m.sections,
  collaboration_minutes: (m: StaffingMetrics) => m.collaborationMinutesPerWeek,
  teacher_load: (m: StaffingMetrics) => m.teacherLoad,
  instructional_minutes: (m: StaffingMetrics) => m.instructionalMinutesPerYear,
} as const;

/** Per-role staffing metrics: `caseload_counselor`, `required_fte_teacher`, `fte_nurse`. */
export const ROLE_METRIC_PREFIXES = ['caseload_', 'required_fte_', 'fte_'] as const;

export const COMPARE_METRICS = [...BUDGET_METRICS, ...Object.keys(STAFFING_METRICS)] as readonly string[];
export type CompareMetric = string;

export const DEFAULT_COMPARE_METRICS = [
  'revenue_cents', 'expenditure_cents', 'personnel_cents', 'ending_balance_cents', 'reserve_pct', 'fte', 'staffing_change_fte',
  'positions_added_fte', 'positions_cut_fte', 'class_size', 'collaboration_minutes', 'teacher_load', 'instructional_minutes',
];

export interface ComparisonRow { metric: string; year: number; values: Record<string, number>; diff_from_reference: Record<string, number> }
export interface Comparison { reference: string; scenarios: string[]; metrics: string[]; rows: ComparisonRow[] }

const sum = (r: Record<string, number>) => Math.round(Object.values(r).reduce((a, b) => a + b, 0) * 100) / 100;

/** A metric name's problem, or null when the comparison can read it. */
export function metricProblem(metric: string): string | null {
  if (COMPARE_METRICS.includes(metric)) return null;
  const prefix = ROLE_METRIC_PREFIXES.find((p) => metric.startsWith(p) && metric.length > p.length);
  if (prefix) return null;
  return `unknown metric "${metric}" (metrics: ${COMPARE_METRICS.join(', ')}, or ${ROLE_METRIC_PREFIXES.map((p) => `${p}<role>`).join(', ')})`;
}

/** true when the metric needs the staffing engine's figures (forecast with `staffing: true`). */
export function isStaffingMetric(metric: string): boolean {
  return !(BUDGET_METRICS as readonly string[]).includes(metric);
}

function staffingOf(y: ScenarioResult['years'][number]): StaffingMetrics | undefined {
  return y.staffing && !('error' in y.staffing) ? y.staffing : undefined;
}

/** One scenario-year's value of a metric, or undefined when the year has no such figure. */
export function metricValue(y: ScenarioResult['years'][number], metric: string): number | undefined {
  if ((BUDGET_METRICS as readonly string[]).includes(metric)) return y[metric as (typeof BUDGET_METRICS)[number]];
  const m = staffingOf(y);
  if (!m) return undefined;
  if (metric in STAFFING_METRICS) return STAFFING_METRICS[metric as keyof typeof STAFFING_METRICS](m);
  const role = (prefix: string) => metric.slice(prefix.length);
  if (metric.startsWith('caseload_')) return m.caseloads[role('caseload_')];
  if (metric.startsWith('required_fte_')) return m.requiredFteByRole[role('required_fte_')];
  if (metric.startsWith('fte_')) return m.fteByRole[role('fte_')];
  return undefined;
}

/**
 * Per-role caseload metrics for every role the reference's base year reports a caseload for,
 * classroom teachers aside (class_size and teacher_load describe them better).
 */
export function caseloadMetrics(results: readonly ScenarioResult[], teacherRole = 'teacher'): string[] {
  const first = results[0]?.years[0];
  const m = first ? staffingOf(first) : undefined;
  return m ? Object.keys(m.caseloads).filter((r) => r.toLowerCase() !== teacherRole.toLowerCase()).map((r) => `caseload_${r}`) : [];
}

export function compareScenarios(results: readonly ScenarioResult[], metrics: readonly CompareMetric[] = ['revenue_cents', 'expenditure_cents', 'ending_balance_cents', 'reserve_pct', 'fte']): Comparison {
  const ref = results[0];
  const rows: ComparisonRow[] = [];
  for (const metric of metrics) {
    for (let t = 0; t < (ref?.years.length ?? 0); t++) {
      const values: Record<string, number> = {};
      const diff: Record<string, number> = {};
      const refValue = metricValue(ref!.years[t]!, metric);
      for (const s of results) {
        const y = s.years[t];
        const v = y ? metricValue(y, metric) : undefined;
        if (v === undefined) continue;
        values[s.name] = v;
        if (refValue !== undefined) diff[s.name] = Math.round((v - refValue) * 1e6) / 1e6;
      }
      rows.push({ metric, year: ref!.years[t]!.year, values, diff_from_reference: diff });
    }
  }
  return { reference: ref?.name ?? '', scenarios: results.map((s) => s.name), metrics: [...metrics], rows };
}
