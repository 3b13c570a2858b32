import { outcomes } from '../outcomes/outcomes';
import type { Project } from '../project/project';
import { plural } from './evidence';
import type { Criterion } from './types';

/**
 * Practice 13, getting better: "the budget process and allocations are reviewed each year against
 * student and staff outcomes". Shown by the Outcomes table set against spending, as `steward
 * outcomes` and the Allocate screen's Outcomes tab do it: met when outcome figures for schools or
 * programs cover two or more years, the latest no older than the year before the base year, and
 * spending per pupil stands beside them. Not met, saying which, when the table is empty, holds one
 * year, or has fallen behind; not shown when the outcome engine refuses the project.
 */
export function outcomesReview(project: Project): Criterion {
  const base = { id: '13-outcomes-review', level: 'getting better', text: 'The budget and allocations are reviewed each year against student and staff outcomes', screen: 'Allocate' } as const;
  if (project.outcomes.length === 0) {
    return { ...base, status: 'not met', evidence: 'the Outcomes table is empty: outcome figures by school or program for two or more years are needed to set spending against them' };
  }
  let r: ReturnType<typeof outcomes>;
  try {
    r = outcomes(project);
  } catch (e) {
    r = { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
  if (!r.ok) return { ...base, status: 'not shown by the data', evidence: `spending could not be set against outcomes: ${r.reason}` };
  const o = r.value;
  const tracked = [...o.sites, ...o.programs].filter((e) => e.measures.some((m) => m.last_year > m.first_year));
  const first = o.years[0];
  const last = o.years.at(-1);
  if (tracked.length === 0 || first === undefined || last === undefined || first === last) {
    return { ...base, status: 'not met', evidence: `outcome figures for ${last === undefined ? 'no year' : `FY${last} only`}: a second year is needed to see what changed` };
  }
  const sites = tracked.filter((e) => e.kind === 'site').length;
  const programs = tracked.length - sites;
  const what = [sites > 0 ? plural(sites, 'school') : '', programs > 0 ? plural(programs, 'program') : ''].filter((x) => x !== '').join(' and ');
  const baseYear = project.settings.base_year;
  if (last < baseYear - 1) {
    return { ...base, status: 'not met', evidence: `outcomes for ${what} stop at FY${last}; the base year is FY${baseYear}, so the latest year's review is missing` };
  }
  if (o.spending_years.length === 0) {
    return { ...base, status: 'not met', evidence: `outcomes for ${what} over FY${first}–FY${last}, but no spending to set against them (Budget or Actuals by site and program)` };
  }
  const warnings = o.flags.filter((f) => f.severity === 'warning').length;
  return {
    ...base,
    status: 'met',
    evidence: `outcomes for ${what} over FY${first}–FY${last} set against spending per pupil (FY${o.spending_years.join(', FY')}); ${plural(o.flags.length, 'flag')} for the review${warnings > 0 ? `, ${plural(warnings, 'warning')}` : ''}`,
  };
}
