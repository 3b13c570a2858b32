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

export default defineConfig({
  root: here,
  // Relative asset URLs so the same build loads from file:// in Electron and from any web path.
  base: './',
  plugins: [react(), cspMeta(), benchHook()],
  // SheetJS: Node's default import → its ES module build (see shims/xlsx.ts).
  resolve: { alias: [{ find: /^xlsx$/, replacement: fileURLToPath(new URL('./shims/xlsx.ts', import.meta.url)) }] },
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(pkg.version) },
  build: {
    outDir: fileURLToPath(new URL('../build/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
  // Scan the import worker too, so the dev server pre-bundles its dependencies up front instead of
  // discovering them on the first file opened and reloading the page (losing what was on screen).
  optimizeDeps: { entries: ['index.html', 'workers/import.worker.ts'] },
  server: { port: 5173, strictPort: false },
});
