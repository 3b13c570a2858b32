import { scenarioPaths } from '../../models/forecast/drivers';
import { prepareForecast } from '../../models/forecast/prepare';
import { breakEven, tornado } from '../../models/forecast/sensitivity';
import { staffingCosterFor } from '../../models/forecast/staffing-link';
import { EXIT, InputError, flagInt, flagString, parseArgs } from '../args';
import { PROJECT_FLAGS, projectFor } from '../project';

/**
 * `sensitivity PROJECT [--scenario NAME] [--years N] [--json]`: a tornado (each uncertain driver at
 * its low and high, the rest at base) and, per driver, the break-even value at which the lowest
 * reserve over the horizon meets the policy.
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { scenario: 'value', years: 'value', json: 'bool', ...PROJECT_FLAGS });
  const { project, target, warnings } = await projectFor('sensitivity', args);
  const prep = prepareForecast(project, { years: flagInt(args, 'years', 1, 10) });
  if (!prep.ok) throw new InputError(prep.reason);
  const p = prep.value;
  const scenario = flagString(args, 'scenario') ?? 'Base';
  const sp = scenarioPaths(scenario, p.scenarios, p.drivers.paths, p.baseYear, p.years);
  if (!sp.ok) throw new InputError(sp.reason);
  const staffing = staffingCosterFor(project, p);
  const t = tornado(p, sp.value.paths, sp.value.priority_plan, staffing);
  const be = p.drivers.uncertain.map((u) => breakEven(p, sp.value.paths, u.name, undefined, sp.value.priority_plan, staffing));
  if (args.flags.has('json')) {
    process.stdout.write(JSON.stringify({ project: target, scenario, reserve_policy_pct: p.policy, tornado: t, break_even: be, warnings: [...warnings, ...p.warnings] }, null, 2) + '\n');
    return EXIT.ok;
  }
  const d = (c: number) => (c / 100).toLocaleString('en-US', { maximumFractionDigits: 0 });
  const pc = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [`Sensitivity of ${scenario}: ending balance ${d(t.base_ending_balance_cents)}, lowest reserve ${pc(t.base_min_reserve)} (policy ${pc(p.policy)})`, ''];
  lines.push(`${'driver'.padEnd(28)}${'low'.padStart(9)}${'high'.padStart(9)}${'balance @low'.padStart(17)}${'balance @high'.padStart(17)}${'swing'.padStart(15)}${'break-even'.padStart(12)}`);
  for (const b of t.bars) {
    const v = be.find((x) => x.driver === b.driver)?.value;
    lines.push(`${b.driver.padEnd(28)}${String(b.low).padStart(9)}${String(b.high).padStart(9)}${d(b.ending_balance_at_low_cents).padStart(17)}${d(b.ending_balance_at_high_cents).padStart(17)}${d(b.swing_cents).padStart(15)}${(v === null || v === undefined ? 'none' : v.toFixed(4)).padStart(12)}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
  return EXIT.ok;
}
