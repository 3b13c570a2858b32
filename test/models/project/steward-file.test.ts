import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoProject } from '../../../models/demo/district';
import { parseStewardFile, serialiseProject } from '../../../models/project/steward-file';
import { SCHEMA_VERSION } from '../../../models/project/project';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../fixtures/steward', name), 'utf8');
const demo = demoProject();

describe('serialiseProject / parseStewardFile', () => {
  it('round-trips the demo district', () => {
    const text = serialiseProject(demo, '2026-01-01T00:00:00.000Z');
    const back = parseStewardFile(text);
    expect(back.ok && back.value).toEqual(demo);
  });

  it('writes stable text: same project → same bytes, whatever order its keys were built in', () => {
    const a = serialiseProject(demo, 'x');
    const shuffled = JSON.parse(JSON.stringify(demo), function (this: unknown, _k, v: unknown) {
      return v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v;
    });
    expect(serialiseProject(shuffled, 'x')).toBe(a);
    const head = a.split('\n').slice(0, 5);
    expect(head).toEqual(['{', '  "format": "steward",', `  "schemaVersion": ${SCHEMA_VERSION},`, '  "savedAt": "x",', '  "project": {']);
    // One table row per line: the budget takes about as many lines as it has rows.
    expect(a.split('\n').length).toBeGreaterThan(demo.budget.length + demo.positions.length);
  });

  it('refuses text that is not JSON, not an object, or not a Steward file, with a clear reason', () => {
    const notJson = parseStewardFile('{"format": "steward", ');
    expect(notJson.ok).toBe(false);
    expect(!notJson.ok && notJson.reason).toMatch(/not valid JSON/);
    expect(parseStewardFile('[1,2]')).toMatchObject({ ok: false, reason: expect.stringMatching(/expected a JSON object/) });
    expect(parseStewardFile('{"format":"excalidraw","schemaVersion":1}')).toMatchObject({ ok: false, reason: expect.stringMatching(/"format" is "excalidraw"/) });
    expect(parseStewardFile('{"format":"steward","schemaVersion":"one"}')).toMatchObject({ ok: false, reason: expect.stringMatching(/schemaVersion/) });
  });

  it('refuses a file from a newer Steward, naming both versions', () => {
    const text = serialiseProject(demo, 'x').replace(`"schemaVersion": ${SCHEMA_VERSION}`, `"schemaVersion": ${SCHEMA_VERSION + 1}`);
    const r = parseStewardFile(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(`newer Steward (file version ${SCHEMA_VERSION + 1}); this one reads up to version ${SCHEMA_VERSION}`);
  });

  it('refuses a corrupt project, saying which field is wrong', () => {
    const doc = JSON.parse(serialiseProject(demo, 'x'));
    doc.project.budget[3].amount = 'lots';
    const r = parseStewardFile(JSON.stringify(doc));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/^corrupt Steward file: project\.budget\[3\]\.amount: /);
  });

  it('refuses keys that could reach an object prototype', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const text = `{"format":"steward","schemaVersion":1,"savedAt":"","project":{"settings":{"base_year":2026,"${key}":{"polluted":true}}}}`;
      const r = parseStewardFile(text);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.reason).toContain(key);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('repairs: unknown keys are dropped and missing optional tables filled with defaults', () => {
    const text = JSON.stringify({
      format: 'steward', schemaVersion: 1, savedAt: '',
      project: { settings: { base_year: 2026, theme: 'dark' }, sites: [{ site_id: 'A', name: 'A School', level: 'ES', colour: 'red' }], enrollment: [], studentNeeds: [], funds: [], budget: [], positions: [], salary: [], uiState: { open: true } },
    });
    const r = parseStewardFile(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.sites).toEqual([{ site_id: 'A', name: 'A School', level: 'ES' }]);
    expect(r.value.needs).toEqual([]);
    expect(r.value.settings).toMatchObject({ base_year: 2026, horizon_years: 5, reserve_policy_pct: 0.08 });
    expect('uiState' in r.value).toBe(false);
  });
});

describe('migrations', () => {
  it('upgrades the version 0 preview fixture to version 1: settings renamed, dollars to cents, funding text parsed, need counts nested', () => {
    const r = parseStewardFile(fixture('v0-preview.steward'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.value;
    expect(p.settings).toEqual({ district_name: 'Riverbend Unified School District', base_year: 2026, horizon_years: 5, beginning_fund_balance: 11_220_000_00, reserve_policy_pct: 0.08, seed: 2026, extra: {} });
    // 2,650,000.50 dollars → 265,000,050 cents; 12,034.56 → 1,203,456; 6,120.10 → 612,010.
    expect(p.funds[1]!.available).toBe(265_000_050);
    expect(p.budget[1]!.amount).toBe(1_203_456);
    expect(p.actuals[0]).toMatchObject({ ytd_amount: 612_010, encumbered: 150_000 });
    expect(p.salary).toEqual([{ schedule: 'teachers', lane: 'BA', step: 3, salary: 5_177_100 }, { schedule: 'teachers', lane: 'MA', step: 7, salary: 6_208_600 }]);
    expect(p.positions.map((x) => x.funding)).toEqual([
      [{ fund_code: 'GEN', share: 1 }],
      [{ fund_code: 'GEN', share: 0.5 }, { fund_code: 'T1A', share: 0.5 }],
      [{ fund_code: 'GEN', share: 1 }],
    ]);
    expect(p.positions[2]!.salary).toBe(21_200_000);
    expect(p.studentNeeds[0]).toEqual({ site_id: '101', year: 2026, counts: { econ_disadvantaged: 145, english_learners: 49, students_with_disabilities: 21 } });
  });

  it('reads the committed version 1 fixture as the same project as the migrated version 0 one', () => {
    const v0 = parseStewardFile(fixture('v0-preview.steward'));
    const v1 = parseStewardFile(fixture('v1-preview.steward'));
    expect(v1.ok).toBe(true);
    expect(v1.ok && v0.ok && v1.value).toEqual(v0.ok && v0.value);
  });
});
