/* global document, window */
// Issue 20 in the browser: the start screen's "Network demo" opens the demo charter network; on
// Compare, days cash on hand and the DSCR per scenario and year, each with meets / does not meet
// and the lender's covenant, equal `steward forecast demo-network --all --json`; a Monte Carlo run
// of the stress scenario (200 trials, seed 7) shows the chance DSCR < 1.1 and days cash < 60 beside
// the reserve's, equal to `forecast demo-network --scenario … --trials 200 --seed 7 --json`.
// Screenshots at 1280×800 and 900×700; axe on the panel.
import { join } from 'node:path';
import { shoot } from '../shoot.mjs';

const STRESS = 'Enrollment and funding squeeze';
const pct = (x) => `${(x * 100).toFixed(1)}%`;
const shown = (m, v) => (Math.abs(v) >= 9999 ? 'n/a' : m === 'dscr' ? v.toFixed(2) : v.toFixed(0));

export default async function network({ root, shots, check, equal, run, newPage }) {
  const page = await newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  await page.getByTestId('total-students').waitFor({ timeout: 40_000 });
  await page.addScriptTag({ path: join(root, 'node_modules', 'axe-core', 'axe.min.js') });

  console.log('open the network demo from the start screen');
  await page.getByRole('button', { name: 'Network demo', exact: true }).click();
  await page.getByTestId('doc-name').filter({ hasText: 'Harbor Prep' }).waitFor({ timeout: 40_000 });

  const cli = (args) => JSON.parse(run('npx', ['tsx', 'cli/main.ts', ...args]));
  const fc = cli(['forecast', 'demo-network', '--all', '--json']);
  const mc = cli(['forecast', 'demo-network', '--scenario', STRESS, '--trials', '200', '--seed', '7', '--json']);

  console.log('Compare: days cash and DSCR per scenario');
  await page.getByRole('link', { name: 'Compare', exact: true }).click();
  const panel = page.getByTestId('network-measures');
  await panel.waitFor({ timeout: 60_000 });
  const cells = await page.locator('[data-testid=network-measure]').evaluateAll((tds) => tds.map((td) => ({
    scenario: td.dataset.scenario, year: Number(td.dataset.year), measure: td.dataset.measure, value: Number(td.dataset.value), meets: td.dataset.meets, covenants: td.dataset.covenantsMet,
    text: td.querySelector('[data-testid=network-measure-value]').textContent, says: td.querySelector('[data-testid=network-measure-meets]').textContent,
  })));
  const want = fc.scenarios.flatMap((s) => ['days_cash_on_hand', 'dscr'].flatMap((m) => s.years.map((y) => {
    const r = y.measures[m];
    return { scenario: s.name, year: y.year, measure: m, value: r.value, meets: String(r.meets), covenants: String((r.covenants ?? []).every((c) => c.meets)), text: shown(m, r.value), says: r.meets ? 'meets' : 'does not meet' };
  })));
  equal(cells.length, want.length, 'a cell per scenario, measure and year');
  const key = (c) => `${c.scenario}|${c.measure}|${c.year}`;
  const byKey = new Map(cells.map((c) => [key(c), c]));
  const differ = want.filter((w) => JSON.stringify(byKey.get(key(w))) !== JSON.stringify(w));
  for (const w of differ.slice(0, 5)) console.log(`    screen ${JSON.stringify(byKey.get(key(w)))} ≠ CLI ${JSON.stringify(w)}`);
  equal(differ.length, 0, 'cells whose days cash / DSCR value, text, meets / does not meet or covenants differ from forecast demo-network --all --json');
  const stressDscr = fc.scenarios.find((s) => s.name === STRESS).years.find((y) => y.year === 2028).measures.dscr;
  // Westside's opening year: its fixed cost and no launch grant (paid in 2027) take the DSCR below both lines (docs/network.md).
  check(stressDscr.covenants[0].meets === false && stressDscr.meets === false, `the story: under ${STRESS} the 2028 DSCR ${stressDscr.value.toFixed(3)} breaks the lender's 1.2 and NACSA's 1.1`);
  equal(await page.locator(`[data-testid=network-measure][data-scenario="${STRESS}"][data-year="2028"][data-measure=dscr]`).getByText('covenant broken').count(), 1, 'the broken covenant is marked on screen');
  await shoot(page, shots, 'network-compare', panel, check);

  console.log('school by school, under the stress scenario');
  await page.getByTestId('network-schools-scenario').selectOption(STRESS);
  await page.locator(`[data-testid=network-schools-table][data-scenario="${STRESS}"]`).waitFor();
  const schoolCells = await page.locator('[data-testid=network-schools-table] tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.dataset.site, tr.dataset.figure, ...[...tr.querySelectorAll('[data-testid=school-figure]')].map((td) => `${td.dataset.value}|${td.dataset.meets ?? ''}`)]));
  const stress = fc.scenarios.find((s) => s.name === STRESS).years;
  const slots = [...stress[0].network.schools.map((x) => x.site_id), stress[0].network.office.site_id];
  const at = (y, i) => (i < slots.length - 1 ? y.network.schools[i] : y.network.office);
  const wantSchools = slots.flatMap((id, i) => ['net', 'days_cash_on_hand', 'dscr'].map((k) => [id, k, ...stress.map((y) => (k === 'net' ? `${at(y, i).net_cents}|` : `${at(y, i).measures[k].value}|${at(y, i).measures[k].meets}`))]));
  equal(schoolCells.length, wantSchools.length, 'three rows per school and the office');
  const off = wantSchools.filter((w, i) => JSON.stringify(w) !== JSON.stringify(schoolCells[i]));
  for (const w of off.slice(0, 3)) console.log(`    CLI ${JSON.stringify(w)} ≠ screen ${JSON.stringify(schoolCells[wantSchools.indexOf(w)])}`);
  equal(off.length, 0, 'rows whose net, days cash or DSCR (value and meets) differ from forecast --all --json (network.schools[], network.office)');
  await shoot(page, shots, 'network-schools', page.getByTestId('network-schools-table'), check);

  console.log('Monte Carlo: breach probabilities beside the reserve');
  await page.getByTestId('risk-scenario').selectOption(STRESS);
  await page.getByTestId('mc-trials').fill('200');
  await page.getByTestId('mc-seed').fill('7');
  await page.getByTestId('mc-run').click();
  await page.locator('[data-testid=network-breach-table][data-trials="200"][data-seed="7"]').waitFor({ timeout: 120_000 });
  const rows = await page.locator('[data-testid=network-breach-table] tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.dataset.breach, ...[...tr.querySelectorAll('[data-testid=network-breach]')].map((td) => td.textContent)]));
  const wantRows = [
    ['reserve', ...mc.monte_carlo.breach_probability.map((y) => pct(y.p))],
    ['dscr', ...mc.monte_carlo.measure_breach_probability.dscr.map((y) => pct(y.p))],
    ['days_cash_on_hand', ...mc.monte_carlo.measure_breach_probability.days_cash_on_hand.map((y) => pct(y.p))],
    ['covenant', ...mc.monte_carlo.covenant_breach_probability.map((y) => pct(y.p))],
  ];
  equal(JSON.stringify(rows), JSON.stringify(wantRows), 'P(reserve breach), P(DSCR < 1.1), P(days cash < 60) and P(covenant broken) per year equal forecast --trials 200 --seed 7 --json');
  await shoot(page, shots, 'network-breach', page.getByTestId('network-breach-table'), check);

  const violations = await page.evaluate(async () => (await window.axe.run(document.querySelector('[data-testid=network-measures]'), { resultTypes: ['violations'] })).violations.map((v) => `${v.impact} ${v.id}`));
  for (const v of violations) console.log(`    axe: ${v}`);
  check(!violations.some((v) => v.startsWith('serious') || v.startsWith('critical')), 'the network panel: no serious or critical axe violations');
}
