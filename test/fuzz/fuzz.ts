/**
 * The long fuzz campaign: `npm run fuzz -- --count 100000` (issue 16).
 *
 *   --count N        inputs to run (default 2000)
 *   --seed S         campaign seed (default 16); input i of seed S is always the same bytes
 *   --from I         first input index (default 0), to resume or re-run a range
 *   --jobs J         child processes (default 1; the machine is shared)
 *   --real           add the real files of ../shared/data to the seeds, when present
 *   --keep DIR       where failing inputs are written (default test/fuzz/regressions/found)
 *   --timeout-ms T   an input that has used T ms of CPU (or 10 × T of wall-clock time) is stopped and
 *                    counted as a hang (default 10000: an input past 10 s is a defect whatever the
 *                    cause — the target is under 5 s of CPU — and every hang costs the whole limit;
 *                    CPU, not wall time, so that a child starved by other jobs is not called hung)
 *   --heap-mb M      each child's heap cap (default 1536): running out counts as over 1 GB
 *   --out FILE       also write the figures as JSON
 *
 * Inputs run in child processes, each in-process through runInput (harness/run-input.ts): the
 * real import and project-loading paths. The parent times every input from outside, stops a
 * child whose input runs past the hard limit, and restarts it at the next input; each child
 * resets its peak-memory mark (/proc/self/clear_refs) before an input and reads it after, so
 * every input's own peak RSS is known. Peak memory stays honest without a full gc() before every
 * input (which cost more than the input itself): the child collects only when its heap has grown
 * by GC_GROWTH_MB since the last collection, so an input's figure includes at most that much of
 * its predecessors' garbage (it can only read high, never low), and an input that reads over
 * 1 GB is run again after a collection before it counts. Reported per format: imported, clean rejection, internal
 * error, over 5 s (of CPU time: the machine is shared, and wall time then measures the others),
 * over 1 GB of peak RSS, and hangs (stopped by the hard wall-clock limit). Every input that failed
 * is written to --keep with its recipe, to be kept under test/fuzz/regressions/.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mutantAt } from './harness/mutators';
import { runInput, type RunResult } from './harness/run-input';
import { addTally, emptyTally, figuresLines, type Tally } from './harness/figures';
import { FORMATS, realSeeds, seeds, type Format } from './harness/seeds';

const SLOW_MS = 5000;
const BIG_MB = 1024;
/** Heap growth since the last collection after which the child collects before the next input. */
const GC_GROWTH_MB = 64;

interface Args {
  count: number;
  seed: number;
  from: number;
  jobs: number;
  real: boolean;
  keep: string;
  timeoutMs: number;
  heapMb: number;
  out: string | null;
  child: boolean;
  step: number;
}

function parse(argv: string[]): Args {
  const a: Args = { count: 2000, seed: 16, from: 0, jobs: 1, real: false, keep: fileURLToPath(new URL('./regressions/found', import.meta.url)), timeoutMs: 10_000, heapMb: 1536, out: null, child: false, step: 1 };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]!;
    const v = (): string => argv[++i] ?? '';
    if (k === '--count') a.count = Number(v());
    else if (k === '--seed') a.seed = Number(v());
    else if (k === '--from') a.from = Number(v());
    else if (k === '--jobs') a.jobs = Math.max(1, Number(v()));
    else if (k === '--real') a.real = true;
    else if (k === '--keep') a.keep = v();
    else if (k === '--timeout-ms') a.timeoutMs = Number(v());
    else if (k === '--heap-mb') a.heapMb = Number(v());
    else if (k === '--out') a.out = v();
    else if (k === '--child') a.child = true;
    else if (k === '--step') a.step = Number(v());
    else throw new Error(`fuzz: unknown option ${k}`);
  }
  return a;
}

const allSeeds = (real: boolean) => (real ? [...seeds(), ...realSeeds()] : seeds());

// ---- child ---------------------------------------------------------------------------------------

interface Done {
  i: number;
  format: Format;
  result: RunResult;
  peakMb: number;
  /** The child's own CPU time for this input: making it, collecting garbage, running it. */
  cost: Cost;
}

interface Cost {
  mutateMs: number;
  gcMs: number;
  runMs: number;
}

function peakMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

const cpuMs = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

const heapMb = (): number => process.memoryUsage().heapUsed / 2 ** 20;

/** A full collection, only once the heap has grown since the last one (see the header). */
const collector = { afterLast: 0 };
function collectIfGrown(force = false): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc || (!force && heapMb() < collector.afterLast + GC_GROWTH_MB)) return;
  gc();
  collector.afterLast = heapMb();
}

function resetPeak(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux, or not allowed: the figure is then the process's peak so far.
  }
}

function child(a: Args): void {
  const all = allSeeds(a.real);
  const send = (m: unknown) => process.send!(m);
  const end = a.from + a.count;
  collectIfGrown(true);
  for (let i = a.from; i < end; i += a.step) {
    let t = cpuMs();
    const m = mutantAt(all, a.seed, i);
    const mutateMs = cpuMs() - t;
    t = cpuMs();
    collectIfGrown();
    const gcMs = cpuMs() - t;
    resetPeak();
    send({ start: i });
    t = cpuMs();
    let result = runInput(m.bytes, m.name, { project: m.project });
    const runMs = cpuMs() - t;
    let peak = peakMb();
    if (peak > BIG_MB) {
      // Over 1 GB: measured again from a collected heap, so garbage left by earlier inputs cannot count.
      collectIfGrown(true);
      resetPeak();
      result = runInput(m.bytes, m.name, { project: m.project });
      peak = peakMb();
    }
    send({ i, format: m.format, result, peakMb: peak, cost: { mutateMs, gcMs, runMs } } satisfies Done);
  }
  process.disconnect?.();
}

// ---- parent --------------------------------------------------------------------------------------

/** CPU time (user + system) a child process has used so far, from /proc; 0 where there is none. */
function childCpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 (utime, stime) in clock ticks of 1/100 s; f[0] is field 3.
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

async function parent(a: Args): Promise<void> {
  const all = allSeeds(a.real);
  mkdirSync(a.keep, { recursive: true });
  const found = join(a.keep, 'found.jsonl');
  const tallies = new Map<Format, Tally>(FORMATS.map((f) => [f, emptyTally()]));
  const internals = new Map<string, number>();
  let done = 0;
  const t0 = Date.now();
  const c0 = process.cpuUsage();
  const cost: Cost = { mutateMs: 0, gcMs: 0, runMs: 0 };
  const end = a.from + a.count;

  const keep = (i: number, reason: string, detail: unknown): void => {
    const m = mutantAt(all, a.seed, i);
    const ext = /\.[^.]+$/.exec(m.name)?.[0] ?? '';
    const file = `${m.format}-s${a.seed}-i${i}-${reason}${ext}`;
    writeFileSync(join(a.keep, file), m.bytes);
    appendFileSync(found, JSON.stringify({ file, seed: a.seed, index: i, name: m.name, format: m.format, reason, recipe: m.recipe, detail }) + '\n');
  };

  const record = (i: number, format: Format | null, r: RunResult | null, mb: number, hang: boolean): void => {
    // Made again only when the child could not say (it was stopped or died inside the input).
    const t = tallies.get(format ?? mutantAt(all, a.seed, i).format)!;
    done++;
    if (hang || r === null) {
      t.hangs++;
      if (hang) t.over5s++;
      else t.over1GB++;
      keep(i, hang ? 'hang' : 'crash', { mb });
      return;
    }
    t[r.outcome]++;
    t.maxMs = Math.max(t.maxMs, r.cpuMs);
    t.sumMs += r.cpuMs;
    t.maxWallMs = Math.max(t.maxWallMs, r.ms);
    t.maxMb = Math.max(t.maxMb, mb);
    if (r.outcome === 'internal') {
      const key = `${format} ${r.code}: ${r.message.split('\n')[0]!.slice(0, 120)}`;
      internals.set(key, (internals.get(key) ?? 0) + 1);
      keep(i, `internal-${r.code}`, r);
    }
    if (r.cpuMs > SLOW_MS) {
      t.over5s++;
      keep(i, 'slow', { cpuMs: r.cpuMs, ms: r.ms, outcome: r.outcome, code: r.code });
    }
    if (mb > BIG_MB) {
      t.over1GB++;
      keep(i, 'big', { mb, outcome: r.outcome });
    }
  };

  const runLane = (lane: number): Promise<void> =>
    new Promise((resolve) => {
      let next = a.from + lane;
      const start = (): void => {
        if (next >= end) return resolve();
        const args = ['--child', '--seed', String(a.seed), '--from', String(next), '--count', String(end - next), '--step', String(a.jobs), ...(a.real ? ['--real'] : [])];
        const cp: ChildProcess = fork(fileURLToPath(import.meta.url), args, {
          execArgv: ['--import', 'tsx', '--expose-gc', `--max-old-space-size=${a.heapMb}`],
          stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        });
        let current = -1;
        let timer: NodeJS.Timeout | null = null;
        let stopped = false;
        let stderr = '';
        cp.stderr!.on('data', (d: Buffer) => {
          stderr = (stderr + d.toString()).slice(-4000);
        });
        cp.on('message', (msg: { start: number } | Done) => {
          // A result that crossed with the kill of its own input was already counted as a hang.
          if (stopped) return;
          if ('start' in msg) {
            current = msg.start;
            const cpu0 = childCpuMs(cp.pid);
            const wall0 = Date.now();
            // A hang is --timeout-ms of the child's own CPU (or ten times that of wall time, for
            // a child that waits on nothing): on a shared machine wall time alone also counts
            // the time other jobs held the cores, and a starved child is not a hung one.
            const arm = (ms: number): void => {
              timer = setTimeout(() => {
                const spent = childCpuMs(cp.pid) - cpu0;
                const wall = Date.now() - wall0;
                if (spent < a.timeoutMs && wall < a.timeoutMs * 10) return arm(Math.max(250, a.timeoutMs - spent));
                stopped = true;
                record(current, null, null, 0, true);
                cp.kill('SIGKILL');
              }, ms);
            };
            arm(a.timeoutMs);
            return;
          }
          if (timer) clearTimeout(timer);
          timer = null;
          record(msg.i, msg.format, msg.result, msg.peakMb, false);
          cost.mutateMs += msg.cost.mutateMs;
          cost.gcMs += msg.cost.gcMs;
          cost.runMs += msg.cost.runMs;
          current = -1;
          next = msg.i + a.jobs;
          progress();
        });
        cp.on('exit', () => {
          if (timer) clearTimeout(timer);
          if (current >= 0 && !stopped) {
            // Died inside an input: out of memory (the heap cap) or a native crash.
            record(current, null, null, a.heapMb, false);
            if (!/heap out of memory|Allocation failed/i.test(stderr)) internals.set(`crash: ${stderr.split('\n').slice(-3).join(' ').slice(0, 160)}`, 1);
          }
          if (current >= 0) next = current + a.jobs;
          start();
        });
      };
      start();
    });

  let lastPrint = 0;
  const progress = (): void => {
    if (Date.now() - lastPrint < 15_000 && done < a.count) return;
    lastPrint = Date.now();
    const rate = done / Math.max(1, (Date.now() - t0) / 1000);
    process.stdout.write(`fuzz: ${done}/${a.count} inputs, ${rate.toFixed(1)}/s, internal ${[...tallies.values()].reduce((s, t) => s + t.internal, 0)}\n`);
  };

  await Promise.all(Array.from({ length: a.jobs }, (_, lane) => runLane(lane)));

  const total = [...tallies.values()].reduce(addTally, emptyTally());
  const lines = [`fuzz: seed ${a.seed}, inputs ${a.from}–${end - 1} (${done} run) in ${((Date.now() - t0) / 1000).toFixed(0)} s`, '', ...figuresLines(tallies, internals)];
  // Where the time went: the figures a long run is planned with (inputs/s on --jobs cores).
  const wallS = (Date.now() - t0) / 1000;
  const measured = Math.max(1, done - total.hangs);
  const parentCpu = process.cpuUsage(c0);
  lines.push(
    '',
    `throughput: ${(done / wallS).toFixed(1)} inputs/s with --jobs ${a.jobs} (${wallS.toFixed(0)} s wall; hangs cost ${total.hangs} × ${(a.timeoutMs / 1000).toFixed(0)} s of a lane)`,
    `child CPU per input: make ${(cost.mutateMs / measured).toFixed(1)} ms, gc ${(cost.gcMs / measured).toFixed(1)} ms, run ${(cost.runMs / measured).toFixed(1)} ms; parent ${((parentCpu.user + parentCpu.system) / 1000 / Math.max(1, done)).toFixed(1)} ms`,
  );
  const failed = total.internal + total.over5s + total.over1GB + total.hangs;
  if (failed > 0) lines.push('', `failing inputs kept in ${a.keep} (found.jsonl has each one's recipe)`);
  process.stdout.write(lines.join('\n') + '\n');
  if (a.out) writeFileSync(a.out, JSON.stringify({ seed: a.seed, from: a.from, count: done, seconds: wallS, jobs: a.jobs, timeoutMs: a.timeoutMs, childCpuMs: cost, perFormat: Object.fromEntries(tallies), total, internals: Object.fromEntries(internals) }, null, 2) + '\n');
  process.exitCode = failed > 0 ? 1 : 0;
}

const args = parse(process.argv.slice(2));
if (args.child) child(args);
else await parent(args);
