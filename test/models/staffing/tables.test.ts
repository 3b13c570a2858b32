import { describe, expect, it } from 'vitest';
import { importTable } from '../../../models/import/table';
import { ProjectSchema } from '../../../models/project/project';
import { TABLES } from '../../../models/schema/tables';
import { fieldMeta } from '../../../models/schema/fields';
import { STAFFING_TABLES } from '../../../models/staffing/tables';

describe('staffing sheets in the workbook', () => {
  it('are registered in TABLES with field metadata on every column', () => {
    for (const [kind, t] of Object.entries(STAFFING_TABLES)) {
      expect(TABLES[kind as keyof typeof TABLES]).toBe(t);
      for (const [name, f] of Object.entries(t.schema.shape)) {
        if (name === 'src') continue;
        expect(fieldMeta(f as never), `${t.sheet}.${name}`).toBeDefined();
      }
    }
  });

  it('old projects without the staffing arrays still load', () => {
    const p = ProjectSchema.parse({ settings: { base_year: 2026 }, sites: [], enrollment: [], studentNeeds: [], funds: [], budget: [], positions: [], salary: [] });
    expect(p.staffingRules).toEqual([]);
    expect(p.schedules).toEqual([]);
    expect(p.responsibilities).toEqual([]);
    expect(p.timeStudy).toEqual([]);
  });

  it('imports a StaffingRules sheet written the way a district writes it', () => {
    const grid = {
      file: 'rules.xlsx', sheet: 'StaffingRules',
      rows: [
        ['Job Title', 'School Level', 'Grade Span', 'Based On', 'Students per FTE', 'Min FTE', 'Round', 'FTE Increment', 'Source'],
        ['Counselor', '', '', 'enrollment', 250, 0.5, 'nearest', 0.5, 'ASCA'],
        ['Teacher', 'Elementary', 'K-3', 'per grade', 21.5, '', 'ceiling', 1, ''],
        ['Sped Teacher', '', '', 'caseload', 15, '', '', '', ''],
      ],
    };
    const { rows, report } = importTable([grid], { kind: 'staffingRules' });
    expect(report.errors).toEqual([]);
    expect(rows[0]).toMatchObject({ role: 'Counselor', level: 'any', basis: 'students', ratio: 250, minimum_fte: 0.5, rounding: 'nearest', increment: 0.5, note: 'ASCA' });
    expect(rows[1]).toMatchObject({ role: 'Teacher', level: 'ES', grades: ['K-3'], basis: 'grade', ratio: 21.5, minimum_fte: 0, rounding: 'up', increment: 1 });
    expect(rows[2]).toMatchObject({ basis: 'subgroup', rounding: 'up', increment: 1 });
  });
});
