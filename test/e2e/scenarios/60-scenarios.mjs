/* global document, window, performance, requestAnimationFrame, MutationObserver, HTMLInputElement, Event, setTimeout */
// Practice 14 as a new user (issue 18): the demo → Scenarios → create "Enrollment −3% a year, state
// aid flat" → a backup plan triggered when the reserve falls below 8% → save → Compare with the
// baseline → the plan timeline → Monte Carlo (1,000 trials, seed 7) → tornado. Every figure on
// screen equals `steward forecast --all --json`, `compare --json`, `sensitivity --json` and
// `forecast --trials 1000 --seed 7 --json` on the saved project. Screenshots at 1280×800 and
// 900×700, axe on both screens, and the slider-to-redraw latency in Chromium (printed).
import { join } from 'node:path';
import { shoot } from '../shoot.mjs';

const NAME = 'Enrollment −3% a year, state aid flat';
const PLAN = 'Backup: deeper supply cuts';
const dollars = (cents) => {
  const c = Math.round(cents / 100) * 100;
  const s = `$${Math.floor(Math.abs(c) / 100).toLocaleString('en-US')}`;
  return c < 0 ? `-${s}` : s;
};
const pct = (x) => `${(x * 100).toFixed(1)}%`;
const two = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const metricText = (m, v) => (v === undefined ? '—' : m.endsWith('_cents') ? dollars(v) : m === 'reserve_pct' ? pct(v) : two.format(v));
const diffText = (m, d) => (d === undefined ? '—' : d > 0 ? `+${metricText(m, d)}` : metricText(m, d));
const triggerValues = (sw) => Object.entries(sw.trigger_values ?? {}).map(([k, v]) => `${k} ${k.endsWith('_pct') || k.endsWith('_growth') || k.endsWith('_change') ? pct(v) : String(Number(v.toPrecision(4)))}`).join(', ');

async function axe(page, where, check) {
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) })));
  for (const v of violations) console.log(`    axe ${where}: ${v.impact} ${v.id} ${v.nodes.slice(0, 3).join(' | ')}`);
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  check(serious.length === 0, `${where}: no serious or critical axe violations${serious.length ? ` (${serious.map((v) => v.id).join(', ')})` : ''}`);
}


export default async function scenarios({ root, scratch, shots, check, equal, run, newPage }) {
  const page = await newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  await page.getByTestId('total-students').waitFor({ timeout: 40_000 });
  await page.addScriptTag({ path: join(root, 'node_modules', 'axe-core', 'axe.min.js') });

  console.log('Scenarios: create the scenario');
  await page.getByRole('link', { name: 'Scenarios', exact: true }).click();
  await page.getByTestId('whatif-ending').waitFor({ timeout: 60_000 });
  await page.getByTestId('scenario-new').click();
  await page.getByTestId('scenario-name').fill(NAME);
  await page.getByTestId('scenario-parent').selectOption('Base');
  await page.getByTestId('scenario-first-driver').selectOption('enrollment_growth');
  await page.getByTestId('scenario-first-value').fill('-0.03');
  await page.getByTestId('scenario-save').click();
  await page.locator(`[data-testid=scenario-pick][aria-pressed=true][data-scenario="${NAME}"]`).waitFor();
  const aid = page.locator('[data-testid=driver-table] tr[data-driver=state_aid_per_pupil_growth] [data-testid=driver-all]');
  check((await aid.getAttribute('placeholder')) === '0.04' && (await aid.inputValue()) === '', 'state aid growth is inherited (greyed 0.04, the Drivers sheet) before it is set');
  await aid.fill('0');
  await aid.press('Enter');
  await page.getByTestId('driver-table').getByRole('heading').filter({ hasText: NAME }).waitFor();
  equal(await aid.inputValue(), '0', 'state aid growth is the scenario\'s own value now');
  equal(await page.locator('[data-testid=driver-table] tr[data-driver=cola] [data-testid=driver-all]').getAttribute('title'), 'inherited from Base', 'COLA is inherited (greyed, says from where)');
  await page.getByTestId('whatif-ending').waitFor();
  await shoot(page, shots, 'scenarios-created', page.getByTestId('driver-table'), check);
  await axe(page, 'Scenarios at 1280×800', check);

  console.log('a backup plan and its trigger');
  await page.getByTestId('plan-new-name').fill(PLAN);
  await page.getByTestId('plan-new').click();
  await page.locator(`[data-plan="${PLAN}"]`).waitFor();
  await page.getByText('Add a trigger', { exact: true }).click();
  const form = page.getByTestId('new-trigger');
  await form.getByTestId('trigger-plan').selectOption(PLAN);
  const condition = form.getByTestId('trigger-condition');
  await condition.fill('reserve_pct <');
  check(/condition/.test(await form.getByTestId('condition-check').textContent()) && (await form.getByTestId('trigger-submit').isDisabled()), `an unfinished condition is flagged as typed: "${await form.getByTestId('condition-check').textContent()}"`);
  await condition.fill('reserv_pct < 0.08');
  check(/reserv_pct/.test(await form.getByTestId('condition-check').textContent()), `an unknown indicator name is flagged: "${await form.getByTestId('condition-check').textContent()}"`);
  await condition.fill('reserve_pct < 0.08');
  equal(await form.getByTestId('condition-check').textContent(), 'The condition reads.', 'the condition reads');
  await form.getByTestId('trigger-lag').selectOption('1');
  await form.getByTestId('trigger-deadline').fill('03-15');
  await form.getByTestId('trigger-submit').click();
  await page.locator(`[data-testid=trigger][data-plan="${PLAN}"]`).waitFor();
  await shoot(page, shots, 'scenarios-plans', page.getByTestId('triggers-editor'), check);

  console.log('undo and redo the trigger');
  await page.getByRole('button', { name: 'Undo' }).click();
  equal(await page.locator(`[data-testid=trigger][data-plan="${PLAN}"]`).count(), 0, 'undo takes the trigger out');
  await page.getByRole('button', { name: 'Redo' }).click();
  equal(await page.locator(`[data-testid=trigger][data-plan="${PLAN}"]`).count(), 1, 'redo puts it back');

  console.log('a signpost pointing to the new scenario');
  await page.getByText('Add a signpost', { exact: true }).click();
  const sp = page.getByTestId('new-signpost');
  await sp.getByTestId('signpost-name').fill('Enrollment change, fall');
  await sp.getByTestId('signpost-indicator').fill('enrolment_change');
  check(/no indicator/.test(await sp.getByTestId('signpost-check').textContent()) && (await sp.getByTestId('signpost-submit').isDisabled()), `a misspelt indicator is flagged as typed: "${await sp.getByTestId('signpost-check').textContent()}"`);
  await sp.getByTestId('signpost-indicator').fill('enrollment_change');
  await sp.getByTestId('signpost-threshold').fill('-2.5%');
  await sp.getByTestId('signpost-scenario').selectOption(NAME);
  await sp.getByTestId('signpost-observed').fill('-3%');
  equal(await sp.getByTestId('signpost-check').textContent(), 'The signpost reads.', 'the signpost reads');
  await sp.getByTestId('signpost-submit').click();
  await page.locator('[data-testid=signpost][data-signpost="Enrollment change, fall"]').waitFor();
  await shoot(page, shots, 'scenarios-signposts', page.getByTestId('signposts-editor'), check);

  console.log('save, and run the CLI on the saved project');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const saved = join(scratch, 'scenarios.steward');
  await (await downloading).saveAs(saved);
  const cli = (args) => JSON.parse(run('npx', ['tsx', 'cli/main.ts', ...args]));
  const fc = cli(['forecast', saved, '--all', '--json']);
  const cmp = cli(['compare', saved, '--json']);
  const sens = cli(['sensitivity', saved, '--scenario', NAME, '--json']);
  const mc = cli(['forecast', saved, '--scenario', NAME, '--trials', '1000', '--seed', '7', '--json']);
  check(cmp.scenarios.includes(NAME), 'the saved project has the new scenario');
  const october = fc.signposts.signposts.find((x) => x.signpost === 'Enrollment change, fall');
  equal(JSON.stringify(october && [october.scenario, october.direction, october.threshold, october.observed, october.met]), JSON.stringify([NAME, 'below', -0.025, -0.03, true]), 'the signpost is saved and read by steward forecast --json (met: −3% is below −2.5%)');

  console.log('the slider redraws (latency)');
  const latencies = await page.evaluate(async () => {
    const slider = document.querySelector('[data-testid=slider-enrollment_growth]');
    const out = document.querySelector('[data-testid=whatif-ending]').parentElement.parentElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const times = [];
    for (let i = 0; i < 12; i++) {
      const before = document.querySelector('[data-testid=whatif-ending]').textContent;
      const t0 = performance.now();
      const changed = new Promise((resolve) => {
        const mo = new MutationObserver(() => { if (document.querySelector('[data-testid=whatif-ending]')?.textContent !== before) { mo.disconnect(); resolve(); } });
        mo.observe(out, { subtree: true, childList: true, characterData: true });
      });
      setter.call(slider, String(i % 2 === 0 ? -0.045 : -0.02));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await changed;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      times.push(performance.now() - t0);
    }
    return times;
  });
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(`  slider → redraw in Chromium (12 moves, 4 charts): median ${sorted[6].toFixed(0)} ms, max ${sorted.at(-1).toFixed(0)} ms, each: ${latencies.map((t) => t.toFixed(0)).join(', ')}`);
  await shoot(page, shots, 'scenarios-what-if', page.getByTestId('what-if'), check);
  await page.getByTestId('what-if-reset').click();

  console.log('Compare');
  await page.getByRole('link', { name: 'Compare', exact: true }).click();
  await page.getByTestId('compare-table').waitFor({ timeout: 60_000 });
  equal(JSON.stringify(await page.locator('[data-testid=compare-table] thead th').allTextContents()), JSON.stringify(['Metric', ...cmp.scenarios.map((s) => (s === cmp.reference ? `${s} (baseline)` : s))]), 'the scenarios side by side are the CLI\'s, Base the baseline');
  const years = [...new Set(cmp.rows.map((r) => r.year))];
  const readTable = () => page.locator('[data-testid=compare-table] tbody tr[data-metric]').evaluateAll((rows) => rows.map((r) => ({ metric: r.getAttribute('data-metric'), cells: [...r.querySelectorAll('td')].map((td) => ({ s: td.getAttribute('data-scenario'), v: td.querySelector('[data-testid=cmp-value]')?.textContent, d: td.querySelector('[data-testid=cmp-diff]')?.textContent ?? null })) })));
  let mismatches = 0;
  for (const year of years) {
    await page.getByTestId('compare-year').selectOption(String(year));
    await page.locator(`[data-testid=compare-table][data-year="${year}"]`).waitFor();
    const shown = await readTable();
    const want = cmp.rows.filter((r) => r.year === year).map((r) => ({ metric: r.metric, cells: cmp.scenarios.map((s) => ({ s, v: metricText(r.metric, r.values[s]), d: s === cmp.reference ? null : diffText(r.metric, r.diff_from_reference[s]) })) }));
    if (JSON.stringify(shown) !== JSON.stringify(want)) { mismatches++; console.log(JSON.stringify(shown).slice(0, 400), '\n', JSON.stringify(want).slice(0, 400)); }
  }
  equal(mismatches, 0, `every metric, scenario and difference from Base in all ${years.length} years equals steward compare --json`);
  await shoot(page, shots, 'compare-table', null, check);

  console.log('the plans in four areas');
  const lastYear = years.at(-1);
  const areaRows = await page.locator('[data-testid=plan-areas] [data-area] tr[data-row]').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-row'), [...r.querySelectorAll('td')].map((td) => [td.getAttribute('data-scenario'), td.getAttribute('data-value')])]));
  const areaOf = (s) => cmp.areas.find((a) => a.scenario === s).years.find((y) => y.year === lastYear);
  const pickArea = (y, key) => {
    const [kind, ...rest] = key.split(':');
    const k = rest.join(':');
    return { total: y.expenditure_cents, fund: y.budgets.by_fund[k], object: y.budgets.by_object[k], fte: y.staffing.fte, personnel: y.staffing.personnel_cents, contracts: y.staffing.purchased_services_cents,
      role: y.staffing.fte_by_role[k], program: y.programs[k], facilities: y.infrastructure.facilities_cents, transportation: y.infrastructure.transportation_cents, capital: y.infrastructure.capital_cents, capfn: y.infrastructure.capital_by_function[k] }[kind];
  };
  let areaMismatches = 0;
  for (const [key, cellsA] of areaRows) for (const [s, v] of cellsA) { const want = pickArea(areaOf(s), key); if (String(want ?? '') !== v) { areaMismatches++; if (areaMismatches < 4) console.log(`    ${key} ${s}: shown ${v}, CLI ${want}`); } }
  equal(areaMismatches, 0, `${lastYear}: every figure of the four plan areas (${areaRows.length} rows) equals steward compare --json's areas`);
  equal(areaRows.filter(([k]) => k.startsWith('program:')).length, new Set(cmp.areas.flatMap((a) => Object.keys(areaOf(a.scenario).programs))).size, 'every program of the CLI\'s areas is shown');
  await shoot(page, shots, 'compare-areas', page.getByTestId('plan-areas'), check);

  // The demo has one baseline (Base, the Drivers sheet); compare against another scenario instead.
  const alt = 'Enrollment decline';
  console.log(`compare with the ${alt} scenario`);
  await page.getByTestId('baseline-select').selectOption(alt);
  await page.locator('[data-testid=compare-table] thead th').filter({ hasText: `${alt} (baseline)` }).waitFor({ timeout: 60_000 });
  const last = years.at(-1);
  await page.getByTestId('compare-year').selectOption(String(last));
  const shownB = await readTable();
  const ref = (r) => r.values[alt];
  const wantB = cmp.rows.filter((r) => r.year === last).map((r) => ({ metric: r.metric, cells: [alt, ...cmp.scenarios.filter((s) => s !== alt)].map((s) => ({ s, v: metricText(r.metric, r.values[s]), d: s === alt ? null : diffText(r.metric, r.values[s] === undefined || ref(r) === undefined ? undefined : Math.round((r.values[s] - ref(r)) * 1e6) / 1e6) })) }));
  equal(JSON.stringify(shownB) === JSON.stringify(wantB), true, `${last}: every difference from ${alt} equals the CLI's values less ${alt}'s`);
  const ending = await page.locator('[data-testid=compare-table] tr[data-metric=ending_balance_cents] td[data-scenario] [data-testid=cmp-value]').allTextContents();
  console.log(`  ${last} ending balances: ${ending.join(' · ')}`);
  await shoot(page, shots, 'compare-charts', page.getByTestId('balance-chart'), check);
  await axe(page, 'Compare at 1280×800', check);

  console.log('the plan timeline');
  const mine = fc.scenarios.find((s) => s.name === NAME);
  const cells = await page.locator(`[data-testid=plan-timeline] tr[data-scenario="${NAME}"] [data-testid=timeline-plan]`).allTextContents();
  equal(JSON.stringify(cells), JSON.stringify(mine.years.map((y) => y.plan ?? 'no plan')), 'the plan running each year equals steward forecast --all --json');
  const switches = await page.locator(`[data-testid=plan-switch][data-scenario="${NAME}"]`).evaluateAll((els) => els.map((el) => ['sw-plan', 'sw-year', 'sw-trigger-year', 'sw-values', 'sw-known', 'sw-decide-by', 'sw-verdict'].map((t) => el.querySelector(`[data-testid=${t}]`)?.textContent ?? null)));
  const wantSw = mine.plan_switches.map((sw) => [sw.plan, String(sw.year), String(sw.trigger_year), triggerValues(sw) || null, sw.figure_known_on ?? null, sw.decide_by ?? null, sw.decide_by ? (sw.too_late ? 'too late' : 'in time') : null]);
  equal(JSON.stringify(switches), JSON.stringify(wantSw), 'each plan switch (trigger figure, when known, decision deadline, in time or too late) equals the CLI\'s');
  console.log(`  ${NAME}: ${switches.map((s) => `${s[0]} from ${s[1]}, triggered ${s[2]} (${s[3]}), decide by ${s[5]}: ${s[6]}`).join('; ') || 'no switch'}`);
  const allSwitches = await page.locator('[data-testid=plan-switch]').count();
  equal(allSwitches, fc.scenarios.reduce((n, s) => n + s.plan_switches.length, 0), 'as many plan switches as the CLI in every scenario');
  await shoot(page, shots, 'compare-timeline', page.getByTestId('plan-timeline'), check);

  console.log('Monte Carlo, 1,000 trials, seed 7');
  await page.getByTestId('risk-scenario').selectOption(NAME);
  // The tornado runs in a worker of its own, with progress and Cancel.
  {
    const cancel = page.getByTestId('sensitivity-cancel');
    // (It may finish first on a fast machine: then there is nothing to cancel.)
    if (await cancel.isVisible() && await cancel.click({ timeout: 2_000 }).then(() => true, () => false)) {
      await page.getByTestId('sensitivity-cancelled').waitFor();
      check(true, 'the tornado can be cancelled');
      await page.getByRole('button', { name: 'Run it again' }).click();
    }
  }
  await page.getByTestId('mc-trials').fill('1000');
  await page.getByTestId('mc-seed').fill('7');
  const t0 = Date.now();
  await page.getByTestId('mc-run').click();
  await page.locator('[data-testid=mc-result][data-trials="1000"][data-seed="7"]').waitFor({ timeout: 120_000 });
  console.log(`  1,000 trials in Chromium: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const bands = await page.locator('[data-testid=mc-table] tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('[data-testid=mc-band]')].map((td) => td.textContent).concat(r.querySelector('[data-testid=mc-breach]').textContent)));
  const wantBands = mc.bands.map((b, i) => [b.p5, b.p25, b.p50, b.p75, b.p95].map(dollars).concat(pct(mc.breach_probability[i].p)));
  equal(JSON.stringify(bands), JSON.stringify(wantBands), 'the P5–P95 bands and breach probability per year equal forecast --trials 1000 --seed 7 --json');

  console.log('tornado and break-even');
  await page.locator(`[data-testid=sensitivity][data-scenario="${NAME}"]`).waitFor({ timeout: 120_000 });
  const tornado = await page.locator('[data-testid=tornado-table] tbody tr').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-driver'), ...['tornado-low', 'tornado-high', 'tornado-swing', 'break-even'].map((t) => r.querySelector(`[data-testid=${t}]`).textContent)]));
  const wantT = sens.tornado.bars.map((b) => { const be = sens.break_even.find((x) => x.driver === b.driver)?.value; return [b.driver, dollars(b.ending_balance_at_low_cents), dollars(b.ending_balance_at_high_cents), dollars(b.swing_cents), be === null || be === undefined ? 'none' : be.toFixed(4)]; });
  equal(JSON.stringify(tornado), JSON.stringify(wantT), 'the tornado bars and break-even values equal steward sensitivity --json');
  equal(await page.getByRole('img', { name: /tornado chart/ }).count(), 1, 'the tornado has an accessible name');
  equal(await page.getByRole('img', { name: /fan chart/ }).count(), 1, 'the fan chart has an accessible name');
  await shoot(page, shots, 'compare-risk', page.getByTestId('fan-chart'), check);
  await shoot(page, shots, 'compare-tornado', page.getByTestId('tornado-chart'), check);
  await page.setViewportSize({ width: 900, height: 700 });
  await axe(page, 'Compare at 900×700 (with Monte Carlo and tornado)', check);
  await page.getByRole('link', { name: 'Scenarios', exact: true }).click();
  await page.getByTestId('whatif-ending').waitFor({ timeout: 60_000 });
  await axe(page, 'Scenarios at 900×700', check);

  // Compare links to each scenario's staff year by year (issue 14: linked from the Compare screen).
  await page.getByRole('link', { name: 'Compare', exact: true }).click();
  await page.getByRole('link', { name: 'Staffing across scenarios' }).click();
  await page.getByTestId('scenario-summary').waitFor({ timeout: 60_000 });
  equal(await page.getByRole('tab', { name: 'Across scenarios' }).getAttribute('aria-selected'), 'true', 'Compare → "Staffing across scenarios" opens that tab');
}
