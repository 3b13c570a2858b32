// Bundles the Electron main process and the preload with esbuild (npm run build:electron).
//   electron/main.ts      → build/electron/main.cjs     (Node, CommonJS, electron external)
//   electron/preload.cts  → build/electron/preload.cjs  (sandboxed preloads must be CommonJS)
//   host/parse-worker.ts  → build/electron/parse-worker.cjs and host/monte-carlo-worker.ts →
//                           monte-carlo-worker.cjs (host/worker-entry.ts starts each from next to
//                           the bundle that imports it).
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build', 'electron');
const production = process.env.NODE_ENV === 'production';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // host/ modules read import.meta.url inside a try and fall back when bundled as CommonJS.
  logOverride: { 'empty-import-meta': 'silent' },
  absWorkingDir: root,
};

const entries = [
  { in: 'electron/main.ts', out: 'main.cjs' },
  { in: 'electron/preload.cts', out: 'preload.cjs' },
  { in: 'host/parse-worker.ts', out: 'parse-worker.cjs', optional: true },
  { in: 'host/monte-carlo-worker.ts', out: 'monte-carlo-worker.cjs', optional: true },
];

rmSync(out, { recursive: true, force: true });
for (const entry of entries) {
  if (entry.optional && !existsSync(join(root, entry.in))) continue;
  await build({ ...common, entryPoints: [join(root, entry.in)], outfile: join(out, entry.out) });
}
console.log(`built ${entries.filter((e) => !e.optional || existsSync(join(root, e.in))).map((e) => e.out).join(', ')} in build/electron/`);
