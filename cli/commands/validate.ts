import { basename } from 'node:path';
import { loadProject } from '../../host/project-io';
import { gate } from '../../models/project/gate';
import { countProblems, problemSummary } from '../../models/project/problems';
import { EXIT, UsageError, parseArgs } from '../args';
import { PROJECT_FLAGS, isDemo, loadOptions, printProblems } from '../project';

/**
 * `validate PROJECT [--json] [--strict] [--no-fill-down]`: every problem in a project — sheets and
 * rows the import could not read, cross-table checks, and rule names that match nothing. Exit 0
 * when there are no errors (warnings are fine), 1 when there are. Every other command runs the
 * same checks first (cli/project.ts) and refuses a project this refuses.
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { json: 'bool', ...PROJECT_FLAGS });
  if (args.positional.length > 1) throw new UsageError(`expected one PROJECT, got ${args.positional.length}`);
  const target = args.positional[0] ?? 'demo';
  const loaded = await loadProject(target, loadOptions(args));
  const { problems } = gate(loaded, 'validate', isDemo(target) ? target.toLowerCase() : basename(target));
  const c = countProblems(problems);
  if (args.flags.has('json')) {
    const out = {
      project: target,
      source: loaded.source,
      ok: c.errors === 0 && loaded.project !== null,
      errors: c.errors,
      warnings: c.warnings,
      notes: c.notes,
      problems,
      reports: loaded.reports.map((r) => ({ sheet: r.sheet, kind: r.kind, rows: r.rows, accepted: r.accepted, rejected: r.rejected, excluded: r.excluded })),
    };
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  } else {
    for (const r of loaded.reports) process.stdout.write(`${r.sheet.padEnd(16)} ${String(r.rows).padStart(6)} rows  ${String(r.accepted).padStart(6)} accepted  ${String(r.rejected).padStart(5)} rejected\n`);
    printProblems(problems, process.stdout);
    process.stdout.write(problemSummary(target, problems) + '\n');
  }
  return c.errors === 0 && loaded.project !== null ? EXIT.ok : EXIT.rejected;
}
