/**
 * How long the `steward` command takes to print its help: the bin (bin/steward.mjs, the esbuild
 * bundle in build/cli/) against a bare `node -e 0` on the same machine, spawned in alternation so
 * both see the same load; and, for comparison, the same through tsx (`npm run cli` compiles
 * cli/main.ts on every start). `npx steward` adds npm's own start-up (it reads the dependency tree
 * before running a package's own bin), shown as one run.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bench, type Figure } from './harness';

const root = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(root, 'bin', 'steward.mjs');
const RUNS = 11;

/** Wall time of one process run to completion, in ms; throws when it fails. */
function spawnMs(cmd: string, args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (v: number[]) => v.slice().sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
const range = (v: number[]) => `${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)} ms`;

bench('steward command start-up (--help)', async () => {
  spawnMs(process.execPath, [BIN, '--help']); // builds the bundle if it is missing or stale
  const bin: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    bare.push(spawnMs(process.execPath, ['-e', '0']));
    bin.push(spawnMs(process.execPath, [BIN, '--help']));
  }
  const tsx = [0, 1, 2].map(() => spawnMs(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'cli', 'main.ts'), '--help']));
  let npx = NaN;
  try {
    npx = spawnMs('npx', ['--offline', 'steward', '--help']);
  } catch {
    // npx missing or offline resolution refused: not measured
  }
  const figures: Figure[] = [
    { name: 'steward --help from the bin (node bin/steward.mjs)', value: median(bin), unit: 'ms', target: { max: 500 }, baseline: { name: 'bare node -e 0', value: median(bare) }, note: `${RUNS} runs ${range(bin)}; bare node ${range(bare)}` },
    { name: 'steward --help: time over a bare node start (median of pairs)', value: median(bin.map((b, i) => b - bare[i]!)), unit: 'ms', target: { max: 150 }, note: 'what the bin itself costs: the stub, the staleness check and the entry chunk' },
    { name: 'the same through tsx (npm run -s cli -- --help, before the bundle)', value: median(tsx), unit: 'ms', note: `3 runs ${range(tsx)}` },
  ];
  figures.push(Number.isNaN(npx)
    ? { name: 'npx steward --help (npm start-up included)', value: NaN, unit: 'ms', note: 'npx failed; not measured' }
    : { name: 'npx steward --help (npm start-up included)', value: npx, unit: 'ms', note: 'one run; npm reads the dependency tree before running a package\'s own bin' });
  return figures;
});
