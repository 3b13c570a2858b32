import { diffHistory, type HistoryDiff } from '../../models/history/history';
import type { InputChange } from '../../models/history/input-diff';
import type { ResultMove } from '../../models/history/result-diff';
import { EXIT, InputError, UsageError, flagString, parseArgs } from '../args';
import { PROJECT_FLAGS, projectFor } from '../project';

const SHOWN = 60;

/**
 * `diff PROJECT --from NAME [--to NAME] [--json]`: what changed from a snapshot to another (to the
 * project as it is now without --to): the inputs cell by cell, the figures that moved largest
 * first, and each snapshot's stored figures checked against this engine.
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { from: 'value', to: 'value', json: 'bool', ...PROJECT_FLAGS });
  const from = flagString(args, 'from');
  if (from === undefined) throw new UsageError('--from NAME is required (a snapshot\'s name)');
  const { project, target, warnings } = await projectFor('diff', args);
  const r = diffHistory(project, from, flagString(args, 'to'));
  if (!r.ok) throw new InputError(r.reason);
  if (args.flags.has('json')) process.stdout.write(JSON.stringify({ project: target, ...r.value, warnings }, null, 2) + '\n');
  else process.stdout.write(text(r.value));
  return EXIT.ok;
}

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
const usd = (c: number) => `${c < 0 ? '-' : ''}$${(Math.abs(c) / 100).toLocaleString('en-US', { maximumFractionDigits: 0 })}`;

export function inputLine(c: InputChange): string {
  const where = `${c.table}${c.row !== null ? ` row ${c.row}` : ''}${c.row_label ? ` (${c.row_label})` : ''}`;
  if (c.change === 'added') return `+ ${where}: ${show(c.new)}`;
  if (c.change === 'removed') return `- ${where}: ${show(c.old)}`;
  return `~ ${where} ${c.column ?? ''}: ${show(c.old)} → ${show(c.new)}`;
}

export function moveLine(m: ResultMove): string {
  const f = (v: number | null) => (v === null ? '—' : m.unit === 'cents' ? usd(v) : String(Number(v.toPrecision(6))));
  const d = m.delta === null ? '' : ` (${m.delta > 0 ? '+' : ''}${f(m.delta)})`;
  return `${m.label}: ${f(m.old)} → ${f(m.new)}${d}`;
}

function text(d: HistoryDiff): string {
  const side = (s: HistoryDiff['from']) => (s.taken_at ? `"${s.name}" (${s.taken_at}${s.presented ? ', presented' : ''})` : 'now');
  const lines = [`From ${side(d.from)} to ${side(d.to)}`, '', `Inputs changed: ${d.inputs.length}`];
  lines.push(...d.inputs.slice(0, SHOWN).map((c) => `  ${inputLine(c)}`));
  if (d.inputs.length > SHOWN) lines.push(`  … and ${d.inputs.length - SHOWN} more (--json lists all)`);
  lines.push('', `Figures moved: ${d.results.length} (largest effect first)`);
  lines.push(...d.results.slice(0, SHOWN).map((m) => `  ${moveLine(m)}`));
  if (d.results.length > SHOWN) lines.push(`  … and ${d.results.length - SHOWN} more (--json lists all)`);
  lines.push('', ...d.engine_checks.map((c) => `${c.same ? '' : 'ENGINE CHANGE: '}${c.message}`));
  return lines.join('\n') + '\n';
}
