import { strToU8, zipSync } from 'fflate';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureCliOutput } from '../../../cli/capture-output';
import { run as importScenarios } from '../../../../cli/commands/import-scenarios';
import { demoProject } from '../../../../models/demo/district';
import { readExcelScenarios } from '../../../../models/import/scenario-manager/read';
import { changingCells, excelScenariosToOverrides, parseCellMap } from '../../../../models/import/scenario-manager/to-scenarios';
import { forecastProject } from '../../../../models/forecast/forecast';
import { parseStewardFile, serialiseProject } from '../../../../models/project/steward-file';

// Excel Scenario Manager import (issue 15): a hand-built .xlsx whose "Inputs" sheet holds a
// <scenarios> block, read with the importer's zip and XML code, its changing cells mapped to
// drivers by the user, and the scenarios forecast like any other.

const SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheetData><row r="3"><c r="A3" t="inlineStr"><is><t>State aid growth</t></is></c><c r="B3"><v>0.01</v></c></row>
<row r="4"><c r="A4" t="inlineStr"><is><t>COLA</t></is></c><c r="B4"><v>0.02</v></c></row></sheetData>
<scenarios current="0" show="0" sqref="B3:B4">
<scenario name="Aid cut" locked="1" count="2" user="CFO" comment="Governor&apos;s January budget">
<inputCells r="$B$3" val="-0.03"/><inputCells r="B4" val="0.015"/></scenario>
<scenario name="__proto__" count="1"><inputCells r="B3" val="0.04"/></scenario>
</scenarios>
<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;

function workbook(sheetXml = SHEET): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Notes" sheetId="1" r:id="rId1"/><sheet name="Inputs" sheetId="2" r:id="rId2"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': strToU8('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>'),
    'xl/worksheets/sheet2.xml': strToU8(sheetXml),
  });
}

describe('Excel Scenario Manager scenarios', () => {
  it('reads the <scenarios> block of a sheet: names, comments, changing cells and values; names stay off prototypes', () => {
    const r = readExcelScenarios(workbook(), 'whatif.xlsx');
    if (!r.ok) throw new Error(r.reason);
    expect(r.value).toEqual([
      { sheet: 'Inputs', name: 'Aid cut', comment: 'Governor\'s January budget', cells: [{ ref: 'B3', text: '-0.03', value: -0.03 }, { ref: 'B4', text: '0.015', value: 0.015 }] },
      { sheet: 'Inputs', name: '__proto__', comment: '', cells: [{ ref: 'B3', text: '0.04', value: 0.04 }] },
    ]);
    expect(changingCells(r.value)).toEqual([{ sheet: 'Inputs', ref: 'B3', scenarios: ['Aid cut', '__proto__'] }, { sheet: 'Inputs', ref: 'B4', scenarios: ['Aid cut'] }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says so for a file that is not a workbook, or a workbook without scenarios', () => {
    expect(readExcelScenarios(strToU8('a,b\n1,2'), 'x.csv')).toEqual({ ok: false, reason: 'x.csv: not an .xlsx workbook (Scenario Manager scenarios live in Excel\'s .xlsx files)' });
    const none = readExcelScenarios(workbook('<worksheet><sheetData/></worksheet>'), 'plain.xlsx');
    expect(none).toEqual({ ok: true, value: [] });
    expect(excelScenariosToOverrides(demoProject(), [], new Map(), 'plain.xlsx')).toEqual({ ok: false, reason: 'plain.xlsx: no Scenario Manager scenarios in it (Excel keeps them under Data → What-If Analysis → Scenario Manager)' });
  });

  it('maps the changing cells to drivers the user confirms, refusing what it cannot place, naming file, sheet, scenario and cell', () => {
    const project = demoProject();
    const r = readExcelScenarios(workbook(), 'whatif.xlsx');
    if (!r.ok) throw new Error(r.reason);
    const map = parseCellMap('B3=state_aid_per_pupil_growth, Inputs!B4=cola');
    if (!map.ok) throw new Error(map.reason);
    const rows = excelScenariosToOverrides(project, r.value, map.value, 'whatif.xlsx');
    expect(rows).toEqual({ ok: true, value: [
      { scenario: 'Aid cut', driver: 'state_aid_per_pupil_growth', value: -0.03 }, { scenario: 'Aid cut', driver: 'cola', value: 0.015 }, { scenario: '__proto__', driver: 'state_aid_per_pupil_growth', value: 0.04 },
    ] });
    const partial = excelScenariosToOverrides(project, r.value, new Map([['B3', 'state_aid_per_pupil_growth']]), 'whatif.xlsx');
    expect(partial).toEqual({ ok: false, reason: 'whatif.xlsx, sheet Inputs, scenario "Aid cut", cell B4: not mapped to a driver (add B4=DRIVER to --map)' });
    const unknown = excelScenariosToOverrides(project, r.value, new Map([['B3', 'state_aid_per_pupil_growth'], ['B4', 'colla']]), 'whatif.xlsx');
    expect(!unknown.ok && unknown.reason).toMatch(/^whatif\.xlsx, sheet Inputs, scenario "Aid cut", cell B4: "colla" is not a driver of the project \(drivers: /);
    const clash = excelScenariosToOverrides({ ...project, scenarios: [...project.scenarios, { scenario: 'aid cut', driver: 'cola', value: 0 }] }, r.value, map.value, 'whatif.xlsx');
    expect(!clash.ok && clash.reason).toContain('the project already has a scenario named "Aid cut"');
    expect(parseCellMap('B3')).toEqual({ ok: false, reason: '--map: "B3" is not CELL=driver (e.g. B3=state_aid_growth, or Inputs!B3=state_aid_growth)' });
  });

  it('the imported scenarios forecast like any other', () => {
    const project = demoProject();
    const r = readExcelScenarios(workbook(), 'whatif.xlsx');
    if (!r.ok) throw new Error(r.reason);
    const rows = excelScenariosToOverrides(project, r.value, new Map([['B3', 'state_aid_per_pupil_growth'], ['B4', 'cola']]), 'whatif.xlsx');
    if (!rows.ok) throw new Error(rows.reason);
    const fc = forecastProject({ ...project, scenarios: [...project.scenarios, ...rows.value] }, { scenarios: ['Base', 'Aid cut'] });
    if (!fc.ok) throw new Error(fc.reason);
    const [base, cut] = fc.value.scenarios;
    expect(cut!.error).toBeUndefined();
    expect(cut!.years.at(-1)!.ending_balance_cents).toBeLessThan(base!.years.at(-1)!.ending_balance_cents);
  });
});

describe('steward import-scenarios', () => {
  const dir = mkdtempSync(join(tmpdir(), 'steward-scenario-manager-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = captureCliOutput();

  it('lists the scenarios and the cells to map, then adds them to the project with the confirmed mapping', async () => {
    const xlsx = join(dir, 'whatif.xlsx');
    writeFileSync(xlsx, workbook());
    const file = join(dir, 'district.steward');
    writeFileSync(file, serialiseProject(demoProject()));
    expect(await importScenarios([xlsx])).toBe(0);
    expect(cli.text).toContain('Aid cut (sheet Inputs) — Governor\'s January budget: B3=-0.03, B4=0.015');
    expect(cli.text).toContain('--map B3=DRIVER,B4=DRIVER');
    await expect(importScenarios([xlsx, file, '--map', 'B3=state_aid_per_pupil_growth'])).rejects.toThrow('cell B4: not mapped to a driver');
    cli.clear();
    expect(await importScenarios([xlsx, file, '--map', 'B3=state_aid_per_pupil_growth,B4=cola', '--json'])).toBe(0);
    expect((JSON.parse(cli.text) as { added: unknown[] }).added).toHaveLength(3);
    const saved = parseStewardFile(readFileSync(file, 'utf8'));
    if (!saved.ok) throw new Error(saved.reason);
    expect(saved.value.scenarios.filter((s) => s.scenario === 'Aid cut').map((s) => [s.driver, s.value])).toEqual([['state_aid_per_pupil_growth', -0.03], ['cola', 0.015]]);
  }, 60_000);
});
