import { dollarsToCents } from '../money/cents';
import { parseFunding } from '../import/funding';

// .steward files are migrated one version at a time: MIGRATIONS[n] turns a version-n document into
// a version-(n+1) one. Migrations take and return plain JSON (never Project), because the shape
// they read is by definition not today's; the result is repaired and validated by
// ProjectSchema afterwards. Keep every old fixture in fixtures/steward/ and a test for each step.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/**
 * Version 0: the pre-release format (Steward 0.0.x previews). It differed from version 1 in that
 *  - settings lived in `district` with camelCase names: {name, baseYear, horizon, fundBalance, reservePct};
 *  - the tables sat under `tables`, with the salary schedule called `salarySchedule` and the
 *    student need counts called `needCounts`, one flat row per site and year
 *    ({site_id, year, econ_disadvantaged: 120, …});
 *  - money was dollars as floating-point numbers (1234.5), not integer cents;
 *  - a position's funding was the workbook text ("GEN:0.6; T1A:0.4").
 */
function v0ToV1(doc: JsonObject): JsonObject {
  const district = asObject(doc.district);
  const tables = asObject(doc.tables);
  const settings: JsonObject = {};
  copy(district, 'name', settings, 'district_name');
  copy(district, 'baseYear', settings, 'base_year');
  copy(district, 'horizon', settings, 'horizon_years');
  copy(district, 'reservePct', settings, 'reserve_policy_pct');
  copy(district, 'seed', settings, 'seed');
  if (typeof district.fundBalance === 'number') settings.beginning_fund_balance = dollarsToCents(district.fundBalance);

  const rows = (name: string) => (Array.isArray(tables[name]) ? (tables[name] as Json[]).map(asObject) : []);
  const money = (list: JsonObject[], ...keys: string[]) =>
    list.map((r) => {
      const out: JsonObject = { ...r };
      for (const k of keys) if (typeof r[k] === 'number') out[k] = dollarsToCents(r[k] as number);
      return out;
    });

  const studentNeeds = rows('needCounts').map((r) => {
    const counts: JsonObject = {};
    for (const [k, v] of Object.entries(r)) if (k !== 'site_id' && k !== 'year' && typeof v === 'number') counts[k] = v;
    return { site_id: r.site_id ?? null, year: r.year ?? null, counts };
  });
  const positions = money(rows('positions'), 'salary', 'health_plan_cost').map((p) => {
    if (typeof p.funding !== 'string') return p;
    const parsed = parseFunding(p.funding);
    // An unreadable split becomes "no split" (= the general fund) rather than refusing the whole file;
    // validation then shows the position as it is.
    return { ...p, funding: parsed.ok ? parsed.value.map((s) => ({ fund_code: s.fund_code, share: s.share })) : [] };
  });

  return {
    format: 'steward',
    schemaVersion: 1,
    savedAt: typeof doc.savedAt === 'string' ? doc.savedAt : '',
    project: {
      settings,
      sites: rows('sites'),
      enrollment: rows('enrollment'),
      studentNeeds,
      funds: money(rows('funds'), 'available'),
      budget: money(rows('budget'), 'amount'),
      positions,
      salary: money(rows('salarySchedule'), 'salary'),
      needs: money(rows('needs'), 'cost'),
      actuals: money(rows('actuals'), 'ytd_amount', 'encumbered'),
      drivers: rows('drivers'),
      scenarios: rows('scenarios'),
    },
  };
}

/**
 * Version 1 had no snapshots. Version 2 keeps them in `project.snapshots` (models/project/snapshot.ts);
 * the number changed so that a Steward that reads only version 1 refuses a file with snapshots
 * instead of opening it and dropping them (unknown keys are dropped on read) at the next save.
 */
function v1ToV2(doc: JsonObject): JsonObject {
  const project = asObject(doc.project);
  return { ...doc, schemaVersion: 2, project: { ...project, snapshots: Array.isArray(project.snapshots) ? project.snapshots : [] } };
}

/** MIGRATIONS[n]: version n → version n + 1. */
export const MIGRATIONS: readonly ((doc: JsonObject) => JsonObject)[] = [v0ToV1, v1ToV2];

function asObject(v: Json | undefined): JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {};
}

function copy(from: JsonObject, key: string, to: JsonObject, as: string): void {
  const v = from[key];
  if (v !== undefined && v !== null) to[as] = v;
}
