import { describe, expect, it } from 'vitest';
import { demoProject } from '../../models/demo/district';
import { runMonteCarlo } from '../../host/monte-carlo-pool';
import { gatherReport, reportMonteCarlo } from '../../models/report/gather';
import { sheetCsv } from '../../models/report/csv';
import { reportBook } from '../../models/report/sheets';
import { runReport } from '../../renderer/engine/ops/report';
import { selfCheck } from '../../models/selfcheck/selfcheck';
import { takeSnapshot } from '../../models/history/history';
import { applySnapshotEdit } from '../../models/project/snapshot-edit';

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

  it('has the self-check as a sheet and a page, the same criteria and evidence as steward selfcheck --json', () => {
    const project = demoProject();
    const r = runReport(project, { name: 'demo', date: '2026-12-06', trials: 0 });
    const sheet = r.book.sheets.find((s) => s.name === 'Self-check')!;
    const check = selfCheck(project);
    const criteria = sheet.rows.filter((row) => !String(row[3]).startsWith('next:'));
    expect(criteria.map((row) => [row[0], row[2], row[3], row[5], row[6]])).toEqual(check.practices.flatMap((p) => p.criteria.map((c) => [p.practice, p.level ?? 'not yet getting started', c.level, c.status, c.evidence])));
    expect(r.html).toContain('<h1>Self-check on practices 13–15</h1>');
    expect(r.book.sheets.find((s) => s.name === 'Summary')!.rows.find((row) => row[0] === 'Self-check (practices 13–15)')?.[1]).toBe(check.practices.map((p) => `${p.practice}: ${p.level ?? 'not yet getting started'}`).join('; '));
  }, 120_000);

  it('regenerates the report from a snapshot exactly as it was presented, whatever changed since', () => {
    const original = demoProject();
    const presented = runReport(original, { name: 'demo', date: '2026-09-01', trials: 0 });
    const taken = applySnapshotEdit(original, { op: 'take-snapshot', snapshot: takeSnapshot(original, { name: 'Adopted', presented: true, taken_at: '2026-09-01T18:30:00.000Z' }) });
    if (!taken.ok) throw new Error(taken.reason);
    const now = JSON.parse(JSON.stringify(taken.value)) as typeof taken.value; // as saved and opened again
    now.funds[0]!.available -= 50_000_000;
    now.settings.seed += 1;
    const again = runReport(now, { name: 'demo', date: '2026-12-07', trials: 0, snapshot: 'adopted' });
    expect(again.date).toBe('2026-09-01');
    const without = (b: typeof again.book) => b.sheets.filter((x) => x.name !== 'Summary');
    expect(without(again.book)).toEqual(without(presented.book));
    expect(without(runReport(now, { name: 'demo', date: '2026-12-07', trials: 0 }).book)).not.toEqual(without(presented.book));
    const summary = again.book.sheets.find((x) => x.name === 'Summary')!.rows;
    expect(summary.find((r) => r[0] === 'Regenerated from snapshot')?.[1]).toBe('Adopted');
    expect(String(summary.find((r) => r[0] === 'Engine check')?.[2])).toMatch(/recompute exactly as stored/);
    expect(again.html).toContain('<dt>Snapshot</dt><dd>Adopted (presented), taken 2026-09-01T18:30:00.000Z');
    expect(() => runReport(now, { name: 'demo', date: '2026-12-07', trials: 0, snapshot: 'Budget 2030' })).toThrow('no snapshot named "Budget 2030" (snapshots: "Adopted")');
  }, 120_000);
});
