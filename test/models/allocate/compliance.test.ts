import { describe, expect, it } from 'vitest';
import { allocate, type AllocationResult } from '../../../models/allocate/allocate';
import { AllocateConfigSchema } from '../../../models/allocate/config';
import { maintenanceOfEffort } from '../../../models/allocate/moe';
import { demoProject } from '../../../models/demo/district';
import { gate } from '../../../models/project/gate';
import { checkProject } from '../../../models/project/open';
import { asCents } from '../../../models/money/cents';
import type { Project } from '../../../models/project/project';
import type { Actual, BudgetLine } from '../../../models/schema/tables';
import { tinyProject } from './fixture';

const run = (p: Project, opts: Parameters<typeof allocate>[1] = {}): AllocationResult => {
  const r = allocate(p, opts);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const sped = (fiscal_year: number, fund_code: string, dollars: number): BudgetLine => ({ fiscal_year, fund_code, object: 'salaries', program: 'special education', amount: asCents(Math.round(dollars * 100)) });
const closed = (fiscal_year: number, fund_code: string, dollars: number): Actual => ({ as_of: `${fiscal_year}-06-30`, fiscal_year, fund_code, object: 'salaries', program: 'special education', ytd_amount: asCents(Math.round(dollars * 100)) });
const idea = (over: Record<string, unknown> = {}) => AllocateConfigSchema.parse({ idea: over }).idea;
/** A district with a local general fund, a state special-education grant and an IDEA grant (left out: federal), SWD counted by year. */
const district = (children: Record<number, number>): Project => {
  const p = tinyProject({
    sites: [{ id: 'A', grades: { '1': 500 } }],
    funds: [{ code: 'GEN', dollars: 5_000_000 }, { code: 'IDEAB', name: 'IDEA Part B', dollars: 400_000, restricted: true }],
  });
  p.funds.push({ fund_code: 'SSE', name: 'State special education', source: 'state', restricted: true, available: asCents(0), eligible_uses: ['students_with_disabilities'] });
  p.studentNeeds = Object.entries(children).map(([y, n]) => ({ site_id: 'A', year: Number(y), counts: { students_with_disabilities: n } }));
  return p;
};

describe('IDEA maintenance of effort (34 CFR 300.203)', () => {
  it('identical FY25 and FY26 special-education budgets are no shortfall (the demo case from issue 21)', () => {
    // The demo budgets $10,104,808.47 of general-fund special education in FY2026 (lines sped/1000, sped/2100, sped/2700).
    // Give FY2025 the same lines. Before: this year's figure came from the allocation ($6,649,400.11) and was
    // compared with last year's budget, a $3,455,408.36 "shortfall". Now both years' budgets are compared:
    // 1,010,480,847 ≥ 1,010,480,847 (local and state+local); per child 1,010,480,847 ÷ 1,119 ≥ 1,010,480,847 ÷ 1,131.
    const p = demoProject();
    p.budget = [...p.budget, ...p.budget.filter((b) => b.fiscal_year === 2026).map((b) => ({ ...b, fiscal_year: 2025 }))];
    const moe = run(p).compliance.idea_moe;
    expect(moe.current_cents).toBe(1_010_480_847);
    expect(moe.prior_cents).toBe(1_010_480_847);
    expect(moe.met).toBe(true);
    expect(moe.eligibility.met_by).toEqual(['local', 'state_local', 'local_per_capita', 'state_local_per_capita']);
    expect(moe.eligibility.methods.map((m) => m.shortfall_cents)).toEqual([0, 0, 0, 0]);
    // No actuals anywhere: each budget stands in, and the result says so.
    expect(moe.eligibility.stand_ins).toEqual(['FY2025 has no year-end actuals: its budget stands in for its actual expenditures']);
    expect(moe.compliance.stand_ins).toEqual(['FY2026 is not closed: its budget stands in for its actual expenditures', 'FY2025 has no year-end actuals: its budget stands in for its actual expenditures']);
    expect(run(p).flags.filter((f) => f.code === 'idea_moe')).toEqual([]);
  });

  it('$700,000 for 60 children against $1,000,000 for 100: the total falls but the per-capita test passes, so MOE is met', () => {
    // FY2025 actual (closed 30 June 2025): $1,000,000 for 100 children = $10,000.00 each.
    // FY2026 budget: $700,000 for 60 children = $11,666.67 each.
    // local: 70,000,000 < 100,000,000, short 30,000,000 ¢; local per capita: 70,000,000 × 100 ≥ 100,000,000 × 60 → met.
    const p = district({ 2025: 100, 2026: 60 });
    p.budget = [sped(2026, 'GEN', 700_000), sped(2026, 'IDEAB', 250_000)];
    p.actuals = [closed(2025, 'GEN', 1_000_000), closed(2025, 'IDEAB', 300_000)];
    const v = run(p);
    const e = v.compliance.idea_moe.eligibility;
    expect(e.methods.map((m) => [m.method, m.current_cents, m.comparison_year, m.comparison_figure, m.required_cents, m.met, m.shortfall_cents])).toEqual([
      ['local', 70_000_000, 2025, 'actual', 100_000_000, false, 30_000_000],
      ['state_local', 70_000_000, 2025, 'actual', 100_000_000, false, 30_000_000],
      ['local_per_capita', 1_166_667, 2025, 'actual', 1_000_000, true, 0],
      ['state_local_per_capita', 1_166_667, 2025, 'actual', 1_000_000, true, 0],
    ]);
    expect(e.met).toBe(true);
    expect(e.met_by).toEqual(['local_per_capita', 'state_local_per_capita']);
    expect(v.compliance.idea_moe.prior_source).toBe('actuals');
    expect(v.flags.filter((f) => f.code === 'idea_moe')).toEqual([]);
  });

  it('compares with the last year MOE was met (300.203(c)), takes 300.204 exceptions off, and counts state money only in the state-and-local methods', () => {
    // Actuals (local): FY2023 $1,000,000; FY2024 $900,000; FY2025 $950,000. Exception in FY2025: a teacher retired, $40,000 (300.204(a)).
    // FY2024: 900,000 < 1,000,000 → not met; FY2023 stays the comparison year.
    // FY2025: 950,000 < 1,000,000 − 40,000 = 960,000 → not met; FY2023 still the comparison year.
    // FY2026 budget: local $955,000 + state $10,000.
    //   local: 955,000 < 960,000 → short $5,000 (although it beats FY2025's 950,000: that year failed, so it is not the comparison);
    //   state+local: 965,000 ≥ 960,000 → met. No child counts → per-capita methods not tested.
    const p = district({});
    p.budget = [sped(2026, 'GEN', 955_000), sped(2026, 'SSE', 10_000)];
    p.actuals = [closed(2023, 'GEN', 1_000_000), closed(2024, 'GEN', 900_000), closed(2025, 'GEN', 950_000)];
    p.allocate = AllocateConfigSchema.parse({ idea: { moe: { exceptions: [{ fiscal_year: 2025, kind: 'personnel_departure', cents: 4_000_000, note: 'SLP retired, replaced at a lower step' }] } } });
    const moe = run(p).compliance.idea_moe;
    const by = (m: string) => moe.eligibility.methods.find((x) => x.method === m)!;
    expect(by('local')).toMatchObject({ current_cents: 95_500_000, comparison_year: 2023, comparison_cents: 100_000_000, exceptions_cents: 4_000_000, required_cents: 96_000_000, met: false, shortfall_cents: 500_000 });
    expect(by('state_local')).toMatchObject({ current_cents: 96_500_000, comparison_year: 2023, required_cents: 96_000_000, met: true, shortfall_cents: 0 });
    expect(by('local_per_capita')).toMatchObject({ met: null });
    expect(moe.eligibility.met_by).toEqual(['state_local']);
    expect(moe.exceptions).toEqual([{ fiscal_year: 2025, kind: 'personnel_departure', cents: 4_000_000, rule: expect.stringContaining('300.204(a)'), note: 'SLP retired, replaced at a lower step' }]);
    // The compliance test: FY2026 is not closed, so its budget stands in for its actuals; same comparison.
    expect(moe.compliance.met_by).toEqual(['state_local']);
    expect(moe.compliance.stand_ins).toEqual(['FY2026 is not closed: its budget stands in for its actual expenditures']);
  });

  it('met by no method is a warning naming each shortfall; a year that met becomes the comparison year', () => {
    // Actuals: FY2024 $1,000,000 (100 children), FY2025 $1,100,000 (100) → met, and FY2025 is the comparison year now
    // (Appendix E table 3: spending more raises the required level). FY2026 budget $1,050,000 for 100 children:
    // local 1,050,000 < 1,100,000 short $50,000; per child $10,500 < $11,000 short $500.
    const p = district({ 2024: 100, 2025: 100, 2026: 100 });
    p.budget = [sped(2026, 'GEN', 1_050_000)];
    p.actuals = [closed(2024, 'GEN', 1_000_000), closed(2025, 'GEN', 1_100_000)];
    const v = run(p);
    const e = v.compliance.idea_moe.eligibility;
    expect(e.methods.map((m) => [m.method, m.comparison_year, m.shortfall_cents])).toEqual([['local', 2025, 5_000_000], ['state_local', 2025, 5_000_000], ['local_per_capita', 2025, 50_000], ['state_local_per_capita', 2025, 50_000]]);
    expect(e.met).toBe(false);
    const f = v.flags.filter((x) => x.code === 'idea_moe');
    expect(f).toHaveLength(2); // eligibility and compliance (the budget standing in for FY2026's actuals)
    expect(f[0]!.message).toContain('local $1,050,000.00 against $1,100,000.00 (FY2025 actual), short $50,000.00');
  });

  it('with no earlier year, reports the budget and says it was not checked; without budget lines the allocation stands in and says so', () => {
    const p = district({ 2026: 10 });
    const r = maintenanceOfEffort(p, idea(), 2026, asCents(123_456));
    expect(r.moe.met).toBeNull();
    expect(r.moe.eligibility.current).toMatchObject({ figure: 'budget', source: 'allocation', local_cents: 123_456 });
    expect(r.flags.map((f) => f.code)).toEqual(['idea_moe']);
    p.actuals = [closed(2025, 'GEN', 1000)];
    const s = maintenanceOfEffort(p, idea(), 2026, asCents(123_456));
    expect(s.moe.eligibility.stand_ins[0]).toContain("the allocation's estimate");
  });

  it('the saved figures win over the sheets, and an old project\'s moe_prior_cents still counts as last year\'s', () => {
    const p = district({});
    p.budget = [sped(2026, 'GEN', 500)];
    const viaOld = maintenanceOfEffort(p, idea({ moe_prior_cents: 60_000 }), 2026, asCents(0));
    expect(viaOld.moe.eligibility.methods[0]).toMatchObject({ comparison_year: 2025, comparison_figure: 'actual', required_cents: 60_000, met: false, shortfall_cents: 10_000 });
    const viaYears = maintenanceOfEffort(p, idea({ moe: { years: [{ fiscal_year: 2025, figure: 'actual', local_cents: 40_000, state_cents: 5_000, children: 4 }] } }), 2026, asCents(0));
    expect(viaYears.moe.eligibility.methods[0]).toMatchObject({ comparison_cents: 40_000, met: true });
    expect(viaYears.moe.years.find((y) => y.fiscal_year === 2025)).toMatchObject({ source: 'config', children: 4 });
  });

  it('a mistyped exception or a year given twice in the settings is a validation error, not ignored', () => {
    const bad = { ...demoProject(), allocate: { idea: { moe: {
      exceptions: [{ fiscal_year: 2026, kind: 'retirement', cents: 100 }],
      years: [{ fiscal_year: 2025, figure: 'actual', local_cents: 1 }, { fiscal_year: 2025, figure: 'actual', local_cents: 2 }],
    } } } } as unknown as Project;
    const g = gate(checkProject(bad, 'district.steward'), 'allocate', 'district.steward');
    expect(g.ok).toBe(false);
    const errors = g.problems.filter((x) => x.severity === 'error').map((x) => x.message).join('\n');
    expect(errors).toMatch(/idea\.moe\.exceptions\.0\.kind/);
    expect(errors).toMatch(/idea\.moe\.years\.1\.fiscal_year: FY2025 actual is given twice/);
  });
});

describe('supplement, not supplant: the Title I-neutral methodology test (ESEA §1118(b)(2))', () => {
  // A (Title I, 90% poverty) and B (10%), 50 pupils each. GEN $1,000; Title I $100 for econ_disadvantaged.
  // Need N1 at A: econ_disadvantaged $100, priority 1. "Restricted first": Title I pays N1.
  const p = (rules: object) => tinyProject({
    sites: [{ id: 'A', grades: { '1': 50 }, needs: { econ_disadvantaged: 45 } }, { id: 'B', grades: { '1': 50 }, needs: { econ_disadvantaged: 5 } }],
    funds: [{ code: 'GEN', dollars: 1000 }, { code: 'T1A', name: 'Title I, Part A', dollars: 100, restricted: true, uses: ['econ_disadvantaged'] }],
    needs: [{ id: 'N1', category: 'econ_disadvantaged', dollars: 100, priority: 1, site: 'A' }],
    config: { rules: [{ name: 'r', need_weights: {}, ...rules }] },
  });

  it('flags the general money a Title I school loses because Title I paid its need (solved base)', () => {
    // With Title I: GEN's $1,000 all goes to the formula → A $500, B $500; A's state/local money $500.
    // Title I removed: GEN pays N1 ($100), the formula shares $900 → A $450 + $100 = $550, B $450.
    // A gets $50 less because it receives Title I. Before: the "neutral" figure was the same $1,000 shared by
    // the formula's weights ($500 each) — equal to what A gets, so nothing was flagged.
    const v = run(p({}));
    expect(v.compliance.sns.map((s) => [s.site_id, s.title1, s.general_cents, s.neutral_cents, s.supplanted_cents])).toEqual([['A', true, 50_000, 55_000, 5_000], ['B', false, 50_000, 45_000, 0]]);
    expect(v.flags.filter((f) => f.code === 'sns').map((f) => [f.site_id, f.message.includes('$50.00 less')])).toEqual([['A', true]]);
  });

  it('with a fixed base, the school loses exactly its Title I-paid need', () => {
    // Fixed base $4 a pupil: A $200, B $200 either way; removing Title I, GEN pays N1 → A $300. Supplanted: $100.
    const v = run(p({ base_mode: 'fixed', base_per_pupil_cents: 400 }));
    expect(v.compliance.sns.find((s) => s.site_id === 'A')).toMatchObject({ general_cents: 20_000, neutral_cents: 30_000, supplanted_cents: 10_000 });
  });

  it('a single cent is flagged: the statute has no tolerance', () => {
    // The same district with N1 costing $0.01: removing Title I gives A 1 cent more state/local money (0.005%).
    // Before, nothing under a 5% gap was flagged.
    const q = p({ base_mode: 'fixed', base_per_pupil_cents: 400 });
    q.needs = [{ ...q.needs[0]!, cost: asCents(1) }];
    const v = run(q);
    expect(v.compliance.sns.find((s) => s.site_id === 'A')).toMatchObject({ general_cents: 20_000, neutral_cents: 20_001, supplanted_cents: 1 });
    expect(v.flags.filter((f) => f.code === 'sns').map((f) => f.site_id)).toEqual(['A']);
    // And the old setting is gone: a saved sns_tolerance is dropped, not applied.
    expect(Object.keys(AllocateConfigSchema.parse({ thresholds: { sns_tolerance: 0.05 } }).thresholds)).not.toContain('sns_tolerance');
  });

  it('the Boston preset on the demo: Title I schools 103 and 104 are flagged with the state/local money Title I displaced', () => {
    // Boston's fixed base spends the same formula money either way, so a Title I school gets back, with Title I
    // removed, exactly the general money for its needs Title I paid: 103's econ_disadvantaged needs N011 $137,500
    // + N012 $139,500 = $277,000; 104's N016 = $148,500.
    const v = run(demoProject(), { preset: 'boston' });
    const s = new Map(v.compliance.sns.map((x) => [x.site_id, x.supplanted_cents]));
    expect(s.get('103')).toBe(27_700_000);
    expect(s.get('104')).toBe(14_850_000);
    expect(v.flags.filter((f) => f.code === 'sns').map((f) => f.site_id)).toEqual(expect.arrayContaining(['103', '104']));
  });
});
