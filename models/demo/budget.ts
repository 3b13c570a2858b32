import { apportion } from '../money/apportion';
import { asCents, type Cents } from '../money/cents';
import type { BudgetLine, Fund, SalaryCell } from '../schema/tables';
import { CENTRAL_DEPARTMENTS, CENTRAL_ITEMS, DISTRICT_ITEMS, GRANT_ITEMS, PER_UNIT_ITEMS, SCHOOL_ITEMS, SECONDARY_DEPARTMENTS, type Item } from './catalog';
import { positionCost, scheduleIndex } from './position-cost';
import type { Rng } from './prng';
import { BASE_YEAR, CENTRAL, SCHOOLS } from './schools';
import { titleISchools, type DemoPosition } from './staff';

// The FY 2026 budget: salaries and benefits lines that add up, fund by fund, to the positions'
// cost (see position-cost.ts), and non-personnel lines that fill each fund to what it has
// available. The total line count is fixed (TOTAL_LINES) so the demo stays the same size.

export const TOTAL_LINES = 2500;
/** Grants: [code, name, source, eligible uses, end date, carryover, target dollars]. */
const GRANTS = [
  ['T1A', 'Title I, Part A - Improving Basic Programs', 'federal', ['econ_disadvantaged'], '2027-09-30', 0.15, 2_650_000],
  ['IDEAB', 'IDEA Part B - Special Education', 'federal', ['students_with_disabilities'], '2027-09-30', undefined, 2_400_000],
  ['T2A', 'Title II, Part A - Supporting Effective Instruction', 'federal', ['professional_development'], '2027-09-30', undefined, 520_000],
  ['T3A', 'Title III, Part A - English Learners', 'federal', ['english_learners'], '2027-09-30', undefined, 185_000],
  ['STEL', 'State English Learner Grant', 'state', ['english_learners'], '2026-06-30', undefined, 1_150_000],
] as const;
/** The general fund is sized so personnel is about 73% of it, as in most districts. */
const GEN_PERSONNEL_SHARE = 0.73;
/** Grants spend at most 80% on people. */
const GRANT_PERSONNEL_MAX = 0.8;

interface Pending { line: Omit<BudgetLine, 'amount'>; weight: number }

export function demoFundsAndBudget(rng: Rng, staff: readonly DemoPosition[], salary: readonly SalaryCell[]): { funds: Fund[]; budget: BudgetLine[] } {
  const schedule = scheduleIndex(salary);
  // 1. Personnel lines: one per fund × object × site × role group.
  const personnel = new Map<string, BudgetLine>();
  const personnelByFund = new Map<string, number>();
  for (const { position, spec } of staff) {
    const cost = positionCost(position, schedule);
    const share = new Map(position.funding.map((f) => [f.fund_code, f.share]));
    for (const [object, parts] of [['salaries', cost.salaryByFund], ['benefits', cost.benefitsByFund]] as const) {
      for (const [fund, amount] of parts) {
        const key = `${fund}|${object}|${position.site_id}|${spec.label}`;
        let line = personnel.get(key);
        if (!line) {
          line = {
            fiscal_year: BASE_YEAR, fund_code: fund, object, amount: 0, function: spec.fn, site_id: position.site_id,
            program: spec.program, description: `${object === 'salaries' ? 'Salaries' : 'Benefits'} - ${spec.label}`,
          };
          if (object === 'salaries') line.fte = 0;
          personnel.set(key, line);
        }
        line.amount += amount;
        if (object === 'salaries') line.fte = round4((line.fte ?? 0) + position.fte * (share.get(fund) ?? 0));
        personnelByFund.set(fund, (personnelByFund.get(fund) ?? 0) + amount);
      }
    }
  }

  // 2. Funds: grants at their award (raised if staff alone would exceed 80% of it), general fund sized from personnel.
  const genPersonnel = personnelByFund.get('GEN') ?? 0;
  const genAvailable = Math.round(genPersonnel / GEN_PERSONNEL_SHARE / 10_000_000) * 10_000_000; // nearest $100,000
  const funds: Fund[] = [{ fund_code: 'GEN', name: 'General Fund', source: 'local', restricted: false, available: genAvailable, eligible_uses: ['any'] }];
  for (const [code, name, source, uses, end, carry, target] of GRANTS) {
    const needed = Math.ceil((personnelByFund.get(code) ?? 0) / GRANT_PERSONNEL_MAX / 100_000) * 100_000;
    const fund: Fund = { fund_code: code, name, source, restricted: true, available: Math.max(target * 100, needed), eligible_uses: [...uses], end_date: end, recurring: true };
    if (carry !== undefined) fund.carryover_pct = carry;
    funds.push(fund);
  }
  funds.push({ fund_code: 'ESSER3', name: 'ESSER III (ARP) - expired', source: 'federal', restricted: true, available: 0, eligible_uses: ['any'], end_date: '2024-09-30', recurring: false });

  // 3. Non-personnel lines: grants first, then the general fund takes the rest of the line count.
  const pending = new Map<string, Pending[]>();
  const push = (fund: string, item: Item, site: string | undefined, description = item[0]) => {
    const [, object, fn, program, dollars] = item;
    const list = pending.get(fund) ?? [];
    const line: Omit<BudgetLine, 'amount'> = { fiscal_year: BASE_YEAR, fund_code: fund, object, function: fn, program, description };
    if (site !== undefined) line.site_id = site;
    list.push({ line, weight: dollars * Math.exp(0.35 * rng.normal()) });
    pending.set(fund, list);
  };
  const titleI = titleISchools();
  for (const [fund, items] of Object.entries(GRANT_ITEMS)) {
    const sites = fund === 'T1A' ? titleI : fund === 'T2A' || fund === 'IDEAB' ? SCHOOLS : SCHOOLS.filter((s) => s.poverty >= 0.4);
    for (const [d, o, f, p, dollars, where] of items) {
      if (where === 'district') push(fund, [d, o, f, p, dollars], undefined);
      else for (const s of sites) push(fund, [d, o, f, p, dollars], s.site_id);
    }
  }
  let used = personnel.size;
  for (const list of pending.values()) used += list.length;
  const genLines = TOTAL_LINES - used;
  for (const item of DISTRICT_ITEMS) push('GEN', item, undefined);
  for (const dept of CENTRAL_DEPARTMENTS) for (const item of CENTRAL_ITEMS) push('GEN', item, CENTRAL.site_id, `${item[0]} - ${dept}`);
  const fixed = DISTRICT_ITEMS.length + CENTRAL_DEPARTMENTS.length * CENTRAL_ITEMS.length;
  // School lines in proportion to size: the common items, then per-grade or per-department
  // variants, then classroom allotments by room.
  const sizes = SCHOOLS.map((s) => s.perGrade * s.grades.length);
  const perSchool = apportion(asCents(genLines - fixed), sizes);
  SCHOOLS.forEach((school, i) => {
    const count = perSchool[i]!;
    const units = school.level === 'ES' || school.level === 'K8' ? school.grades.map((g) => `Grade ${g}`) : SECONDARY_DEPARTMENTS;
    const candidates: [Item, string][] = SCHOOL_ITEMS.map((it) => [it, it[0]]);
    for (const u of units) for (const it of PER_UNIT_ITEMS) candidates.push([it, `${it[0]} - ${u}`]);
    for (let k = 0; k < count; k++) {
      const c = candidates[k];
      if (c) push('GEN', c[0], school.site_id, c[1]);
      else push('GEN', ['Classroom allotment', 'supplies', '1000', 'regular', 600], school.site_id, `Classroom allotment - Room ${100 + k - candidates.length + 1}`);
    }
  });

  // 4. Amounts: each fund's remainder after personnel, apportioned over its lines by weight.
  const budget: BudgetLine[] = [];
  for (const fund of funds) {
    for (const line of personnel.values()) if (line.fund_code === fund.fund_code) budget.push(line);
    const list = pending.get(fund.fund_code) ?? [];
    const rest = asCents(fund.available - (personnelByFund.get(fund.fund_code) ?? 0));
    if (list.length === 0) continue;
    const amounts: Cents[] = apportion(rest, list.map((p) => p.weight));
    list.forEach((p, i) => budget.push({ ...p.line, amount: amounts[i]! }));
  }
  return { funds, budget };
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
