import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const readJson = <T>(rel: string): T => JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as T;
const pkg = readJson<{ version: string }>('../package.json');
const cspRules = readJson<{ production: Record<string, string> }>('../electron/csp-rules.json');

// The same text as electron/csp.ts contentSecurityPolicy('production'); test/electron/csp.test.ts checks the built page.
const productionCsp = Object.entries(cspRules.production).map(([k, v]) => `${k} ${v}`).join('; ');

/** Writes the CSP into the built index.html (file:// pages in Electron get no headers). */
function cspMeta(): Plugin {
  return {
    name: 'steward-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: productionCsp }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * `vite build --mode bench` only (bench/ui.bench.ts): exposes the store as
 * `globalThis.__stewardBench` so the bench can time an edit through the same store the Data screen
 * uses. Production and dev builds never contain it (the e2e checks build/web for the name).
 */
function benchHook(): Plugin {
  return {
    name: 'steward-bench-hook',
    apply: (_config, env) => env.mode === 'bench',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('/renderer/store/index.ts')) return null;
      // Plain JavaScript: valid before and after the TypeScript transform.
      return { code: `${code}\n;globalThis.__stewardBench = { store: appStore };\n`, map: null };
    },
  };
}

/**
 * The built page runs boot.ts (engine/early-worker.ts: start the engine worker) before the app's
 * bundle: a second entry, its <script> put ahead of the app's (module scripts run in document order,
 * each as soon as it has loaded, so the tiny boot script does not wait for the app's bundle). The
 * dev server has no boot script; the engine client then starts the worker itself.
 */
function bootFirst(): Plugin {
  return {
    name: 'steward-boot-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const boot = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'boot');
        if (!boot) throw new Error('steward-boot-first: no boot chunk in the bundle');
        const main = html.search(/<script type="module"[^>]*src="[^"]*\/index-[^"]*\.js"/);
        if (main < 0) throw new Error('steward-boot-first: no app script in index.html');
        return `${html.slice(0, main)}<script type="module" crossorigin src="./${boot.fileName}"></script>\n    ${html.slice(main)}`;
      },
    },
  };
}

export default defineConfig({
  root: here,
  // Relative asset URLs so the same build loads from file:// in Electron and from any web path.
  base: './',
  plugins: [react(), cspMeta(), bootFirst(), benchHook()],
  // SheetJS: Node's default import → its ES module build (see shims/xlsx.ts).
  resolve: { alias: [{ find: /^xlsx$/, replacement: fileURLToPath(new URL('./shims/xlsx.ts', import.meta.url)) }] },
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(pkg.version) },
  build: {
    outDir: fileURLToPath(new URL('../build/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: { index: fileURLToPath(new URL('./index.html', import.meta.url)), boot: fileURLToPath(new URL('./boot.ts', import.meta.url)) } },
  },
  worker: { format: 'es' },
  // Scan the import worker too, so the dev server pre-bundles its dependencies up front instead of
  // discovering them on the first file opened and reloading the page (losing what was on screen).
  optimizeDeps: { entries: ['index.html', 'workers/import.worker.ts'] },
  server: { port: 5173, strictPort: false },
});
