import { describe, expect, it } from 'vitest';
import { captureCliOutput } from './capture-output';
import { reportSheets, run } from '../../cli/commands/forecast';
import { forecastProject } from '../../models/forecast/forecast';
import { tinyProject } from '../models/forecast/fixtures';

// A finance user sees the base year to the cent and the reconciling line (budget personnel lines
// less the positions' cost) in the text table and in the report workbook.

describe('forecast report: base year and reconciling line', () => {
  const cli = captureCliOutput();

  it('prints the demo base year to the cent and its reconciling line', async () => {
    expect(await run(['demo', '--years', '1'])).toBe(0);
    expect(cli.text).toContain('FY2026 (base year, the adopted budget): $100,405,000.00 in all funds, $93,500,000.00 in the general fund');
    expect(cli.text).toMatch(/Reconciling line \(Budget sheet salary and benefit lines less the positions' cost/);
    expect(cli.text).toMatch(/^ {4}general fund {3}2026 \$\d+\.\d\d · 2027 \$\d+\.\d\d$/m);
  }, 60_000);

  it('puts the reconciling line in the Forecast, Expenditure by object and Expenditure by fund sheets', () => {
    // One position costs $50,000 + 20% benefits; the budget says salaries $51,000.25, benefits $10,000.
    const project = tinyProject({
      positions: [{ position_id: 'P1', site_id: 'S1', role: 'teacher', fte: 1, salary: 5_000_000, benefits_rate: 0.2 }],
      budget: [
        { fiscal_year: 2026, fund_code: 'GEN', object: 'salaries', amount: 5_100_025 },
        { fiscal_year: 2026, fund_code: 'GEN', object: 'benefits', amount: 1_000_000 },
      ],
    });
    const r = forecastProject(project, { years: 1 });
    if (!r.ok) throw new Error(r.reason);
    const sheets = new Map(reportSheets(r.value).map((s) => [s.name, s.rows]));
    const col = (sheet: string, name: string) => sheets.get(sheet)![0]!.indexOf(name);
    // R = 51,000.25 − 50,000 = 1,000.25 on salaries; benefits 10,000 − 10,000 = 0.
    expect(sheets.get('Forecast')![1]![col('Forecast', 'reconciling')]).toBe(1_000.25);
    expect(sheets.get('Forecast')![1]![col('Forecast', 'expenditure')]).toBe(61_000.25);
    const salaries = sheets.get('Expenditure by object')!.find((row) => row[1] === 2026 && row[2] === 'salaries')!;
    expect(salaries.slice(3)).toEqual([51_000.25, 1_000.25]);
    const gen = sheets.get('Expenditure by fund')!.find((row) => row[1] === 2026 && row[2] === 'GEN')!;
    expect(gen[col('Expenditure by fund', 'salaries')]).toBe(51_000.25);
    expect(gen[col('Expenditure by fund', 'reconciling_salaries')]).toBe(1_000.25);
    expect(gen[col('Expenditure by fund', 'reconciling')]).toBe(1_000.25);
  });
});
