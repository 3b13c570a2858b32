import { ProjectSchema, type Project } from '../../../models/project/project';
import type { EnrollmentRow, Grade } from '../../../models/schema/tables';

/** A small valid project; tests override the arrays they care about. */
export function makeProject(over: Partial<Record<keyof Project, unknown>> = {}): Project {
  return ProjectSchema.parse({
    settings: { base_year: 2026 },
    sites: [],
    enrollment: [],
    studentNeeds: [],
    funds: [{ fund_code: 'GEN', name: 'General', source: 'local', restricted: false, available: 0 }],
    budget: [],
    positions: [],
    salary: [],
    ...over,
  });
}

/** Enrollment rows for one site and year from { grade: students }. */
export function grades(site_id: string, counts: Record<string, number>, year = 2026): EnrollmentRow[] {
  return Object.entries(counts).map(([grade, students]) => ({ site_id, year, grade: grade as Grade, students }));
}
