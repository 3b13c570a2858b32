import type { CheckedProject } from './open';
import type { Problem } from './problems';
import type { Project } from './project';
import { tableProblems, type CommandName } from './requirements';

/** A project a command may compute on, or the problems that stop it. */
export type Gated =
  | { ok: true; project: Project; problems: Problem[] }
  | { ok: false; project: Project | null; problems: Problem[] };

/**
 * The one gate every command and the app pass a project through: the problems `validate` lists
 * plus the tables this command needs. Any error → not ok, and nothing may be computed from the
 * project; warnings and notes travel with an ok project so they can be shown beside its figures.
 */
export function gate(checked: CheckedProject, command: CommandName, file: string): Gated {
  const problems = [...checked.problems];
  if (checked.project) for (const p of tableProblems(command, checked.project, checked.missing, file)) problems.push(p);
  if (!checked.project || problems.some((p) => p.severity === 'error')) return { ok: false, project: checked.project, problems };
  return { ok: true, project: checked.project, problems };
}
