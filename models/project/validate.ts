import { STANDARD_NEEDS, type TableKind } from '../schema/tables';
import type { SourceRef } from '../schema/fields';
import type { Project } from './project';
import type { Problem } from './problems';
import { ProblemSink } from './problem-sink';
import { validateRules } from './validate-rules';

// Cross-table checks a single row cannot make: references to sites and funds that do not exist,
// funding splits that do not add to 100%, duplicate ids, positions that cannot be costed. Each
// problem says where to fix it (file, sheet, row from the row's `src`, column, value).

const SPLIT_TOLERANCE = 0.001;

export function validateProject(project: Project): Problem[] {
  const sink = new ProblemSink();
  const error = sink.error.bind(sink);
  const warning = sink.warning.bind(sink);

  // Duplicate keys: the first occurrence wins; later ones are reported with where the first was.
  const unique = <T extends { src?: SourceRef | undefined }>(table: TableKind, rows: readonly T[], column: string, key: (r: T) => string, what: string) => {
    const first = new Map<string, T>();
    for (const r of rows) {
      const k = key(r);
      const prev = first.get(k);
      if (prev === undefined) first.set(k, r);
      else error(table, r.src, column, k, `duplicate ${what} "${k}"${prev.src ? ` (first on row ${prev.src.row})` : ''}`);
    }
    return first;
  };
  const sites = unique('sites', project.sites, 'site_id', (s) => s.site_id, 'site_id');
  const funds = unique('funds', project.funds, 'fund_code', (f) => f.fund_code, 'fund_code');
  unique('positions', project.positions, 'position_id', (p) => p.position_id, 'position_id');
  unique('needs', project.needs, 'need_id', (n) => n.need_id, 'need_id');
  unique('salary', project.salary, 'step', (c) => `${c.schedule} / ${c.lane} / step ${c.step}`, 'salary schedule cell');
  unique('enrollment', project.enrollment, 'grade', (e) => `${e.site_id} / ${e.year} / grade ${e.grade}`, 'enrollment row');
  unique('studentNeeds', project.studentNeeds, 'year', (n) => `${n.site_id} / ${n.year}`, 'student needs row');

  const siteRef = (table: TableKind, rows: readonly { site_id?: string | undefined; src?: SourceRef | undefined }[], optional: boolean) => {
    for (const r of rows) {
      if (r.site_id === undefined || r.site_id === '') {
        if (!optional) error(table, r.src, 'site_id', '', 'site_id is blank');
      } else if (!sites.has(r.site_id)) {
        error(table, r.src, 'site_id', r.site_id, `unknown site_id "${r.site_id}" (not on the Sites sheet)`);
      }
    }
  };
  siteRef('enrollment', project.enrollment, false);
  siteRef('studentNeeds', project.studentNeeds, false);
  siteRef('positions', project.positions, false);
  siteRef('budget', project.budget, true);
  siteRef('actuals', project.actuals, true);
  siteRef('needs', project.needs, true);

  const fundRef = (table: TableKind, rows: readonly { fund_code: string; src?: SourceRef | undefined }[]) => {
    for (const r of rows) if (!funds.has(r.fund_code)) error(table, r.src, 'fund_code', r.fund_code, `unknown fund_code "${r.fund_code}" (not on the Funds sheet)`);
  };
  fundRef('budget', project.budget);
  fundRef('actuals', project.actuals);

  const schedule = new Set(project.salary.map((c) => `${c.lane}|${c.step}`));
  for (const p of project.positions) {
    if (p.fte < 0) error('positions', p.src, 'fte', p.fte, `negative FTE on position ${p.position_id}`);
    else if (p.fte > 1.5) warning('positions', p.src, 'fte', p.fte, `position ${p.position_id} has more than 1.5 FTE`);
    let sum = 0;
    for (const f of p.funding) {
      sum += f.share;
      if (!funds.has(f.fund_code)) error('positions', p.src, 'funding', f.fund_code, `position ${p.position_id} is funded by unknown fund_code "${f.fund_code}"`);
    }
    if (p.funding.length > 0 && Math.abs(sum - 1) > SPLIT_TOLERANCE) {
      error('positions', p.src, 'funding', p.funding.map((f) => `${f.fund_code}:${f.share}`).join('; '), `funding split of position ${p.position_id} adds to ${round(sum * 100)}%, not 100%`);
    }
    if (p.salary === undefined) {
      if (p.lane === undefined || p.step === undefined) {
        error('positions', p.src, p.lane === undefined ? 'lane' : 'step', p.lane ?? p.step, `position ${p.position_id} has no salary and no lane and step to look one up`);
      } else if (!schedule.has(`${p.lane}|${p.step}`)) {
        error('positions', p.src, 'step', `${p.lane} / ${p.step}`, `position ${p.position_id}: lane "${p.lane}" step ${p.step} is not in the salary schedule and the position has no salary`);
      }
    }
  }

  // Need categories a fund may name: the StudentNeeds columns, the needs register's categories, the standard ones.
  const categories = new Set<string>(['any', ...STANDARD_NEEDS]);
  for (const n of project.studentNeeds) for (const k of Object.keys(n.counts)) categories.add(k);
  for (const n of project.needs) categories.add(n.category);
  for (const f of project.funds) {
    for (const use of f.eligible_uses) {
      if (!categories.has(use)) warning('funds', f.src, 'eligible_uses', use, `fund ${f.fund_code} may pay for "${use}", which is no need category of StudentNeeds or Needs`);
    }
    if (f.restricted && f.eligible_uses.length === 0) error('funds', f.src, 'eligible_uses', '', `restricted fund ${f.fund_code} has no eligible uses`);
    if (f.available < 0) error('funds', f.src, 'available', f.available / 100, `fund ${f.fund_code} has a negative amount available`);
    if (f.end_date !== undefined && f.available > 0 && f.end_date < `${project.settings.base_year - 1}-07-01`) {
      warning('funds', f.src, 'end_date', f.end_date, `fund ${f.fund_code} ended on ${f.end_date}, before fiscal year ${project.settings.base_year}, but still shows money available`);
    }
  }

  const base = project.settings.base_year;
  if (project.budget.length > 0 && !project.budget.some((b) => b.fiscal_year === base)) {
    warning('budget', undefined, 'fiscal_year', base, `no budget lines for the base year ${base} (Settings base_year)`);
  }
  if (project.enrollment.length > 0 && !project.enrollment.some((e) => e.year === base)) {
    const years = [...new Set(project.enrollment.map((e) => e.year))].sort();
    error('enrollment', undefined, 'year', years.join(', '), `no enrollment for the base year ${base} (years present: ${years.join(', ')})`);
  } else if (project.enrollment.length > 0) {
    const withBase = new Set(project.enrollment.filter((e) => e.year === base).map((e) => e.site_id));
    for (const s of project.sites) {
      if (s.level !== 'Central' && s.level !== 'Other' && !withBase.has(s.site_id)) warning('sites', s.src, 'site_id', s.site_id, `school ${s.site_id} has no enrollment in the base year ${base}`);
    }
  }

  // Need counts larger than the site's enrollment are almost always a column mix-up.
  const enrolled = new Map<string, number>();
  for (const e of project.enrollment) enrolled.set(`${e.site_id}|${e.year}`, (enrolled.get(`${e.site_id}|${e.year}`) ?? 0) + e.students);
  for (const n of project.studentNeeds) {
    const total = enrolled.get(`${n.site_id}|${n.year}`);
    if (total === undefined) continue;
    for (const [need, count] of Object.entries(n.counts)) {
      if (count > total) warning('studentNeeds', n.src, need, count, `${need} (${count}) is more than the ${total} students enrolled at ${n.site_id} in ${n.year}`);
    }
  }

  const scenarios = new Set(project.scenarios.map((s) => s.scenario));
  for (const s of project.scenarios) {
    if (s.based_on !== undefined && s.based_on !== '' && !scenarios.has(s.based_on)) error('scenarios', s.src, 'based_on', s.based_on, `scenario "${s.scenario}" is based on unknown scenario "${s.based_on}"`);
  }
  sink.list.push(...validateRules(project));
  return sink.list;
}

const round = (x: number) => Math.round(x * 100) / 100;
