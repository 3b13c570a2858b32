import type { SiteProfile } from './profile';

// The variables a custom formula term can read for a site (docs/allocate.md lists them). Names
// are fixed here so a term that misspells one is refused when the rules are compiled, not later.

export const GRADE_KEYS = ['PK', 'K', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] as const;
const LEVEL_FLAGS = { ES: 'is_es', MS: 'is_ms', HS: 'is_hs', K8: 'is_k8', '6-12': 'is_6_12', Other: 'is_other', Central: 'is_central' } as const;

const gradeVar = (g: string) => `grade_${g.toLowerCase()}`;
/** Need categories become variables as written (econ_disadvantaged) plus a share (econ_disadvantaged_share). */
const safeName = (k: string) => k.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1');

export function siteVariableNames(categories: Iterable<string>): Set<string> {
  const names = new Set<string>(['enrollment', 'weighted_pupils', 'needs_index', 'base', ...Object.values(LEVEL_FLAGS), ...GRADE_KEYS.map(gradeVar)]);
  for (const k of categories) {
    names.add(safeName(k));
    names.add(`${safeName(k)}_share`);
  }
  return names;
}

export function siteVariables(p: SiteProfile, weightedPupils: number, needsIndex: number, categories: Iterable<string>): Record<string, number> {
  const v: Record<string, number> = { enrollment: p.enrollment, weighted_pupils: weightedPupils, needs_index: needsIndex, base: 0 };
  for (const [level, name] of Object.entries(LEVEL_FLAGS)) v[name] = p.level === level ? 1 : 0;
  for (const g of GRADE_KEYS) v[gradeVar(g)] = p.byGrade[g] ?? 0;
  for (const k of categories) {
    v[safeName(k)] = p.needs[k] ?? 0;
    v[`${safeName(k)}_share`] = p.shares[k] ?? 0;
  }
  return v;
}
