import type { Project } from '../project/project';
import { fail, ok, type Parsed } from '../result';
import type { OutcomeRow } from './tables';

// Spending against outcomes (practice 13: review the budget and allocations relative to outcomes).
// Spending per pupil comes from the Budget of each fiscal year (a year's year-end Actuals replace it
// when they are complete: as of 30 June or later); pupils from Enrollment. Each measure is followed
// from its first year to its last. None of this says what caused what: the caveats say so.

export interface MeasureChange {
  measure: string;
  higher_is_better: boolean;
  first_year: number;
  last_year: number;
  first: number;
  last: number;
  /** last − first. */
  change: number;
  /** The change in the good direction, per year (negative = worse). */
  improvement_per_year: number;
  /** Year-on-year changes in the good direction, oldest first. */
  steps: { year: number; improvement: number }[];
  sources: string[];
}

export interface OutcomeEntity {
  kind: 'site' | 'program';
  /** site_id, or program (with "@site" when a program is measured at one site). */
  id: string;
  name: string;
  site_id: string | null;
  program: string | null;
  /** Pupils in the last year with spending (the site's, or the district's for a program). */
  enrollment: number;
  /** Spending per pupil by fiscal year (cents), oldest first. */
  spending: { year: number; cents: number; per_pupil_cents: number | null; from: 'budget' | 'actuals' }[];
  per_pupil_cents: number | null;
  /** Last − first spending per pupil (cents); null with fewer than two years of spending. */
  per_pupil_change_cents: number | null;
  measures: MeasureChange[];
}

export interface OutcomeFlag {
  code: 'cost_up_outcome_not' | 'outcome_falling' | 'no_spending';
  severity: 'warning' | 'info';
  entity: string;
  measure?: string;
  message: string;
}

export interface OutcomesResult {
  years: number[];
  spending_years: number[];
  sites: OutcomeEntity[];
  programs: OutcomeEntity[];
  /** Programs by spending per pupil per unit of improvement a year (cheapest first); no improvement last. */
  ranking: { program: string; measure: string; per_pupil_cents: number | null; improvement_per_year: number; cost_per_unit_cents: number | null }[];
  flags: OutcomeFlag[];
  caveats: string[];
}

/** A change smaller than this share of the first value (per year) is "flat". */
const FLAT_SHARE = 0.01;

function yearEndComplete(asOf: string, fy: number): boolean {
  return asOf >= `${fy}-06-30`;
}

export function outcomes(project: Project): Parsed<OutcomesResult> {
  for (const r of project.outcomes) {
    if (r.site_id === undefined && r.program === undefined) {
      const at = r.src ? `${r.src.file ? `${r.src.file}, ` : ''}${r.src.sheet} row ${r.src.row}` : `Outcomes (${r.measure} ${r.year})`;
      return fail(`${at}: give a site_id, a program, or both (columns site_id, program)`);
    }
  }
  const sites = new Map(project.sites.map((s) => [s.site_id, s]));
  for (const r of project.outcomes) {
    if (r.site_id !== undefined && !sites.has(r.site_id)) return fail(`${r.src ? `${r.src.sheet} row ${r.src.row}` : 'Outcomes'}, column site_id: no site "${r.site_id}" in Sites`);
  }

  // Spending by fiscal year: year-end actuals where complete, else the budget.
  const budgetYears = new Set(project.budget.map((b) => b.fiscal_year));
  const lastAsOf = new Map<number, string>();
  for (const a of project.actuals) if ((lastAsOf.get(a.fiscal_year) ?? '') < a.as_of) lastAsOf.set(a.fiscal_year, a.as_of);
  const fromActuals = new Set([...lastAsOf].filter(([fy, asOf]) => yearEndComplete(asOf, fy)).map(([fy]) => fy));
  const spendingYears = [...new Set([...budgetYears, ...fromActuals])].sort((a, b) => a - b);
  const spend = new Map<string, number>(); // `${year}|site|${id}` or `${year}|program|${id}` or `${year}|ps|${program}@${site}`
  const add = (k: string, c: number) => spend.set(k, (spend.get(k) ?? 0) + c);
  const record = (year: number, site: string | undefined, program: string | undefined, cents: number) => {
    if (site !== undefined) add(`${year}|site|${site}`, cents);
    if (program !== undefined) add(`${year}|program|${program}`, cents);
    if (program !== undefined && site !== undefined) add(`${year}|program|${program}@${site}`, cents);
  };
  for (const b of project.budget) if (!fromActuals.has(b.fiscal_year)) record(b.fiscal_year, b.site_id, b.program, b.amount);
  for (const a of project.actuals) if (fromActuals.has(a.fiscal_year) && a.as_of === lastAsOf.get(a.fiscal_year)) record(a.fiscal_year, a.site_id, a.program, a.ytd_amount);
  const pupils = new Map<string, number>();
  for (const e of project.enrollment) {
    pupils.set(`${e.year}|${e.site_id}`, (pupils.get(`${e.year}|${e.site_id}`) ?? 0) + e.students);
    pupils.set(`${e.year}|*`, (pupils.get(`${e.year}|*`) ?? 0) + e.students);
  }

  const groups = new Map<string, OutcomeRow[]>();
  for (const r of project.outcomes) {
    const key = r.program === undefined ? `site|${r.site_id}` : `program|${r.program}${r.site_id !== undefined ? `@${r.site_id}` : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const flags: OutcomeFlag[] = [];
  const entities: OutcomeEntity[] = [];
  for (const [, rows] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const first = rows[0]!;
    const kind = first.program === undefined ? 'site' : 'program';
    const id = kind === 'site' ? first.site_id! : `${first.program}${first.site_id !== undefined ? `@${first.site_id}` : ''}`;
    const pupilKey = (y: number) => `${y}|${first.site_id ?? '*'}`;
    const spending = spendingYears
      .map((y) => {
        const cents = spend.get(`${y}|${kind}|${id}`) ?? 0;
        const n = pupils.get(pupilKey(y)) ?? 0;
        return { year: y, cents, per_pupil_cents: n > 0 ? Math.round(cents / n) : null, from: fromActuals.has(y) ? 'actuals' as const : 'budget' as const };
      })
      .filter((s) => s.cents !== 0);
    const last = spending.at(-1);
    const firstS = spending[0];
    const perPupilChange = spending.length >= 2 && last!.per_pupil_cents !== null && firstS!.per_pupil_cents !== null ? last!.per_pupil_cents - firstS!.per_pupil_cents : null;
    const name = kind === 'site' ? sites.get(id)?.name ?? id : `${first.program}${first.site_id !== undefined ? ` at ${sites.get(first.site_id)?.name ?? first.site_id}` : ' (district)'}`;
    const measures = measureChanges(rows);
    const entity: OutcomeEntity = {
      kind, id, name, site_id: first.site_id ?? null, program: first.program ?? null,
      enrollment: last ? pupils.get(pupilKey(last.year)) ?? 0 : 0,
      spending, per_pupil_cents: last?.per_pupil_cents ?? null, per_pupil_change_cents: perPupilChange, measures,
    };
    entities.push(entity);
    if (spending.length === 0) flags.push({ code: 'no_spending', severity: 'info', entity: id, message: `${name}: no Budget or Actuals line names this ${kind === 'site' ? 'site' : 'program'}, so its spending per pupil is unknown.` });
    for (const m of measures) {
      const lastTwo = m.steps.slice(-2);
      const flat = (x: number) => x <= FLAT_SHARE * Math.abs(m.first || 1);
      const notBetter = lastTwo.length === 2 && lastTwo.every((s) => flat(s.improvement));
      if (!notBetter) continue;
      const word = lastTwo.every((s) => s.improvement < -FLAT_SHARE * Math.abs(m.first || 1)) ? 'got worse' : 'got worse or stayed flat';
      if (perPupilChange !== null && perPupilChange > 0) {
        flags.push({ code: 'cost_up_outcome_not', severity: 'warning', entity: id, measure: m.measure, message: `${name}: spending per pupil rose ${dollars(perPupilChange)} (FY${firstS!.year}–FY${last!.year}) while ${m.measure} ${word} two years running (${lastTwo.map((s) => `FY${s.year}`).join(', ')}). Review it at the annual budget review.` });
      } else {
        flags.push({ code: 'outcome_falling', severity: 'info', entity: id, measure: m.measure, message: `${name}: ${m.measure} ${word} two years running (${lastTwo.map((s) => `FY${s.year}`).join(', ')})${perPupilChange === null ? '; the project has one year of spending, so whether its cost rose is not known' : ''}.` });
      }
    }
  }
  const programs = entities.filter((e) => e.kind === 'program');
  const ranking = programs
    .flatMap((p) => p.measures.map((m) => ({
      program: p.id, measure: m.measure, per_pupil_cents: p.per_pupil_cents, improvement_per_year: m.improvement_per_year,
      cost_per_unit_cents: p.per_pupil_cents !== null && m.improvement_per_year > 0 ? Math.round(p.per_pupil_cents / m.improvement_per_year) : null,
    })))
    .sort((a, b) => (a.cost_per_unit_cents ?? Infinity) - (b.cost_per_unit_cents ?? Infinity) || (a.program < b.program ? -1 : a.program > b.program ? 1 : a.measure < b.measure ? -1 : 1));
  const years = [...new Set(project.outcomes.map((r) => r.year))].sort((a, b) => a - b);
  const caveats = [
    'Spending and outcomes moving together is not proof that one caused the other: enrollment, staffing changes and who the students are move both.',
    'Small schools and programs have few students: one or two students change a rate by several points, so a year-on-year change there may be noise.',
    'Measures are compared as the Outcomes sheet gives them; a test or definition that changed between years is not comparable.',
  ];
  if (spendingYears.length < 2) caveats.push(`The project has spending for ${spendingYears.length === 1 ? `one fiscal year (FY${spendingYears[0]})` : 'no fiscal year'}: the change in spending per pupil needs Budget or year-end Actuals lines for two years or more.`);
  return ok({ years, spending_years: spendingYears, sites: entities.filter((e) => e.kind === 'site'), programs, ranking, flags, caveats });
}

function measureChanges(rows: readonly OutcomeRow[]): MeasureChange[] {
  const byMeasure = new Map<string, OutcomeRow[]>();
  for (const r of rows) byMeasure.set(r.measure, [...(byMeasure.get(r.measure) ?? []), r]);
  const out: MeasureChange[] = [];
  for (const [measure, rs] of [...byMeasure].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const sorted = [...rs].sort((a, b) => a.year - b.year);
    const f = sorted[0]!;
    const l = sorted.at(-1)!;
    const sign = l.higher_is_better ? 1 : -1;
    const steps = sorted.slice(1).map((r, i) => ({ year: r.year, improvement: round((r.value - sorted[i]!.value) * sign) }));
    out.push({
      measure, higher_is_better: l.higher_is_better, first_year: f.year, last_year: l.year, first: f.value, last: l.value,
      change: round(l.value - f.value), improvement_per_year: l.year > f.year ? round(((l.value - f.value) * sign) / (l.year - f.year)) : 0,
      steps, sources: [...new Set(sorted.map((r) => r.source).filter((s): s is string => s !== undefined))],
    });
  }
  return out;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
const dollars = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
