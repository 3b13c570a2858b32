/* global document, indexedDB, setTimeout */
// Issue 13's new user, in one sitting: start → the demo → Data: edit an enrollment figure and see
// the overview move → undo, redo → Import: a messy budget workbook through the wizard, one mapping
// fixed, added to the project → Save (a .steward download) → reload the page → open the saved file
// again → its figures equal `steward validate` / `steward allocate --json` on that same file. Then
// a workbook with cross-table errors: problems listed, figures withheld. The other scenarios go
// deeper into each step (20-data, 30-import, 40-files); this one proves they hold together.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export default async function journey({ root, scratch, shots, check, equal, run, newPage }) {
  const tsx = [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs')];
  const node = (...args) => run(process.execPath, [...tsx, ...args]);
  const x = JSON.parse(node('test/e2e/data-expected.ts', join(scratch, 'journey-unused-100k.steward')));
  const messy = join(root, 'fixtures', 'messy', 'budget-export.xlsx');
  const imported = JSON.parse(node('cli/main.ts', 'import', messy, '--json', '--map', 'description=Program', '--set', 'fund_code=GEN'));
  const want = JSON.parse(node('test/e2e/import-expected.ts', String(imported.totals.amountCents)));

  const page = await newPage({ viewport: { width: 1280, height: 800 } });
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.type());
    void d.accept();
  });
  const text = async (id) => (await page.getByTestId(id).first().textContent())?.trim();
  const overview = async () => {
    await page.getByRole('link', { name: 'Overview', exact: true }).click();
    await page.getByTestId('district-name').waitFor();
  };
  const students = async (want) => {
    await overview();
    await page.getByTestId('total-students').filter({ hasText: new RegExp(`^\\s*${want.replace(/[$,.]/g, '\\$&')}\\s*$`) }).waitFor({ timeout: 20_000 }).catch(() => {});
    return text('total-students');
  };

  console.log('start: the demo district, no file');
  await page.getByTestId('district-name').waitFor({ timeout: 40_000 });
  equal(await text('total-students'), x.students.before, 'the demo opens on the overview (students)');
  equal(await text('total-budget'), want.before, 'the demo opens on the overview (budget)');
  await page.screenshot({ path: join(shots, 'journey-1-demo.png') });

  console.log('Data: one enrollment figure');
  await page.getByRole('link', { name: 'Data', exact: true }).click();
  const grid = page.getByRole('grid', { name: 'Enrollment table' });
  await grid.waitFor();
  await page.getByRole('textbox', { name: 'Filter site_id' }).fill(x.target.site_id);
  await page.getByRole('textbox', { name: 'Filter year' }).fill(`=${x.target.year}`);
  const cell = grid.locator('[role=row]').filter({ has: page.locator('[role=rowheader]', { hasText: new RegExp(`^${x.target.row}$`) }) }).locator('[data-column="students"]');
  equal((await cell.textContent())?.trim(), String(x.target.students), `Enrollment row ${x.target.row}: the figure before`);
  await cell.click();
  await page.keyboard.type(String(x.target.students + x.delta));
  await page.keyboard.press('Enter');
  await page.getByTestId('unsaved').waitFor();
  await page.screenshot({ path: join(shots, 'journey-2-edited.png') });
  equal(await students(x.students.after), x.students.after, `overview: students +${x.delta}`);

  console.log('undo, redo');
  await page.keyboard.press('Control+z');
  equal(await students(x.students.before), x.students.before, 'Ctrl+Z: the overview is back');
  await page.getByRole('button', { name: 'Redo' }).click();
  equal(await students(x.students.after), x.students.after, 'Redo: the edit again');

  console.log('Import: the messy budget workbook through the wizard');
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await page.getByRole('heading', { name: 'Import', level: 1 }).waitFor();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles(messy);
  await page.locator('[data-testid=import-wizard] .file-name', { hasText: 'budget-export.xlsx' }).waitFor({ timeout: 40_000 });
  await page.getByTestId('step-columns').click();
  const program = await page.getByTestId('map-description').locator('option', { hasText: /^Program/ }).getAttribute('value');
  await page.getByTestId('map-description').selectOption(program);
  await page.getByTestId('mapping-description').getByText('your choice').waitFor();
  await page.getByTestId('set-fund_code').fill('GEN');
  await page.getByTestId('set-fund_code').press('Enter');
  await page.getByTestId('mapping-fund_code').getByText('your value for every row').waitFor();
  await page.screenshot({ path: join(shots, 'journey-3-mapping.png') });
  await page.getByTestId('wizard-next').click(); // preview
  equal(await text('import-accepted'), imported.accepted.toLocaleString('en-US'), 'the wizard accepts what steward import accepts with the same choices');
  await page.getByTestId('wizard-next').click(); // add
  await page.getByTestId('add-import').click();
  await page.getByTestId('import-result').waitFor();
  await overview();
  await page.getByTestId('total-budget').filter({ hasText: want.after }).waitFor({ timeout: 20_000 });
  equal(await text('total-budget'), want.after, 'overview: the budget grew by exactly what was imported');
  equal(await text('total-students'), x.students.after, 'overview: the enrollment edit is still there');

  console.log('Save, reload, open the saved file');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const saved = join(scratch, 'journey.steward');
  await (await downloading).saveAs(saved);
  await page.getByTestId('unsaved').waitFor({ state: 'detached' });
  const file = JSON.parse(readFileSync(saved, 'utf8'));
  equal(file.format, 'steward', 'the download is a Steward project');
  const edited = file.project.enrollment.find((e) => e.site_id === x.target.site_id && e.year === x.target.year && e.grade === x.target.grade);
  equal(edited?.students, x.target.students + x.delta, 'the saved file holds the enrollment edit');
  // Saved: the recovery copy in IndexedDB goes (asynchronously; wait for it before reloading).
  const copyGone = await page.evaluate(async () => {
    const has = () => new Promise((resolve) => {
      const req = indexedDB.open('steward', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('recovery');
      req.onsuccess = () => {
        const get = req.result.transaction('recovery', 'readonly').objectStore('recovery').get('unsaved');
        get.onsuccess = () => { req.result.close(); resolve(get.result !== undefined); };
        get.onerror = () => { req.result.close(); resolve(true); };
      };
      req.onerror = () => resolve(true);
    });
    for (let i = 0; i < 150; i++) {
      if (!(await has())) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  });
  check(copyGone, 'saved: the recovery copy of the unsaved work is removed');
  await page.reload();
  await page.getByTestId('district-name').waitFor({ timeout: 40_000 });
  equal(await page.getByTestId('recovery-prompt').count(), 0, 'nothing to restore: the work was saved');
  {
    const c = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open file…' }).click();
    await (await c).setFiles(saved);
  }
  await page.getByTestId('doc-name').filter({ hasText: 'journey.steward' }).waitFor({ timeout: 40_000 });
  await overview();
  await page.getByTestId('total-budget').filter({ hasText: want.after }).waitFor({ timeout: 20_000 });
  equal(await text('total-budget'), want.after, 'reopened: the budget as saved');
  equal(await text('total-students'), x.students.after, 'reopened: the students as saved');
  await page.screenshot({ path: join(shots, 'journey-4-reopened.png') });

  console.log('the CLI on the same file');
  const validated = JSON.parse(node('cli/main.ts', 'validate', saved, '--json'));
  equal(validated.errors, 0, 'steward validate: no errors');
  equal(await page.getByTestId('problems-badge').count(), 0, 'no problems on screen either');
  const allocated = JSON.parse(node('cli/main.ts', 'allocate', saved, '--json'));
  equal(await text('total-students'), allocated.sites.reduce((n, s) => n + s.enrollment, 0).toLocaleString('en-US'), 'students = steward allocate (sum of site enrollment)');
  const baseCents = file.project.budget.filter((b) => b.fiscal_year === file.project.settings.base_year).reduce((n, b) => n + b.amount, 0);
  equal(baseCents, want.beforeCents + imported.totals.amountCents, 'the saved base-year budget = the demo + steward import, to the cent');
  await page.getByRole('link', { name: 'Allocate', exact: true }).click();
  const unallocated = page.getByTestId('allocate-unallocated');
  await unallocated.waitFor({ timeout: 40_000 });
  const cents = allocated.unallocated_general.cents;
  equal((await unallocated.textContent())?.trim(), (cents / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD' }), 'Allocate: unallocated general money = steward allocate');

  console.log('a workbook with cross-table errors');
  const wrong = join(scratch, 'journey-wrong.xlsx');
  node('test/e2e/wrong-workbook.ts', wrong);
  {
    const c = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open file…' }).click();
    await (await c).setFiles(wrong);
  }
  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  await page.getByTestId('figures-withheld').waitFor({ timeout: 40_000 });
  const listed = (await page.locator('main').textContent()) ?? '';
  const validatedWrong = spawnSync(process.execPath, [...tsx, 'cli/main.ts', 'validate', wrong, '--json'], { cwd: root, encoding: 'utf8' });
  equal(validatedWrong.status, 1, 'steward validate refuses the workbook (exit 1)');
  const wrongErrors = JSON.parse(validatedWrong.stdout).problems.filter((p) => p.severity === 'error').map((p) => p.message);
  check(wrongErrors.length > 0 && wrongErrors.every((m) => listed.includes(m)), `the overview lists every error steward validate lists, word for word (${wrongErrors.length})`);
  equal(await page.getByTestId('total-students').count(), 0, 'no figures for a project with errors');
  await page.screenshot({ path: join(shots, 'journey-5-errors.png') });
  check(await page.evaluate(() => document.title.length > 0), 'the window has a title');
}
