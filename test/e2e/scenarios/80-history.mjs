/* global document, window -- page.evaluate bodies run in the browser */
// History (issue 19): take a presented snapshot "Adopted", change a driver on the Data screen
// (step_increase 1.5% → 2%), open "What changed since Adopted": the Drivers cell and the moved balances are
// listed, and equal `steward diff --from Adopted --json` on the saved project; open the self-check:
// its levels and evidence equal `steward selfcheck --json`. Screenshots at 1280×800 and 900×700; axe.
import { join } from 'node:path';

const money = (cents) => `${cents < 0 ? '-' : ''}$${(Math.abs(cents) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const fte = (n) => n.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
const figure = (unit, v) => (v === null ? '—' : unit === 'cents' ? money(v) : unit === 'fte' ? fte(v) : String(Number(v.toPrecision(4))));
const value = (v) => (v === null || v === undefined || v === '' ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

async function axe(page, root) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ path: join(root, 'node_modules', 'axe-core', 'axe.min.js') });
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) })));
  for (const v of violations) console.log(`    axe: ${v.impact} ${v.id}: ${v.nodes.slice(0, 3).join(', ')}`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}`);
}

export default async function history({ root, scratch, shots, check, equal, run, newPage }) {
  // bypassCSP: axe is injected as an inline script, which the app's CSP (script-src 'self') refuses.
  const page = await newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  const text = async (loc) => ((await loc.textContent()) ?? '').trim();
  await page.getByTestId('total-students').waitFor({ timeout: 40_000 });
  const nav = (name) => page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name, exact: true });

  console.log('take snapshot "Adopted", presented');
  await nav('History').click();
  await page.getByTestId('snapshot-name').fill('Adopted');
  await page.getByTestId('snapshot-note').fill('Adopted budget, June board meeting');
  await page.getByLabel('Presented to the board').check();
  const take = page.getByRole('button', { name: 'Take snapshot' });
  await page.waitForFunction(() => !document.querySelector('.history-take button[type=submit]')?.disabled, null, { timeout: 60_000 });
  await take.click();
  await page.locator('[data-testid=snapshot-list] tr[data-snapshot="Adopted"]').waitFor();
  equal(await text(page.locator('[data-testid=snapshot-list] tr[data-snapshot="Adopted"] .tag')), 'Presented', 'the snapshot is listed as presented');
  equal(await page.getByRole('button', { name: 'Delete Adopted' }).count(), 0, 'a presented snapshot offers no delete');

  console.log('change a driver: Drivers, step_increase 1.5% → 2%');
  await nav('Data').click();
  await page.getByRole('tab', { name: /^Drivers\b/ }).click();
  const grid = page.getByRole('grid', { name: 'Drivers table' });
  await grid.waitFor();
  const row = grid.locator('[role=row]').filter({ has: page.locator('[data-column="driver"]', { hasText: /^step_increase$/ }) });
  const rowNumber = await text(row.locator('[role=rowheader]'));
  equal(await text(row.locator('[data-column="value"]')), '1.5%', `step_increase (Drivers row ${rowNumber}) before`);
  await row.locator('[data-column="value"]').click();
  await page.keyboard.type('2%');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => [...document.querySelectorAll('[role=row]')].some((r) => r.querySelector('[data-column="driver"]')?.textContent?.trim() === 'step_increase' && r.querySelector('[data-column="value"]')?.textContent?.trim() === '2%'));

  console.log('what changed since Adopted');
  await nav('History').click();
  await page.getByRole('button', { name: 'What changed since Adopted' }).click();
  await page.getByTestId('diff-inputs').waitFor({ timeout: 90_000 });
  await page.getByTestId('diff-results').waitFor({ timeout: 90_000 });
  const shownInputs = await page.locator('[data-testid=diff-inputs] tbody tr').evaluateAll((rows) => rows.map((r) => [r.dataset.table, r.dataset.row, r.dataset.column, r.querySelector('[data-testid=diff-old]').textContent, r.querySelector('[data-testid=diff-new]').textContent]));
  equal(JSON.stringify(shownInputs), JSON.stringify([['Drivers', rowNumber, 'value', '0.015', '0.02']]), `the diff lists the one input changed: Drivers row ${rowNumber} value 0.015 → 0.02`);
  const shownMoves = await page.locator('[data-testid=diff-results] tbody tr').evaluateAll((rows) => rows.map((r) => [r.dataset.label, r.querySelector('[data-testid=move-old]').textContent, r.querySelector('[data-testid=move-new]').textContent]));
  const balance = shownMoves.find((m) => m[0] === 'Base ending balance FY2027');
  check(balance !== undefined && balance[1] !== balance[2], `the Base FY2027 ending balance moved: ${JSON.stringify(balance)}`);

  console.log('save, then the CLI on the saved file');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const savedPath = join(scratch, 'history.steward');
  await (await downloading).saveAs(savedPath);
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const cli = JSON.parse(run(process.execPath, [tsx, 'cli/main.ts', 'diff', savedPath, '--from', 'Adopted', '--json']));
  equal(JSON.stringify(shownInputs), JSON.stringify(cli.inputs.map((c) => [c.table, String(c.row ?? ''), c.column ?? '', value(c.old), value(c.new)])), 'inputs changed equal steward diff --json');
  equal(JSON.stringify(shownMoves), JSON.stringify(cli.results.slice(0, 200).map((m) => [m.label, figure(m.unit, m.old), figure(m.unit, m.new)])), `figures moved (${cli.results.length}) equal steward diff --json, in its order`);
  equal(cli.engine_checks.map((c) => c.same).join(), 'true', 'the presented snapshot recomputes as stored');
  await page.screenshot({ path: join(shots, 'history-diff-1280.png'), fullPage: false });

  console.log('open the self-check');
  await page.getByRole('button', { name: 'Open the self-check' }).click();
  await page.getByTestId('selfcheck').waitFor({ timeout: 60_000 });
  const sc = JSON.parse(run(process.execPath, [tsx, 'cli/main.ts', 'selfcheck', savedPath, '--json']));
  const levels = await page.locator('[data-testid=selfcheck] [data-practice]').evaluateAll((ps) => ps.map((p) => [p.dataset.practice, p.querySelector('[data-testid=practice-level]').textContent]));
  equal(JSON.stringify(levels), JSON.stringify(sc.practices.map((p) => [p.practice, p.level ?? 'not yet getting started'])), 'self-check levels equal steward selfcheck --json');
  const evidence = await page.locator('[data-testid=selfcheck] [data-criterion]').evaluateAll((cs) => cs.map((c) => [c.dataset.criterion, c.querySelector('[data-testid=criterion-status]').textContent, c.querySelector('[data-testid=criterion-evidence]').textContent]));
  equal(JSON.stringify(evidence), JSON.stringify(sc.practices.flatMap((p) => p.criteria.map((c) => [c.id, c.status, c.evidence]))), 'every criterion\'s status and evidence equal the CLI\'s');
  await page.getByTestId('selfcheck').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'history-selfcheck-1280.png'), fullPage: false });
  const serious1280 = await axe(page, root);
  check(serious1280.length === 0, `axe at 1280×800: no serious or critical violations${serious1280.length ? `: ${serious1280.join(', ')}` : ''}`);

  await page.setViewportSize({ width: 900, height: 700 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(shots, 'history-900.png'), fullPage: false });
  await page.getByTestId('diff-view').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'history-diff-900.png'), fullPage: false });
  check(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'history at 900 px: no sideways scrolling');
  const serious900 = await axe(page, root);
  check(serious900.length === 0, `axe at 900×700: no serious or critical violations${serious900.length ? `: ${serious900.join(', ')}` : ''}`);
}
