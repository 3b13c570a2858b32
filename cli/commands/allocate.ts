import { writeWorkbook } from '../../host/write-workbook';
import { allocate, type AllocateOptions, type AllocationResult } from '../../models/allocate/allocate';
import { allocateOptimized, loadHighs, type OptimizeComparison } from '../../models/allocate/optimize';
import { isPresetName } from '../../models/allocate/presets';
import { allocationJson, allocationSheets } from '../../models/allocate/sheets';
import { EXIT, InputError, UsageError, flagString, parseArgs } from '../args';
import { PROJECT_FLAGS, projectFor } from '../project';

/**
 * `allocate PROJECT [--rules NAME|--preset boston|houston|nyc] [--optimize] [--json] [--out result.xlsx]`:
 * restricted funds to the needs register first, general funds after, the rest by the weighted
 * student formula; indicators, equity and compliance flags. --optimize adds the LP (HiGHS) result
 * beside the priority-order one.
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { rules: 'value', preset: 'value', optimize: 'bool', json: 'bool', out: 'value', ...PROJECT_FLAGS });
  const rules = flagString(args, 'rules');
  const preset = flagString(args, 'preset');
  if (rules !== undefined && preset !== undefined) throw new UsageError('give --rules or --preset, not both');
  if (preset !== undefined && !isPresetName(preset)) throw new UsageError(`--preset must be boston, houston or nyc, not "${preset}"`);
  const out = flagString(args, 'out');
  if (out !== undefined && !out.toLowerCase().endsWith('.xlsx')) throw new UsageError('--out must name an .xlsx file');
  const { project, warnings } = await projectFor('allocate', args);
  const opts: AllocateOptions = { ...(rules !== undefined ? { rules } : {}), ...(preset !== undefined && isPresetName(preset) ? { preset } : {}) };

  let result: AllocationResult;
  let comparison: OptimizeComparison | undefined;
  if (args.flags.has('optimize')) {
    const r = allocateOptimized(project, opts, await loadHighs());
    if (!r.ok) throw new InputError(r.reason);
    result = r.value.optimized;
    comparison = r.value.comparison;
  } else {
    const r = allocate(project, opts);
    if (!r.ok) throw new InputError(r.reason);
    result = r.value;
  }
  if (out !== undefined) await writeWorkbook(out, allocationSheets(result, comparison));
  if (args.flags.has('json')) {
    process.stdout.write(JSON.stringify({ ...allocationJson(result, comparison), warnings }, null, 2) + '\n');
  } else {
    process.stdout.write(summary(result, comparison) + (out !== undefined ? `\nwrote ${out}\n` : ''));
  }
  return EXIT.ok;
}

const usd = (cents: number | null) => (cents === null ? '—' : `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);

function summary(r: AllocationResult, c?: OptimizeComparison): string {
  const lines: string[] = [];
  lines.push(`Allocation FY${r.year} (${r.mode}), rules "${r.rules.name}" — base ${usd(r.rules.base_per_pupil_cents)} per pupil, pool ${usd(r.rules.pool_cents)}`);
  if (r.rules.source) lines.push(`  source: ${r.rules.source}`);
  lines.push('', `${'site'.padEnd(10)}${'pupils'.padStart(8)}${'allocation'.padStart(18)}${'per pupil'.padStart(14)}${'cost-bal'.padStart(10)}`);
  for (const s of r.sites) lines.push(`${s.site_id.padEnd(10)}${String(s.enrollment).padStart(8)}${usd(s.allocation_cents).padStart(18)}${usd(s.per_pupil_cents).padStart(14)}${(s.cost_balance_ratio === null ? '—' : s.cost_balance_ratio.toFixed(2)).padStart(10)}`);
  lines.push('', `${'fund'.padEnd(10)}${'available'.padStart(18)}${'allocated'.padStart(18)}${'left over'.padStart(18)}  lapse risk`);
  for (const f of r.funds) lines.push(`${f.fund_code.padEnd(10)}${usd(f.available_cents).padStart(18)}${usd(f.allocated_cents).padStart(18)}${usd(f.leftover_cents).padStart(18)}  ${f.lapse_risk}`);
  const counts = { funded: 0, partly_funded: 0, unfunded: 0 };
  for (const n of r.needs) counts[n.status]++;
  lines.push('', `needs: ${counts.funded} funded, ${counts.partly_funded} partly funded, ${counts.unfunded} unfunded; priority-weighted coverage ${(r.coverage * 100).toFixed(1)}%`);
  const e = r.equity;
  lines.push(`equity (per pupil, pupil-weighted): range ${e.range.toFixed(2)}, restricted range ${e.restricted_range.toFixed(2)}, federal range ratio ${e.federal_range_ratio.toFixed(3)}, CV ${e.cv.toFixed(3)}, McLoone ${e.mcloone.toFixed(3)}, Verstegen ${e.verstegen.toFixed(3)}, Gini ${e.gini.toFixed(3)}, Theil ${e.theil.toFixed(4)}`);
  if (c) lines.push(`optimiser: coverage ${(c.coverage_priority * 100).toFixed(1)}% → ${(c.coverage_optimized * 100).toFixed(1)}%, needs funded ${usd(c.needs_funded_priority_cents)} → ${usd(c.needs_funded_optimized_cents)}, ${c.needs.length} need(s) changed`);
  if (r.flags.length > 0) lines.push('', ...r.flags.map((f) => `${f.severity.padEnd(7)} ${f.code}: ${f.message}`));
  return lines.join('\n') + '\n';
}
