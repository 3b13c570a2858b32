import { DEFAULT_DRIVERS, ForecastConfigSchema } from '../forecast/config';
import { fitDistribution } from '../forecast/distributions';
import { isStaffingParam } from '../staffing/params';
import { schoolDriverNames } from '../network/school-plans';
import type { SourceRef } from '../schema/fields';
import { expressionSymbols } from '../expr/expression';
import type { ProblemSink } from './problem-sink';
import type { Project } from './project';

/**
 * The driver names a project can use, and what refers to them. A Drivers row may define a driver
 * of its own (docs/forecast.md: "any other name is a driver too") — but only one that something
 * reads: a revenue formula, a trigger condition, a signpost, a plan's schedule parameter, a growth
 * or inflation reference. A name nothing reads is a typo that would leave the default in force.
 */
export interface DriverNames {
  /** Built-in drivers (rates, docs/forecast.md) and staffing parameters are always known. */
  isBuiltIn: (name: string) => boolean;
  /** Names the project's formulas, conditions, signposts and plans read. */
  referenced: ReadonlySet<string>;
  /** Names given a value on the Drivers sheet or in the saved forecast settings. */
  defined: ReadonlySet<string>;
  /** Every name a scenario may change: built-in, defined on the Drivers sheet or in the config, or referenced. */
  known: (name: string) => boolean;
}

const RATE_DRIVERS = new Set(Object.keys(DEFAULT_DRIVERS));
const CONDITION_WORDS = new Set(['year', 't']);
/** What a revenue formula reads besides drivers (models/forecast/engine.ts formulaScope; docs/forecast.md). */
const FORMULA_VARIABLES = ['enrollment', 'enrollment_base', 't', 'year', 'cola_index', 'base', 'idx'];

/** The names a formula or condition reads (none when it does not parse: compiling it reports that). */
const namesIn = (text: string, kind: 'formula' | 'condition'): readonly string[] => {
  const r = expressionSymbols(text, kind);
  return r.ok ? r.value : [];
};

export function knownDriverNames(project: Project): DriverNames {
  const referenced = new Set<string>();
  const config = ForecastConfigSchema.safeParse(project.forecast ?? {});
  if (config.success) {
    for (const s of config.data.revenue ?? []) {
      if (typeof s.growth === 'string') referenced.add(s.growth);
      if (s.expression) for (const n of namesIn(s.expression, 'formula')) if (!FORMULA_VARIABLES.includes(n)) referenced.add(n);
    }
    for (const v of Object.values(config.data.inflation_by_object)) if (typeof v === 'string') referenced.add(v);
  }
  for (const t of project.triggers) for (const n of namesIn(t.condition, 'condition')) if (!CONDITION_WORDS.has(n)) referenced.add(n);
  for (const s of project.signposts) if (s.indicator) referenced.add(s.indicator);
  for (const a of project.plans) if (a.action === 'schedule' && a.parameter) referenced.add(a.parameter);
  // Philanthropy sheet gifts grow by philanthropy_growth (models/network/prepare-network.ts).
  if (project.philanthropy.length > 0) referenced.add('philanthropy_growth');
  const defined = new Set([...project.drivers.map((d) => d.driver), ...Object.keys(config.success ? config.data.drivers : {})]);
  // A network's schools answer to school_delay_<site> and school_open_<site> (models/network/school-plans.ts).
  const schools = new Set(schoolDriverNames(project));
  const isBuiltIn = (name: string) => RATE_DRIVERS.has(name) || isStaffingParam(name) || schools.has(name);
  return { isBuiltIn, referenced, defined, known: (name) => isBuiltIn(name) || defined.has(name) || referenced.has(name) };
}

const builtInList = () => [...RATE_DRIVERS].join(', ');

/** A built-in driver is a rate: 0.03 is 3%. A value above 1 (100%) was almost surely typed as a percent without the % sign. */
function checkRate(sink: ProblemSink, table: 'drivers' | 'scenarios', src: SourceRef | undefined, column: string, driver: string, v: number | undefined): void {
  if (v === undefined || !RATE_DRIVERS.has(driver) || Math.abs(v) <= 1) return;
  sink.error(table, src, column, v, `${driver} is a rate: ${v} means ${Math.round(v * 100)}%. Write ${v}% (or ${v / 100}) if that is what you mean`);
}

export function checkDrivers(project: Project, names: DriverNames, sink: ProblemSink): void {
  const seen = new Map<string, SourceRef | undefined>();
  for (const d of project.drivers) {
    if (seen.has(d.driver)) {
      const first = seen.get(d.driver);
      sink.error('drivers', d.src, 'driver', d.driver, `driver "${d.driver}" is on the Drivers sheet twice${first ? ` (first on row ${first.row})` : ''}: only one row may set it`);
      continue;
    }
    seen.set(d.driver, d.src);
    if (!names.isBuiltIn(d.driver) && !names.referenced.has(d.driver)) {
      sink.error('drivers', d.src, 'driver', d.driver, `"${d.driver}" is not a driver Steward knows (${builtInList()}, or a staffing parameter in docs/staffing.md), and no formula, trigger, signpost or plan reads it: check the spelling`);
    }
    checkRate(sink, 'drivers', d.src, 'value', d.driver, d.value);
    for (const [year, v] of Object.entries(d.by_year)) checkRate(sink, 'drivers', d.src, year, d.driver, v);
    checkRate(sink, 'drivers', d.src, 'low', d.driver, d.low);
    checkRate(sink, 'drivers', d.src, 'high', d.driver, d.high);
    if ((d.low === undefined) !== (d.high === undefined)) {
      sink.error('drivers', d.src, d.low === undefined ? 'low' : 'high', '', `driver ${d.driver}: give both low and high (a 90% interval), or neither`);
    } else if (d.low !== undefined && d.high !== undefined) {
      const fit = fitDistribution(d.distribution ?? 'normal', d.value ?? d.low, d.low, d.high);
      if (typeof fit === 'string') sink.error('drivers', d.src, 'low', `${d.low} – ${d.high}`, `driver ${d.driver}: ${fit}`);
    } else if (d.distribution !== undefined) {
      sink.error('drivers', d.src, 'distribution', d.distribution, `driver ${d.driver}: a distribution needs low and high`);
    }
  }

  const base = project.settings.base_year;
  for (const s of project.scenarios) {
    if (!names.known(s.driver)) {
      sink.error('scenarios', s.src, 'driver', s.driver, `scenario "${s.scenario}" changes "${s.driver}", which is no driver (not built in, not on the Drivers sheet, read by no formula): check the spelling`);
    }
    checkRate(sink, 'scenarios', s.src, 'value', s.driver, s.value);
    if (s.year !== undefined && (s.year < base || s.year > base + 10)) {
      sink.error('scenarios', s.src, 'year', s.year, `scenario "${s.scenario}": ${s.year} is outside the forecast (fiscal years ${base}–${base + 10}), so the row would change nothing`);
    }
  }

  const config = ForecastConfigSchema.safeParse(project.forecast ?? {});
  if (!config.success) {
    for (const i of config.error.issues.slice(0, 20)) sink.error('project', undefined, undefined, undefined, `forecast settings ${i.path.join('.')}: ${i.message}`);
    return;
  }
  const scenarioDrivers = new Set([...project.scenarios.map((s) => s.driver), ...config.data.scenarios.flatMap((s) => Object.keys(s.overrides))]);
  for (const src of config.data.revenue ?? []) {
    if (src.kind !== 'formula' || !src.expression) continue;
    const r = expressionSymbols(src.expression, 'formula');
    if (!r.ok) { sink.error('project', undefined, undefined, src.expression, `revenue source ${src.id}: ${r.reason}`); continue; }
    const unknown = r.value.filter((n) => !FORMULA_VARIABLES.includes(n) && !names.isBuiltIn(n) && !names.defined.has(n) && !scenarioDrivers.has(n));
    if (unknown.length > 0) sink.error('project', undefined, undefined, src.expression, `revenue source ${src.id}: ${unknown.map((u) => `"${u}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} no driver (give ${unknown.length === 1 ? 'it' : 'them'} a row on the Drivers sheet) and not one of ${FORMULA_VARIABLES.join(', ')}`);
  }
  for (const sc of config.data.scenarios) {
    for (const driver of Object.keys(sc.overrides)) {
      if (!names.known(driver)) sink.error('project', undefined, undefined, driver, `saved scenario "${sc.name}" changes "${driver}", which is no driver: check the spelling`);
    }
  }
}
