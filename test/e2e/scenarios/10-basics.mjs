// The first run and the import report: the demo district's figures, messy exports through the
// importer with their counts, the committed demo workbook, a workbook with errors (the same
// problems as `steward validate`, no figures) and a junk file.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';

export default async function basics({ root, scratch, shots, check, equal, run, newPage }) {
  // A budget export as finance systems write it: title block (fund year only there), currency
  // strings, a parenthesised negative, one bad amount and a totals row.
  const ownCsv = join(scratch, 'budget-export.csv');
  writeFileSync(ownCsv, [
    'Riverbend USD - Budget Detail Report',
    'FY 2025-26 Adopted Budget',
    '',
    'Fund,Location,Object,Description,Amount',
    'GEN,E01,salaries,Teachers,"$1,234,567.89"',
    'GEN,E01,supplies,Paper,"(1,200.00)"',
    'T1A,E02,purchased_services,Tutoring,"12,000"',
    'GEN,E02,supplies,Bad amount,12abc',
    'Total,,,,"$1,245,367.89"',
    '',
  ].join('\r\n'));
  // A ledger with a blank object (issue 12 §8): kept as "unclassified" so the total ties to the file,
  // rejected when "strict" is ticked.
  const blankObjectCsv = join(scratch, 'blank-object.csv');
  writeFileSync(blankObjectCsv, [
    'FY 2025-26 Ledger',
    '',
    'Fund,Location,Object,Description,Amount',
    'GEN,E01,salaries,Teachers,"1,000.00"',
    'GEN,E01,,Unclassified line,250.00',
    'GEN,E02,supplies,Paper,50.00',
    '',
  ].join('\r\n'));
  // Binary junk with a spreadsheet's name: must end in a clear message, not a hang or a crash.
  const junk = join(scratch, 'junk.xlsx');
  writeFileSync(junk, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));

  const messyDir = join(root, 'fixtures', 'messy');
  const messy = existsSync(messyDir)
    ? readdirSync(messyDir).filter((f) => /\.(csv|xlsx|xls|ods)$/i.test(f)).sort().slice(0, 2).map((f) => join(messyDir, f))
    : [];
  const importFiles = [ownCsv, ...messy];
  // Counts recorded by the fixture generator (independent of the importer), when it wrote them.
  const recorded = existsSync(join(messyDir, 'EXPECTED.json')) ? JSON.parse(readFileSync(join(messyDir, 'EXPECTED.json'), 'utf8')) : {};
  const num = (text) => Number(String(text).replace(/,/g, ''));

  const expected = JSON.parse(run(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'test/e2e/expected.ts', ...importFiles]));

  const page = await newPage();
  const text = async (id) => (await page.getByTestId(id).first().textContent())?.trim();
  await page.getByTestId('district-name').waitFor();
  const d = expected.demo;
  console.log('demo district');
  equal(await text('district-name'), d.districtName, 'district name');
  equal(await text('base-year'), d.baseYear, 'base year');
  equal(await text('total-students'), d.students, 'students');
  equal(await text('total-sites'), d.sites, 'sites');
  equal(await text('total-positions'), d.positions, 'positions');
  equal(await text('total-fte'), d.fte, 'FTE');
  equal(await text('total-budget'), d.budget, 'budget, all funds');
  equal(await text('total-restricted'), d.restricted, 'restricted');
  equal(await text('total-unrestricted'), d.unrestricted, 'general (unrestricted)');
  equal(await page.locator('[data-testid=site-table] tbody tr').count(), d.siteRows + 1, 'site rows (+ district-wide)');
  equal(await page.locator('[data-testid=fund-table] tbody tr').count(), d.fundRows, 'fund rows');
  check(await page.locator('[data-testid=budget-by-fund-chart] canvas').isVisible(), 'budget-by-fund chart drawn');
  await page.screenshot({ path: join(shots, 'overview.png'), fullPage: true });

  for (const [i, file] of importFiles.entries()) {
    const want = expected.files[i];
    console.log(`import ${want.name}`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open file…' }).click();
    await (await chooser).setFiles(file);
    // A single export opens in the import wizard (issue 13), its counts in view on every step.
    await page.locator('[data-testid=import-wizard] .file-name', { hasText: want.name }).waitFor();
    equal(await text('import-rows'), want.rows, `${want.name} rows read`);
    equal(await text('import-accepted'), want.accepted, `${want.name} accepted`);
    equal(await text('import-rejected'), want.rejected, `${want.name} rejected`);
    equal(await page.getByTestId('report-kind').count(), want.reports, `${want.name} tables read (one per wizard)`);
    const fixture = recorded[want.name];
    if (fixture) {
      equal(num(await text('import-rows')), fixture.rows, `${want.name} rows read = fixtures/messy/EXPECTED.json`);
      equal(num(await text('import-accepted')), fixture.accepted, `${want.name} accepted = fixtures/messy/EXPECTED.json`);
    }
    if (i === 0) {
      // Hand count: 5 rows under the header; accepted GEN salaries, GEN supplies (negative), T1A
      // services; rejected "12abc" (bad amount) and the Total row (excluded) → 3 + 2 = 5.
      // Amount: 1,234,567.89 − 1,200.00 + 12,000.00 = $1,245,367.89; fiscal year from the title.
      equal(await text('report-kind'), 'Budget', 'own CSV: guessed as a budget');
      if ((await text('report-kind')) !== 'Budget') {
        // The user's way out of a wrong guess: the wizard's Table step → Budget reads the file again.
        await page.getByTestId('step-table').click();
        await page.getByTestId('read-as').selectOption('budget');
        await page.getByTestId('report-kind').filter({ hasText: 'Budget' }).waitFor();
      }
      await page.getByTestId('step-preview').click();
      equal(await text('import-rows'), '5', 'own CSV: rows read (hand count)');
      equal(await text('import-accepted'), '3', 'own CSV: accepted (hand count)');
      equal(await text('import-rejected'), '2', 'own CSV: rejected (hand count)');
      equal(await text('report-amount'), '$1,245,367.89', 'own CSV: amount total');
      check(await page.getByTestId('import-errors').locator('tbody tr', { hasText: '12abc' }).count() === 1, 'own CSV: the bad amount is listed with its row and column');
      await page.screenshot({ path: join(shots, 'import.png'), fullPage: true });
    }
    if (want.name === 'budget-export-1252.csv') {
      await page.getByTestId('step-preview').click();
      // Location is printed once per group with "- Total" rows: filled down, listed, and the
      // checkbox turns it off (the rows stay accepted: a blank Location is a district-wide line).
      check(await page.getByTestId('import-filled-down').isVisible(), 'grouped export: the filled-down column is listed');
      check((await text('import-filled-down'))?.includes('Location (site_id)'), 'grouped export: fill-down names the column and field');
      await page.getByTestId('opt-fill-down').uncheck();
      await page.getByTestId('import-filled-down').waitFor({ state: 'detached' });
      equal(await text('import-accepted'), want.accepted, 'fill-down off: the same rows accepted');
      await page.getByTestId('opt-fill-down').check();
      await page.getByTestId('import-filled-down').waitFor();
      check(await page.getByTestId('opt-fill-down').isChecked(), 'fill-down back on');
    }
  }

  console.log('import blank-object.csv');
  {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open file…' }).click();
    await (await chooser).setFiles(blankObjectCsv);
    await page.locator('[data-testid=import-wizard] .file-name', { hasText: 'blank-object.csv' }).waitFor();
    await page.getByTestId('step-preview').click();
    // Hand count: 3 lines, all accepted (row 5's blank object kept as "unclassified");
    // 1,000.00 + 250.00 + 50.00 = $1,300.00 = the file's own total.
    equal(await text('import-accepted'), '3', 'blank object: kept (accepted)');
    equal(await text('report-ties'), 'yes', 'blank object: the total ties to the file');
    check((await text('import-unclassified'))?.includes('1 row with a blank object kept as "unclassified"'), 'blank object: listed as unclassified');
    await page.screenshot({ path: join(shots, 'import-unclassified.png'), fullPage: false });
    await page.getByTestId('opt-strict').check();
    await page.getByTestId('report-ties').filter({ hasText: 'no' }).waitFor();
    equal(await text('import-accepted'), '2', 'strict: the blank object rejected');
    equal(await text('report-ties'), 'no: file $1,300.00', 'strict: the total no longer ties, and says the file\'s total');
    await page.getByTestId('opt-strict').uncheck();
    await page.getByTestId('report-ties').filter({ hasText: 'yes' }).waitFor();
  }

  // The committed demo workbook, opened as a file, must show exactly the built-in demo's totals.
  const demoWorkbook = join(root, 'fixtures', 'demo', 'demo-district.xlsx');
  if (existsSync(demoWorkbook)) {
    console.log('open fixtures/demo/demo-district.xlsx');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open file…' }).click();
    await (await chooser).setFiles(demoWorkbook);
    await page.locator('[data-testid=import-panel] .file-name', { hasText: 'demo-district.xlsx' }).waitFor({ timeout: 40_000 });
    check(await page.getByText('project opened').isVisible(), 'demo workbook: opened as a project');
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByTestId('total-students').waitFor();
    check((await page.locator('.page-title').textContent())?.includes('demo-district.xlsx'), 'demo workbook: now the project on screen');
    equal(await text('total-students'), d.students, 'demo workbook: students');
    equal(await text('total-fte'), d.fte, 'demo workbook: FTE');
    equal(await text('total-budget'), d.budget, 'demo workbook: budget');
    equal(await text('total-restricted'), d.restricted, 'demo workbook: restricted');
    await page.screenshot({ path: join(shots, 'workbook.png'), fullPage: false });
  }

  // A project with errors: the same problems as `steward validate`, and none of its figures on screen.
  console.log('open a workbook with errors');
  const wrong = join(scratch, 'wrong.xlsx');
  run('npx', ['tsx', 'test/e2e/wrong-workbook.ts', wrong]);
  const validated = spawnSync('npx', ['tsx', 'cli/main.ts', 'validate', wrong, '--json'], { cwd: root, encoding: 'utf8' });
  equal(validated.status, 1, 'wrong workbook: steward validate exits 1');
  const cliErrors = JSON.parse(validated.stdout).problems.filter((p) => p.severity === 'error').map((p) => p.message);
  {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open file…' }).click();
    await (await chooser).setFiles(wrong);
  }
  await page.locator('[data-testid=import-panel] .file-name', { hasText: 'wrong.xlsx' }).waitFor({ timeout: 40_000 });
  equal(await text('import-outcome'), `opened with ${cliErrors.length} errors`, 'wrong workbook: opened to be fixed, with the error count');
  const panel = (await page.getByTestId('import-panel').textContent()) ?? '';
  check(cliErrors.length === 2 && cliErrors.every((m) => panel.includes(m)), `wrong workbook: every error steward validate lists is on screen, word for word (${cliErrors.length})`);
  await page.getByRole('link', { name: 'Overview' }).click();
  await page.getByTestId('figures-withheld').waitFor();
  equal(await page.getByTestId('total-students').count(), 0, 'wrong workbook: no figures are shown for a project with errors');
  const overviewText = (await page.locator('main').textContent()) ?? '';
  check(cliErrors.every((m) => overviewText.includes(m)), 'wrong workbook: the overview lists the same errors');
  await page.screenshot({ path: join(shots, 'refused.png'), fullPage: false });
  // Back to a valid project for what follows.
  await page.getByRole('button', { name: 'Demo district' }).click();
  await page.getByTestId('total-students').waitFor({ timeout: 40_000 });

  console.log('import junk.xlsx');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open file…' }).click();
  await (await chooser).setFiles(junk);
  await page.locator('[data-testid=import-panel] .file-name', { hasText: 'junk.xlsx' }).waitFor();
  check(await page.getByTestId('import-problems').isVisible(), 'junk file: a clear error is shown');
  await page.getByRole('link', { name: 'Overview' }).click();
  equal(await text('district-name'), d.districtName, 'junk file: the open project stays on screen');
  await page.screenshot({ path: join(shots, 'junk.png'), fullPage: false });

}
