import { basename } from 'node:path';
import { loadProject } from '../host/project-io';
import type { ImportOptions } from '../models/import/types';
import { gate } from '../models/project/gate';
import { countProblems, problemLine, problemSummary, type Problem } from '../models/project/problems';
import type { Project } from '../models/project/project';
import type { CommandName } from '../models/project/requirements';
import { ReportedError, UsageError, type ParsedArgs } from './args';

/** "demo" (the demo district) or "demo-network" (the demo charter network), in any case. */
export const isDemo = (target: string) => ['demo', 'demo-network'].includes(target.toLowerCase());

/** Flags every command that loads a PROJECT takes: how its sheets are read. */
export const PROJECT_FLAGS = { 'no-fill-down': 'bool', strict: 'bool' } as const;

/** The import options those flags ask for. */
export function loadOptions(args: ParsedArgs): ImportOptions {
  const opts: ImportOptions = {};
  if (args.flags.has('no-fill-down')) opts.fillDown = false;
  if (args.flags.has('strict')) opts.strict = true;
  return opts;
}

export interface CommandProject {
  project: Project;
  /** PROJECT as given ("demo" when none). */
  target: string;
  /** Warnings and notes about the project, as `validate` prints them: they go into the JSON `warnings`. */
  warnings: string[];
}

/**
 * PROJECT for `command`, through the same checks `validate` makes (models/project/gate.ts). With
 * any error nothing is computed: the problems are printed as `validate` prints them (stderr; with
 * --json also the validate-style JSON on stdout) and the command exits 1. Warnings and notes go
 * to stderr and come back for the command's JSON.
 */
export async function projectFor(command: CommandName, args: ParsedArgs): Promise<CommandProject> {
  if (args.positional.length > 1) throw new UsageError(`expected one PROJECT, got ${args.positional.length}`);
  const target = args.positional[0] ?? 'demo';
  const loaded = await loadProject(target, loadOptions(args));
  const file = isDemo(target) ? target.toLowerCase() : basename(target);
  const gated = gate(loaded, command, file);
  const json = args.flags.has('json');
  if (!gated.ok) {
    printProblems(gated.problems, process.stderr);
    process.stderr.write(`${problemSummary(target, gated.problems)}: nothing was computed. Fix the errors above (\`steward validate ${target}\` lists them too) and run again.\n`);
    if (json) process.stdout.write(JSON.stringify(refusalJson(target, gated.problems), null, 2) + '\n');
    const n = countProblems(gated.problems).errors;
    throw new ReportedError(`cannot load ${target}: ${n} error${n === 1 ? '' : 's'}, listed above`);
  }
  const notes = gated.problems.filter((p) => p.severity !== 'error');
  printProblems(notes, process.stderr);
  return { project: gated.project, target, warnings: notes.map(problemLine) };
}

/** The JSON a refused command prints with --json: the shape of `validate --json`. */
export function refusalJson(target: string, problems: readonly Problem[]): Record<string, unknown> {
  const c = countProblems(problems);
  return { project: target, ok: false, errors: c.errors, warnings: c.warnings, notes: c.notes, problems };
}

export function printProblems(problems: readonly Problem[], out: { write: (s: string) => unknown }): void {
  for (const p of problems) out.write(problemLine(p) + '\n');
}
