import { demoProject } from '../../models/demo/district';
import { applyEdit } from '../../models/project/edit';
import { openFiles } from '../../models/project/open-file';
import { checkProject } from '../../models/project/open';
import { gate } from '../../models/project/gate';
import type { Project } from '../../models/project/project';
import { serialiseProject } from '../../models/project/steward-file';
import { createIncrementalSummariser } from '../../models/project/summary-incremental';
import { createIncrementalValidator } from '../../models/project/validate-incremental';
import type { EngineOp, RequestOf, ResultOf } from './protocol';
import { runAllocate } from './ops/allocate';

/** Thrown when a request names a version the worker no longer holds: the client sends it in full. */
export class StaleVersion extends Error {}

/**
 * What the engine worker does, as plain functions over the models (the same code the CLI runs).
 * Projects are kept by version — a version is immutable, so a result computed for it never goes
 * stale — and only the last few versions are held.
 */
export function createEngine(keep = 8) {
  const versions = new Map<number, Project>();
  const checks = new Map<number, ResultOf<'check'>>();
  // An edit's version shares its untouched tables with the last one: only the checks and sums that
  // read a changed table run again (the same problems and figures as validateProject/summariseProject).
  const validator = createIncrementalValidator();
  const summariser = createIncrementalSummariser();
  const remember = (version: number, project: Project) => {
    versions.set(version, project);
    while (versions.size > keep) {
      const oldest = versions.keys().next().value as number;
      versions.delete(oldest);
      checks.delete(oldest);
    }
  };
  const at = (version: number): Project => {
    const p = versions.get(version);
    if (!p) throw new StaleVersion(`version ${version} is not held`);
    return p;
  };
  const handlers: { [K in EngineOp]: (request: RequestOf<K>) => ResultOf<K> } = {
    'open-files': (r) => openFiles(r.files, r.name, r.flags, r.kind),
    'demo': () => demoProject(),
    'sync': (r) => {
      // A version is immutable: one the worker still holds (an undo, a redo) keeps its tables, so
      // the checks kept for them are found again.
      if ('project' in r) { if (!versions.has(r.version)) remember(r.version, r.project); }
      else {
        let p = at(r.base);
        for (const e of r.edits) {
          const next = applyEdit(p, e);
          if (!next.ok) throw new Error(next.reason);
          p = next.value;
        }
        remember(r.version, p);
      }
      return { version: r.version };
    },
    'check': (r) => {
      const hit = checks.get(r.version);
      if (hit) return hit;
      const project = at(r.version);
      const gated = gate(checkProject(project, r.name, validator.validate), 'validate', r.name);
      const result = { problems: gated.problems, ok: gated.ok, summary: gated.ok ? summariser.summarise(project) : null };
      checks.set(r.version, result);
      return result;
    },
    'serialise': (r) => new TextEncoder().encode(serialiseProject(at(r.version))),
    'allocate': (r) => runAllocate(at(r.version), r.rules),
  };
  return handlers;
}
