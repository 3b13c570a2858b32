import { normaliseHeader } from '../schema/fields';
import type { StaffingConfig } from './config';

/**
 * Time studies are written by people, not by the Responsibilities sheet: "Data meetings",
 * "Observation & feedback" and "Monitoring/data review" are one function. Activities are compared
 * by key: normalised (case, spaces, punctuation), then mapped through the config's activityAliases
 * and these synonyms of the practice-15 functions (models/staffing/time.ts DISTRICT_FUNCTIONS).
 * Only names that mean the function are listed; "planning" (a teacher's lesson planning) is not
 * program design, so it stays its own activity.
 */
export const ACTIVITY_SYNONYMS: Record<string, readonly string[]> = {
  program_design: ['program design', 'program design and planning', 'program planning', 'program development', 'design'],
  pilots: ['pilot', 'pilots', 'pilot implementation', 'piloting', 'pilot programs'],
  monitoring_data_review: ['monitoring', 'data review', 'monitoring and data review', 'monitoring & data review', 'monitoring/data review', 'data meetings', 'data analysis', 'progress monitoring', 'reviewing data'],
  feedback: ['providing feedback', 'observation and feedback', 'observation & feedback', 'observations and feedback', 'classroom observations', 'observation', 'walkthroughs', 'coaching feedback'],
  communication: ['communications', 'family communication', 'parent communication', 'community communication', 'stakeholder communication'],
  culture: ['culture building', 'school culture', 'climate and culture', 'culture and climate', 'building culture'],
  systems_work: ['systems', 'systems implementation', 'systems work', 'operations systems', 'implementing systems'],
};

const builtIn = new Map<string, string>();
for (const [fn, names] of Object.entries(ACTIVITY_SYNONYMS)) {
  builtIn.set(normaliseHeader(fn), normaliseHeader(fn));
  for (const n of names) builtIn.set(normaliseHeader(n), normaliseHeader(fn));
}

/** The key an activity or function is compared by. */
export function activityKeyer(cfg: Pick<StaffingConfig, 'activityAliases'>): (name: string) => string {
  const own = new Map<string, string>();
  for (const [from, to] of Object.entries(cfg.activityAliases)) own.set(normaliseHeader(from), normaliseHeader(to));
  return (name: string) => {
    const n = normaliseHeader(name);
    const aliased = own.get(n) ?? n;
    return builtIn.get(aliased) ?? aliased;
  };
}
