import { describe, expect, it } from 'vitest';
import { demoProject } from '../../models/demo/district';
import { runMonteCarlo } from '../../host/monte-carlo-pool';
import { gatherReport, reportMonteCarlo } from '../../models/report/gather';
import { sheetCsv } from '../../models/report/csv';
import { reportBook } from '../../models/report/sheets';
import { runReport } from '../../renderer/engine/ops/report';

// The Reports screen's engine op gives the same report as `steward report` (the same Monte Carlo
// in one thread as the CLI's worker pool), and its CSV downloads never hand a spreadsheet a formula.

describe('the report op and CSV', () => {
  it('runs the same Monte Carlo in one thread as the worker pool', async () => {
    const project = demoProject();
    const one = reportMonteCarlo(project, 'Base', 60, 11);
    const pool = await runMonteCarlo({ project, scenario: 'Base', trials: 60, seed: 11, workers: 2 });
    expect(one.ok && pool.ok).toBe(true);
    if (one.ok && pool.ok) expect(one.value.bands).toEqual(pool.value.bands);
  }, 120_000);

  it('gives the report book and print page, and CSVs with formula-like text neutralised', () => {
    const project = demoProject();
    project.sites[0]!.name = '=HYPERLINK("http://x","y")';
    const r = runReport(project, { name: 'demo', date: '2026-12-06', trials: 30 });
    const direct = gatherReport(project, 'demo', {}, (() => { const m = reportMonteCarlo(project, 'Base', 30, project.settings.seed); if (!m.ok) throw new Error(m.reason); return m.value; })());
    if (!direct.ok) throw new Error(direct.reason);
    expect(r.book).toEqual(reportBook(direct.value, { date: '2026-12-06' }));
    expect(r.html).toContain('<!doctype html>');
    const csv = sheetCsv(r.book.sheets.find((s) => s.name === 'Allocation by site')!);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Site,Name,Level,Enrollment,Weighted pupils,Poverty share,Formula,Needs register,General funds,Restricted funds,Allocation,Per pupil,Cost-balance ratio,Held harmless');
    expect(lines[1]).toContain(`,"'=HYPERLINK(""http://x"",""y"")",`);
    expect(lines.every((l) => !/(^|,)[=+\-@]/.test(l.replace(/(^|,)-\d/g, '$10')))).toBe(true); // only negative numbers start with "-"
  }, 120_000);
});
