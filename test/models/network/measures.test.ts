import { describe, expect, it } from 'vitest';
import {
  currentRatio, daysCashOnHand, debtServiceCoverage, debtToAsset, enrollmentVariance, meetsNacsa, measureValues, readMeasures, totalMargin,
  type MeasureInputs,
} from '../../../models/network/measures';

// One charter school's year, in dollars (any unit works: each measure is a ratio).
const year: MeasureInputs = {
  cash: 1_500_000, operating_expenses: 9_400_000, depreciation: 275_000, current_assets: 2_100_000, current_liabilities: 1_400_000,
  revenue: 9_650_000, net_income: 250_000, budgeted_enrollment: 800, enrollment: 748, interest: 180_000, principal: 220_000,
  total_liabilities: 6_300_000, total_assets: 8_000_000,
};

describe('charter measures, worked by hand', () => {
  it('days cash on hand = cash ÷ ((expenses − depreciation) ÷ 365)', () => {
    // (9,400,000 − 275,000) ÷ 365 = 9,125,000 ÷ 365 = 25,000 a day; 1,500,000 ÷ 25,000 = 60 days.
    expect(daysCashOnHand(year)).toBeCloseTo(60, 10);
    expect(meetsNacsa('days_cash_on_hand', 60)).toBe(true);
    // 59.9 days: below 60; meets only when it rose from last year (NACSA's 30–59 days with a positive trend).
    expect(meetsNacsa('days_cash_on_hand', 59.9)).toBe(false);
    expect(meetsNacsa('days_cash_on_hand', 45, 40)).toBe(true);
    expect(meetsNacsa('days_cash_on_hand', 45, 50)).toBe(false);
    expect(meetsNacsa('days_cash_on_hand', 29, 10)).toBe(false);
  });

  it('current ratio = current assets ÷ current liabilities', () => {
    // 2,100,000 ÷ 1,400,000 = 1.5 ≥ 1.1.
    expect(currentRatio(year)).toBeCloseTo(1.5, 12);
    expect(meetsNacsa('current_ratio', 1.1)).toBe(true);
    expect(meetsNacsa('current_ratio', 1.09)).toBe(false);
  });

  it('total margin = net income ÷ revenue', () => {
    // 250,000 ÷ 9,650,000 = 0.025906… > 0.
    expect(totalMargin(year)).toBeCloseTo(0.0259067, 6);
    expect(meetsNacsa('total_margin', 0)).toBe(false);
    expect(meetsNacsa('total_margin', 0.0001)).toBe(true);
  });

  it('enrollment variance = enrollment ÷ budgeted enrollment', () => {
    // 748 ÷ 800 = 0.935 < 0.95: does not meet.
    expect(enrollmentVariance(year)).toBeCloseTo(0.935, 12);
    expect(meetsNacsa('enrollment_variance', 0.935)).toBe(false);
    expect(meetsNacsa('enrollment_variance', 0.95)).toBe(true);
  });

  it('DSCR = (net income + depreciation + interest) ÷ (principal + interest)', () => {
    // (250,000 + 275,000 + 180,000) ÷ (220,000 + 180,000) = 705,000 ÷ 400,000 = 1.7625 ≥ 1.1.
    expect(debtServiceCoverage(year)).toBeCloseTo(1.7625, 12);
    // A thin year: (−100,000 + 275,000 + 180,000) ÷ 400,000 = 355,000 ÷ 400,000 = 0.8875.
    expect(debtServiceCoverage({ ...year, net_income: -100_000 })).toBeCloseTo(0.8875, 12);
    expect(debtServiceCoverage({ ...year, interest: 0, principal: 0 })).toBe(Infinity);
  });

  it('debt to asset = total liabilities ÷ total assets', () => {
    // 6,300,000 ÷ 8,000,000 = 0.7875 < 0.9.
    expect(debtToAsset(year)).toBeCloseTo(0.7875, 12);
    expect(meetsNacsa('debt_to_asset', 0.9)).toBe(false);
  });

  it('reads each measure against NACSA and a lender covenant', () => {
    const r = readMeasures(measureValues(year), {}, [{ lender: 'Facilities loan', measure: 'dscr', direction: 'min', threshold: 1.2 }]);
    expect(r.dscr).toEqual({ value: 1.7625, threshold: 1.1, meets: true, covenants: [{ lender: 'Facilities loan', threshold: 1.2, meets: true }] });
    expect(r.enrollment_variance.meets).toBe(false);
    expect(readMeasures(measureValues({ ...year, interest: 0, principal: 0 }), {}, []).dscr.value).toBe(9999);
  });
});
