/**
 * The Scenarios and Compare screens' speed in Chromium (issue 18), on the production build served
 * by the e2e's static server: a what-if slider move to every chart on the screen redrawn (target
 * 100 ms on the demo), and Monte Carlo of 10,000 trials from Run to the bands on screen (workers,
 * with progress). Medians with their range and the machine's load average: on a shared 2-core
 * machine one run says little. BENCH_SKIP_BUILD=1 reuses build/bench/web-scenarios.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { serveStatic } from '../test/e2e/static-server.mjs';
import { bench, type Figure } from './harness';

const root = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MOVES = 25;
const WARM = 5;
const MC_TRIALS = 10_000;
const MC_RUNS = 3;

const median = (v: number[]) => v.slice().sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
const range = (v: number[]) => `${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)}`;
const load = () => loadavg()[0]!.toFixed(1);

let out: string | null = null;
function build(): string {
  if (out) return out;
  const dir = join(root, 'build', 'bench', 'web-scenarios');
  if (process.env.BENCH_SKIP_BUILD !== '1' || !existsSync(join(dir, 'index.html'))) {
    const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
  }
  return (out = dir);
}

async function withPage(run: (page: Page) => Promise<Figure[]>): Promise<Figure[]> {
  const server = await serveStatic(build());
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript('globalThis.__name = (f) => f;');
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId('total-students').waitFor({ timeout: 60_000 });
    return await run(page);
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * In the page: moves the enrollment slider `n` times between two values, each time from the input
 * event to the summary's new figure and the frame after it (every chart redrawn with it), as the
 * 60-scenarios e2e measures.
 */
function slide(n: number): Promise<number[]> {
  return (async () => {
    const slider = document.querySelector('[data-testid=slider-enrollment_growth]') as HTMLInputElement;
    const box = document.querySelector('[data-testid=what-if]')!;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const before = document.querySelector('[data-testid=whatif-ending]')?.textContent;
      const t0 = performance.now();
      const changed = new Promise<void>((resolve) => {
        const mo = new MutationObserver(() => { if (document.querySelector('[data-testid=whatif-ending]')?.textContent !== before) { mo.disconnect(); resolve(); } });
        mo.observe(box, { subtree: true, childList: true, characterData: true });
      });
      setter.call(slider, String(i % 2 === 0 ? -0.045 : -0.02));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await changed;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      times.push(performance.now() - t0);
    }
    return times;
  })();
}

bench('ui: a what-if slider move to every chart redrawn (Chromium, Scenarios screen, demo)', async () => {
  const name = 'slider move → forecast → 4 charts redrawn';
  if (!existsSync(CHROMIUM)) return [{ name, value: NaN, unit: 'ms', note: 'not measured: Chromium not installed' }];
  return withPage(async (page) => {
    await page.getByRole('link', { name: 'Scenarios', exact: true }).click();
    await page.getByTestId('whatif-ending').waitFor({ timeout: 60_000 });
    const all = await page.evaluate(slide, MOVES + WARM);
    const times = all.slice(WARM);
    return [{ name, value: median(times), unit: 'ms', target: { max: 100 }, note: `median of ${times.length} moves after ${WARM} warm-up, range ${range(times)} ms; load average ${load()}` }];
  });
});

bench('ui: Monte Carlo 10,000 trials (Chromium, Compare screen, demo)', async () => {
  const name = `Monte Carlo ${MC_TRIALS.toLocaleString('en-US')} trials, Run → bands on screen`;
  if (!existsSync(CHROMIUM)) return [{ name, value: NaN, unit: 'ms', note: 'not measured: Chromium not installed' }];
  return withPage(async (page) => {
    await page.getByRole('link', { name: 'Compare', exact: true }).click();
    await page.getByTestId('compare-table').waitFor({ timeout: 120_000 });
    // The tornado runs in its own worker on opening Compare: wait for it, so it does not share the cores.
    await page.getByTestId('sensitivity').waitFor({ timeout: 300_000 });
    await page.getByTestId('mc-trials').fill(String(MC_TRIALS));
    const times: number[] = [];
    const loads: string[] = [];
    for (let i = 0; i < MC_RUNS; i++) {
      await page.getByTestId('mc-seed').fill(String(7 + i));
      const t0 = Date.now();
      await page.getByTestId('mc-run').click();
      await page.locator(`[data-testid=mc-result][data-trials="${MC_TRIALS}"][data-seed="${7 + i}"]`).waitFor({ timeout: 600_000 });
      times.push(Date.now() - t0);
      loads.push(load());
    }
    return [{ name, value: median(times), unit: 'ms', note: `median of ${MC_RUNS} runs (seeds 7–${6 + MC_RUNS}), range ${range(times)} ms; load average ${[...new Set(loads)].join(', ')}` }];
  });
});
