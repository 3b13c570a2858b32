import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PALETTE } from '../../renderer/charts/palette';

const css = readFileSync(join(__dirname, '../../renderer/styles.css'), 'utf8');
const token = (name: string) => new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(css)?.[1]?.toLowerCase();

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('colour tokens (renderer/styles.css) and the charts\' palette', () => {
  it('the charts use the same colours as the tags in the tables beside them', () => {
    expect(PALETTE.general).toBe(token('accent'));
    expect(PALETTE.restricted).toBe(token('restricted'));
    expect(PALETTE.unclassified).toBe(token('warn'));
  });

  it('text colours reach WCAG AA (4.5:1) on the page, on white and on their own tags', () => {
    const bg = token('bg')!;
    const white = '#ffffff';
    for (const name of ['text', 'muted', 'accent', 'restricted', 'warn', 'error', 'ok']) {
      const fg = token(name)!;
      expect(contrast(fg, bg), `--${name} on --bg`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(fg, white), `--${name} on white`).toBeGreaterThanOrEqual(4.5);
    }
    // Tag backgrounds as styles.css sets them (.tag-restricted, .tag-warn, .tag-ok, .tag-error, .tag).
    const tags: [string, string][] = [['restricted', '#e8f5f2'], ['warn', '#fdf6e7'], ['ok', '#eaf6ee'], ['error', '#fef3f2'], ['accent', '#eef2f6']];
    for (const [name, back] of tags) {
      expect(css.toLowerCase(), `tag background ${back}`).toContain(back);
      expect(contrast(token(name)!, back), `--${name} on its tag ${back}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
