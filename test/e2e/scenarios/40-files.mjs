// Files that never lose work, in the browser build: the demo → an edit (File → Project settings) →
// Save (a .steward download that holds the edit) → a second edit, kept for recovery → reload (the
// page asks before leaving) → "Restore unsaved work from …?" → restore: the edit is there → open the
// saved file (after saying what to do with the unsaved work) → its figures are the CLI's on the same
// file → a file from a newer Steward is refused with a clear message. Screenshots of the restore
// offer at 1280×800 and 900×700.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SAVED_NAME = 'Riverbend USD (saved edit)';
const UNSAVED_NAME = 'Riverbend USD (unsaved edit)';

export default async function files({ scratch, shots, check, equal, run, newPage }) {
  const page = await newPage();
  const dialogs = [];
  // The browser's own "Leave site?" question (beforeunload): recorded and answered "leave".
  page.on('dialog', (d) => {
    dialogs.push(d.type());
    void d.accept();
  });
  const text = async (id) => (await page.getByTestId(id).first().textContent())?.trim();
  const overview = async () => {
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByTestId('district-name').waitFor();
  };
  /** File → Project settings…: rename the district (one undoable edit). */
  const rename = async (name) => {
    await page.getByRole('button', { name: 'Settings…' }).click();
    const dialog = page.getByTestId('settings-dialog');
    await dialog.getByLabel('District name').fill(name);
    if (name === SAVED_NAME) await page.screenshot({ path: join(shots, 'files-settings.png') });
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('district-name').filter({ hasText: name }).waitFor();
  };

  console.log('start: the demo, no restore offer');
  await page.getByTestId('district-name').waitFor();
  const demoName = await text('district-name');
  equal(await page.getByTestId('recovery-prompt').count(), 0, 'nothing to restore on a first start');
  equal(await page.getByTestId('unsaved').count(), 0, 'the demo is not unsaved');

  console.log('edit, then save (a download)');
  await rename(SAVED_NAME);
  check(await page.getByTestId('unsaved').isVisible(), 'the edit shows the unsaved marker');
  check((await page.title()).startsWith('• '), `the window title shows it too: "${await page.title()}"`);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const download = await downloading;
  equal(download.suggestedFilename(), 'Riverbend demo district.steward', 'Save downloads a .steward file');
  const savedPath = join(scratch, 'riverbend.steward');
  await download.saveAs(savedPath);
  const saved = JSON.parse(readFileSync(savedPath, 'utf8'));
  equal(saved.format, 'steward', 'the download is a Steward project');
  equal(saved.project.settings.district_name, SAVED_NAME, 'the saved file holds the edit');
  await page.getByTestId('unsaved').waitFor({ state: 'detached' });
  check(!(await page.title()).startsWith('• '), 'saved: no unsaved marker');

  console.log('a second edit, kept for recovery, then reload');
  await rename(UNSAVED_NAME);
  await page.locator('[data-testid=unsaved][data-recovery-kept]').waitFor({ timeout: 15_000 });
  check(/kept for recovery today at/.test((await page.getByTestId('unsaved').getAttribute('title')) ?? ''), 'the marker says the changes are kept for recovery');
  await page.reload();
  check(dialogs.includes('beforeunload'), `leaving the page with unsaved changes asked first (${dialogs.join(', ') || 'no dialog'})`);

  console.log('the restore offer');
  const prompt = page.getByTestId('recovery-prompt');
  await prompt.waitFor();
  const question = (await prompt.getByRole('heading').textContent())?.trim() ?? '';
  check(/^Restore unsaved work from today at .+\?$/.test(question), `it asks: "${question}"`);
  check((await prompt.textContent())?.includes('Riverbend demo district.steward'), 'it names the project (as it was saved)');
  check(await prompt.getByRole('button', { name: 'Restore' }).evaluate((b) => b === b.ownerDocument.activeElement), 'Restore has the focus');
  await page.getByTestId('district-name').waitFor(); // the demo behind it, so the screenshot shows the window
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: join(shots, 'files-recovery-1280x800.png') });
  await page.setViewportSize({ width: 900, height: 700 });
  await page.screenshot({ path: join(shots, 'files-recovery-900x700.png') });
  await page.keyboard.press('Escape');
  check(await prompt.isVisible(), 'Escape does not throw the unsaved work away');
  await page.setViewportSize({ width: 1360, height: 900 });
  await prompt.getByRole('button', { name: 'Restore' }).click();
  await prompt.waitFor({ state: 'detached' });
  await page.getByTestId('district-name').filter({ hasText: UNSAVED_NAME }).waitFor();
  equal(await text('district-name'), UNSAVED_NAME, 'restored: the unsaved edit is there');
  check(await page.getByTestId('unsaved').isVisible(), 'restored work is unsaved');
  check(await page.getByTestId('total-students').isVisible(), 'figures shown for the restored project');

  console.log('open the saved file (the unsaved work asks first)');
  await page.getByRole('button', { name: 'Open file…' }).click();
  const replace = page.getByTestId('replace-prompt');
  await replace.waitFor();
  const replaceQuestion = (await replace.getByRole('heading').textContent())?.trim();
  equal(replaceQuestion, 'Save the changes to Riverbend demo district.steward?', 'opening another project asks about the unsaved changes (the name it was saved under)');
  await page.screenshot({ path: join(shots, 'files-replace.png') });
  const chooser = page.waitForEvent('filechooser');
  await replace.getByRole('button', { name: 'Don’t save' }).click();
  await (await chooser).setFiles(savedPath);
  await page.getByTestId('doc-name').filter({ hasText: 'riverbend.steward' }).waitFor({ timeout: 40_000 });
  await overview();
  equal(await text('district-name'), SAVED_NAME, 'the saved file opens with the saved edit');
  equal(await page.getByTestId('unsaved').count(), 0, 'a file just opened is not unsaved');

  console.log('its figures are the CLI\'s on the same file');
  const cli = (cmd) => JSON.parse(run('npx', ['tsx', 'cli/main.ts', cmd, savedPath, '--json']));
  const validated = cli('validate');
  equal(validated.errors, 0, 'steward validate: no errors');
  equal(await page.getByTestId('problems-badge').count(), 0, 'no problems on screen either');
  check(await page.getByTestId('total-students').isVisible(), 'figures shown (the gate passed, as validate says)');
  const allocated = cli('allocate');
  const students = allocated.sites.reduce((n, s) => n + s.enrollment, 0);
  equal(await text('total-students'), students.toLocaleString('en-US'), 'students = steward allocate (sum of site enrollment)');
  const siteRows = new Map();
  for (const row of await page.locator('[data-testid=site-table] tbody tr').all()) {
    const code = await row.locator('.code').first().textContent().catch(() => null);
    if (code) siteRows.set(code.trim(), (await row.locator('td').nth(2).textContent())?.trim());
  }
  const mismatched = allocated.sites.filter((s) => siteRows.get(s.site_id) !== s.enrollment.toLocaleString('en-US'));
  check(mismatched.length === 0 && allocated.sites.length > 0, `every site's students = steward allocate's enrollment (${allocated.sites.length} sites${mismatched.length ? `; differ: ${mismatched.map((s) => s.site_id).join(', ')}` : ''})`);
  check(demoName !== SAVED_NAME, 'the district name came from the file, not the demo');

  console.log('a file from a newer Steward is refused');
  const v99Path = join(scratch, 'from-the-future.steward');
  writeFileSync(v99Path, readFileSync(savedPath, 'utf8').replace(/"schemaVersion": \d+/, '"schemaVersion": 99'));
  {
    const chooser99 = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open file…' }).click();
    await (await chooser99).setFiles(v99Path);
  }
  const refusal = page.getByText(/this project was made by a newer Steward \(file version 99\); this one reads up to version \d+\. Update Steward to open it\./).first();
  await refusal.waitFor({ timeout: 40_000 });
  check(await refusal.isVisible(), 'the refusal names both versions and what to do');
  await page.screenshot({ path: join(shots, 'files-refused-v99.png') });
  equal((await text('doc-name'))?.replace(/\s*•.*$/, ''), 'riverbend.steward', 'the project on screen stays');

  console.log('the discarded work is not offered again');
  await page.reload();
  await page.getByTestId('doc-name').waitFor();
  await page.waitForTimeout(500);
  equal(await page.getByTestId('recovery-prompt').count(), 0, 'no restore offer after "Don’t save"');
}
