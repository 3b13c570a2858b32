/**
 * Scenario parameters the staffing engine reads (a scenario's Drivers/Scenarios rows with these
 * names, or `params` passed by the forecast). Unknown names are ignored, so the forecast can pass
 * every driver it has. "Set" parameters replace the schedule value at every site; deltas and
 * scales adjust each site's own value.
 */
export const STAFFING_PARAMS = {
  ratio_scale: 'Multiplies every staffing-rule ratio (0.9 = 10% fewer students per FTE, so more staff)',
  class_size_delta: 'Added to every class-size cap and to every teacher grade/students ratio (−2 = classes two smaller)',
  class_size_cap: 'Sets every school’s class-size cap',
  periods_per_day: 'Sets periods per day at period-schedule schools; the day length stays, periods get shorter, and course requests per student scale with the periods (students fill every period)',
  teaching_periods: 'Sets periods a full-time teacher teaches at period-schedule schools',
  course_requests_per_student: 'Sets courses per student at period-schedule schools',
  collaboration_minutes_per_week: 'Sets collaborative planning minutes per teacher per week; minutes added over a school’s schedule are covered per the config’s collaborationCoverage (added teacher FTE, or instructional minutes when banked)',
  collaboration_minutes_delta: 'Adds collaborative planning minutes per week (90 = a weekly 90-minute block), covered the same way',
  instructional_days: 'Sets instructional days per year',
  minutes_per_day: 'Sets instructional minutes per day',
  salary_scale: 'Multiplies salaries used for costs (a forecast year’s salary index, e.g. 1.06 after two 3% COLAs)',
  benefits_rate: 'Sets the benefits rate for every position',
} as const;
export type StaffingParamName = keyof typeof STAFFING_PARAMS;

/** Per-role ratio scale: `ratio_scale_counselor` = 0.8 makes counselors 1:200 where the rule says 1:250. */
export const ROLE_RATIO_PREFIX = 'ratio_scale_';

export type StaffingParams = Record<string, number>;

/** The value of a parameter if given and finite. */
export function param(params: StaffingParams | undefined, name: string): number | undefined {
  if (!params) return undefined;
  const v = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * A parameter for sites of one level: `class_size_delta@ES` (elementary schools only) beats
 * `class_size_delta` (every site). So a scenario can lower class sizes in K–5 alone, or add a
 * collaboration block at high schools alone.
 */
export const LEVEL_SEPARATOR = '@';

export function levelParam(params: StaffingParams | undefined, name: string, level: string): number | undefined {
  return param(params, `${name}${LEVEL_SEPARATOR}${level}`) ?? param(params, name);
}

/** Scenario rows as the staffing engine needs them (structurally the Scenarios and Drivers sheets). */
interface OverrideRow { scenario: string; driver: string; value: number; year?: number; based_on?: string }
interface DriverRow { driver: string; value?: number; by_year: Record<string, number> }

/** true when a driver name is one the staffing engine reads. */
export function isStaffingParam(name: string): boolean {
  const at = name.indexOf(LEVEL_SEPARATOR);
  const base = at > 0 ? name.slice(0, at) : name;
  return Object.prototype.hasOwnProperty.call(STAFFING_PARAMS, base) || base.startsWith(ROLE_RATIO_PREFIX);
}

/**
 * The staffing params of a scenario in a year: staffing drivers from the Drivers sheet (the
 * baseline), then the scenario's parents (based_on, oldest first), then the scenario's own rows;
 * a row for the year beats a row for every year. Returns null when no row names the scenario.
 */
export function scenarioStaffingParams(
  project: { drivers: readonly DriverRow[]; scenarios: readonly OverrideRow[] },
  scenario: string | undefined,
  year: number,
): StaffingParams | null {
  const out: StaffingParams = Object.create(null) as StaffingParams;
  for (const d of project.drivers) {
    if (!isStaffingParam(d.driver)) continue;
    const v = d.by_year[String(year)] ?? d.value;
    if (v !== undefined && Number.isFinite(v)) out[d.driver] = v;
  }
  if (scenario === undefined) return out;
  const lc = scenario.trim().toLowerCase();
  const rowsOf = (name: string) => project.scenarios.filter((r) => r.scenario.trim().toLowerCase() === name);
  if (rowsOf(lc).length === 0) return null;
  const chain: string[] = [];
  for (let name: string | undefined = lc; name && !chain.includes(name); ) {
    chain.unshift(name);
    name = rowsOf(name).find((r) => r.based_on)?.based_on?.trim().toLowerCase();
  }
  for (const name of chain) {
    const rows = rowsOf(name).filter((r) => isStaffingParam(r.driver));
    for (const r of rows) if (r.year === undefined) out[r.driver] = r.value;
    for (const r of rows) if (r.year === year) out[r.driver] = r.value;
  }
  return out;
}
