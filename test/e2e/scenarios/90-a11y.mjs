/* global window, document, getComputedStyle, requestAnimationFrame, MutationObserver, HTMLElement, setTimeout -- page.evaluate bodies run in the browser */
// Feel and accessibility (issue 13): axe-core on every screen at 1280×800 and 900×700 (no serious
// or critical violation; every violation printed with its nodes), landmarks, headings, the
// sidebar's accessible names, a visible focus ring on every tab stop, the chart's name and table
// alternative; layout at 900 px and at 200% zoom (a 640×400 CSS viewport at deviceScaleFactor 2:
// no sideways scrolling, no card figure wider than its card) and the overview at 400% (320 px);
// the loading state from the first paint; the Import screen with a report and a project with
// errors; screenshots of every screen at both sizes in build/screenshots/<screen>-<w>x<h>.png.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SCREENS = ['Overview', 'Data', 'Import', 'Allocate', 'Scenarios', 'Compare', 'Staffing', 'Reports', 'History'];
const SIZES = [
  { width: 1280, height: 800, scale: 1 },
  { width: 900, height: 700, scale: 1 },
  // 200% zoom of a 1280×800 window: the layout sees 640×400 CSS pixels.
  { width: 640, height: 400, scale: 2, zoom: '200%' },
];

/** Opens a screen by its sidebar link and waits until it has rendered and nothing is loading. */
async function openScreen(page, screen, { figures = true } = {}) {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: screen, exact: true }).click();
  await page.locator(`main[aria-label="${screen}"][aria-busy="false"]`).waitFor();
  await page.locator('main').getByRole('heading').first().waitFor();
  if (screen === 'Overview' && figures) await page.getByTestId('total-budget').waitFor();
  // Fonts and layout settle before measuring.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** axe-core's violations, each with its nodes, printed; returns the serious and critical ones. */
async function axe(page, where) {
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary?.replace(/\s*\n\s*/g, ' ')}`) }));
  });
  for (const v of violations) {
    console.log(`    axe ${where}: ${v.impact} ${v.id} (${v.help}), ${v.nodes.length} node(s)`);
    for (const n of v.nodes) console.log(`      ${n}`);
  }
  return violations;
}

/** What overflows sideways: the page itself, and any card figure wider than its card. */
function overflow(page) {
  return page.evaluate(() => ({
    page: { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth },
    // The outermost elements that reach past the window's right edge (to say what to fix).
    wide: [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5 && !(el.parentElement && el.parentElement.getBoundingClientRect().right > window.innerWidth + 0.5))
      .slice(0, 5).map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''} → ${Math.round(el.getBoundingClientRect().right)}px`),
    cards: [...document.querySelectorAll('.card')].flatMap((card) => {
      const value = card.querySelector('.card-value');
      const bad = [];
      if (card.scrollWidth > card.clientWidth) bad.push(`card "${card.textContent}" ${card.scrollWidth} > ${card.clientWidth}`);
      if (value && value.scrollWidth > value.clientWidth) bad.push(`figure "${value.textContent}" ${value.scrollWidth} > ${value.clientWidth}`);
      return bad;
    }),
  }));
}


/** Landmarks, headings and the sidebar's names on the screen shown; returns what is wrong. */
async function structure(page, screen) {
  const wrong = [];
  const count = async (role, opts) => page.getByRole(role, opts).count();
  if ((await count('main')) !== 1) wrong.push(`${await count('main')} main landmarks`);
  if ((await count('banner')) !== 1) wrong.push('no single banner (title bar)');
  if ((await count('contentinfo')) !== 1) wrong.push('no single contentinfo (footer)');
  const nav = page.getByRole('navigation', { name: 'Screens', exact: true });
  if ((await nav.count()) !== 1) wrong.push('no navigation named "Screens"');
  if ((await nav.getByRole('link').count()) !== SCREENS.length) wrong.push(`${await nav.getByRole('link').count()} links in the sidebar`);
  for (const s of SCREENS) if ((await nav.getByRole('link', { name: s, exact: true }).count()) !== 1) wrong.push(`no sidebar link named exactly "${s}"`);
  const current = await nav.locator('[aria-current=page]').textContent();
  if (current?.trim() !== screen) wrong.push(`aria-current on "${current}"`);
  // Headings: one h1, in main; no level skipped on the way down.
  const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) => hs.filter((h) => h.checkVisibility()).map((h) => ({ level: Number(h.tagName[1]), inMain: h.closest('main') !== null, text: h.textContent })));
  const h1s = levels.filter((h) => h.level === 1);
  if (h1s.length !== 1 || !h1s[0].inMain) wrong.push(`h1s: ${JSON.stringify(h1s.map((h) => h.text))}`);
  levels.forEach((h, i) => { if (i > 0 && h.level > levels[i - 1].level + 1) wrong.push(`h${h.level} "${h.text}" after h${levels[i - 1].level}`); });
  if (levels[0]?.level !== 1) wrong.push(`the first heading is h${levels[0]?.level}`);
  return wrong;
}

/** Tabs through the page; every stop must show a focus ring (an outline or a box shadow). */
async function focusRings(page, stops = 40) {
  await page.locator('body').click({ position: { x: 1, y: 1 } }).catch(() => undefined);
  await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  const seen = [];
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const cs = getComputedStyle(el);
      const ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 1) || cs.boxShadow !== 'none';
      return { what: `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"`, ring, visible: el.checkVisibility() };
    });
    if (!f) break;
    seen.push(f);
  }
  return seen;
}

/** Where the screen is checked: axe, structure, no sideways scrolling, card figures that fit. */
async function checkScreen(page, where, screen, { check, rules }) {
  const violations = await axe(page, where);
  for (const v of violations) (rules[v.id] ??= new Set()).add(`${v.impact}`);
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  check(serious.length === 0, `${where}: no serious or critical axe violations${serious.length ? ` (${serious.map((v) => `${v.id} ×${v.nodes.length}`).join(', ')})` : ''}`);
  const wrong = await structure(page, screen);
  check(wrong.length === 0, `${where}: one main, one banner, nav "Screens" with the nine screen names, one h1, no skipped heading level${wrong.length ? `: ${wrong.join('; ')}` : ''}`);
  const o = await overflow(page);
  check(o.page.scrollWidth <= o.page.innerWidth, `${where}: no sideways scrolling (scrollWidth ${o.page.scrollWidth} ≤ ${o.page.innerWidth})${o.page.scrollWidth > o.page.innerWidth ? `: ${o.wide.join(', ')}` : ''}`);
  check(o.cards.length === 0, `${where}: every card's figure fits its card${o.cards.length ? `: ${o.cards.join('; ')}` : ''}`);
}

export default async function a11y({ root, scratch, shots, server, check, run, newPage }) {
  const axePath = join(root, 'node_modules', 'axe-core', 'axe.min.js');
  const rules = {};
  // A small budget export, so the Import screen is also checked with a report on it.
  const csv = join(scratch, 'a11y-budget.csv');
  writeFileSync(csv, ['Fund,Location,Object,Description,Amount', 'GEN,101,salaries,Teachers,"$1,234,567.89"', 'GEN,102,supplies,Bad amount,12abc', ''].join('\r\n'));

  for (const size of SIZES) {
    const label = `${size.width}×${size.height}${size.zoom ? ` (${size.zoom})` : ''}`;
    const tag = size.zoom ? 'zoom200' : `${size.width}x${size.height}`;
    console.log(`at ${label}`);
    // bypassCSP: axe is injected as an inline script, which the app's CSP (script-src 'self') refuses.
    const page = await newPage({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.scale, bypassCSP: true });
    await page.getByTestId('total-budget').waitFor({ timeout: 40_000 });
    await page.addScriptTag({ path: axePath });

    for (const screen of SCREENS) {
      await openScreen(page, screen);
      await checkScreen(page, `${screen} at ${label}`, screen, { check, rules });
      if (!size.zoom || screen === 'Overview' || screen === 'Import') await page.screenshot({ path: join(shots, `${screen.toLowerCase()}-${tag}.png`), fullPage: true });
    }

    // The Import screen with a report on it (a table of counts, a list of rejected rows).
    await openScreen(page, 'Import');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open file…' }).click();
    await (await chooser).setFiles(csv);
    await page.locator('main[aria-busy="false"]').getByText('a11y-budget.csv').first().waitFor();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await checkScreen(page, `Import with a report at ${label}`, 'Import', { check, rules });
    await page.screenshot({ path: join(shots, `import-report-${tag}.png`), fullPage: true });

    if (size.width === 1280) {
      await openScreen(page, 'Overview');
      // The chart: an image with a name, a summary, and the fund table as its text alternative.
      const chart = await page.locator('[data-testid=budget-by-fund-chart] canvas').evaluate((c) => ({
        role: c.getAttribute('role'),
        name: c.getAttribute('aria-label'),
        summary: document.getElementById(c.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
        details: document.getElementById(c.getAttribute('aria-details') ?? '')?.getAttribute('data-testid') ?? null,
      }));
      check(chart.role === 'img' && /^Budget by fund, FY \d{4}–\d\d, bar chart$/.test(chart.name ?? ''), `chart: an image named "${chart.name}"`);
      check(/^\d+ funds, largest first: GEN \$/.test(chart.summary), `chart: described by its summary ("${chart.summary.slice(0, 60)}…")`);
      check(chart.details === 'fund-table', 'chart: aria-details points at the fund table beside it');
      const stops = await focusRings(page);
      const bare = stops.filter((f) => !f.ring || !f.visible);
      check(stops.length >= 12 && bare.length === 0, `keyboard: ${stops.length} tab stops on the overview, each with a visible focus ring${bare.length ? `; without: ${bare.map((f) => f.what).join(', ')}` : ''}`);
      const names = stops.map((f) => f.what);
      check(SCREENS.every((s) => names.includes(`a "${s}"`)), 'keyboard: every sidebar link is a tab stop');

      // A project with errors: the overview withholds its figures and lists them; the sidebar's
      // Data link counts them in its description, its name staying "Data".
      const wrong = join(scratch, 'a11y-wrong.xlsx');
      run('npx', ['tsx', 'test/e2e/wrong-workbook.ts', wrong]);
      const wrongChooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Open file…' }).click();
      await (await wrongChooser).setFiles(wrong);
      await page.locator('main[aria-busy="false"]').getByText('a11y-wrong.xlsx').first().waitFor({ timeout: 40_000 });
      await openScreen(page, 'Overview', { figures: false });
      await page.getByTestId('figures-withheld').waitFor();
      await checkScreen(page, `Overview of a project with errors at ${label}`, 'Overview', { check, rules });
      const described = await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Data', exact: true }).evaluate((a) => document.getElementById(a.getAttribute('aria-describedby') ?? '')?.textContent ?? '');
      check(/^\d+ errors?$/.test(described.trim()), `the Data link is described by its error count ("${described.trim()}")`);
      await page.screenshot({ path: join(shots, `overview-errors-${tag}.png`), fullPage: true });
    }
  }
  // 400% zoom (WCAG's reflow width, 320 CSS px) on the overview: its tables no longer fit and
  // scroll inside their panels as named, focusable regions; the page itself still does not.
  {
    const page = await newPage({ viewport: { width: 320, height: 256 }, deviceScaleFactor: 4, bypassCSP: true });
    await page.getByTestId('total-budget').waitFor({ timeout: 40_000 });
    await page.addScriptTag({ path: axePath });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await checkScreen(page, 'Overview at 320×256 (400%)', 'Overview', { check, rules });
    const regions = await page.locator('.table-scroll').evaluateAll((boxes) => boxes.map((b) => ({ scrolls: b.scrollWidth > b.clientWidth, role: b.getAttribute('role'), tab: b.tabIndex, name: b.getAttribute('aria-label') })));
    check(regions.length === 2 && regions.every((r) => r.scrolls && r.role === 'region' && r.tab === 0 && /scrolls sideways/.test(r.name ?? '')),
      `400%: the fund and site tables scroll in named, focusable regions (${regions.map((r) => r.name).join('; ')})`);
    await page.screenshot({ path: join(shots, 'overview-zoom400.png'), fullPage: true });
  }

  console.log(`  axe rules seen (all impacts): ${Object.entries(rules).map(([id, impacts]) => `${id} (${[...impacts].join('/')})`).join(', ') || 'none'}`);

  // Loading: never a blank window. Before React mounts, index.html's own status line; while the
  // engine worker builds the demo, the app's. Each is a role=status (announced).
  {
    const page = await newPage({ viewport: { width: 1280, height: 800 } });
    // Let the first load (newPage's) finish, so reloading does not abort its requests.
    await page.getByTestId('total-budget').waitFor({ timeout: 40_000 });
    await page.addInitScript(() => {
      window.__sawEmpty = false;
      new MutationObserver(() => { if (document.querySelector('[data-testid=no-project]')) window.__sawEmpty = true; }).observe(document, { subtree: true, childList: true });
    });
    // (continue may find the route already handled once unrouted: that is fine)
    const slow = (ms) => async (route) => { await new Promise((r) => setTimeout(r, ms)); await route.continue().catch(() => undefined); };
    await page.route(/\/assets\/index-[^/]*\.js$/, slow(1500));
    await page.goto(server.url, { waitUntil: 'commit' });
    const boot = page.getByTestId('boot-loading');
    await boot.waitFor();
    check(await boot.getAttribute('role') === 'status' && (await boot.textContent())?.includes('Starting Steward'), 'loading: before React mounts, index.html shows "Starting Steward…" as a status');
    await page.screenshot({ path: join(shots, 'loading-boot.png') });
    await page.unroute(/\/assets\/index-[^/]*\.js$/);
    await page.getByTestId('total-budget').waitFor({ timeout: 40_000 });
    check(await boot.count() === 0, 'loading: the static status is gone once the app runs');

    await page.route(/engine\.worker-[^/]*\.js$/, slow(1500));
    await page.reload();
    const status = page.locator('main [role=status]');
    await status.first().waitFor();
    check((await status.first().textContent())?.includes('demo district'), `loading: while the demo builds, main shows "${(await status.first().textContent())?.trim()}" as a status`);
    await page.screenshot({ path: join(shots, 'loading-demo.png') });
    await page.getByTestId('total-budget').waitFor({ timeout: 40_000 });
    check(!(await page.evaluate(() => window.__sawEmpty)), 'loading: "No project open" never flashes while the demo opens');
  }

  // The store hook the bench builds in (vite --mode bench) is not in the production bundle.
  const assets = join(root, 'build', 'web', 'assets');
  const hooked = readdirSync(assets).filter((f) => f.endsWith('.js') && readFileSync(join(assets, f), 'utf8').includes('__stewardBench'));
  check(hooked.length === 0, `the production build has no bench hook (__stewardBench)${hooked.length ? `: ${hooked.join(', ')}` : ''}`);
}
