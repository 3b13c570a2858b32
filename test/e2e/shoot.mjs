/* global document, window, requestAnimationFrame */
import { join } from 'node:path';

/**
 * Screenshots at 1280×800 and 900×700 (`NAME-WxH.png` in `shots`), `locator` scrolled into view
 * first, each checked for sideways scrolling; the viewport is left at 1280×800.
 */
export async function shoot(page, shots, name, locator, check) {
  for (const [w, h] of [[1280, 800], [900, 700]]) {
    await page.setViewportSize({ width: w, height: h });
    if (locator) await locator.scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: join(shots, `${name}-${w}x${h}.png`) });
    check(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `${name} at ${w}×${h}: no sideways scrolling`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}
