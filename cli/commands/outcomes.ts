import { outcomes } from '../../models/outcomes/outcomes';
import { EXIT, InputError, parseArgs } from '../args';
import { PROJECT_FLAGS, projectFor } from '../project';

const usd = (cents: number | null) => (cents === null ? '—' : `${cents < 0 ? '-' : ''}$${(Math.abs(cents) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
const signed = (x: number) => `${x > 0 ? '+' : ''}${x.toFixed(3)}`;

/**
 * `outcomes PROJECT [--json]`: per site and per program, spending per pupil (and its change) against
 * each outcome measure's change over the years the Outcomes sheet holds; flags for the annual
 * review (cost rose while an outcome fell or stayed flat two years); the caveats.
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { json: 'bool', ...PROJECT_FLAGS });
  const { project, target, warnings } = await projectFor('outcomes', args);
  const r = outcomes(project);
  if (!r.ok) throw new InputError(r.reason);
  const res = r.value;
  if (args.flags.has('json')) {
    process.stdout.write(JSON.stringify({ project: target, ...res, warnings }, null, 2) + '\n');
    return EXIT.ok;
  }
  const w = (...lines: string[]) => void process.stdout.write(lines.map((t) => t + '\n').join(''));
  w(`Spending against outcomes, FY${res.years[0]}–FY${res.years.at(-1)} (spending: ${res.spending_years.map((y) => `FY${y}`).join(', ') || 'none'})`);
  for (const e of [...res.sites, ...res.programs]) {
    w('');
    w(`${e.kind} ${e.id} ${e.name}: ${usd(e.per_pupil_cents)} per pupil${e.per_pupil_change_cents !== null ? ` (${e.per_pupil_change_cents >= 0 ? '+' : ''}${usd(e.per_pupil_change_cents)})` : ''}, ${e.enrollment} pupils`);
    for (const m of e.measures) w(`  ${m.measure.padEnd(34)} FY${m.first_year} ${m.first.toFixed(3)} → FY${m.last_year} ${m.last.toFixed(3)}  ${signed(m.change)}  (${m.higher_is_better ? 'higher' : 'lower'} is better; ${signed(m.improvement_per_year)} a year in the good direction)`);
  }
  if (res.ranking.length > 0) {
    w('', 'Programs by spending per pupil per unit of improvement a year (cheapest first):');
    for (const x of res.ranking) w(`  ${x.program.padEnd(18)} ${x.measure.padEnd(34)} ${x.cost_per_unit_cents === null ? 'no improvement' : usd(x.cost_per_unit_cents)}`);
  }
  if (res.flags.length > 0) w('', ...res.flags.map((f) => `${f.severity.padEnd(7)} ${f.code}: ${f.message}`));
  w('', ...res.caveats.map((c) => `note: ${c}`));
  return EXIT.ok;
}
