import { ProjectSchema, type Project } from './project';

/** An empty project (every table empty, the settings' defaults filled in): File → New. */
export function newProject(settings: { district_name?: string; base_year: number }): Project {
  return ProjectSchema.parse({
    settings: { ...settings }, sites: [], enrollment: [], studentNeeds: [], funds: [], budget: [], positions: [], salary: [],
  });
}

/** The fiscal year a new project starts from: the one that begins next July (2026 = FY 2025–26). */
export function nextFiscalYear(today: Date): number {
  return today.getMonth() >= 6 ? today.getFullYear() + 2 : today.getFullYear() + 1;
}
