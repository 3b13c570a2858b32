import { describe, expect, it } from 'vitest';
import { ProjectSchema } from '../../../models/project/project';
import { validateProject } from '../../../models/project/validate';

const base = { settings: { base_year: 2027 }, sites: [{ site_id: 'A', name: 'Alpha', level: 'ES' }], enrollment: [], studentNeeds: [], funds: [], budget: [], positions: [], salary: [] };

describe('network sheets are checked across tables', () => {
  it('a district project without them is unchanged (every network table defaults to empty)', () => {
    const p = ProjectSchema.parse(base);
    expect(p.charterSchools).toEqual([]);
    expect(validateProject(p).filter((x) => ['charterSchools', 'loans', 'covenants', 'balanceSheet', 'philanthropy'].includes(x.table))).toEqual([]);
  });

  it('refuses a district trigger that reads a network measure, where it is written', () => {
    const p = ProjectSchema.parse({ ...base, plans: [{ plan: 'Cuts', action: 'budget_pct', start_year: 2028, pct: -0.1 }], triggers: [{ plan: 'Cuts', condition: 'dscr < 1.2', src: { sheet: 'Triggers', row: 2 } }] });
    expect(validateProject(p).filter((x) => x.table === 'triggers').map((x) => `${x.sheet}:${x.row}:${x.column}`)).toEqual(['Triggers:2:condition']);
  });

  it('names the sheet, row and column of each problem', () => {
    const p = ProjectSchema.parse({
      ...base,
      settings: { base_year: 2027, extra: { network_fee_basis: 'per_school' } },
      charterSchools: [{ site_id: 'Z', first_grade: '5', last_grade: '4', open_year: 2026, grades_at_opening: 1, seats_per_grade: 90, src: { sheet: 'CharterSchools', row: 2 } }],
      loans: [{ loan_id: 'L1', balance: 100, interest_rate: 0.05, annual_principal: 10, src: { sheet: 'Loans', row: 2 } }],
      covenants: [{ lender: 'Nobody', measure: 'dscr', threshold: 1.2, src: { sheet: 'Covenants', row: 3 } }],
      philanthropy: [{ source_id: 'G', amount: 5, start_year: 2028, end_year: 2027, src: { sheet: 'Philanthropy', row: 4 } }],
    });
    const found = validateProject(p).map((x) => `${x.sheet ?? x.table}:${x.row ?? ''}:${x.column ?? ''}: ${x.message}`);
    expect(found).toEqual(expect.arrayContaining([
      'CharterSchools:2:site_id: unknown site_id "Z" (not on the Sites sheet)',
      'CharterSchools:2:last_grade: last_grade 4 is below first_grade 5',
      'Covenants:3:lender: "Nobody" is neither a loan_id nor a lender on the Loans sheet',
      'Philanthropy:4:end_year: end_year 2027 is before start_year 2028',
      expect.stringContaining('network_fee_basis: "per_school" is neither pct_public_revenue nor per_pupil'),
    ]));
  });
});
