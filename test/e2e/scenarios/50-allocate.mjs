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
    const unallocated = cli.funds.filter((f) => !f.restricted).reduce((a, f) => a + f.leftover_cents, 0);
    equal(await page.getByTestId('allocate-unallocated').textContent(), money(unallocated), `${label}: general money not allocated`);
    equal(await page.getByTestId('equity-gini').textContent(), cli.equity.gini.toFixed(3), `${label}: Gini`);
    equal(await page.getByTestId('equity-cv').textContent(), cli.equity.cv.toFixed(3), `${label}: coefficient of variation`);
    equal(await page.locator('[data-testid=allocate-flags] li').count(), cli.flags.length, `${label}: as many flags as the CLI`);
  }
  await page.screenshot({ path: join(shots, 'allocate-1280.png'), fullPage: false });
  await page.setViewportSize({ width: 900, height: 700 });
  await page.screenshot({ path: join(shots, 'allocate-900.png'), fullPage: false });
  check(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'allocate at 900 px: no sideways scrolling');
}
