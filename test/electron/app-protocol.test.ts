import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_INDEX_URL, contentType, createAppHandler, resolveAppPath } from '../../electron/app-protocol';
import { contentSecurityPolicy } from '../../electron/csp';

// The built renderer served from app://steward (module workers do not start from file://): the
// URL → file mapping, and everything that tries to step outside build/web.

const root = join(sep, 'opt', 'Steward', 'resources', 'app.asar', 'build', 'web');

describe('resolveAppPath', () => {
  it.each([
    [APP_INDEX_URL, 'index.html'],
    ['app://steward/', 'index.html'],
    ['app://steward/index.html?x=1#data', 'index.html'],
    ['app://steward/assets/index-abc123.js', join('assets', 'index-abc123.js')],
    ['app://steward/assets/engine.worker-9f.js', join('assets', 'engine.worker-9f.js')],
    ['app://steward/assets/a%20b.css', join('assets', 'a b.css')],
  ])('maps %s to build/web/%s', (url, rel) => {
    expect(resolveAppPath(url, root)).toBe(join(root, rel));
  });

  it.each([
    ['another scheme', 'file:///opt/Steward/resources/app.asar/build/web/index.html'],
    ['https', 'https://steward/index.html'],
    ['another host', 'app://evil/index.html'],
    ['no host', 'app:///index.html'],
    ['credentials', 'app://a:b@steward/index.html'],
    ['a port', 'app://steward:1/index.html'],
    ['encoded slash', 'app://steward/..%2f..%2fetc%2fpasswd'],
    ['encoded slash, upper case', 'app://steward/assets%2F..%2F..%2Fmain.cjs'],
    ['encoded backslash', 'app://steward/..%5c..%5cwindows%5cwin.ini'],
    ['a backslash', 'app://steward/assets\\..\\..\\main.cjs'],
    ['NUL', 'app://steward/index.html%00.png'],
    ['a drive letter', 'app://steward/C:/Windows/win.ini'],
    ['an empty segment', 'app://steward/assets//index.js'],
    ['bad percent encoding', 'app://steward/%E0%A4%A'],
    ['not a URL', 'index.html'],
  ])('refuses %s', (_name, url) => {
    const p = resolveAppPath(url, root);
    expect(p).toBeNull();
  });

  it('dot segments are resolved by the URL parser (as Chromium does) and can never climb out of build/web', () => {
    // app://steward/../../etc/passwd is app://steward/etc/passwd: build/web/etc/passwd, not /etc/passwd.
    expect(resolveAppPath('app://steward/../../../../etc/passwd', root)).toBe(join(root, 'etc', 'passwd'));
    expect(resolveAppPath('app://steward/%2e%2e/%2e%2e/etc/passwd', root)).toBe(join(root, 'etc', 'passwd'));
    const tries = ['app://steward/a/../../b', 'app://steward/./x', 'app://steward/assets/../index.html', 'app://steward/%2e/x', 'app://steward/.%2e/.%2E/x', 'app://steward/assets/%2e%2e%2f%2e%2e%2fmain.cjs'];
    for (const t of tries) {
      const p = resolveAppPath(t, root);
      if (p !== null) expect(p.startsWith(root + sep), `${t} → ${p}`).toBe(true);
    }
  });
});

describe('contentType', () => {
  it('gives scripts a JavaScript type (module workers refuse anything else) and pages, styles, images theirs', () => {
    expect(contentType('a/index-1.js')).toMatch(/^text\/javascript/);
    expect(contentType('a/x.mjs')).toMatch(/^text\/javascript/);
    expect(contentType('index.html')).toMatch(/^text\/html/);
    expect(contentType('a.CSS')).toMatch(/^text\/css/);
    expect(contentType('favicon.svg')).toBe('image/svg+xml');
    expect(contentType('solver.wasm')).toBe('application/wasm');
    expect(contentType('notes')).toBe('application/octet-stream');
  });
});

describe('the app:// handler', () => {
  let web: string;
  let outside: string;
  beforeAll(async () => {
    const base = await mkdtemp(join(tmpdir(), 'steward-protocol-'));
    web = join(base, 'web');
    outside = join(base, 'secret.txt');
    await mkdir(join(web, 'assets'), { recursive: true });
    await writeFile(join(web, 'index.html'), '<!doctype html><title>Steward</title>');
    await writeFile(join(web, 'assets', 'engine.worker.js'), 'self.onmessage = () => {};');
    await writeFile(outside, 'not for the renderer');
  });
  afterAll(async () => {
    await rm(join(web, '..'), { recursive: true, force: true });
  });
  const handler = () => createAppHandler(web, async (p) => new Uint8Array(await readFile(p)), contentSecurityPolicy('production'));

  it('serves the page with the CSP header, and a worker script as JavaScript', async () => {
    const page = await handler()(new Request(APP_INDEX_URL));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy('production'));
    expect(await page.text()).toContain('<title>Steward</title>');
    const worker = await handler()(new Request('app://steward/assets/engine.worker.js'));
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(worker.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('404 for a missing file, a folder, or anything outside build/web; 405 for anything but GET', async () => {
    for (const url of ['app://steward/missing.js', 'app://steward/assets', 'app://steward/..%2fsecret.txt', 'app://steward/../secret.txt', 'app://evil/index.html']) {
      const r = await handler()(new Request(url));
      expect(r.status, url).toBe(404);
      expect(await r.text()).not.toContain('not for the renderer');
    }
    expect((await handler()(new Request(APP_INDEX_URL, { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
