import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkerOptions } from 'node:worker_threads';

/** host/ (or, bundled, the folder of the bundle that contains this code). */
export function hereDir(): string {
  if (typeof __dirname === 'string') return __dirname;
  return dirname(fileURLToPath(import.meta.url));
}

/**
 * How to start one of host/'s workers (`name` = "parse-worker", "monte-carlo-worker"): the bundled
 * sibling NAME.cjs next to the bundle (Electron: electron/build.mjs writes them), else NAME.ts
 * through a bootstrap that registers tsx's loader inside the worker (tsx CLI, vitest, bench).
 */
export function workerEntry(name: string): { entry: string; options: WorkerOptions } {
  const dir = hereDir();
  for (const file of [`${name}.cjs`, `${name}.js`, `${name}.mjs`]) {
    const p = join(dir, file);
    if (existsSync(p)) return { entry: p, options: {} };
  }
  const ts = join(dir, `${name}.ts`);
  if (!existsSync(ts)) throw new Error(`${name} not found next to ${dir} (bundle host/${name}.ts as ${name}.cjs)`);
  const tsxApi = pathToFileURL(tsxEsmApi(dir, name)).href;
  const code = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(pathToFileURL(ts).href)}); });`;
  return { entry: code, options: { eval: true } };
}

/**
 * tsx's ESM register API as a file path. require.resolve would give its CommonJS build, which
 * cannot register ESM hooks, so read the package's export map for the `import` condition.
 */
function tsxEsmApi(from: string, name: string): string {
  const pkgJson = createRequire(join(from, 'x.js')).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgJson, 'utf8')) as { exports?: Record<string, unknown> };
  const entry = pkg.exports?.['./esm/api'] as { import?: string | { default?: string } } | undefined;
  const rel = typeof entry?.import === 'string' ? entry.import : entry?.import?.default;
  if (!rel) throw new Error(`tsx is installed but has no esm/api export; bundle host/${name}.ts instead`);
  return join(dirname(pkgJson), rel);
}
