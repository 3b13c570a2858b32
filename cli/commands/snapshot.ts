import { extname } from 'node:path';
import { saveProject } from '../../host/project-io';
import { applyEdit } from '../../models/project/edit';
import { takeSnapshot, verifySnapshot } from '../../models/history/history';
import { EXIT, InputError, UsageError, flagString, parseArgs } from '../args';
import { PROJECT_FLAGS, projectFor } from '../project';

/**
 * `snapshot PROJECT --name NAME [--note TEXT] [--presented] [--out FILE.steward]`: keeps the
 * project's inputs and key figures as a named snapshot, written into PROJECT (a .steward file) or
 * into --out. `snapshot PROJECT --list [--json]`: the snapshots, each checked against its hash.
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { name: 'value', note: 'value', presented: 'bool', out: 'value', list: 'bool', json: 'bool', ...PROJECT_FLAGS });
  const name = flagString(args, 'name');
  const list = args.flags.has('list');
  if (list === (name !== undefined)) throw new UsageError('give --name NAME to take a snapshot, or --list');
  const out = flagString(args, 'out');
  if (out !== undefined && extname(out).toLowerCase() !== '.steward') throw new UsageError('--out must name a .steward file');
  const { project, target } = await projectFor('snapshot', args);

  if (list) {
    const rows = project.snapshots.map((s) => {
      const check = verifySnapshot(s);
      return { name: s.name, taken_at: s.taken_at, note: s.note, presented: s.presented, engine_version: s.engine_version, results_hash: s.results_hash, same: check.same, check: check.message };
    });
    if (args.flags.has('json')) process.stdout.write(JSON.stringify({ project: target, snapshots: rows }, null, 2) + '\n');
    else if (rows.length === 0) process.stdout.write(`${target} has no snapshots\n`);
    else for (const r of rows) process.stdout.write(`${r.name}  ${r.taken_at}${r.presented ? '  PRESENTED' : ''}${r.note ? `  — ${r.note}` : ''}\n  ${r.check}\n`);
    return EXIT.ok;
  }

  const dest = out ?? target;
  if (extname(dest).toLowerCase() !== '.steward') throw new UsageError(`${target} is not a .steward project: give --out FILE.steward to keep the snapshot in one`);
  const taken = takeSnapshot(project, { name: name!, note: flagString(args, 'note'), presented: args.flags.has('presented'), taken_at: new Date().toISOString() });
  const next = applyEdit(project, { op: 'take-snapshot', snapshot: taken });
  if (!next.ok) throw new InputError(next.reason);
  await saveProject(dest, next.value);
  const skipped = taken.results.not_computed.map((n) => `  not computed: ${n.part} (${n.reason})`);
  if (args.flags.has('json')) process.stdout.write(JSON.stringify({ project: dest, snapshot: { ...taken } }, null, 2) + '\n');
  else process.stdout.write([`snapshot "${taken.name}"${taken.presented ? ' (presented)' : ''} kept in ${dest}; figures hash ${taken.results_hash}`, ...skipped].join('\n') + '\n');
  return EXIT.ok;
}
