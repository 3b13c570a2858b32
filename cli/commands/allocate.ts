import { writeWorkbook } from '../../host/write-workbook';
import { allocate, type AllocateOptions, type AllocationResult } from '../../models/allocate/allocate';
import { allocateOptimized, loadHighs, type OptimizeComparison } from '../../models/allocate/optimize';
import { isPresetName } from '../../models/allocate/presets';
import { allocationJson, allocationSheets } from '../../models/allocate/sheets';
import { discretionaryShares, fixedPositions } from '../../models/allocate/discretionary';
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
    // What each principal controls: the formula's unrestricted part less the positions staffing rules fix.
    const fixed = fixedPositions(project, result.year);
    const discretionary = { year: fixed.year, rules_source: fixed.rules_source, sites: discretionaryShares(result.sites, fixed) };
    process.stdout.write(JSON.stringify({ ...allocationJson(result, comparison), discretionary, warnings }, null, 2) + '\n');
  } else {
    process.stdout.write(summary(result, comparison) + (out !== undefined ? `\nwrote ${out}\n` : ''));
  }
  return EXIT.ok;
}

const usd = (cents: number | null) => (cents === null ? '—' : `${cents < 0 ? '-' : ''}$${(Math.abs(cents) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);

function summary(r: AllocationResult, c?: OptimizeComparison): string {
  const lines: string[] = [];
  lines.push(`Allocation FY${r.year} (${r.mode}), rules "${r.rules.name}" — base ${usd(r.rules.base_per_pupil_cents)} per pupil, pool ${usd(r.rules.pool_cents)}`);
  if (r.rules.source) lines.push(`  source: ${r.rules.source}`);
  for (const a of r.rules.approximations ?? []) lines.push(`  approximation: ${a}`);
  const u = r.unallocated_general;
  if (u.cents > 0) {
    lines.push('', `UNALLOCATED GENERAL FUNDS: ${usd(u.cents)} (${(u.share_of_general * 100).toFixed(1)}% of the general funds; ${u.funds.map((f) => `${f.fund_code} ${usd(f.cents)}`).join(', ')})`, `  ${u.where}`);
  }
  lines.push('', `${'site'.padEnd(10)}${'pupils'.padStart(8)}${'allocation'.padStart(18)}${'per pupil'.padStart(14)}${'cost-bal'.padStart(10)}`);
  for (const s of r.sites) lines.push(`${s.site_id.padEnd(10)}${String(s.enrollment).padStart(8)}${usd(s.allocation_cents).padStart(18)}${usd(s.per_pupil_cents).padStart(14)}${(s.cost_balance_ratio === null ? '—' : s.cost_balance_ratio.toFixed(2)).padStart(10)}`);
  lines.push('', `${'fund'.padEnd(10)}${'available'.padStart(18)}${'allocated'.padStart(18)}${'left over'.padStart(18)}  lapse risk`);
  for (const f of r.funds) lines.push(`${f.fund_code.padEnd(10)}${usd(f.available_cents).padStart(18)}${usd(f.allocated_cents).padStart(18)}${usd(f.leftover_cents).padStart(18)}  ${f.lapse_risk}`);
  const counts = { funded: 0, partly_funded: 0, unfunded: 0 };
  for (const n of r.needs) counts[n.status]++;
  lines.push('', `needs: ${counts.funded} funded, ${counts.partly_funded} partly funded, ${counts.unfunded} unfunded; priority-weighted coverage ${(r.coverage * 100).toFixed(1)}%`);
  const e = r.equity;
  lines.push(`equity (per pupil, pupil-weighted): range ${e.range.toFixed(2)}, restricted range ${e.restricted_range.toFixed(2)}, federal range ratio ${e.federal_range_ratio.toFixed(3)}, CV ${e.cv.toFixed(3)}, McLoone ${e.mcloone.toFixed(3)}, Verstegen ${e.verstegen.toFixed(3)}, Gini ${e.gini.toFixed(3)}, Theil ${e.theil.toFixed(4)}`);
  const t1 = r.title1;
  if (t1.fund_code && t1.reservations) {
    const res = t1.reservations;
    const served = t1.sites.filter((x) => x.served);
    lines.push(`Title I (${t1.fund_code}): ${served.length} school(s) served, threshold ${(t1.threshold * 100).toFixed(1)}%; off the top: family engagement ${usd(res.family_engagement_cents)} (${usd(res.family_engagement_schools_cents)} to schools), equitable services ${usd(res.equitable_services_cents)}, homeless ${usd(res.homeless_cents)}, neglected/delinquent ${usd(res.neglected_delinquent_cents)}, district reserve ${usd(res.district_reserve_cents)}; ${usd(t1.sites.reduce((a, x) => a + x.allocation_cents, 0))} ranked to schools${t1.rule_125?.applies ? `; 125% rule ${t1.rule_125.met ? 'met' : 'NOT met'} (at least ${usd(Math.round(t1.rule_125.min_per_child_cents))} per low-income child)` : ''}`);
  }
  const moe = r.compliance.idea_moe;
  const moeLine = (t: typeof moe.eligibility) => (t.met === null ? 'not tested' : t.met ? `met (${t.met_by.join(', ')})` : 'NOT met by any method');
  lines.push(`IDEA maintenance of effort FY${moe.eligibility.fiscal_year} (state and local ${usd(moe.current_cents)}${moe.eligibility.current ? `, ${moe.eligibility.current.source === 'allocation' ? 'allocation estimate' : moe.eligibility.current.figure}` : ''}): eligibility ${moeLine(moe.eligibility)}; compliance ${moeLine(moe.compliance)}`);
  const supplanted = r.compliance.sns.filter((x) => x.supplanted_cents > 0);
  lines.push(`supplement-not-supplant (Title I removed): ${supplanted.length === 0 ? 'no Title I school gets less state/local money' : `${supplanted.length} Title I school(s) get less state/local money because of Title I: ${supplanted.map((x) => `${x.site_id} ${usd(-x.supplanted_cents)}`).join(', ')}`}`);
  if (c) lines.push(`optimiser: coverage ${(c.coverage_priority * 100).toFixed(1)}% → ${(c.coverage_optimized * 100).toFixed(1)}%, needs funded ${usd(c.needs_funded_priority_cents)} → ${usd(c.needs_funded_optimized_cents)}, ${c.needs.length} need(s) changed`);
  if (r.flags.length > 0) lines.push('', ...r.flags.map((f) => `${f.severity.padEnd(7)} ${f.code}: ${f.message}`));
  return lines.join('\n') + '\n';
}
