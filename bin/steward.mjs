#!/usr/bin/env node
// The `steward` command (package.json "bin"): runs the esbuild bundle in build/cli/, which loads
// in a fraction of the time tsx takes to compile cli/main.ts. `npm ci` builds the bundle (the
// `prepare` script); when it is missing, or a source file it was built from has changed since
// (a checkout, an edit), it is rebuilt here first — about a second — so the command never runs
// stale code. The check is one stat per source file, a few milliseconds.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'build', 'cli');
const bundle = join(out, 'steward.mjs');

/** The bundle exists and no source file it was built from is newer; a source that is gone (an installed package) does not count. */
function fresh() {
  if (!existsSync(bundle)) return false;
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(out, 'inputs.json'), 'utf8'));
  } catch {
    return false;
  }
  for (const file of manifest.inputs) {
    let st;
    try {
      st = statSync(join(root, file));
    } catch {
      continue;
    }
    if (st.mtimeMs > manifest.built) return false;
  }
  return true;
}

if (!fresh()) {
  const builder = join(root, 'cli', 'build.mjs');
  let built = false;
  if (existsSync(builder)) {
    try {
      const { buildCli } = await import(pathToFileURL(builder).href);
      await buildCli({ quiet: true });
      built = true;
    } catch (e) {
      // No esbuild (installed without dev dependencies) or a syntax error in a source: say so, and
      // run the bundle there is, if any.
      process.stderr.write(`steward: could not rebuild the command (${e instanceof Error ? e.message.split('\n')[0] : String(e)})${existsSync(bundle) ? '; running the existing build' : ''}\n`);
    }
  }
  if (!built && !existsSync(bundle)) {
    process.stderr.write('steward: the command is not built (build/cli/steward.mjs is missing); run `npm run build:cli`\n');
    process.exit(70);
  }
}
await import(pathToFileURL(bundle).href);
