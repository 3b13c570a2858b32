import { writeWorkbook } from '../../host/write-workbook';
import { compareScenarios, COMPARE_METRICS, type CompareMetric } from '../../models/forecast/compare';
import type { Cell } from '../../models/import/types';
import { EXIT, UsageError, flagInt, flagString, parseArgs } from '../args';
import { forecastOrFail, loadForecastProject } from './forecast';

/**
 * `compare PROJECT [--metrics m1,m2,…] [--years N] [--json] [--out compare.xlsx]`: every scenario
 * side by side on the chosen metrics, each with its difference from Base.
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { metrics: 'value', years: 'value', json: 'bool', out: 'value' });
  const metricsText = flagString(args, 'metrics');
  const metrics = (metricsText ? metricsText.split(',').map((m) => m.trim()).filter((m) => m !== '') : undefined) as CompareMetric[] | undefined;
  for (const m of metrics ?? []) if (!(COMPARE_METRICS as readonly string[]).includes(m)) throw new UsageError(`unknown metric "${m}" (metrics: ${COMPARE_METRICS.join(', ')})`);
  const { project, target } = await loadForecastProject(args.positional);
  const report = forecastOrFail(project, { years: flagInt(args, 'years', 1, 10), scenarios: 'all', lean: true });
  const cmp = compareScenarios(report.scenarios, metrics);
  if (args.flags.has('json')) process.stdout.write(JSON.stringify({ project: target, ...cmp }, null, 2) + '\n');
  else {
    const w = 16;
    const lines = [`${'metric'.padEnd(22)}${'year'.padEnd(6)}${cmp.scenarios.map((s) => s.slice(0, w - 1).padStart(w)).join('')}`];
    for (const r of cmp.rows) lines.push(`${r.metric.padEnd(22)}${String(r.year).padEnd(6)}${cmp.scenarios.map((s) => fmt(r.metric, r.values[s]).padStart(w)).join('')}`);
    process.stdout.write(lines.join('\n') + '\n');
  }
  const out = flagString(args, 'out');
  if (out) {
    const rows: Cell[][] = [['metric', 'year', ...cmp.scenarios, ...cmp.scenarios.slice(1).map((s) => `${s} − ${cmp.reference}`)]];
    for (const r of cmp.rows) {
      const conv = (v: number | undefined) => (v === undefined ? null : r.metric.endsWith('_cents') ? v / 100 : v);
      rows.push([r.metric.replace(/_cents$/, ''), r.year, ...cmp.scenarios.map((s) => conv(r.values[s])), ...cmp.scenarios.slice(1).map((s) => conv(r.diff_from_reference[s]))]);
    }
    await writeWorkbook(out, [{ name: 'Compare', rows }]);
  }
  return EXIT.ok;
}

function fmt(metric: string, v: number | undefined): string {
  if (v === undefined) return '-';
  if (metric.endsWith('_cents')) return (v / 100).toLocaleString('en-US', { maximumFractionDigits: 0 });
  if (metric === 'reserve_pct') return `${(v * 100).toFixed(1)}%`;
  return v.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
