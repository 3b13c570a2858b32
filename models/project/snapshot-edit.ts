import { fail, ok, type Parsed } from '../result';
import type { Project } from './project';
import { inputsOf, presentedRefusal, SnapshotSchema, snapshotNameProblem, type Snapshot, type SnapshotChanges } from './snapshot';

/** What the app sends to take a snapshot: the inputs are the project's own at the moment it is applied. */
export type SnapshotTaken = Omit<Snapshot, 'inputs' | 'seed'>;

export type SnapshotEdit =
  | { op: 'take-snapshot'; snapshot: SnapshotTaken }
  | { op: 'edit-snapshot'; name: string; changes: SnapshotChanges }
  | { op: 'delete-snapshot'; name: string };

export function describeSnapshotEdit(edit: SnapshotEdit): string {
  switch (edit.op) {
    case 'take-snapshot': return `take snapshot "${edit.snapshot.name}"`;
    case 'edit-snapshot': return edit.changes.presented ? `mark snapshot "${edit.name}" presented` : `edit snapshot "${edit.name}"`;
    case 'delete-snapshot': return `delete snapshot "${edit.name}"`;
  }
}

// The metadata and results are checked; the inputs are the project itself (already a valid
// project), shared rather than copied, since a project version never changes.
const TakenSchema = SnapshotSchema.omit({ inputs: true, seed: true });

/**
 * The project with a snapshot taken, changed or deleted. A presented snapshot is refused any
 * change with a message saying so; names stay unique (case aside).
 */
export function applySnapshotEdit(project: Project, edit: SnapshotEdit): Parsed<Project> {
  const list = project.snapshots;
  if (edit.op === 'take-snapshot') {
    const meta = TakenSchema.safeParse(edit.snapshot);
    if (!meta.success) return fail(`snapshot: ${meta.error.issues.map((x) => `${x.path.join('.') || 'snapshot'}: ${x.message}`).join('; ')}`);
    const clash = snapshotNameProblem(meta.data.name, list);
    if (clash) return fail(clash);
    const snapshot: Snapshot = { ...meta.data, seed: project.settings.seed, inputs: inputsOf(project) };
    return ok({ ...project, snapshots: [...list, snapshot] });
  }
  const i = list.findIndex((s) => s.name === edit.name);
  if (i < 0) return fail(`no snapshot named "${edit.name}"`);
  const old = list[i]!;
  if (old.presented) return fail(presentedRefusal(old.name));
  if (edit.op === 'delete-snapshot') return ok({ ...project, snapshots: list.filter((_, j) => j !== i) });
  const { name, note, presented } = edit.changes;
  if (name !== undefined) {
    const clash = snapshotNameProblem(name, list, old.name);
    if (clash) return fail(clash);
  }
  const next = { ...old, ...(name !== undefined ? { name: name.trim() } : {}), ...(note !== undefined ? { note } : {}), ...(presented !== undefined ? { presented } : {}) };
  const checked = SnapshotSchema.omit({ inputs: true }).safeParse(next);
  if (!checked.success) return fail(`snapshot "${old.name}": ${checked.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
  return ok({ ...project, snapshots: list.map((s, j) => (j === i ? next : s)) });
}
