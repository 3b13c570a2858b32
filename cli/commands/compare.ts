import { writeWorkbook } from '../../host/write-workbook';
import { planAreas } from '../../models/forecast/areas';
import { caseloadMetrics, compareScenarios, DEFAULT_COMPARE_METRICS, isStaffingMetric, metricProblem } from '../../models/forecast/compare';
import type { Cell } from '../../models/import/types';
import { EXIT, UsageError, flagInt, flagString, parseArgs } from '../args';
import { PROJECT_FLAGS, projectFor } from '../project';
import { forecastOrFail } from './forecast';

/**
 * `compare PROJECT [--metrics m1,m2,…] [--years N] [--json] [--out compare.xlsx]`: every scenario
 * side by side on the chosen metrics, each with its difference from Base. By default: budget,
 * staffing (FTE, the change staffing parameters make, caseloads) and schedule metrics together.
 * --json adds `areas`: each scenario's plan in the four areas (models/forecast/areas.ts), per year.
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { metrics: 'value', years: 'value', json: 'bool', out: 'value', ...PROJECT_FLAGS });
  const metricsText = flagString(args, 'metrics');
  const asked = metricsText ? metricsText.split(',').map((m) => m.trim()).filter((m) => m !== '') : undefined;
  for (const m of asked ?? []) { const problem = metricProblem(m); if (problem) throw new UsageError(problem); }
  const { project, target, warnings } = await projectFor('compare', args);
  const staffing = asked === undefined || asked.some(isStaffingMetric);
  // Full years (not lean): the plan areas read each year's funds, programs and functions.
  const report = forecastOrFail(project, { years: flagInt(args, 'years', 1, 10), scenarios: 'all', staffing });
  const metrics = asked ?? [...DEFAULT_COMPARE_METRICS, ...caseloadMetrics(report.scenarios)];
  const cmp = compareScenarios(report.scenarios, metrics);
  if (args.flags.has('json')) process.stdout.write(JSON.stringify({ project: target, ...cmp, areas: planAreas(report.scenarios), warnings: [...warnings, ...report.warnings] }, null, 2) + '\n');
  else {
    const w = 16;
    const lw = Math.max(22, ...cmp.metrics.map((m) => label(m).length)) + 2;
    const lines = [`${'metric'.padEnd(lw)}${'year'.padEnd(6)}${cmp.scenarios.map((s) => s.slice(0, w - 1).padStart(w)).join('')}`];
    for (const r of cmp.rows) lines.push(`${label(r.metric).padEnd(lw)}${String(r.year).padEnd(6)}${cmp.scenarios.map((s) => fmt(r.metric, r.values[s]).padStart(w)).join('')}`);
    process.stdout.write(lines.join('\n') + '\n');
  }
  const out = flagString(args, 'out');
  if (out) {
    const rows: Cell[][] = [['metric', 'year', ...cmp.scenarios, ...cmp.scenarios.slice(1).map((s) => `${s} − ${cmp.reference}`)]];
    for (const r of cmp.rows) {
      const conv = (v: number | undefined) => (v === undefined ? null : r.metric.endsWith('_cents') ? v / 100 : v);
      rows.push([label(r.metric), r.year, ...cmp.scenarios.map((s) => conv(r.values[s])), ...cmp.scenarios.slice(1).map((s) => conv(r.diff_from_reference[s]))]);
    }
    await writeWorkbook(out, [{ name: 'Compare', rows }]);
  }
  return EXIT.ok;
}

/** Money metrics are printed in dollars, so their label says so instead of "_cents". */
function label(metric: string): string {
  return metric.endsWith('_cents') ? `${metric.slice(0, -'_cents'.length)} ($)` : metric;
}

function fmt(metric: string, v: number | undefined): string {
  if (v === undefined) return '-';
  if (metric.endsWith('_cents')) return (v / 100).toLocaleString('en-US', { maximumFractionDigits: 0 });
  if (metric === 'reserve_pct') return `${(v * 100).toFixed(1)}%`;
  return v.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
