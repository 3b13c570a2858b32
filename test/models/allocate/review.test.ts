import { describe, expect, it } from 'vitest';
import { certify, changesSinceAdoption } from '../../../models/allocate/review/certification';
import { curveFromMonthly, projectLines, shareAt, yearFraction } from '../../../models/allocate/review/projection';
import { fiscalYearOf, runReview } from '../../../models/allocate/review/review';
import { timeAndEffort } from '../../../models/allocate/review/time-effort';
import { asCents } from '../../../models/money/cents';
import type { Actual, BudgetLine, Fund, Position } from '../../../models/schema/tables';
import { tinyProject } from './fixture';

const line = (fund_code: string, object: string, dollars: number): BudgetLine => ({ fiscal_year: 2026, fund_code, object, amount: asCents(dollars * 100), site_id: 'A' });
const actual = (fund_code: string, object: string, ytd: number, enc = 0, as_of = '2025-12-31'): Actual => ({ as_of, fiscal_year: 2026, fund_code, object, ytd_amount: asCents(ytd * 100), encumbered: asCents(enc * 100), site_id: 'A' });
const thresholds = { over_share: 0.02, under_share: 0.1 };

describe('year-end projection', () => {
  it('straight-line: spending to date ÷ the share of the year gone, never below what is committed', () => {
    // As of 31 Dec 2025, FY2026 (1 Jul 2025 – 30 Jun 2026): 184 of 365 days gone.
    // supplies: $600 spent → 60,000 ÷ (184/365) = 119,021.7 → 119,022 cents; +19% over a $1,000 budget → "over".
    // travel: $100 spent + $150 encumbered → run rate 19,837 < 25,000 committed → $250; −75% → "under".
    const r = projectLines([line('GEN', 'supplies', 1000), line('GEN', 'travel', 1000)], [actual('GEN', 'supplies', 600), actual('GEN', 'travel', 100, 150)], '2025-12-31', 2026, thresholds);
    expect(yearFraction('2025-12-31', 2026)).toBeCloseTo(184 / 365, 12);
    expect(r.map((l) => [l.object, l.projected_cents, l.flag])).toEqual([['supplies', 119_022, 'over'], ['travel', 25_000, 'under']]);
  });

  it('seasonal: reads last year\'s cumulative curve instead of the calendar', () => {
    // Monthly shares Jul–Dec 1 each, Jan–Jun 2 each (total 18): by the end of December 6/18 = 1/3 is normally spent.
    const curve = curveFromMonthly([1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2]);
    expect(shareAt(curve, 0.5)).toBeCloseTo(1 / 3, 12);
    // As of 31 Dec (184/365 of the year) the share is 1/3 + (2/18) × (184/365 − 1/2) ÷ (1/12).
    const s = 1 / 3 + (2 / 18) * (184 / 365 - 0.5) * 12;
    const r = projectLines([line('GEN', 'supplies', 1000)], [actual('GEN', 'supplies', 300)], '2025-12-31', 2026, thresholds, curve);
    expect(r[0]!.projected_cents).toBe(Math.round(30_000 / s));
  });

  it('flags spending with no budget line and uses the latest actuals on or before the as-of date', () => {
    const r = projectLines([], [actual('GEN', 'capital', 10, 0, '2025-09-30'), actual('GEN', 'capital', 50, 0, '2025-12-31'), actual('GEN', 'capital', 90, 0, '2026-03-31')], '2025-12-31', 2026, thresholds);
    expect(r.map((l) => [l.ytd_cents, l.flag])).toEqual([[5_000, 'unbudgeted']]);
  });

  it('projects a line with no actuals reported at its budget, not at zero', () => {
    // supplies: $500 by 31 Dec → 50,000 ÷ (184/365) = 99,185 cents (−0.8%, no flag); travel: nothing reported → its $500 budget.
    const r = projectLines([line('GEN', 'supplies', 1000), line('GEN', 'travel', 500)], [actual('GEN', 'supplies', 500)], '2025-12-31', 2026, thresholds);
    expect(r.map((l) => [l.object, l.reported, l.projected_cents, l.flag])).toEqual([['supplies', true, 99_185, null], ['travel', false, 50_000, null]]);
  });

  it('names the fiscal year a date falls in', () => {
    expect([fiscalYearOf('2025-06-30'), fiscalYearOf('2025-07-01')]).toEqual([2025, 2026]);
  });
});

describe('interim certification', () => {
  const base = { fiscalYear: 2026, revenueGrowth: 0, expenditureGrowth: 0, reserveShare: 0.05 };
  it('positive when the reserve holds for three years', () => {
    // 1,000 + 1,000 − 900 = 1,100, then 1,200, 1,300; reserve 5% × 900 = 45.
    expect(certify({ ...base, beginningBalance: asCents(1000), revenue: asCents(1000), expenditure: asCents(900) }).status).toBe('positive');
  });
  it('qualified when a year ends below the reserve but not negative this year or next', () => {
    // 100 + 1,000 − 1,050 = 50 < 52.5 reserve; then 0; then −50 (year three).
    expect(certify({ ...base, beginningBalance: asCents(100), revenue: asCents(1000), expenditure: asCents(1050) }).status).toBe('qualified');
  });
  it('negative when the balance goes below zero this year or next', () => {
    // 0 + 1,000 − 1,100 = −100 this year.
    expect(certify({ ...base, beginningBalance: asCents(0), revenue: asCents(1000), expenditure: asCents(1100) }).status).toBe('negative');
  });
  it('flags changes since adoption: 2% for enrollment, 5% for other revenue', () => {
    // Enrollment 1,000 → 979 = −2.1% (flagged); other revenue 100 → 96 = −4% (not).
    const c = changesSinceAdoption({ enrollment: { adopted: 1000, current: 979 }, other_revenue: { adopted: 100, current: 96 } }, 0.02, 0.05);
    expect(c.map((x) => [x.measure, x.flagged])).toEqual([['enrollment', true], ['other_revenue', false]]);
  });
});

describe('time and effort (2 CFR 200.430)', () => {
  const funds: Fund[] = [
    { fund_code: 'GEN', name: 'General', source: 'local', restricted: false, available: asCents(0), eligible_uses: ['any'] },
    { fund_code: 'T1A', name: 'Title I', source: 'federal', restricted: true, available: asCents(0), eligible_uses: ['any'] },
  ];
  const pos = (id: string, funding: { fund_code: string; share: number }[]): Position => ({ position_id: id, site_id: 'A', role: 'teacher', fte: 1, funding, status: 'filled' });
  it('one grant → semi-annual certification; split → monthly PARs; general only → nothing', () => {
    const t = timeAndEffort([pos('P1', [{ fund_code: 'T1A', share: 1 }]), pos('P2', [{ fund_code: 'GEN', share: 0.6 }, { fund_code: 'T1A', share: 0.4 }]), pos('P3', [{ fund_code: 'GEN', share: 1 }])], funds);
    expect(t.map((x) => [x.position_id, x.documentation])).toEqual([['P1', 'semi_annual_certification'], ['P2', 'monthly_par']]);
  });
});

describe('runReview: proposes moving surpluses to unfunded needs', () => {
  it('offers an underspent general line to a partly funded need and records it', () => {
    // T3 ($100, EL) pays part of N1 (EL, $500); general funds are kept off the register ('none'), so $400 is open.
    // GEN supplies at A: budget $1,000, $100 spent by 31 Dec → projected $198.37, surplus $801.63 → $400 to N1.
    const p = tinyProject({
      sites: [{ id: 'A', grades: { '1': 10 } }],
      funds: [{ code: 'GEN', dollars: 1000 }, { code: 'T3', dollars: 100, restricted: true, uses: ['english_learners'], end: '2026-09-30' }],
      needs: [{ id: 'N1', category: 'english_learners', dollars: 500, priority: 1, site: 'A' }],
      config: { general_for_needs: 'none' },
    });
    p.budget = [line('GEN', 'supplies', 1000)];
    const r = runReview(p, { asOf: '2025-12-31', actuals: [actual('GEN', 'supplies', 100)] });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.reallocations.map((x) => [x.fund_code, x.need_id, x.cents])).toEqual([['GEN', 'N1', 40_000]]);
    expect(r.value.record.map((x) => [x.kind, x.amount ?? null])).toEqual([['certification', null], ['funding', 40_000]]);
    expect(r.value.method).toBe('straight_line');
  });

  it('refuses a malformed as-of date as a value', () => {
    const r = runReview(tinyProject({ sites: [{ id: 'A', grades: { '1': 1 } }] }), { asOf: '31/12/2025' });
    expect(r.ok).toBe(false);
  });
});

describe('a grant is not projected to spend past its end date (issue 21, item 6)', () => {
  it('a grant that ended before the as-of date is projected at what was spent and encumbered', () => {
    // G ended 31 Dec 2025; as of 31 Mar 2026: $60,000 spent, $5,000 encumbered, budget $150,000.
    // Straight-line would say 6,000,000 ÷ (274/365) = 7,992,701 cents; the grant can spend nothing more: 6,500,000 cents.
    const budget = [{ ...line('G', 'salaries', 150_000) }];
    const acts = [actual('G', 'salaries', 60_000, 5_000, '2026-03-31')];
    const before = projectLines(budget, acts, '2026-03-31', 2026, thresholds);
    expect(before[0]!.projected_cents).toBe(Math.round(6_000_000 / (274 / 365)));
    const r = projectLines(budget, acts, '2026-03-31', 2026, thresholds, [], new Map([['G', '2025-12-31']]));
    expect(r[0]).toMatchObject({ projected_cents: 6_500_000, fund_end_date: '2025-12-31', flag: 'under' });
  });

  it('a grant that ends later in the year runs only to its end date', () => {
    // Ends 30 Apr 2026 (304/365 of FY2026 by the end of that day); as of 31 Jan 2026 (215/365): $43,000 spent.
    // Projected 4,300,000 × (304/365) ÷ (215/365) = 4,300,000 × 304 ÷ 215 = 6,080,000 cents (not 4,300,000 × 365 ÷ 215 = 7,300,000).
    const r = projectLines([line('G', 'salaries', 80_000)], [actual('G', 'salaries', 43_000, 0, '2026-01-31')], '2026-01-31', 2026, thresholds, [], new Map([['G', '2026-04-30']]));
    expect(r[0]!.projected_cents).toBe(6_080_000);
  });

  it('a review says which grants ended and leaves lines of funds ending on 30 June alone', () => {
    const p = tinyProject({ sites: [{ id: 'A', grades: { '1': 10 } }], funds: [{ code: 'GEN', dollars: 1000 }, { code: 'G', dollars: 150_000, restricted: true, end: '2025-12-31' }, { code: 'H', dollars: 1000, restricted: true, end: '2026-06-30' }] });
    p.budget = [line('G', 'salaries', 150_000), line('H', 'supplies', 1000)];
    p.actuals = [actual('G', 'salaries', 60_000, 5_000, '2026-03-31'), actual('H', 'supplies', 274, 0, '2026-03-31')];
    const r = runReview(p, { asOf: '2026-03-31' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.lines.map((l) => [l.fund_code, l.projected_cents])).toEqual([['G', 6_500_000], ['H', Math.round(27_400 / (274 / 365))]]);
    expect(r.value.flags.filter((f) => f.code === 'grant_ended').map((f) => f.fund_code)).toEqual(['G']);
  });
});
