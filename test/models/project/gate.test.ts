import { describe, expect, it } from 'vitest';
import { gate } from '../../../models/project/gate';
import { checkGrids } from '../../../models/project/open';
import type { CommandName } from '../../../models/project/requirements';
import { COMMAND_TABLES } from '../../../models/project/requirements';
import { demoSheets, sheet, toGrids, WRONG, type Sheets } from './wrong-workbooks';

// The gate (models/project/gate.ts): every command refuses a project `validate` refuses. Each case
// is one slight mistake in the demo workbook; before the gate, every engine dropped the row (or
// ignored the rule) and carried on with exit 0.

const COMMANDS = Object.keys(COMMAND_TABLES) as CommandName[];

function open(change: (s: Sheets) => void) {
  const s = demoSheets();
  change(s);
  return checkGrids(toGrids(s), 'district.xlsx');
}

describe('the gate', () => {
  it('lets the demo district through every command, with no problems at all', () => {
    const checked = open(() => undefined);
    for (const c of COMMANDS) {
      const g = gate(checked, c, 'district.xlsx');
      expect(g.ok, c).toBe(true);
      expect(g.problems, c).toEqual([]);
    }
  });

  for (const [name, w] of Object.entries(WRONG)) {
    it(`refuses ${name}, naming the sheet${w.column ? ', row and column' : ''}, in every command`, () => {
      const checked = open(w.change);
      const found = checked.problems.filter((p) => p.severity === 'error' && w.message.test(p.message));
      expect(found.length, JSON.stringify(checked.problems.filter((p) => p.severity === 'error').slice(0, 3))).toBeGreaterThan(0);
      expect(found[0]).toMatchObject({ file: 'district.xlsx', sheet: w.sheet, ...(w.column ? { column: w.column } : {}) });
      if (w.column) expect(found[0]!.row).toBeGreaterThan(1);
      for (const c of COMMANDS) {
        const g = gate(checked, c, 'district.xlsx');
        expect(g.ok, c).toBe(false);
        // The same problems for every command: validate's list (commands may add the tables they need).
        expect(g.problems.slice(0, checked.problems.length), c).toEqual(checked.problems);
      }
    });
  }

  it('reads per-year driver columns under a title (driver | value | 2027 | 2028 | 2029)', () => {
    const checked = open((s) => {
      const d = sheet(s, 'Drivers');
      d.splice(0, d.length, ['Riverbend drivers, adopted May 2026'], [], ['driver', 'value', 2027, 2028, 2029], ['cpi', 0.05, 0.04, 0.03, 0.02], ['cola', 0.01, 0.02, '2.5%', 0.03]);
    });
    expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(checked.project!.drivers.map(({ src: _src, ...d }) => d)).toEqual([
      { driver: 'cpi', value: 0.05, by_year: { 2027: 0.04, 2028: 0.03, 2029: 0.02 } },
      { driver: 'cola', value: 0.01, by_year: { 2027: 0.02, 2028: 0.025, 2029: 0.03 } },
    ]);
  });

  const charter = (): Sheets => [
    { name: 'Settings', rows: [['key', 'value'], ['district_name', 'One Fund Charter'], ['base_year', 2026], ['beginning_fund_balance', 500000], ['reserve_policy_pct', 0.1]] },
    { name: 'Sites', rows: [['site_id', 'name', 'level'], ['A', 'Academy', 'K8']] },
    { name: 'Funds', rows: [['fund_code', 'name', 'source', 'restricted', 'available'], ['GEN', 'General', 'state', 'no', 5000000]] },
    { name: 'Budget', rows: [['fiscal_year', 'fund_code', 'object', 'amount'], [2026, 'GEN', 'salaries', 3000000], [2026, 'GEN', 'benefits', 900000], [2026, 'GEN', 'supplies', 600000]] },
    { name: 'Positions', rows: [['position_id', 'site_id', 'role', 'fte']] },
    { name: 'Drivers', rows: [['driver', 'value'], ['cola', 0.02]] },
  ];

  it('a one-fund district (Settings, Sites, Funds, Budget, empty Positions, Drivers) can forecast; allocate and staffing say what they need', () => {
    const checked = checkGrids(toGrids(charter(), 'charter.xlsx'), 'charter.xlsx');
    const forecast = gate(checked, 'forecast', 'charter.xlsx');
    expect(forecast.ok).toBe(true);
    expect(forecast.problems.every((p) => p.severity === 'note')).toBe(true);
    expect(forecast.problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/^no Enrollment sheet: read as an empty table \(allocate, staffing, schedule need it\)$/));
    const allocate = gate(checked, 'allocate', 'charter.xlsx');
    expect(allocate.ok).toBe(false);
    expect(allocate.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual(['allocate needs the Enrollment table and charter.xlsx has no Enrollment sheet']);
    const staffing = gate(checked, 'staffing', 'charter.xlsx');
    expect(staffing.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([
      'staffing needs the Enrollment table and charter.xlsx has no Enrollment sheet',
      'staffing needs the Positions table and its sheet has no rows',
    ]);
  });

  it('says how personnel is projected when there is no Positions sheet', () => {
    const s = charter().filter((x) => x.name !== 'Positions');
    const g = gate(checkGrids(toGrids(s, 'charter.xlsx'), 'charter.xlsx'), 'forecast', 'charter.xlsx');
    expect(g.ok).toBe(true);
    expect(g.problems).toContainEqual(expect.objectContaining({ severity: 'note', table: 'positions', message: expect.stringMatching(/projects personnel from the Budget's salary lines \(growing by cola\) and benefit lines \(growing by health_inflation\)/) }));
  });
});
