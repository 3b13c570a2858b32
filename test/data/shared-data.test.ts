import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { readBytes } from '../../models/import/read/index';
import { importTable } from '../../models/import/table';
import type { Cell, Grid, ImportOptions, ImportReport } from '../../models/import/types';
import { importBytes } from '../../models/import/import-bytes';
import { describeFile, NO_CHOICES, planWizard, wizardOptions, type WizardChoices } from '../../models/import/wizard';
import type { TableKind } from '../../models/schema/tables';

// Real public files (../shared/data, see each folder's PROVENANCE.md) imported the way a user
// would, with the row accounting and totals checked against figures computed here independently:
// a naive papaparse (header: true) pass with Number() on the trimmed strings, or the file's own
// totals row, or the counts PROVENANCE states. Each expectation says how it was computed.

const DATA = '/work/shared/data';
const have = existsSync(DATA);

function load(rel: string): Grid[] {
  return readBytes(new Uint8Array(readFileSync(join(DATA, rel))), basename(rel)).grids;
}
function run(rel: string, opts: ImportOptions) {
  const out = importTable(load(rel), opts);
  expect(out.report.accepted + out.report.rejected).toBe(out.report.rows);
  return out;
}
/** The naive reading: papaparse with header: true, every value a string. */
function naive(rel: string): Record<string, string>[] {
  const text = readFileSync(join(DATA, rel), 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' }).data;
}
const blank = (s: string | undefined) => s === undefined || s.trim() === '';
/** Dollars text → cents, half away from zero; the 1e-7 nudge undoes binary noise such as 1.005 → 1.00499…. */
const naiveCents = (s: string) => {
  const n = Number(s.trim());
  return Math.sign(n) * Math.round(Math.abs(n) * 100 + 1e-7);
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe.skipIf(!have)('shared data: budgets', () => {
  it('DrivenData school budget line items (2,499 rows; FTE and Total; blank Totals rejected)', () => {
    const rel = 'drivendata_school_budgets/TrainingData.csv';
    const auto = run(rel, { kind: 'budget', set: { fiscal_year: '2026' } });
    expect(auto.report.mapping.find((m) => m.field === 'amount')?.column).toBe('Total');
    expect(auto.report.mapping.find((m) => m.field === 'fte')?.column).toBe('FTE');
    const { report } = run(rel, { kind: 'budget', set: { fiscal_year: '2026' }, map: { fund_code: 'Fund_Description', object: 'Object_Type', amount: 'Total', fte: 'FTE' } });
    const rows = naive(rel);
    expect(rows).toHaveLength(2499); // PROVENANCE: 2,499 data rows
    // A row is good when its Total and its Fund_Description (the fund) are filled; Object_Type always is.
    const good = rows.filter((r) => !blank(r.Total) && !blank(r.Fund_Description) && !blank(r.Object_Type));
    expect(report.rows).toBe(2499);
    expect(report.accepted).toBe(good.length);
    expect(report.totals.amountCents).toBe(sum(good.map((r) => naiveCents(r.Total!))));
    expect(report.totals.fte).toBeCloseTo(sum(good.map((r) => (blank(r.FTE) ? 0 : Number(r.FTE)))), 5);
    expect(report.errors.filter((e) => e.column === 'Total')).toHaveLength(rows.filter((r) => blank(r.Total)).length); // 8 per PROVENANCE
    expect(report.unknownColumns).toContain('Use');
  });

  it('DrivenData: the imported total ties to the file to the cent (blank Object_Description kept as unclassified; --strict rejects)', () => {
    // Issue 12 §8: rows with a valid Total and a blank object description were rejected as
    // "missing object" and the imported total no longer tied to the file.
    const rel = 'drivendata_school_budgets/TrainingData.csv';
    const opts: ImportOptions = { kind: 'budget', set: { fiscal_year: '2026', fund_code: 'GEN' } };
    const { report, rows } = run(rel, opts);
    expect(report.mapping.find((m) => m.field === 'object')?.column).toBe('Object_Description');
    const raw = naive(rel);
    // The file's total, computed here: every filled Total, naively to cents (8 are blank, per PROVENANCE).
    const withAmount = raw.filter((r) => !blank(r.Total));
    const fileCents = sum(withAmount.map((r) => naiveCents(r.Total!)));
    const blankObject = withAmount.filter((r) => blank(r.Object_Description));
    expect(withAmount).toHaveLength(2499 - 8);
    expect(report.accepted).toBe(withAmount.length);
    expect(report.rejected).toBe(8);
    expect(report.totals.amountCents).toBe(fileCents);
    expect(report.totals.fileAmountCents).toBe(fileCents);
    expect(report.totals.ties).toBe(true);
    expect(report.unclassified).toBe(blankObject.length);
    expect(report.rowWarnings.map((w) => [w.row, w.column])).toEqual(blankObject.map((r) => [raw.indexOf(r) + 2, 'Object_Description']));
    expect(rows.filter((r) => r.object === 'unclassified')).toHaveLength(blankObject.length);
    // --strict: the blank objects are rejected again and the report says the total no longer ties.
    const strict = run(rel, { ...opts, strict: true }).report;
    expect(strict.accepted).toBe(withAmount.length - blankObject.length);
    expect(strict.totals.amountCents).toBe(sum(withAmount.filter((r) => !blank(r.Object_Description)).map((r) => naiveCents(r.Total!))));
    expect(strict.totals.fileAmountCents).toBe(fileCents);
    expect(strict.totals.ties).toBe(false);
  });

  it('Chicago Public Schools FY25 per-school budgets (1,306 rows, duplicated schools, float noise)', () => {
    const rel = 'chicago_cps_budget_stakes/cps_budget_stakes_dataset_stacked_2025-06-23.csv';
    // No --map: the amount is found among "Total FY25" (a position count), "Total Capital Needs" and
    // "Operational Budget FY25" by its budget word and dollar values; School ID and Positions by synonym.
    const { report, rows } = run(rel, { kind: 'budget', set: { fiscal_year: '2025', fund_code: 'GEN', object: 'other' } });
    const col = (field: string) => report.mapping.find((m) => m.field === field)?.column;
    expect([col('amount'), col('site_id'), col('fte')]).toEqual(['Operational Budget FY25', 'School ID', 'Positions']);
    const raw = naive(rel);
    expect(raw).toHaveLength(1306);
    const good = raw.filter((r) => !blank(r['Operational Budget FY25']));
    expect(report.rows).toBe(1306);
    expect(report.accepted).toBe(good.length);
    expect(report.totals.amountCents).toBe(sum(good.map((r) => naiveCents(r['Operational Budget FY25']!))));
    expect(report.totals.fte).toBeCloseTo(sum(good.map((r) => (blank(r.Positions) ? 0 : Number(r.Positions)))), 4);
    // School IDs stay text as written.
    expect(rows[0]?.site_id).toBe(raw[0]!['School ID']!.trim());
  });

  it('NYC Fair Student Funding FY2015 (1,577 schools, header names with trailing spaces)', () => {
    const rel = 'nyc_doe_fsf_school_budget_fy2015/school_budget_2014.csv';
    const { report, rows } = run(rel, { kind: 'budget', set: { fund_code: 'FSF', object: 'other' }, map: { amount: 'S2: Label d: FSF Preliminary', site_id: 'Location' } });
    const raw = naive(rel);
    expect(report.rows).toBe(1577);
    expect(report.accepted).toBe(1577);
    expect(report.totals.amountCents).toBe(sum(raw.map((r) => naiveCents(r['S2: Label d: FSF Preliminary']!))));
    // The file's own Fiscal_Year column (2015), not the FY14 labels or the 2014 file name.
    expect(new Set(rows.map((r) => r.fiscal_year))).toEqual(new Set([2015]));
  });

  it('DCPS FY15 initial allocations: the unlabelled totals row is excluded and equals the sum of the schools', () => {
    const rel = 'dcps_school_allocations/Final DCPS FY15 Initial Allocation Data (v2).xlsx';
    const grids = load(rel);
    const sheet = grids.find((g) => g.sheet === 'Fin Intl Allocation Categories')!;
    const header = sheet.rows[0]!.map((c) => String(c ?? '').replace(/\s+/g, ' ').trim());
    const col = header.findIndex((h) => h.startsWith('Total School Budget Allocation'));
    const { report } = importTable(grids, { kind: 'budget', sheet: 'Fin Intl Allocation Categories', set: { fiscal_year: '2015', fund_code: 'GEN', object: 'other' }, map: { site_id: 'School Code', amount: header[col]! } });
    // The district's own total: the last non-blank row, whose code and name are blank (PROVENANCE).
    const dataRows = sheet.rows.slice(1).filter((r) => r.some((c) => c !== null && String(c).trim() !== ''));
    const totalsRow = dataRows[dataRows.length - 1]!;
    expect(totalsRow[0] ?? null).toBeNull();
    const fileTotal = Math.round(Number(totalsRow[col]) * 100);
    expect(report.rows).toBe(dataRows.length);
    expect(report.excluded).toBe(1);
    expect(report.accepted).toBe(dataRows.length - 1);
    expect(Math.abs(report.totals.amountCents - fileTotal)).toBeLessThanOrEqual(dataRows.length); // at most half a cent of rounding per school
  });
});

describe.skipIf(!have)('shared data: enrollment and student needs', () => {
  const rel = 'nyc_doe_school_demographics/2013_-_2018_Demographic_Snapshot_School.csv';

  it('NYC enrollment by grade (8,972 school-years, one column per grade) unpivots to the same student total', () => {
    const { report, rows } = run(rel, { kind: 'enrollment' });
    const raw = naive(rel);
    const gradeCols = Object.keys(raw[0]!).filter((k) => k.startsWith('Grade'));
    expect(gradeCols).toHaveLength(14); // PK, K, 1–12
    expect(report.rows).toBe(8972);
    expect(report.accepted).toBe(8972);
    // One enrollment row per filled grade cell; students add up to the file's Total Enrollment column.
    expect(rows).toHaveLength(sum(raw.map((r) => gradeCols.filter((g) => !blank(r[g])).length)));
    const students = sum(rows.map((r) => r.students as number));
    expect(students).toBe(sum(raw.map((r) => Number(r['Total Enrollment']))));
    expect(rows[0]).toMatchObject({ site_id: raw[0]!.DBN, year: 2014 }); // "2013-14" → FY 2014
  });

  it('NYC student needs: # columns are counts, % columns skipped, "93.5%"/"No Data" index handled', () => {
    const { report, rows } = run(rel, { kind: 'studentNeeds' });
    const raw = naive(rel);
    expect(report.accepted).toBe(8972);
    const total = (cat: string) => sum(rows.map((r) => (r.counts as Record<string, number>)[cat] ?? 0));
    expect(total('english_learners')).toBe(sum(raw.map((r) => Number(r['# English Language Learners']))));
    expect(total('students_with_disabilities')).toBe(sum(raw.map((r) => Number(r['# Students with Disabilities']))));
    expect(total('econ_disadvantaged')).toBe(sum(raw.map((r) => Number(r['# Poverty']))));
    // "No Data" (all 1,730 rows of 2013-14, per PROVENANCE) leaves the index out of that row's counts.
    const noData = raw.filter((r) => r['Economic Need Index'] === 'No Data').length;
    expect(noData).toBe(1730);
    expect(rows.filter((r) => !('economic_need_index' in (r.counts as object))).length).toBe(noData);
  });

  it('South Portland enrollment by grade (12 years × PK–12) matches its Total column', () => {
    const r2 = 'south_portland_me_enrollment_perpupil/nces-enrollment-by-grade.csv';
    const { report, rows } = run(r2, { kind: 'enrollment', set: { site_id: 'SPPS' } });
    const raw = naive(r2);
    expect(report.accepted).toBe(12);
    expect(sum(rows.map((r) => r.students as number))).toBe(sum(raw.map((r) => Number(r.Total))));
    expect(report.unknownColumns).toEqual(['Total']);
  });

  it('NCES ELSI raw export: header below title lines, grade × year columns, footnotes excluded', () => {
    const { report, rows } = run('south_portland_me_enrollment_perpupil/raw-elsi-export.csv', { kind: 'enrollment', map: { site_id: 'Agency Name' } });
    expect(report.headerRow).toEqual({ 'raw-elsi-export': 7 });
    expect(report.accepted).toBe(1); // the one district row (PROVENANCE)
    expect(report.rejected).toBe(report.excluded); // everything else is footnote
    // Independent figure: the repo author's own pivot of this export, nces-enrollment-by-grade.csv,
    // whose Total column gives each year's enrollment.
    const tidy = naive('south_portland_me_enrollment_perpupil/nces-enrollment-by-grade.csv');
    expect(rows).toHaveLength(12 * 14);
    for (const t of tidy) {
      const year = Number(t.year!.slice(0, 4)) + 1; // "2024-25" → FY 2025
      expect(sum(rows.filter((r) => r.year === year).map((r) => r.students as number)), t.year).toBe(Number(t.Total));
    }
  });

  it('DCPS data.csv: need counts from the ENROLLMENT columns, coordinates and dollars left out', () => {
    const r2 = 'dcps_school_allocations/data.csv';
    const { report, rows } = run(r2, { kind: 'studentNeeds' });
    const raw = naive(r2);
    expect(report.rows).toBe(216); // PROVENANCE: 216 data rows
    const num = (s: string | undefined) => (blank(s) || s === 'NA' ? 0 : Number(s));
    expect(report.accepted).toBe(216);
    const total = (cat: string) => sum(rows.map((r) => (r.counts as Record<string, number>)[cat] ?? 0));
    expect(total('english_learners')).toBe(sum(raw.map((r) => num(r.ELLENROLLMENT))));
    expect(total('students_with_disabilities')).toBe(sum(raw.map((r) => num(r.SPEDENROLLMENT))));
    expect(rows.every((r) => !('lon' in (r.counts as object)) && !('amt_total' in (r.counts as object)))).toBe(true);
  });

  it('DCPS at-risk workbook: title row, totals row at the top and footnote excluded; % at-risk becomes counts', () => {
    const { report, rows } = run('dcps_school_allocations/At risk_DCPS_FY15_Ext.xlsx', { kind: 'studentNeeds', set: { year: '2015' } });
    expect(report.headerRow).toEqual({ 'DCPS FY1% at risk_final': 2 });
    expect(report.errors.find((e) => e.row === 3)?.reason).toBe('excluded: totals row'); // "Total DCPS"
    expect(report.excluded).toBe(2); // the totals row and the footnote
    // Σ round(% × enrollment) over schools against the file's own "Total DCPS" 21,407 at-risk students:
    // within 0.5% (each school's count is rounded; "na" schools are left out). "At-Risk" is read as
    // econ_disadvantaged; the numeric Sector column is a code, not a need.
    expect(rows.every((r) => !('sector' in (r.counts as object)))).toBe(true);
    const atRisk = sum(rows.map((r) => (r.counts as Record<string, number>).econ_disadvantaged ?? 0));
    expect(Math.abs(atRisk - 21407) / 21407).toBeLessThan(0.005);
  });
});

describe.skipIf(!have)('shared data: files that dead-ended in the app (issue 13), with at most the edits a person expects', () => {
  // Each was read as the wrong table or rejected whole before; `before` notes what happened.
  // The wizard makes the same import (planWizard → importTable): checked here against importBytes,
  // the call `steward import FILE --as KIND` makes in its parse worker.
  const wizard = (rel: string, choices: Partial<WizardChoices>) => {
    const grids = load(rel);
    const out = planWizard(grids, describeFile(grids, basename(rel), 'csv', []), { ...NO_CHOICES, ...choices });
    expect(out.plan.report.accepted + out.plan.report.rejected).toBe(out.plan.report.rows);
    return out;
  };
  /** `steward import FILE` with the same flags; with `kind`, `--as KIND` too (then only the guess's note differs). */
  const cli = (rel: string, choices: Partial<WizardChoices>, kind?: TableKind) => {
    const { report, rows } = importBytes(new Uint8Array(readFileSync(join(DATA, rel))), basename(rel), { ...wizardOptions({ ...NO_CHOICES, ...choices }), ...(kind ? { kind } : {}) }).imported;
    return { rows, report: kind ? report : { ...report, warnings: report.warnings } };
  };
  /** The report without the note saying the table was guessed (absent when --as names it). */
  const unguessed = (r: ImportReport) => ({ ...r, warnings: r.warnings.filter((w) => !/guessed from the header/.test(w)) });

  it('DCPS data.csv is guessed as StudentNeeds (before: a salary schedule, 0 of 216), all 216 school-years accepted', () => {
    const rel = 'dcps_school_allocations/data.csv';
    const { plan, rows } = wizard(rel, {});
    expect(plan.guessed).toBe('studentNeeds');
    expect(plan.kind).toBe('studentNeeds');
    const raw = naive(rel);
    const num = (s: string | undefined) => (blank(s) || s === 'NA' ? 0 : Number(s));
    // Independent: every row has a SCHOOLCODE and a YEAR (2015 or 2016), so every row is accepted.
    const good = raw.filter((r) => !blank(r.SCHOOLCODE) && /^(2015|2016)$/.test(r.YEAR!.trim()));
    expect(raw).toHaveLength(216);
    expect([plan.report.rows, plan.report.accepted, plan.report.rejected]).toEqual([216, good.length, 0]);
    expect(good).toHaveLength(216);
    const total = (cat: string) => sum(rows.map((r) => (r.counts as Record<string, number>)[cat] ?? 0));
    expect(total('english_learners')).toBe(sum(raw.map((r) => num(r.ELLENROLLMENT))));
    expect(total('econ_disadvantaged')).toBe(sum(raw.map((r) => num(r.ATRISKENROLLMENT))));
    expect(cli(rel, {}).report).toEqual(plan.report);
    expect(cli(rel, {}, 'studentNeeds').report).toEqual(unguessed(plan.report));
  });

  it('NYC FSF school budgets are guessed as a Budget and read as money (before: StudentNeeds, dollars rejected as "a percent"); fund and object asked for', () => {
    const rel = 'nyc_doe_fsf_school_budget_fy2015/school_budget_2014.csv';
    const asked = wizard(rel, {}).plan;
    expect(asked.kind).toBe('budget');
    // What the wizard asks for: the required fields no column gives.
    expect(asked.mapping.filter((m) => m.via === 'missing' && asked.fields.find((f) => f.name === m.field)?.required).map((m) => m.field)).toEqual(['fund_code', 'object']);
    expect(asked.report.accepted).toBe(0);
    const { plan } = wizard(rel, { set: { fund_code: 'FSF', object: 'other' } });
    const amount = plan.mapping.find((m) => m.field === 'amount')!.column!;
    expect(amount).toBe('S1: Label a: FY14 Revised Base'); // the first dollar column with a budget word; the wizard lets the user pick another
    const raw = naive(rel);
    expect([plan.report.rows, plan.report.accepted, plan.report.rejected]).toEqual([1577, 1577, 0]);
    // naive() keeps the header's trailing space: "S1: Label a: FY14 Revised Base ".
    expect(plan.report.totals.amountCents).toBe(sum(raw.map((r) => naiveCents(r['S1: Label a: FY14 Revised Base ']!))));
    // The dollar column headed "…at 100%" is money: chosen as the amount it is read as dollars.
    const at100 = wizard(rel, { set: { fund_code: 'FSF', object: 'other' }, map: { amount: 'S3: Label i: FY14 FSF at 100%' } }).plan;
    expect(at100.report.accepted).toBe(1577);
    expect(at100.report.totals.amountCents).toBe(sum(raw.map((r) => naiveCents(r['S3: Label i: FY14 FSF at 100%']!))));
    // Read as StudentNeeds on purpose, the dollars are left out of the counts, never "a percent".
    const needs = run(rel, { kind: 'studentNeeds' }).report;
    expect(needs.errors.filter((e) => e.column === 'S3: Label i: FY14 FSF at 100%')).toEqual([]);
    expect(needs.warnings.join(' ')).toMatch(/dollar columns left out of the need counts: .*S3: Label i: FY14 FSF at 100%/);
    expect(cli(rel, { set: { fund_code: 'FSF', object: 'other' } }).report).toEqual(plan.report);
    expect(cli(rel, { set: { fund_code: 'FSF', object: 'other' } }, 'budget').report).toEqual(unguessed(plan.report));
  });

  it('Chicago: position_id is not taken from "Position loss/gain (budgeted)" (before: 0.70, a synonym match on -10.0, -11.5 …)', () => {
    const rel = 'chicago_cps_budget_stakes/cps_budget_stakes_dataset_stacked_2025-06-23.csv';
    const { plan } = wizard(rel, { kind: 'positions' });
    expect(plan.mapping.find((m) => m.field === 'position_id')).toMatchObject({ column: null, via: 'missing' });
    expect(plan.report.warnings.some((w) => w.startsWith('required field position_id'))).toBe(true);
    // The column is still offered in the wizard's choices and reported as unused.
    expect(plan.headers).toContain('Position loss/gain (budgeted)');
    expect(plan.report.unknownColumns).toContain('Position loss/gain (budgeted)');
    expect(plan.guessed).not.toBe('positions');
  });

  it('DrivenData needs only the fiscal year: guessed as a Budget, every row with a fund and a Total accepted', () => {
    const rel = 'drivendata_school_budgets/TrainingData.csv';
    const asked = wizard(rel, {}).plan;
    expect(asked.kind).toBe('budget');
    expect(asked.mapping.filter((m) => m.via === 'missing' && asked.fields.find((f) => f.name === m.field)?.required).map((m) => m.field)).toEqual(['fiscal_year']);
    const { plan } = wizard(rel, { set: { fiscal_year: '2026' } });
    const raw = naive(rel);
    // Truly missing on the rest: 1,240 rows have no Fund_Description, 8 no Total (PROVENANCE); each is rejected naming its column.
    const good = raw.filter((r) => !blank(r.Total) && !blank(r.Fund_Description));
    expect([plan.report.rows, plan.report.accepted, plan.report.rejected]).toEqual([2499, good.length, 2499 - good.length]);
    expect(good).toHaveLength(1259);
    expect(plan.report.totals.amountCents).toBe(sum(good.map((r) => naiveCents(r.Total!))));
    expect(new Set(plan.report.errors.map((e) => e.column))).toEqual(new Set(['Fund_Description', 'Total']));
    expect(cli(rel, { set: { fiscal_year: '2026' } }).report).toEqual(plan.report);
    expect(cli(rel, { set: { fiscal_year: '2026' } }, 'budget').report).toEqual(unguessed(plan.report));
  });

  it('NCES enrollment exports are guessed as Enrollment (before: the tidy one as a salary schedule) and ask for the site', () => {
    const tidy = 'south_portland_me_enrollment_perpupil/nces-enrollment-by-grade.csv';
    const asked = wizard(tidy, {}).plan;
    expect(asked.kind).toBe('enrollment');
    expect(asked.mapping.find((m) => m.field === 'site_id')).toMatchObject({ via: 'missing' });
    expect(asked.report.accepted).toBe(0);
    const { plan, rows } = wizard(tidy, { set: { site_id: 'SPPS' } });
    const raw = naive(tidy);
    expect([plan.report.rows, plan.report.accepted]).toEqual([12, 12]);
    expect(sum(rows.map((r) => r.students as number))).toBe(sum(raw.map((r) => Number(r.Total))));
    expect(cli(tidy, { set: { site_id: 'SPPS' } }).report).toEqual(plan.report);
    expect(cli(tidy, { set: { site_id: 'SPPS' } }, 'enrollment').report).toEqual(unguessed(plan.report));

    const elsi = 'south_portland_me_enrollment_perpupil/raw-elsi-export.csv';
    const e = wizard(elsi, {}).plan;
    expect(e.kind).toBe('enrollment');
    expect(e.headerRow).toBe(7);
    // The site column to choose is among the header's columns; chosen, the one district row is read.
    expect(e.headers).toContain('Agency Name');
    const chosen = wizard(elsi, { map: { site_id: 'Agency Name' } });
    expect([chosen.plan.report.accepted, chosen.plan.report.rejected, chosen.plan.report.excluded]).toEqual([1, 4, 4]);
    expect(chosen.rows).toHaveLength(12 * 14);
    expect(sum(chosen.rows.map((r) => r.students as number))).toBe(sum(raw.map((r) => Number(r.Total))));
  });
});

describe.skipIf(!have)('shared data: salary schedules', () => {
  const dir = join(DATA, 'ca_ventura_salary_schedules/data');
  const files = have ? readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => `ca_ventura_salary_schedules/data/${f}`) : [];
  files.push('ca_ventura_salary_schedules/data/21-22_tables/2021-2022-SimiValley.csv');

  it.each(files)('%s: a step × class matrix becomes one cell per filled salary', (rel) => {
    const { report, rows } = run(rel, { kind: 'salary' });
    const raw = naive(rel);
    const lanes = Object.keys(raw[0]!).filter((k) => k.replace(/^\uFEFF/, '').trim().toLowerCase() !== 'step' && k.trim() !== '');
    // PROVENANCE: 36 step rows per file; cells = every filled class value.
    expect(report.rows).toBe(36);
    expect(report.accepted).toBe(36);
    const filled = raw.flatMap((r) => lanes.map((l) => r[l]).filter((v): v is string => !blank(v)));
    expect(rows).toHaveLength(filled.length);
    expect(report.totals.amountCents).toBe(sum(filled.map(naiveCents)));
    expect(new Set(rows.map((r) => r.schedule))).toEqual(new Set([basename(rel, '.csv')]));
  });
});

describe.skipIf(!have)('shared data: spreadsheets from many producers', () => {
  // Not budget data: SheetJS's test files (merged cells, 1904 dates, formulas, odd producers).
  // Every readable sheet goes through table guessing and import: no throw, and the accounting holds.
  it('every readable sheet imports with accepted + rejected = rows', () => {
    const dir = join(DATA, 'sheetjs_test_files');
    let sheets = 0;
    for (const f of readdirSync(dir).filter((x) => /\.(xlsx|xls|ods|fods|csv)$/i.test(x))) {
      let grids: Grid[];
      try {
        grids = load(`sheetjs_test_files/${f}`);
      } catch {
        continue; // corrupt or encrypted on purpose: the reader's tests cover those
      }
      for (const g of grids) {
        const { report } = importTable([g], {});
        expect(report.accepted + report.rejected, `${f} / ${g.sheet}`).toBe(report.rows);
        sheets++;
      }
    }
    expect(sheets).toBeGreaterThan(10);
  });
});

// Keep the Cell type in use for editors that flag unused imports in test helpers.
export type _Cell = Cell;
