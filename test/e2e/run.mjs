// Browser end-to-end tests (npm run test:e2e): builds the renderer once, serves it, and runs every
// scenario in test/e2e/scenarios/ (in name order) in Chromium, each on fresh pages; console errors
// fail the run. Skips (exit 0) when Chromium is absent. Screenshots: build/screenshots/*.png.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { URL, fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.log('e2e skipped: Chromium not installed');
  process.exit(0);
}

const started = Date.now();
const shots = join(root, 'build', 'screenshots');
const scratch = join(root, 'build', 'e2e');
mkdirSync(shots, { recursive: true });
mkdirSync(scratch, { recursive: true });
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? '  ok  ' : '  FAIL'} ${what}`);
  if (!ok) failures.push(what);
};
const equal = (actual, expected, what) => check(actual === expected, `${what}: ${JSON.stringify(actual)}${actual === expected ? '' : ` (expected ${JSON.stringify(expected)})`}`);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
  }
  return r.stdout;
}

// E2E_SKIP_BUILD=1 reuses build/web (for iterating on this script).
if (process.env.E2E_SKIP_BUILD !== '1') {
  console.log('building renderer (vite build)…');
  run(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
}
const scenarios = readdirSync(join(root, 'test', 'e2e', 'scenarios')).filter((f) => f.endsWith('.mjs')).sort();
const only = process.env.E2E_ONLY; // e.g. E2E_ONLY=20-data to run one scenario while working on it

const server = await serveStatic(join(root, 'build', 'web'));
const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const pages = [];
/** A fresh page on the served build; console errors and warnings fail the run. */
async function newPage(opts = {}) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, deviceScaleFactor: 1, acceptDownloads: true, ...opts });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  pages.push({ page, errors });
  await page.goto(server.url);
  return page;
}
try {
  for (const file of scenarios) {
    if (only && !file.startsWith(only)) continue;
    console.log(`\n== ${file}`);
    const before = pages.length;
    try {
      const scenario = (await import(pathToFileURL(join(root, 'test', 'e2e', 'scenarios', file)).href)).default;
      await scenario({ root, scratch, shots, server, browser, check, equal, run, newPage });
    } catch (err) {
      failures.push(`${file}: ${String(err?.stack ?? err)}`);
      console.error(err);
    }
    for (const { page, errors } of pages.slice(before)) {
      check(errors.length === 0, `${file}: no console errors or warnings${errors.length ? `:\n    ${errors.join('\n    ')}` : ''}`);
      await page.context().close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(`e2e ${failures.length === 0 ? 'passed' : `FAILED (${failures.length})`} in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in build/screenshots/`);
process.exit(failures.length === 0 ? 0 : 1);
