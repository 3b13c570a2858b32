import type { Project } from './project';
import { budgetPart, combineSummary, enrollmentPart, positionsPart, type ProjectSummary } from './summary';

// summariseProject for a project that changes one edit at a time: the parts of the big tables
// (Enrollment, Positions, Budget) are kept while those tables (and the base year) are the same
// objects, so an edit to Enrollment does not add up 100,000 budget lines again. The figures are
// summariseProject's exactly: the same parts, combined the same way.

/** A function of (table, base year) that remembers its last few results. */
function keep<T, R>(compute: (table: T, baseYear: number) => R, size = 4): (table: T, baseYear: number) => R {
  const kept: { table: T; baseYear: number; result: R }[] = [];
  return (table, baseYear) => {
    const hit = kept.find((k) => k.table === table && k.baseYear === baseYear);
    if (hit) return hit.result;
    const result = compute(table, baseYear);
    kept.unshift({ table, baseYear, result });
    if (kept.length > size) kept.pop();
    return result;
  };
}

export function createIncrementalSummariser() {
  const enrollment = keep(enrollmentPart);
  const positions = keep((p: Project['positions']) => positionsPart(p));
  const budget = keep(budgetPart);
  return {
    summarise(project: Project): ProjectSummary {
      const baseYear = project.settings.base_year;
      return combineSummary(project, enrollment(project.enrollment, baseYear), positions(project.positions, 0), budget(project.budget, baseYear));
    },
  };
}
