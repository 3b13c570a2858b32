import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureCliOutput } from './capture-output';
import { run as report } from '../../cli/commands/report';
import { run as snapshot } from '../../cli/commands/snapshot';
import { demoProject } from '../../models/demo/district';
import { applyEdit } from '../../models/project/edit';
import { parseStewardFile, serialiseProject } from '../../models/project/steward-file';

// `steward report --snapshot NAME`: the board report rebuilt from a snapshot's inputs after the
// project changed — the figures the board saw, dated the day it was taken (issue 19).
const dir = mkdtempSync(join(tmpdir(), 'steward-report-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = captureCliOutput();

const sheetValues = async (path: string, name: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(name)!;
  return ws.getSheetValues().map((r) => JSON.stringify(r));
};

describe('steward report --snapshot', () => {
  it('gives the report as it was presented, whatever changed since', async () => {
    const file = join(dir, 'demo.steward');
    writeFileSync(file, serialiseProject(demoProject()));
    expect(await report([file, '--out', join(dir, 'then.xlsx'), '--trials', '0', '--date', '2026-12-07'])).toBe(0);
    expect(await snapshot([file, '--name', 'Adopted', '--presented'])).toBe(0);
    const saved = parseStewardFile(readFileSync(file, 'utf8'));
    if (!saved.ok) throw new Error(saved.reason);
    const changed = applyEdit(saved.value, { op: 'set-row', table: 'funds', index: 0, row: { ...saved.value.funds[0]!, available: saved.value.funds[0]!.available - 50_000_000 } });
    if (!changed.ok) throw new Error(changed.reason);
    writeFileSync(file, serialiseProject(changed.value));
    cli.clear();
    expect(await report([file, '--out', join(dir, 'again.xlsx'), '--trials', '0', '--snapshot', 'Adopted', '--json'])).toBe(0);
    const json = JSON.parse(cli.text) as { date: string };
    expect(json.date).toBe(saved.value.snapshots[0]!.taken_at.slice(0, 10));
    expect(await report([file, '--out', join(dir, 'now.xlsx'), '--trials', '0', '--date', '2026-12-07'])).toBe(0);
    for (const sheet of ['Allocation by site', 'Scenario Base', 'Self-check']) expect(await sheetValues(join(dir, 'again.xlsx'), sheet)).toEqual(await sheetValues(join(dir, 'then.xlsx'), sheet));
    expect(await sheetValues(join(dir, 'now.xlsx'), 'Allocation by site')).not.toEqual(await sheetValues(join(dir, 'then.xlsx'), 'Allocation by site'));
    expect((await sheetValues(join(dir, 'again.xlsx'), 'Summary')).some((r) => r.includes('"Regenerated from snapshot","Adopted"'))).toBe(true);
    await expect(report([file, '--out', join(dir, 'x.xlsx'), '--trials', '0', '--snapshot', 'Budget 2030'])).rejects.toThrow('no snapshot named "Budget 2030" (snapshots: "Adopted")');
  }, 120_000);
});
