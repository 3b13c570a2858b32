/* global window, document, performance, requestAnimationFrame, MutationObserver, HTMLInputElement -- page.evaluate functions run in the browser */
// The Data screen (issue 13): every table in a virtualised grid. A user edits an enrollment figure
// and sees the overview move by exactly that much, undoes and redoes it, types a value the cell
// cannot hold, makes a cross-table error and follows the problem to its cell, adds and deletes
// rows; then a 100,000-line budget scrolls with only a window of rows in the DOM. Expected
// figures come from the project, computed in Node (test/e2e/data-expected.ts), not from the screen.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

/** Scrolls a grid `step` px a frame for `frames` frames: the most rows in the DOM, and frame times. */
async function scrollFrames(grid, step, frames) {
  return grid.evaluate(async (el, [step, frames]) => {
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const rows = () => el.querySelectorAll('[data-testid=data-row]').length;
    el.scrollTop = 0;
    await frame();
    let maxRows = rows();
    const gaps = [];
    let last = performance.now();
    for (let f = 0; f < frames; f++) {
      el.scrollTop += step;
      await frame();
      const now = performance.now();
      gaps.push(now - last);
      last = now;
      maxRows = Math.max(maxRows, rows());
    }
    gaps.sort((a, b) => a - b);
    return { maxRows, p50: gaps[Math.floor(gaps.length / 2)], p95: gaps[Math.floor(gaps.length * 0.95)] };
  }, [step, frames]);
}

/** axe-core on the screen: its serious and critical violations, as "rule: target" lines. */
async function axeViolations(page, root) {
  const source = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.evaluate(source);
  const violations = await page.evaluate(async () => (await window.axe.run(document.querySelector('main'), { resultTypes: ['violations'] })).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`));
  return violations;
}

/** Latency of each Enter that commits a cell: keydown → the new version checked (problems and figures) → next frame painted. */
async function instrument(page) {
  await page.evaluate(() => {
    window.__latencies = [];
    const status = () => document.querySelector('[data-testid=check-status]');
    window.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' || !(e.target instanceof HTMLInputElement) || e.target.dataset.dtEditor === undefined) return;
      const t0 = performance.now();
      const before = status()?.dataset.version;
      const obs = new MutationObserver(() => {
        const s = status();
        if (s && s.dataset.checking === '0' && s.dataset.version !== before) {
          obs.disconnect();
          requestAnimationFrame(() => window.__latencies.push(performance.now() - t0));
        }
      });
      obs.observe(document.body, { subtree: true, attributes: true, childList: true, characterData: true });
    }, true);
  });
}

export default async function data({ scratch, shots, check, equal, run, newPage, root }) {
  const bigPath = join(scratch, 'budget-100k.steward');
  const x = JSON.parse(run(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'test/e2e/data-expected.ts', bigPath]));

  const page = await newPage({ viewport: { width: 1280, height: 800 } });
  const grid = (sheet) => page.getByRole('grid', { name: `${sheet} table` });
  const rowOf = (sheet, row) => grid(sheet).locator('[role=row]').filter({ has: page.locator('[role=rowheader]', { hasText: new RegExp(`^${row}$`) }) });
  const cell = (sheet, row, column) => rowOf(sheet, row).locator(`[data-column="${column}"]`);
  const text = async (loc) => ((await loc.textContent()) ?? '').trim();
  // The grid renders its rows through useDeferredValue, so its count follows a change a render
  // later (under load, later than the next read: CI at 70b3e6a). Wait up to 5 s for the count the
  // check expects, then read it as it is; the check itself decides.
  const rowCountOnceIt = async (want) => {
    await page.waitForFunction((w) => document.querySelector('[data-testid="row-count"]')?.textContent?.trim() === w, want, { timeout: 5000 }).catch(() => {});
    return text(page.getByTestId('row-count'));
  };
  const overviewStudents = async () => {
    await page.getByRole('link', { name: 'Overview' }).click();
    const t = await text(page.getByTestId('total-students'));
    await page.getByRole('link', { name: 'Data' }).click();
    await grid('Enrollment').waitFor();
    return t;
  };
  // Waits for a version checked after the last one seen (an edit, an undo or a redo was checked).
  let seen = null;
  const checked = async () => {
    await page.waitForFunction((prev) => {
      const el = document.querySelector('[data-testid=check-status]');
      return el !== null && el.dataset.checking === '0' && el.dataset.version !== prev;
    }, seen);
    seen = await page.getByTestId('check-status').getAttribute('data-version');
  };
  /** The focused cell as "row/column", once it is the one expected (or what it is after 5 s). */
  const focusedAt = async (want) => {
    const read = (w) => {
      const el = document.activeElement;
      const at = `${el?.closest('[role=row]')?.querySelector('[role=rowheader]')?.textContent}/${el?.getAttribute('data-column')}`;
      return w === undefined ? at : at === w;
    };
    await page.waitForFunction(read, want, { timeout: 5000 }).catch(() => {});
    return page.evaluate(read);
  };
  const tab = (sheet) => page.getByRole('tab', { name: new RegExp(`^${sheet}\\b`) });

  await page.getByTestId('district-name').waitFor();
  equal(await text(page.getByTestId('total-students')), x.students.before, 'overview: students before (from the project)');

  console.log('edit an Enrollment figure');
  await page.getByRole('link', { name: 'Data' }).click();
  await grid('Enrollment').waitFor();
  await checked();
  // Find the row with the column filters, as a user would: site and year narrow it down.
  await page.getByRole('textbox', { name: 'Filter site_id' }).fill(x.target.site_id);
  await page.getByRole('textbox', { name: 'Filter year' }).fill(`=${x.target.year}`);
  const students = cell('Enrollment', x.target.row, 'students');
  await students.waitFor();
  equal(await text(students), String(x.target.students), `Enrollment row ${x.target.row} (${x.target.site_id}, ${x.target.year}, ${x.target.grade}): students before`);
  const filteredTotal = await text(page.getByTestId('totals-row').locator('[data-column=students]'));
  await students.click();
  await page.keyboard.type(String(x.target.students + x.delta));
  await page.keyboard.press('Enter');
  await checked();
  equal(await text(students), String(x.target.students + x.delta), 'the cell shows the new figure');
  equal(Number((await text(page.getByTestId('totals-row').locator('[data-column=students]'))).replace(/,/g, '')) - Number(filteredTotal.replace(/,/g, '')), x.delta, 'the totals row moves by the same amount');
  equal(await overviewStudents(), x.students.after, `overview: students after +${x.delta}`);

  console.log('undo and redo');
  await cell('Enrollment', x.target.row, 'students').click();
  await page.keyboard.press('Control+z');
  await checked();
  equal(await text(students), String(x.target.students), 'Ctrl+Z: the cell is back');
  equal(await overviewStudents(), x.students.before, 'Ctrl+Z: overview students back');
  await page.keyboard.press('Control+Shift+z');
  await checked();
  equal(await overviewStudents(), x.students.after, 'Ctrl+Shift+Z: overview students again');

  console.log('an invalid value');
  const versionBefore = await page.getByTestId('check-status').getAttribute('data-version');
  await students.click();
  await page.keyboard.type('-4');
  const message = page.getByTestId('cell-message');
  equal(await text(message), '-4 is below the minimum 0', 'typing -4: the message shows as it is typed');
  await page.keyboard.press('Enter');
  check(await message.isVisible(), 'Enter on an invalid value: the message stays, nothing is committed');
  const editor = page.getByRole('textbox', { name: `students, row ${x.target.row}` });
  check(await editor.isVisible(), 'the cell editor is named by its column and row');
  equal(await editor.getAttribute('aria-invalid'), 'true', 'the editor is marked invalid');
  await editor.fill('12.5');
  equal(await text(message), 'not a whole number: 12.5', 'typing 12.5: the importer\'s message');
  await page.screenshot({ path: join(shots, 'data-invalid.png') });
  const axeEditing = await axeViolations(page, root);
  check(axeEditing.length === 0, `axe: no serious or critical violations with a cell editor and its message open${axeEditing.length ? `:\n    ${axeEditing.join('\n    ')}` : ''}`);
  await page.keyboard.press('Escape');
  equal(await page.getByTestId('check-status').getAttribute('data-version'), versionBefore, 'Escape: no new version was made');
  equal(await text(students), String(x.target.students + x.delta), 'Escape: the cell keeps its value');

  console.log('a cross-table error, followed from the problems panel to its cell');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await tab('Needs').click();
  await grid('Needs').waitFor();
  await page.getByTestId('data-search').fill(x.need.need_id);
  const site = cell('Needs', x.need.row, 'site_id');
  equal(await text(site), x.need.site_id, `Needs row ${x.need.row}: site_id before`);
  await site.dblclick();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('999');
  await page.keyboard.press('Enter');
  await checked();
  await page.getByTestId('data-search').fill('');
  const listed = await page.getByTestId('problem').allTextContents();
  check(x.needErrors.length === 1 && x.needErrors.every((e) => listed.some((l) => l.includes(e.message) && l.includes(`row ${e.row}`))), `the problems panel lists what validate finds: ${x.needErrors.map((e) => `${e.sheet} row ${e.row}: ${e.message}`).join('; ')}`);
  equal(await text(tab('Needs').locator('.table-tab-errors')), `${x.needErrors.length} error`, 'the Needs tab counts its error');
  check((await site.getAttribute('class'))?.includes('dt-problem-error'), 'the cell is marked');
  await page.screenshot({ path: join(shots, 'data-1280.png') });
  const axeProblems = await axeViolations(page, root);
  check(axeProblems.length === 0, `axe: no serious or critical violations on the Data screen with a problem listed${axeProblems.length ? `:\n    ${axeProblems.join('\n    ')}` : ''}`);
  await page.setViewportSize({ width: 900, height: 700 });
  await page.screenshot({ path: join(shots, 'data-900.png') });
  await page.setViewportSize({ width: 1280, height: 800 });
  // Hide the row behind a filter and go elsewhere first, so the click has to choose the table,
  // clear the filter, scroll and focus.
  await page.getByRole('textbox', { name: 'Filter category' }).fill('no such category');
  equal(await rowCountOnceIt(`0 of ${x.need.rows} rows`), `0 of ${x.need.rows} rows`, 'a filter hides every Needs row');
  await tab('Budget').click();
  await grid('Budget').evaluate((el) => { el.scrollTop = 20_000; });
  await page.getByTestId('problem').filter({ hasText: x.needErrors[0].message }).click();
  await grid('Needs').waitFor();
  const want = `${x.needErrors[0].row}/${x.needErrors[0].column}`;
  equal(await focusedAt(want), want, 'a click on the problem focuses its cell (row/column)');
  check((await text(page.getByRole('status').filter({ hasText: 'Filters cleared' }))).includes(`row ${x.needErrors[0].row}`), 'the filter hiding the row was cleared, and the screen says so');
  await page.keyboard.press('Control+z');
  await checked();
  equal(await page.getByTestId('problem').count(), 0, 'Ctrl+Z: the problem is gone');

  console.log('add a row, delete rows, undo');
  equal(await rowCountOnceIt(`${x.need.rows} rows`), `${x.need.rows} rows`, 'Needs rows before');
  await page.getByRole('button', { name: 'Add row' }).click();
  const form = page.getByTestId('new-row-form');
  await form.getByRole('textbox', { name: 'need_id' }).fill('N-NEW');
  await form.getByRole('textbox', { name: 'category' }).fill('english_learners');
  await form.getByRole('textbox', { name: 'cost' }).fill('$1,500');
  await form.getByRole('button', { name: 'Add the row' }).click();
  const axeForm = await axeViolations(page, root);
  check(axeForm.length === 0, `axe: no serious or critical violations with the new-row form open${axeForm.length ? `:\n    ${axeForm.join('\n    ')}` : ''}`);
  equal(await text(form.getByRole('alert')), 'missing priority', 'a new row without its priority is refused, saying which column');
  await form.getByRole('textbox', { name: 'priority' }).fill('2');
  await form.getByRole('textbox', { name: 'site_id' }).fill('999');
  await form.getByRole('button', { name: 'Add the row' }).click();
  await checked();
  equal(await rowCountOnceIt(`${x.need.rows + 1} rows`), `${x.need.rows + 1} rows`, 'the row is added');
  const newRow = String(x.need.rows + 2);
  await page.getByTestId('problem').filter({ hasText: `row ${newRow}` }).click();
  equal(await focusedAt(`${newRow}/site_id`), `${newRow}/site_id`, 'a problem on the added row leads to it (it has a source of its own)');
  await page.keyboard.press('Control+z');
  await checked();
  equal(await rowCountOnceIt(`${x.need.rows} rows`), `${x.need.rows} rows`, 'Ctrl+Z: the added row is gone');
  await grid('Needs').evaluate((el) => { el.scrollTop = 0; });
  await rowOf('Needs', '2').getByRole('checkbox').check();
  await rowOf('Needs', '3').getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Delete 2 rows' }).click();
  await checked();
  equal(await rowCountOnceIt(`${x.need.rows - 2} rows`), `${x.need.rows - 2} rows`, 'two rows deleted at once');
  await page.keyboard.press('Control+z');
  await checked();
  equal(await rowCountOnceIt(`${x.need.rows} rows`), `${x.need.rows} rows`, 'one Ctrl+Z brings both back');

  console.log('keyboard: arrows, Tab, Enter move like a spreadsheet');
  await tab('Enrollment').click();
  await cell('Enrollment', '2', 'site_id').click();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Tab');
  equal(await focusedAt('3/grade'), '3/grade', 'Down, Right, Tab: row 3, grade');
  equal(await grid('Enrollment').getAttribute('aria-rowcount'), String(340 + 3), 'aria-rowcount: the rows in view plus header, filter and totals rows');

  console.log('timing: edit → re-validated on the demo');
  const timing = await newPage({ viewport: { width: 1280, height: 800 } });
  await timing.getByTestId('district-name').waitFor();
  await timing.getByRole('link', { name: 'Data' }).click();
  await timing.locator('[data-testid=check-status][data-checking="0"]').waitFor();
  await instrument(timing);
  const tcell = timing.getByRole('grid', { name: 'Enrollment table' }).locator('[role=row]').filter({ has: timing.locator('[role=rowheader]', { hasText: /^2$/ }) }).locator('[data-column=students]');
  for (let k = 1; k <= 12; k++) {
    await tcell.click();
    await timing.keyboard.type(String(100 + k));
    await timing.keyboard.press('Enter');
    await timing.waitForFunction((n) => window.__latencies.length >= n, k);
  }
  const demoLat = (await timing.evaluate(() => window.__latencies)).slice(2);
  console.log(`  demo: edit → checked and painted, median ${ms(median(demoLat))}, min ${ms(Math.min(...demoLat))}, max ${ms(Math.max(...demoLat))} over ${demoLat.length} edits (wall time: includes waiting for a CPU on a loaded machine)`);
  await timing.getByRole('tab', { name: /^Budget\b/ }).click();
  const small = await scrollFrames(timing.getByRole('grid', { name: 'Budget table' }), 120, 90);
  check(median(demoLat) < 250, `demo: an edit is re-validated within 250 ms on this machine (median ${ms(median(demoLat))}; target 50 ms, see the report)`);

  console.log('100,000 budget lines');
  const big = await newPage({ viewport: { width: 1280, height: 800 } });
  await big.getByTestId('district-name').waitFor();
  const chooser = big.waitForEvent('filechooser');
  await big.getByRole('button', { name: 'Open file…' }).click();
  await (await chooser).setFiles(bigPath);
  await big.locator('.file-name', { hasText: 'budget-100k.steward' }).waitFor({ timeout: 60_000 });
  await big.getByRole('link', { name: 'Data' }).click();
  await big.getByRole('tab', { name: /^Budget\b/ }).click();
  const bgrid = big.getByRole('grid', { name: 'Budget table' });
  await bgrid.waitFor();
  equal(await text(big.getByTestId('row-count')), '100,000 rows', 'all 100,000 lines are in the table');
  await big.locator('[data-testid=check-status][data-checking="0"]').waitFor({ timeout: 60_000 });
  // A fast wheel (120 px a frame) over the 100,000 lines; the demo's 2,500-line Budget was scrolled
  // the same way above: the frame cost should not depend on the table's size.
  const scroll = await scrollFrames(bgrid, 120, 90);
  const jump = await scrollFrames(bgrid, 3000, 30);
  const end = await bgrid.evaluate(async (el) => {
    el.scrollTop = el.scrollHeight;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return { lastHeaders: [...el.querySelectorAll('[role=rowheader]')].map((h) => h.textContent).slice(-3), rows: el.querySelectorAll('[data-testid=data-row]').length };
  });
  console.log(`  scrolling 100,000 lines 120 px a frame: at most ${scroll.maxRows} rows in the DOM; frame median ${ms(scroll.p50)}, 95th percentile ${ms(scroll.p95)}`);
  console.log(`  the demo's 2,500-line Budget (same columns), the same way: frame median ${ms(small.p50)}, 95th percentile ${ms(small.p95)}`);
  console.log(`  jumping 100 rows a frame: at most ${jump.maxRows} rows in the DOM; frame median ${ms(jump.p50)}, 95th percentile ${ms(jump.p95)}`);
  scroll.maxRows = Math.max(scroll.maxRows, jump.maxRows, end.rows);
  scroll.lastHeaders = end.lastHeaders;
  check(scroll.maxRows < 60, `only a window of rows is in the DOM while scrolling 100,000 (${scroll.maxRows})`);
  check(scroll.lastHeaders.includes(x.big.lastRow), `the end of the table is reached: row ${x.big.lastRow} shown (${scroll.lastHeaders.join(', ')})`);
  await big.screenshot({ path: join(shots, 'data-100k.png') });
  await instrument(big);
  const bcell = bgrid.locator('[role=row]').filter({ has: big.locator('[role=rowheader]', { hasText: /^2$/ }) }).locator('[data-column=amount]');
  for (let k = 1; k <= 7; k++) {
    await bcell.click();
    await big.keyboard.type(`${1000 + k}.00`);
    await big.keyboard.press('Enter');
    await big.waitForFunction((n) => window.__latencies.length >= n, k, { timeout: 60_000 });
  }
  const bigLat = (await big.evaluate(() => window.__latencies)).slice(2);
  console.log(`  100,000 lines: edit → checked and painted, median ${ms(median(bigLat))}, min ${ms(Math.min(...bigLat))}, max ${ms(Math.max(...bigLat))} over ${bigLat.length} edits`);
  const sortStart = Date.now();
  await bgrid.getByRole('button', { name: 'amount' }).click();
  await bgrid.locator('[role=columnheader][aria-sort=ascending]').waitFor();
  console.log(`  sorting 100,000 lines by amount: ${Date.now() - sortStart} ms (click to sorted, through Playwright)`);
}
