// A chart saved as PNG from the overview; the Reports screen: the board report's tables listed, the workbook downloaded and read back
// (exceljs) with the same allocation as `steward allocate --json`, a table as CSV, and the print
// page downloaded.
/* global document -- page.waitForFunction bodies run in the browser */
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export default async function reports({ shots, scratch, check, equal, run, newPage }) {
  const page = await newPage();
  await page.getByTestId('total-students').waitFor({ timeout: 40_000 });
  // A chart as PNG, from the screen where it appears (the overview's budget by fund).
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Save chart as PNG: / }).first().click()]);
  const pngPath = join(scratch, 'chart.png');
  await png.saveAs(pngPath);
  const pngBytes = readFileSync(pngPath);
  check(pngBytes.subarray(1, 4).toString('latin1') === 'PNG' && pngBytes.readUInt32BE(16) > 200, `overview: the chart saves as a PNG (${pngBytes.readUInt32BE(16)}×${pngBytes.readUInt32BE(20)})`);
  // Any table as CSV, from the screen where it appears (the overview's sites): figures as plain numbers.
  const [sitesCsv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV: Sites', exact: true }).click()]);
  equal(sitesCsv.suggestedFilename(), 'sites.csv', 'overview: the sites table downloads named after its heading');
  const sitesPath = join(scratch, 'sites.csv');
  await sitesCsv.saveAs(sitesPath);
  const sitesLines = readFileSync(sitesPath, 'utf8').split('\r\n');
  equal(sitesLines[0], 'Site,Level,Students,FTE,Budget,Budget per student', 'overview: the CSV has the table\'s header row');
  check(/^[^,]+,[^,]*,\d+,[\d.]+,\d+(\.\d+)?,/.test(sitesLines[1] ?? ''), `overview: the CSV holds figures as plain numbers (${sitesLines[1]})`);
  check(await page.getByRole('button', { name: /^Save chart as PNG: / }).count() >= 1 && await page.getByRole('button', { name: /^Copy table: / }).count() >= 2, 'overview: every chart and table has its own save buttons');
  await page.getByTestId('site-table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'reports-overview-table-actions.png'), fullPage: false });
  await page.getByRole('link', { name: 'Reports' }).click();
  await page.getByTestId('reports-sheets').waitFor({ timeout: 120_000 });
  const sheets = await page.locator('[data-testid=reports-sheets] tbody th').allTextContents();
  for (const n of ['Summary', 'Allocation by site', 'Equity measures', 'Needs', 'Compliance flags', 'Scenario Base', 'Comparison', 'Monte Carlo', 'Tornado', 'Staffing', 'Schedules', 'Time', 'Self-check']) check(sheets.includes(n), `reports: the ${n} sheet is listed`);
  await page.screenshot({ path: join(shots, 'reports-1280.png'), fullPage: false });

  const [xlsx] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Download workbook (.xlsx)' }).click()]);
  const xlsxPath = join(scratch, 'board.xlsx');
  await xlsx.saveAs(xlsxPath);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(xlsxPath));
  equal(wb.worksheets.length, sheets.length, 'reports: the workbook has every listed sheet');
  const ws = wb.getWorksheet('Allocation by site');
  const header = ws.getRow(1).values;
  const col = header.indexOf('Allocation');
  const cli = JSON.parse(run('npx', ['tsx', 'cli/main.ts', 'allocate', 'demo', '--json']));
  const shown = ws.getRows(2, ws.rowCount - 1).map((r) => [r.getCell(1).value, Math.round(r.getCell(col).value * 100)]);
  equal(JSON.stringify(shown), JSON.stringify(cli.sites.map((s) => [s.site_id, s.allocation_cents])), 'reports: the downloaded workbook\'s allocation equals steward allocate --json');
  check(ws.getRow(2).getCell(col).numFmt.includes('$'), 'reports: money has a currency format');
  check(ws.views[0]?.state === 'frozen', 'reports: the header row is frozen');
  const sc = JSON.parse(run('npx', ['tsx', 'cli/main.ts', 'selfcheck', 'demo', '--json']));
  const scSheet = wb.getWorksheet('Self-check');
  const scShown = scSheet.getRows(2, scSheet.rowCount - 1).filter((r) => !String(r.getCell(4).value).startsWith('next:')).map((r) => [r.getCell(1).value, r.getCell(6).value, r.getCell(7).value]);
  equal(JSON.stringify(scShown), JSON.stringify(sc.practices.flatMap((p) => p.criteria.map((c) => [p.practice, c.status, c.evidence]))), 'reports: the Self-check sheet equals steward selfcheck --json');

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV: Needs', exact: true }).click()]);
  const csvPath = join(scratch, 'needs.csv');
  await csv.saveAs(csvPath);
  check(readFileSync(csvPath, 'utf8').startsWith('Need,Site,Category'), 'reports: a table downloads as CSV');

  const [html] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download print page (.html)' }).click()]);
  const htmlPath = join(scratch, 'board.html');
  await html.saveAs(htmlPath);
  const printPage = await newPage();
  await printPage.waitForLoadState('networkidle'); // its favicon, or leaving the page cancels it (a 'request failed')
  await printPage.goto(`file://${htmlPath}`);
  await printPage.emulateMedia({ media: 'print' });
  check((await printPage.locator('h1').first().textContent()) === 'Summary', 'reports: the print page opens on its own with the summary');
  await printPage.screenshot({ path: join(shots, 'reports-print-page.png'), fullPage: false });

  // A snapshot listed on the Reports screen: its report rebuilt from its inputs, dated the day it was taken (issue 19).
  await page.getByRole('link', { name: 'History' }).click();
  await page.getByTestId('snapshot-name').fill('Board June');
  await page.waitForFunction(() => !document.querySelector('.history-take button[type=submit]')?.disabled, null, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Take snapshot' }).click();
  await page.locator('[data-testid=snapshot-list] tr[data-snapshot="Board June"]').waitFor();
  await page.getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('button', { name: 'Report as presented: Board June' }).click();
  const engine = page.getByTestId('reports-engine-check');
  await engine.waitFor({ timeout: 120_000 });
  check(/recompute exactly as stored/.test(await engine.textContent()), `reports: the snapshot's report says its figures recompute as stored (${await engine.textContent()})`);
  await page.screenshot({ path: join(shots, 'reports-snapshot.png'), fullPage: false });
  const [snapXlsx] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Download workbook (.xlsx)' }).click()]);
  check(snapXlsx.suggestedFilename().includes('board-june'), `reports: the snapshot's workbook is named after it (${snapXlsx.suggestedFilename()})`);
  const snapPath = join(scratch, 'board-june.xlsx');
  await snapXlsx.saveAs(snapPath);
  const snapWb = new ExcelJS.Workbook();
  await snapWb.xlsx.load(readFileSync(snapPath));
  const summaryRows = snapWb.getWorksheet('Summary').getRows(1, 12).map((r) => [r.getCell(1).value, r.getCell(2).value]);
  check(summaryRows.some(([k, v]) => k === 'Regenerated from snapshot' && v === 'Board June'), 'reports: the snapshot\'s workbook names the snapshot on its summary');
  const snapAlloc = snapWb.getWorksheet('Allocation by site');
  equal(JSON.stringify(snapAlloc.getRows(2, snapAlloc.rowCount - 1).map((r) => [r.getCell(1).value, Math.round(r.getCell(col).value * 100)])), JSON.stringify(shown), 'reports: the snapshot\'s allocation equals the one reported before');

  // Excel Scenario Manager (issue 15): a workbook's <scenarios> become Steward scenarios once each changing cell has its driver.
  const rel = (id, target) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${target}"/>`;
  writeFileSync(join(scratch, 'whatif.xlsx'), zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Inputs" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'worksheets/sheet1.xml')}</Relationships>`),
    'xl/worksheets/sheet1.xml': strToU8('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><scenarios><scenario name="Aid cut" count="2"><inputCells r="B3" val="-0.03"/><inputCells r="B4" val="0.015"/></scenario></scenarios></worksheet>'),
  }));
  await page.getByRole('link', { name: 'Import' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a workbook with scenarios…' }).click();
  await (await chooser).setFiles(join(scratch, 'whatif.xlsx'));
  await page.getByTestId('scenario-manager-cells').waitFor({ timeout: 30_000 });
  await page.getByLabel('Driver for Inputs!B3').selectOption('state_aid_per_pupil_growth');
  await page.getByLabel('Driver for Inputs!B4').selectOption('cola');
  await page.screenshot({ path: join(shots, 'reports-scenario-manager.png'), fullPage: false });
  await page.getByRole('button', { name: 'Add 1 scenario(s)' }).click();
  const added = page.getByTestId('scenario-manager-status');
  await page.waitForFunction(() => /^Added /.test(document.querySelector('[data-testid=scenario-manager-status]')?.textContent ?? ''), null, { timeout: 30_000 });
  equal(await added.textContent(), 'Added Aid cut to Scenarios (2 driver values).', 'import: the Excel scenario is added with its two drivers');
}
