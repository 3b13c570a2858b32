import { STANDARD_NEEDS, type TableKind } from '../schema/tables';
import type { SourceRef } from '../schema/fields';
import type { Project } from './project';
import type { Problem } from './problems';
import { ProblemSink } from './problem-sink';
import { validateRules } from './validate-rules';
import { checkNetwork } from '../network/validate';
import { BASE_SCENARIO } from '../forecast/drivers';

// Cross-table checks a single row cannot make: references to sites and funds that do not exist,
// funding splits that do not add to 100%, duplicate ids, positions that cannot be costed. Each
// problem says where to fix it (file, sheet, row from the row's `src`, column, value).
//
// The checks are a list, each saying what it reads, so the app can check a project again after an
// edit by running only the checks that read a changed table (validate-incremental.ts); the problems
// come out in the same order either way.

const SPLIT_TOLERANCE = 0.001;

/** One check: what it reads (compared by identity between project versions) and what it finds. */
export interface ProjectCheck {
  reads(p: Project): readonly unknown[];
  run(p: Project, sink: ProblemSink): void;
}

type Sourced = { src?: SourceRef | undefined };

/** Duplicate keys: the first occurrence wins; later ones are reported with where the first was. */
function unique<T extends Sourced>(sink: ProblemSink, table: TableKind, rows: readonly T[], column: string, key: (r: T) => string, what: string): void {
  const first = new Map<string, T>();
  for (const r of rows) {
    const k = key(r);
    const prev = first.get(k);
    if (prev === undefined) first.set(k, r);
    else sink.error(table, r.src, column, k, `duplicate ${what} "${k}"${prev.src ? ` (first on row ${prev.src.row})` : ''}`);
  }
}

const keySets = new WeakMap<readonly unknown[], ReadonlySet<string>>();
/** The keys a table defines (site ids, fund codes), once per rows array. */
function keysOf<T>(rows: readonly T[], key: (r: T) => string): ReadonlySet<string> {
  let set = keySets.get(rows);
  if (!set) keySets.set(rows, (set = new Set(rows.map(key))));
  return set;
}
const siteIds = (p: Project) => keysOf(p.sites, (s) => s.site_id);
const fundCodes = (p: Project) => keysOf(p.funds, (f) => f.fund_code);

const uniqueCheck = <K extends 'sites' | 'funds' | 'positions' | 'needs' | 'salary' | 'enrollment' | 'studentNeeds'>(
  table: K, column: string, key: (r: Project[K][number]) => string, what: string,
): ProjectCheck => ({
  reads: (p) => [p[table]],
  run: (p, sink) => unique(sink, table, p[table] as readonly Project[K][number][], column, key, what),
});

type SiteRows = readonly { site_id?: string | undefined; src?: SourceRef | undefined }[];
const siteRefCheck = (table: 'enrollment' | 'studentNeeds' | 'positions' | 'budget' | 'actuals' | 'needs', optional: boolean): ProjectCheck => ({
  reads: (p) => [p.sites, p[table]],
  run: (p, sink) => {
    const sites = siteIds(p);
    for (const r of p[table] as SiteRows) {
      if (r.site_id === undefined || r.site_id === '') {
        if (!optional) sink.error(table, r.src, 'site_id', '', 'site_id is blank');
      } else if (!sites.has(r.site_id)) {
        sink.error(table, r.src, 'site_id', r.site_id, `unknown site_id "${r.site_id}" (not on the Sites sheet)`);
      }
    }
  },
});

const fundRefCheck = (table: 'budget' | 'actuals'): ProjectCheck => ({
  reads: (p) => [p.funds, p[table]],
  run: (p, sink) => {
    const funds = fundCodes(p);
    for (const r of p[table]) if (!funds.has(r.fund_code)) sink.error(table, r.src, 'fund_code', r.fund_code, `unknown fund_code "${r.fund_code}" (not on the Funds sheet)`);
  },
});

const positionsCheck: ProjectCheck = {
  reads: (p) => [p.positions, p.funds, p.salary],
  run: (p, sink) => {
    const funds = fundCodes(p);
    const schedule = new Set(p.salary.map((c) => `${c.lane}|${c.step}`));
    for (const pos of p.positions) {
      if (pos.fte < 0) sink.error('positions', pos.src, 'fte', pos.fte, `negative FTE on position ${pos.position_id}`);
      else if (pos.fte > 1.5) sink.warning('positions', pos.src, 'fte', pos.fte, `position ${pos.position_id} has more than 1.5 FTE`);
      let sum = 0;
      for (const f of pos.funding) {
        sum += f.share;
        if (!funds.has(f.fund_code)) sink.error('positions', pos.src, 'funding', f.fund_code, `position ${pos.position_id} is funded by unknown fund_code "${f.fund_code}"`);
      }
      if (pos.funding.length > 0 && Math.abs(sum - 1) > SPLIT_TOLERANCE) {
        sink.error('positions', pos.src, 'funding', pos.funding.map((f) => `${f.fund_code}:${f.share}`).join('; '), `funding split of position ${pos.position_id} adds to ${round(sum * 100)}%, not 100%`);
      }
      if (pos.salary === undefined) {
        if (pos.lane === undefined || pos.step === undefined) {
          sink.error('positions', pos.src, pos.lane === undefined ? 'lane' : 'step', pos.lane ?? pos.step, `position ${pos.position_id} has no salary and no lane and step to look one up`);
        } else if (!schedule.has(`${pos.lane}|${pos.step}`)) {
          sink.error('positions', pos.src, 'step', `${pos.lane} / ${pos.step}`, `position ${pos.position_id}: lane "${pos.lane}" step ${pos.step} is not in the salary schedule and the position has no salary`);
        }
      }
    }
  },
};

const fundsCheck: ProjectCheck = {
  reads: (p) => [p.studentNeeds, p.needs, p.funds, p.settings],
  run: (p, sink) => {
    // Need categories a fund may name: the StudentNeeds columns, the needs register's categories, the standard ones.
    const categories = new Set<string>(['any', ...STANDARD_NEEDS]);
    for (const n of p.studentNeeds) for (const k of Object.keys(n.counts)) categories.add(k);
    for (const n of p.needs) categories.add(n.category);
    for (const f of p.funds) {
      for (const use of f.eligible_uses) {
        if (!categories.has(use)) sink.warning('funds', f.src, 'eligible_uses', use, `fund ${f.fund_code} may pay for "${use}", which is no need category of StudentNeeds or Needs`);
      }
      if (f.restricted && f.eligible_uses.length === 0) sink.error('funds', f.src, 'eligible_uses', '', `restricted fund ${f.fund_code} has no eligible uses`);
      if (f.available < 0) sink.error('funds', f.src, 'available', f.available / 100, `fund ${f.fund_code} has a negative amount available`);
      if (f.end_date !== undefined && f.available > 0 && f.end_date < `${p.settings.base_year - 1}-07-01`) {
        sink.warning('funds', f.src, 'end_date', f.end_date, `fund ${f.fund_code} ended on ${f.end_date}, before fiscal year ${p.settings.base_year}, but still shows money available`);
      }
    }
  },
};

const baseYearCheck: ProjectCheck = {
  reads: (p) => [p.settings, p.budget, p.enrollment, p.sites, p.charterSchools],
  run: (p, sink) => {
    const base = p.settings.base_year;
    // A charter school that opens after the base year has no students yet (CharterSchools open_year).
    const opensLater = new Set(p.charterSchools.filter((c) => c.open_year > base).map((c) => c.site_id));
    if (p.budget.length > 0 && !p.budget.some((b) => b.fiscal_year === base)) {
      sink.warning('budget', undefined, 'fiscal_year', base, `no budget lines for the base year ${base} (Settings base_year)`);
    }
    if (p.enrollment.length > 0 && !p.enrollment.some((e) => e.year === base)) {
      const years = [...new Set(p.enrollment.map((e) => e.year))].sort();
      sink.error('enrollment', undefined, 'year', years.join(', '), `no enrollment for the base year ${base} (years present: ${years.join(', ')})`);
    } else if (p.enrollment.length > 0) {
      const withBase = new Set(p.enrollment.filter((e) => e.year === base).map((e) => e.site_id));
      for (const s of p.sites) {
        if (s.level !== 'Central' && s.level !== 'Other' && !withBase.has(s.site_id) && !opensLater.has(s.site_id)) sink.warning('sites', s.src, 'site_id', s.site_id, `school ${s.site_id} has no enrollment in the base year ${base}`);
      }
    }
  },
};

// Need counts larger than the site's enrollment are almost always a column mix-up.
const needCountsCheck: ProjectCheck = {
  reads: (p) => [p.enrollment, p.studentNeeds],
  run: (p, sink) => {
    const enrolled = new Map<string, number>();
    for (const e of p.enrollment) enrolled.set(`${e.site_id}|${e.year}`, (enrolled.get(`${e.site_id}|${e.year}`) ?? 0) + e.students);
    for (const n of p.studentNeeds) {
      const total = enrolled.get(`${n.site_id}|${n.year}`);
      if (total === undefined) continue;
      for (const [need, count] of Object.entries(n.counts)) {
        if (count > total) sink.warning('studentNeeds', n.src, need, count, `${need} (${count}) is more than the ${total} students enrolled at ${n.site_id} in ${n.year}`);
      }
    }
  },
};

const scenariosCheck: ProjectCheck = {
  reads: (p) => [p.scenarios],
  run: (p, sink) => {
    // Every scenario starts from Base (the Drivers sheet): naming it as a parent is the same as none.
    const scenarios = new Set(p.scenarios.map((s) => s.scenario));
    for (const s of p.scenarios) {
      if (s.based_on !== undefined && s.based_on !== '' && s.based_on !== BASE_SCENARIO && !scenarios.has(s.based_on)) sink.error('scenarios', s.src, 'based_on', s.based_on, `scenario "${s.scenario}" is based on unknown scenario "${s.based_on}"`);
    }
  },
};

// The rules (drivers, plans, allocation and staffing rules) read many parts of the project and are
// quick: they run again after any change, so a rule reading a new table can never go stale.
const rulesCheck: ProjectCheck = {
  reads: (p) => Object.values(p),
  run: (p, sink) => {
    for (const problem of validateRules(p)) sink.list.push(problem);
  },
};

/** Every check, in the order their problems are listed. */
export const PROJECT_CHECKS: readonly ProjectCheck[] = [
  uniqueCheck('sites', 'site_id', (s) => s.site_id, 'site_id'),
  uniqueCheck('funds', 'fund_code', (f) => f.fund_code, 'fund_code'),
  uniqueCheck('positions', 'position_id', (p) => p.position_id, 'position_id'),
  uniqueCheck('needs', 'need_id', (n) => n.need_id, 'need_id'),
  uniqueCheck('salary', 'step', (c) => `${c.schedule} / ${c.lane} / step ${c.step}`, 'salary schedule cell'),
  uniqueCheck('enrollment', 'grade', (e) => `${e.site_id} / ${e.year} / grade ${e.grade}`, 'enrollment row'),
  uniqueCheck('studentNeeds', 'year', (n) => `${n.site_id} / ${n.year}`, 'student needs row'),
  siteRefCheck('enrollment', false),
  siteRefCheck('studentNeeds', false),
  siteRefCheck('positions', false),
  siteRefCheck('budget', true),
  siteRefCheck('actuals', true),
  siteRefCheck('needs', true),
  fundRefCheck('budget'),
  fundRefCheck('actuals'),
  positionsCheck,
  fundsCheck,
  baseYearCheck,
  needCountsCheck,
  scenariosCheck,
  rulesCheck,
  // Charter-network sheets (models/network/validate.ts).
  { reads: (p) => [p.sites, p.charterSchools, p.loans, p.covenants, p.balanceSheet, p.philanthropy, p.settings, p.triggers, p.signposts, p.plans], run: checkNetwork },
];

export function validateProject(project: Project): Problem[] {
  const sink = new ProblemSink();
  for (const check of PROJECT_CHECKS) check.run(project, sink);
  return sink.list;
}

const round = (x: number) => Math.round(x * 100) / 100;
