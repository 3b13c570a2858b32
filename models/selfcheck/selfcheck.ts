import { allocate, type AllocationResult } from '../allocate/allocate';
import type { Project } from '../project/project';
import { practice13 } from './practice13';
import { practice14 } from './practice14';
import { practice15a, practice15b } from './practice15';
import { rate } from './rate';
import type { SelfCheck } from './types';

export const PRACTICE_TITLES = {
  '13': 'Resource allocation supports the mission',
  '14': 'Multiple scenarios forecast long-term viability',
  '15a': 'Time and roles for district functions',
  '15b': 'Collaborative teams in schedules',
} as const;

/**
 * Where the district stands on practices 13, 14, 15a and 15b of the seed framework, each level's
 * criteria met, not met or not shown by the data, with the evidence from the project and what
 * the next level needs. The allocation comes from the same engine as `steward allocate`.
 */
export function selfCheck(project: Project): SelfCheck {
  let alloc: { result: AllocationResult } | { error: string };
  if (project.sites.length === 0 || project.enrollment.length === 0 || project.funds.length === 0) alloc = { error: 'it needs the Sites, Enrollment and Funds tables' };
  else {
    try {
      const r = allocate(project, {});
      alloc = r.ok ? { result: r.value } : { error: r.reason };
    } catch (e) {
      alloc = { error: e instanceof Error ? e.message : String(e) };
    }
  }
  return {
    district: project.settings.district_name ?? '',
    practices: [
      rate('13', PRACTICE_TITLES['13'], practice13(project, alloc)),
      rate('14', PRACTICE_TITLES['14'], practice14(project)),
      rate('15a', PRACTICE_TITLES['15a'], practice15a(project)),
      rate('15b', PRACTICE_TITLES['15b'], practice15b(project)),
    ],
  };
}
