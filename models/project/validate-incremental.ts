import type { Problem } from './problems';
import type { Project } from './project';
import { ProblemSink } from './problem-sink';
import { PROJECT_CHECKS } from './validate';

// validateProject for a project that changes one edit at a time. An edit makes a new project that
// shares every untouched table with the old one (models/project/edit.ts), so each check's problems
// are kept with the tables it read and reused while those are the same objects: editing one
// Enrollment row re-runs the checks that read Enrollment, not the 100,000-line Budget's. A few
// results are kept per check, so undo and redo find theirs too. Same problems, same order, as
// validateProject (test/models/project/validate-incremental.test.ts).

interface Kept {
  reads: readonly unknown[];
  problems: readonly Problem[];
}

const KEEP = 4;

const sameReads = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function createIncrementalValidator() {
  const kept: Kept[][] = PROJECT_CHECKS.map(() => []);
  let runs = 0;
  return {
    validate(project: Project): Problem[] {
      const out: Problem[] = [];
      PROJECT_CHECKS.forEach((check, i) => {
        const reads = check.reads(project);
        const list = kept[i]!;
        let hit = list.find((k) => sameReads(k.reads, reads));
        if (!hit) {
          const sink = new ProblemSink();
          check.run(project, sink);
          runs++;
          hit = { reads, problems: sink.list };
          list.unshift(hit);
          if (list.length > KEEP) list.pop();
        }
        for (const p of hit.problems) out.push(p);
      });
      return out;
    },
    /** How many checks have run (not reused): what a test counts. */
    get runs(): number {
      return runs;
    },
  };
}
