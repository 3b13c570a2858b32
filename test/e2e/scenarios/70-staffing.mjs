// The Staffing screen shows what `steward staffing|schedule|timestudy --json` compute for the same
// project: the demo → Staffing → a site's required vs actual table → the counselor ratio changed
// (1 per 400 → 1 per 250): the requirement and its cost change → saved → every figure on screen
// equals the CLI on the saved file → Schedules for site 301: sections, teacher FTE and the
// eight-period day's cost → Roles and time for principals: each activity's cost, adding up to the
// pay. Screenshots of each tab at 1280×800 and 900×700; axe: no serious or critical violation.
/* global document, window */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const money = (cents) => `${cents < 0 ? '-' : ''}$${(Math.abs(cents) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const fte = (n) => n.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
const signed = (n) => (n > 0 ? `+${fte(n)}` : fte(n));
const count = (n) => n.toLocaleString('en-US');
const SITE = '301';

export default async function staffing({ root, scratch, shots, check, equal, run, newPage }) {
  // bypassCSP: axe is injected as an inline script, which the app's CSP (script-src 'self') refuses.
  const page = await newPage({ bypassCSP: true });
  const cli = (command, file, ...args) => JSON.parse(run('npx', ['tsx', 'cli/main.ts', command, file, '--json', ...args]));
  const axe = async (where) => {
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: join(root, 'node_modules', 'axe-core', 'axe.min.js') });
    const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) })));
    for (const v of violations) console.log(`    axe ${where}: ${v.impact} ${v.id}: ${v.nodes.slice(0, 3).join(', ')}`);
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    check(bad.length === 0, `${where}: axe finds no serious or critical violation${bad.length ? ` (${bad.map((v) => v.id).join(', ')})` : ''}`);
  };
  /** Screenshots at both sizes, axe at each, no sideways scrolling; back to the wide window. */
  const look = async (name, testId) => {
    for (const [w, h] of [[1280, 800], [900, 700]]) {
      await page.setViewportSize({ width: w, height: h });
      if (testId) await page.getByTestId(testId).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.evaluate(() => new Promise((r) => window.requestAnimationFrame(() => window.requestAnimationFrame(r))));
      await page.screenshot({ path: join(shots, `staffing-${name}-${w}x${h}.png`) });
      check(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `${name} at ${w} px: no sideways scrolling`);
      await axe(`${name} ${w}×${h}`);
    }
    await page.setViewportSize({ width: 1360, height: 900 });
  };
  /** The site's rows of the gap table: [role, required, actual, gap, cost, cost at actual salaries]. */
  const siteRows = () => page.locator('[data-testid=gap-table] tbody tr').evaluateAll((rows) => rows.map((r) => [
    r.getAttribute('data-role'), ...['gap-required', 'gap-actual', 'gap-fte', 'gap-cost', 'gap-cost-actual'].map((id) => r.querySelector(`[data-testid=${id}]`)?.textContent),
  ]));
  const wantRows = (json) => json.sites.filter((r) => r.site_id === SITE).map((r) => [r.role, fte(r.required_fte), fte(r.actual_fte), signed(r.gap_fte), money(r.gap_cost_cents_schedule), money(r.gap_cost_cents_actual)]);
  const roleRows = () => page.locator('[data-testid=role-table] tbody tr').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-role'), ...['role-required', 'role-actual', 'role-gap', 'role-gap-cost'].map((id) => r.querySelector(`[data-testid=${id}]`)?.textContent)]));
  const wantRoles = (json) => json.by_role.map((r) => [r.role, fte(r.required_fte), fte(r.actual_fte), signed(r.gap_fte), money(r.gap_cost_cents_schedule)]);

  await page.getByTestId('total-students').waitFor({ timeout: 40_000 });
  await page.getByRole('link', { name: 'Staffing' }).click();
  await page.getByTestId('gap-table').waitFor({ timeout: 40_000 });
  const before = cli('staffing', 'demo');
  equal(JSON.stringify(await roleRows()), JSON.stringify(wantRoles(before)), 'the demo: required vs actual by role equals steward staffing --json');
  equal(await page.getByTestId('total-gap-cost').textContent(), money(before.totals.gap_cost_cents_schedule), 'the demo: cost of closing every gap');
  await look('required-all');

  console.log(`site ${SITE}: required vs actual, then the counselor ratio 400 → 250`);
  await page.getByTestId('staffing-site').selectOption(SITE);
  await page.getByTestId('positions-table').waitFor();
  equal(JSON.stringify(await siteRows()), JSON.stringify(wantRows(before)), `site ${SITE}: every role's required, actual, gap and cost equal steward staffing --json`);
  const counselorBefore = before.sites.find((r) => r.site_id === SITE && r.role === 'counselor');
  const rule = page.locator('[data-testid=gap-table] tr[data-role=counselor] [data-testid=gap-rule]');
  check(/^1 counselor per 400 students: 1,244 ÷ 400 = 3\.11 → 3\.0/.test((await rule.textContent()) ?? ''), `the rule behind the counselor requirement: "${await rule.textContent()}"`);
  const positions = await page.locator('[data-testid=positions-table] tbody tr').count();
  await look('required-site', 'gap-table');

  const index = await page.locator('[data-testid=rules-editor] tr[data-role=counselor]').getAttribute('data-rule');
  const ratio = page.getByTestId(`rule-ratio-${index}`);
  await ratio.fill('250');
  const edited = Date.now();
  await ratio.press('Enter');
  await page.locator('[data-testid=gap-table] tr[data-role=counselor] [data-testid=gap-rule]').filter({ hasText: '1 counselor per 250 students' }).waitFor();
  console.log(`    the edit to new figures on screen: ${Date.now() - edited} ms (measured, not asserted)`);
  await page.getByTestId('unsaved').waitFor();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const saved = join(scratch, 'staffing-edited.steward');
  await (await downloading).saveAs(saved);
  const after = cli('staffing', saved);
  equal(positions, JSON.parse(readFileSync(saved, 'utf8')).project.positions.filter((p) => p.site_id === SITE).length, `site ${SITE}: every position listed`);
  const counselorAfter = after.sites.find((r) => r.site_id === SITE && r.role === 'counselor');
  check(counselorAfter.required_fte > counselorBefore.required_fte && counselorAfter.gap_cost_cents_schedule > counselorBefore.gap_cost_cents_schedule,
    `the counselor requirement at ${SITE} rose ${fte(counselorBefore.required_fte)} → ${fte(counselorAfter.required_fte)} and its cost ${money(counselorBefore.gap_cost_cents_schedule)} → ${money(counselorAfter.gap_cost_cents_schedule)}`);
  equal(JSON.stringify(await siteRows()), JSON.stringify(wantRows(after)), `after the edit, site ${SITE}: every figure equals steward staffing --json on the saved project`);
  equal(JSON.stringify(await roleRows()), JSON.stringify(wantRoles(after)), 'after the edit: the by-role table equals the CLI on the saved project');
  equal(await page.getByTestId('total-gap-cost').textContent(), money(after.totals.gap_cost_cents_schedule), 'after the edit: the cost of closing every gap');

  // The edit is undoable: Undo brings the rule back, Redo the change again.
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.locator('[data-testid=gap-table] tr[data-role=counselor] [data-testid=gap-rule]').filter({ hasText: '1 counselor per 400 students' }).waitFor();
  equal(await page.locator('[data-testid=gap-table] tr[data-role=counselor] [data-testid=gap-required]').textContent(), fte(counselorBefore.required_fte), 'Undo: the counselor requirement is back');
  await page.getByRole('button', { name: 'Redo' }).click();
  await page.locator('[data-testid=gap-table] tr[data-role=counselor] [data-testid=gap-rule]').filter({ hasText: '1 counselor per 250 students' }).waitFor();
  equal(await page.locator('[data-testid=gap-table] tr[data-role=counselor] [data-testid=gap-required]').textContent(), fte(counselorAfter.required_fte), 'Redo: the edited requirement again');

  console.log(`Schedules for ${SITE}: the eight-period day`);
  await page.getByRole('tab', { name: 'Schedules' }).click();
  await page.getByTestId('schedule-site').selectOption(SITE);
  await page.getByTestId('changes-table').waitFor();
  const sched = cli('schedule', saved, '--site', SITE).sites[0];
  equal(await page.getByTestId('sched-sections').textContent(), count(sched.metrics.sections), 'sections equal steward schedule --site 301 --json');
  equal(await page.getByTestId('sched-teacher-fte').textContent(), fte(sched.metrics.teacher_fte_needed), 'teacher FTE needed');
  equal(await page.getByTestId('sched-avg-class').textContent(), fte(sched.metrics.avg_class_size), 'average class');
  const changes = await page.locator('[data-testid=changes-table] tbody tr').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-change'), r.querySelector('[data-testid=change-name]')?.textContent, r.querySelector('[data-testid=change-fte]')?.textContent, r.querySelector('[data-testid=change-cost]')?.textContent]));
  const eight = sched.changes.find((c) => c.change.kind === 'periods' && c.change.periods_per_day === 8);
  check(eight !== undefined, 'the CLI prices the eight-period day at 301');
  equal(JSON.stringify(changes.find((c) => c[0] === 'periods')), JSON.stringify(['periods', 'Eight-period day', signed(eight.delta_fte), money(eight.delta_cost_cents_schedule)]), 'the eight-period day: FTE and cost equal the CLI');
  equal(JSON.stringify(changes.map((c) => [c[2], c[3]])), JSON.stringify(sched.changes.map((c) => [signed(c.delta_fte), money(c.delta_cost_cents_schedule)])), 'every schedule change priced as the CLI');
  await look('schedules', 'schedule-facts');

  console.log('Roles and time: principals');
  await page.getByRole('tab', { name: 'Roles and time' }).click();
  await page.getByTestId('role-time-table').waitFor();
  await page.getByTestId('time-role').selectOption('principal');
  const time = cli('timestudy', saved);
  const shown = await page.locator('[data-testid=role-time-table] tbody tr').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-activity'), r.querySelector('[data-testid=time-actual]')?.textContent, r.querySelector('[data-testid=time-cost]')?.textContent]));
  const want = time.lines.filter((l) => l.role === 'principal').map((l) => [l.activity, fte(l.actual_hours_per_week), money(l.annual_cost_cents)]);
  equal(JSON.stringify(shown), JSON.stringify(want), 'principals: hours and cost of each activity equal steward timestudy --json');
  const principal = time.roles.find((r) => r.role === 'principal');
  equal(await page.getByTestId('time-pay').textContent(), money(principal.pay_cents), 'principals: their pay');
  equal(time.lines.filter((l) => l.role === 'principal').reduce((a, l) => a + l.annual_cost_cents, 0) + principal.unrecorded_cost_cents, principal.pay_cents, 'principals: activities and unrecorded time add up to the pay');
  check(await page.locator('[data-testid=time-chart] canvas[aria-label$="stacked bar chart"]').count() === 1, 'the stacked bar chart has an accessible name');
  await look('time', 'role-time');

  await page.getByRole('tab', { name: 'Across scenarios' }).click();
  await page.getByTestId('scenario-summary').waitFor({ timeout: 40_000 });
  check(await page.locator('[data-testid=scenario-summary] tr[data-scenario="ASCA counselors"]').count() === 1, 'across scenarios: the ASCA counselors scenario is listed');
  await look('scenarios');
  equal(await page.evaluate(() => window.location.hash), '#staffing/scenarios', 'the tab has an address');
  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  await page.getByTestId('district-name').waitFor();
  await page.evaluate(() => { window.location.hash = '#staffing/scenarios'; });
  await page.getByTestId('scenario-summary').waitFor({ timeout: 40_000 });
  equal(await page.getByRole('tab', { name: 'Across scenarios' }).getAttribute('aria-selected'), 'true', 'a link to #staffing/scenarios (as from Compare) opens the Across scenarios tab');
}
