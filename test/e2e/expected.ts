// What the e2e test expects on screen, computed in Node (run with tsx by run.mjs; prints JSON).
// Demo totals are counted straight from demoProject()'s tables — not through summariseProject —
// and formatted with the renderer's own formatters. Fixture counts come from running the same
// import pipeline (readBytes → openGrids) in Node on the same bytes.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { demoProject } from '../../models/demo/district';
import { readBytes } from '../../models/import/read/index';
import { openGrids } from '../../models/project/open-file';
import { count, dollars, fiscalYear, fte } from '../../renderer/format';

function demoExpectations() {
  const p = demoProject();
  const base = p.settings.base_year;
  const lines = p.budget.filter((b) => b.fiscal_year === base);
  const restrictedCodes = new Set(p.funds.filter((f) => f.restricted).map((f) => f.fund_code));
  const unrestrictedCodes = new Set(p.funds.filter((f) => !f.restricted).map((f) => f.fund_code));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    districtName: p.settings.district_name,
    baseYear: fiscalYear(base),
    students: count(sum(p.enrollment.filter((e) => e.year === base).map((e) => e.students))),
    sites: count(p.sites.length),
    positions: count(p.positions.length),
    fte: fte(sum(p.positions.map((x) => Math.round(x.fte * 10_000))) / 10_000),
    budget: dollars(sum(lines.map((b) => b.amount))),
    restricted: dollars(sum(lines.filter((b) => restrictedCodes.has(b.fund_code)).map((b) => b.amount))),
    unrestricted: dollars(sum(lines.filter((b) => unrestrictedCodes.has(b.fund_code)).map((b) => b.amount))),
    siteRows: p.sites.length,
    fundRows: new Set([...p.funds.map((f) => f.fund_code), ...lines.map((b) => b.fund_code)]).size,
  };
}

function fileExpectations(path: string) {
  const name = basename(path);
  const opened = openGrids(readBytes(new Uint8Array(readFileSync(path)), name).grids, name);
  const sum = (f: (r: (typeof opened.reports)[number]) => number) => opened.reports.reduce((a, r) => a + f(r), 0);
  return {
    name,
    rows: count(sum((r) => r.rows)),
    accepted: count(sum((r) => r.accepted)),
    rejected: count(sum((r) => r.rejected)),
    reports: opened.reports.filter((r) => r.rows > 0 || r.errors.length > 0).length,
    problems: opened.problems.length,
    isProject: opened.kind === 'project',
  };
}

const files = process.argv.slice(2);
process.stdout.write(JSON.stringify({ demo: demoExpectations(), files: files.map(fileExpectations) }));
