// Bundles the CLI with esbuild into build/cli/ (npm run build:cli; `npm ci` runs it as `prepare`,
// and bin/steward.mjs runs it on demand when the bundle is missing or older than a source file).
//   cli/main.ts                 → build/cli/steward.mjs, ESM with code splitting: each command is a
//                                 chunk loaded only when run, so `steward --help` loads one small file
//   host/monte-carlo-worker.ts  → build/cli/monte-carlo-worker.cjs, host/parse-worker.ts →
//                                 parse-worker.cjs (host/worker-entry.ts starts each from next to
//                                 the bundle that imports it)
// Packages stay in node_modules (external): HiGHS finds its .wasm beside itself there.
// build/cli/inputs.json lists every source file the bundle was built from, for the staleness check.
import { build } from 'esbuild';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT = join(root, 'build', 'cli');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: false,
  logLevel: 'warning',
  logOverride: { 'empty-import-meta': 'silent' },
  absWorkingDir: root,
  metafile: true,
};

/** Builds build/cli/ and returns the source files it was built from. */
export async function buildCli({ quiet = false } = {}) {
  const t0 = performance.now();
  // Sources changed while building are newer than this and trigger the next rebuild.
  const started = Date.now();
  rmSync(CLI_OUT, { recursive: true, force: true });
  mkdirSync(CLI_OUT, { recursive: true });
  const inputs = new Set();
  const main = await build({
    ...common,
    entryPoints: { steward: join(root, 'cli', 'main.ts') },
    outdir: CLI_OUT,
    format: 'esm',
    splitting: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
  });
  Object.keys(main.metafile.inputs).forEach((f) => inputs.add(f));
  for (const name of ['monte-carlo-worker', 'parse-worker']) {
    const entry = join(root, 'host', `${name}.ts`);
    if (!existsSync(entry)) continue;
    const r = await build({ ...common, format: 'cjs', entryPoints: [entry], outfile: join(CLI_OUT, `${name}.cjs`) });
    Object.keys(r.metafile.inputs).forEach((f) => inputs.add(f));
  }
  inputs.add('cli/build.mjs');
  inputs.add('package.json');
  writeFileSync(join(CLI_OUT, 'inputs.json'), JSON.stringify({ built: started, inputs: [...inputs].filter((f) => !f.startsWith('node_modules/')).sort() }, null, 1));
  if (!quiet) console.log(`built the steward command in build/cli/ (${(performance.now() - t0).toFixed(0)} ms)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCli();
