import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../electron/csp';

function directives(csp: string): Map<string, string> {
  return new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/);
    return [name!, values.join(' ')];
  }));
}

describe('contentSecurityPolicy', () => {
  const prod = directives(contentSecurityPolicy('production'));

  it('denies by default and allows only our own files in production', () => {
    expect(prod.get('default-src')).toBe("'none'");
    // WebAssembly (HiGHS, the optimiser) may compile; JavaScript eval stays forbidden.
    expect(prod.get('script-src')).toBe("'self' 'wasm-unsafe-eval'");
    expect(prod.get('object-src')).toBe("'none'");
    expect(prod.get('base-uri')).toBe("'none'");
  });

  it('has no inline script, eval or remote origin in production', () => {
    const text = contentSecurityPolicy('production');
    expect(text).not.toMatch(/unsafe-inline|(?<!wasm-)unsafe-eval|https?:|\*|ws:/);
  });

  it('loosens only what the Vite dev server needs in development', () => {
    const dev = directives(contentSecurityPolicy('development'));
    expect(dev.get('script-src')).toContain("'unsafe-inline'");
    expect(dev.get('script-src')).not.toMatch(/(?<!wasm-)unsafe-eval/);
    expect(dev.get('default-src')).toBe("'none'");
  });
});

describe('the built renderer page', () => {
  it('carries the production CSP as a <meta> tag (when build/web exists)', async () => {
    const { existsSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const index = join(__dirname, '..', '..', 'build', 'web', 'index.html');
    if (!existsSync(index)) return; // built by npm run build:web / test:e2e
    const html = readFileSync(index, 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    expect(meta?.[1]?.replace(/&#39;/g, "'")).toBe(contentSecurityPolicy('production'));
  });
});
