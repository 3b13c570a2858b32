import { describe, expect, it } from 'vitest';
import { csvCell, tableCsv, tableFileName, tableTsv } from '../../models/report/table-csv';

// The "Download CSV" under every table on every screen: shown figures become numbers, text that a
// spreadsheet would run as a formula never does, and the file is named after the table.

describe('a table shown on a screen as CSV', () => {
  it('writes formatted figures as plain numbers', () => {
    expect(csvCell('$1,234,567')).toBe('1234567');
    expect(csvCell('-$12.50')).toBe('-12.50');
    expect(csvCell('\u22123.2%')).toBe('-3.2%');
    expect(csvCell('(5,000)')).toBe('-5000');
    expect(csvCell('0.85')).toBe('0.85');
    expect(csvCell('.5')).toBe('0.5');
    expect(csvCell(' 42\u00a0')).toBe('42');
  });

  it('neutralises formula-like text from imported files', () => {
    for (const bad of ['=HYPERLINK("http://x","y")', '+1+1', '-cmd|x', '@SUM(A1)', '\t=1+1', '\r=1', '\uff1d1']) {
      expect(csvCell(bad).startsWith("'")).toBe(true);
    }
    expect(csvCell('-')).toBe("'-");
    expect(csvCell('Lincoln Elementary')).toBe('Lincoln Elementary');
    expect(csvCell('1,2')).toBe('1,2'); // not a figure: left as text
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and ends every row with CRLF', () => {
    const csv = tableCsv([['Site', 'Allocation'], ['=HYPERLINK("http://x","y")', '$1,000'], ['Oak, North', 'a\nb']]);
    expect(csv).toBe(`Site,Allocation\r\n"'=HYPERLINK(""http://x"",""y"")",1000\r\n"Oak, North","a\nb"\r\n`);
  });

  it('copies as tab-separated text with the same cells', () => {
    expect(tableTsv([['A', 'B'], ['=1', 'x\ty']])).toBe("A\tB\r\n'=1\tx y\r\n");
  });

  it('names the file after the table', () => {
    expect(tableFileName('Drivers of Base')).toBe('drivers-of-base.csv');
    expect(tableFileName('Time and its cost: Teacher')).toBe('time-and-its-cost-teacher.csv');
    expect(tableFileName('Élève — ratios')).toBe('eleve-ratios.csv');
    expect(tableFileName('!!!')).toBe('table.csv');
    expect(tableFileName('Budget by fund, bar chart', 'png')).toBe('budget-by-fund-bar-chart.png');
  });
});
