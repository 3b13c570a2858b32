// The Allocate screen shows what `steward allocate --json` computes for the same project: per-site
// allocations, the general money left unallocated, the equity measures — for the project's rules
// and for a preset picked on screen.
/* global document, window */
import { join } from 'node:path';

const money = (cents) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export default async function allocate({ shots, check, equal, run, newPage }) {
  const page = await newPage();
  await page.getByTestId('total-students').waitFor({ timeout: 40_000 });
  await page.getByRole('link', { name: 'Allocate' }).click();
  await page.getByTestId('allocate-site-table').waitFor({ timeout: 40_000 });
  for (const preset of [undefined, 'boston', 'houston']) {
    const label = preset ?? 'project rules';
    if (preset) {
      await page.getByTestId('rules-select').selectOption(preset);
      await page.getByTestId('rules-name').filter({ hasText: preset }).waitFor();
    }
    const cli = JSON.parse(run('npx', ['tsx', 'cli/main.ts', 'allocate', 'demo', '--json', ...(preset ? ['--preset', preset] : [])]));
    const shown = await page.locator('[data-testid=allocate-site-table] tbody tr').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-site'), r.querySelector('[data-testid=site-allocation]')?.textContent]));
    const want = cli.sites.map((s) => [s.site_id, money(s.allocation_cents)]);
    equal(JSON.stringify(shown), JSON.stringify(want), `${label}: every site's allocation equals steward allocate --json`);
    equal(await page.getByTestId('allocate-unallocated').textContent(), money(cli.unallocated_general.cents), `${label}: general money not allocated`);
    equal(await page.getByTestId('equity-gini').textContent(), cli.equity.gini.toFixed(3), `${label}: Gini`);
    equal(await page.getByTestId('equity-cv').textContent(), cli.equity.cv.toFixed(3), `${label}: coefficient of variation`);
    equal(await page.locator('[data-testid=allocate-flags] li').count(), cli.flags.length, `${label}: as many flags as the CLI`);
    const t1 = await page.locator('[data-testid=title1-table] tbody tr').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-site'), r.querySelector('[data-testid=title1-allocation]')?.textContent]));
    equal(JSON.stringify(t1), JSON.stringify(cli.title1.sites.map((s) => [s.site_id, money(s.allocation_cents)])), `${label}: the Title I rank table equals the CLI's`);
  }
  // Two rule sets side by side: Houston (on screen) against Boston, each difference from the CLI's two runs.
  await page.getByTestId('compare-select').selectOption('boston');
  await page.getByTestId('compare-table').waitFor();
  const houston = JSON.parse(run('npx', ['tsx', 'cli/main.ts', 'allocate', 'demo', '--json', '--preset', 'houston']));
  const boston = JSON.parse(run('npx', ['tsx', 'cli/main.ts', 'allocate', 'demo', '--json', '--preset', 'boston']));
  const diffs = await page.locator('[data-testid=compare-table] tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelector('[data-testid=compare-difference]')?.textContent));
  const signed = (c) => (c > 0 ? `+${money(c)}` : money(c));
  equal(JSON.stringify(diffs), JSON.stringify(houston.sites.map((s) => signed(boston.sites.find((b) => b.site_id === s.site_id).allocation_cents - s.allocation_cents))), 'compare: each site\'s difference Boston − Houston equals the two CLI runs');
  await page.screenshot({ path: join(shots, 'allocate-1280.png'), fullPage: false });
  await page.setViewportSize({ width: 900, height: 700 });
  await page.screenshot({ path: join(shots, 'allocate-900.png'), fullPage: false });
  check(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'allocate at 900 px: no sideways scrolling');
}
