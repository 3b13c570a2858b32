import { describe, expect, it } from 'vitest';
import type { PreparedNetwork } from '../../../models/network/prepare-network';
import { slotOpening, slotYear } from '../../../models/network/school-year';

// Two schools (A, B) and the network office, one year worked by hand. Budget weights: salaries
// 60:40 between A and B, purchased services all the office's; the opening balance sheet splits
// 50:30:20 (the slots' base-year spending). A $10,000 loan at 5% ($1,000 principal a year)
// financed school A's building. (Amounts in cents below: 1_000_000 = $10,000.)
const n = {
  settings: { feeBasis: 'pct_public_revenue', feeRate: 0.1, office: 'NO', costPerAddedPupil: 10_000 },
  loans: [{ id: 'L', balance: 1_000_000, rate: 0.05, principal: 100_000 }], loanSlot: [0], covenants: [],
  opening: { cash: 1_000_000, otherCurrentAssets: 0, currentLiabilities: 500_000, totalAssets: 2_000_000, totalLiabilities: 1_500_000, depreciation: 100_000 },
  philanthropy: [], schools: [{ site_id: 'A', projection: 0 }, { site_id: 'B', projection: 1 }], charter: new Set<string>(),
  shares: { byFundClass: new Map([['GEN|0', [60, 40, 0]], ['GEN|2', [0, 0, 1]]]), opening: [50, 30, 20] },
} as unknown as PreparedNetwork;

describe('each school\'s and the network office\'s year', () => {
  const open = slotOpening(n);
  const spend = new Float64Array(7);
  // Salaries $8,000; purchased services $2,000; other: debt service $500 + $1,000 and B's 2 added students × $100.
  spend[0] = 800_000; spend[2] = 200_000; spend[5] = 50_000 + 100_000 + 20_000;
  const { ledgers, next } = slotYear(n, {
    spend, funds: [{ code: 'GEN', restricted: false }], general: 0, C: 7, restrictedIncome: 0, infl: 1,
    students: [100, 60], budgeted: [100, 60], baseStudents: [100, 58],
    revenue: [700_000, 400_000, 100_000], debt: Float64Array.of(1_000_000), growth: 20_000, state: open.state, fixed: open.fixed,
  });
  const [a, b, office] = ledgers as [typeof ledgers[0], typeof ledgers[0], typeof ledgers[0]];

  it('splits the opening balance sheet, the loan staying with the school it financed', () => {
    expect(open.state.cash).toEqual([500_000, 300_000, 200_000]);
    // Liabilities other than the loan ($5,000) split 50:30:20, plus A's loan of $10,000.
    expect(open.state.liabilities).toEqual([1_250_000, 150_000, 100_000]);
    expect(open.fixed.depreciation).toEqual([50_000, 30_000, 20_000]);
  });

  it('charges each slot its lines, its added students and its debt service', () => {
    // A: 60% of salaries = $4,800; B: 40% = $3,200 + 2 added students × $100; office: services $2,000.
    expect(ledgers.map((l) => l.expenses_cents)).toEqual([480_000, 340_000, 200_000]);
    // A's loan: interest $10,000 × 5% = $500, principal $1,000.
    expect(ledgers.map((l) => l.debt_service_cents)).toEqual([150_000, 0, 0]);
    // Net: A $7,000 − 4,800 − 1,500 = $700; B $4,000 − 3,400 = $600; office $1,000 − 2,000 = −$1,000.
    expect(ledgers.map((l) => l.net_cents)).toEqual([70_000, 60_000, -100_000]);
    // They add up to the network's surplus: revenue $12,000 − spending $11,700 = $300.
    expect(ledgers.reduce((s, l) => s + l.net_cents, 0)).toBe(30_000);
    expect(next.cash).toEqual([570_000, 360_000, 100_000]);
  });

  it('reads each slot\'s measures from its own ledger', () => {
    // A: operating = 4,800 + interest 500 + depreciation 500 = $5,800; net income = 7,000 − 5,800 = $1,200.
    // DSCR = (1,200 + 500 + 500) ÷ (1,000 + 500) = 1.4667; days cash = 5,700 ÷ ((5,800 − 500) ÷ 365) = 392.5.
    expect(a.measures.dscr.value).toBeCloseTo(2200 / 1500, 12);
    expect(a.measures.dscr.meets).toBe(true);
    expect(a.measures.days_cash_on_hand.value).toBeCloseTo(5700 * 365 / 5300, 9);
    expect(a.measures.total_margin.value).toBeCloseTo(1200 / 7000, 12);
    // Current ratio = 5,700 ÷ 2,500 = 2.28. Debt to asset = (12,500 − 1,000) ÷ (10,000 + 700 − 500) = 1.127: does not meet (< 0.9).
    expect(a.measures.current_ratio.value).toBeCloseTo(2.28, 12);
    expect(a.measures.debt_to_asset.value).toBeCloseTo(11_500 / 10_200, 12);
    expect(a.measures.debt_to_asset.meets).toBe(false);
    // B has no debt service: DSCR reported as 9999 and meets. Days cash = 3,600 ÷ (3,400 ÷ 365) = 386.5.
    expect(b.measures.dscr).toMatchObject({ value: 9999, meets: true });
    expect(b.measures.days_cash_on_hand.value).toBeCloseTo(3600 * 365 / 3400, 9);
    // Office: net income = 1,000 − (2,000 + 200 depreciation) = −$1,200; margin −120%: does not meet.
    expect(office.measures.total_margin).toMatchObject({ value: -1.2, meets: false });
    expect(office.measures.enrollment_variance.value).toBe(1);
  });
});
