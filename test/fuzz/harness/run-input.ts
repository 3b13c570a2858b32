import { nodeInflateRaw } from '../../../host/inflate-node';
import { importBytes } from '../../../models/import/import-bytes';
import { isZip } from '../../../models/import/read/zip';
import { ReadError } from '../../../models/import/types';
import { openFiles } from '../../../models/project/open-file';

/**
 * One input through the real paths, in this process: importBytes (what `steward import` and the
 * app's import run in the parse worker: read, map, convert, count) and openFiles (what opening a
 * file as a project does: read, import every table, validate). What it checks:
 *  - the outcome is a result or a ReadError — anything else is an internal error;
 *  - every import counts every row (accepted + rejected = rows) and its totals are finite;
 *  - a ReadError's message is for a finance user: no library internals (TypeError, "undefined"…);
 *  - nothing read from the file became a key on Object.prototype or Array.prototype;
 *  - opening the file as a project never throws;
 *  - a zip (.xlsx) imported with its sheet streamed (import/xlsx-direct.ts) ends as the grid path did.
 */

export type Outcome = 'imported' | 'rejected' | 'internal';

export interface RunResult {
  outcome: Outcome;
  /** ReadError code, or where an internal error happened. */
  code: string;
  message: string;
  /** Wall-clock time. */
  ms: number;
  /** CPU time of this process (user + system): what the input cost, whatever else the machine is doing. */
  cpuMs: number;
  rows: number;
}

/** Text that only a library or a bug writes: never in a message for a finance user. */
const INTERNALS = /\b(TypeError|RangeError|ReferenceError|SyntaxError|Error:|is not a function|is not defined|Cannot read prop|Cannot set prop|of undefined|of null|undefined|NaN|Infinity|Bad state|Unexpected token|Invalid array length|Maximum call stack|Unsupported value type|stack|\bat [\w.<>]+ \()/;

export function leaksInternals(message: string): boolean {
  return INTERNALS.test(message);
}

/**
 * A project problem echoes the file's own values ("not an amount: "NaN""), so only what a thrown
 * JavaScript error would write counts as a leak there.
 */
const EXCEPTION_TEXT = /\b(TypeError|ReferenceError|SyntaxError|is not a function|is not defined|Cannot read prop|Cannot set prop|Bad state|Maximum call stack|\bat [\w.<>]+ \()/;

const PROTO_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));
const ARRAY_KEYS = new Set(Object.getOwnPropertyNames(Array.prototype));

/** Keys a file managed to put on the shared prototypes (then removed, so the next input is clean). */
export function pollution(): string[] {
  const found: string[] = [];
  for (const [proto, known] of [[Object.prototype, PROTO_KEYS], [Array.prototype, ARRAY_KEYS]] as const) {
    for (const k of Object.getOwnPropertyNames(proto)) {
      if (!known.has(k)) {
        found.push(k);
        delete (proto as unknown as Record<string, unknown>)[k];
      }
    }
  }
  return found;
}

function finiteTotals(t: { amountCents: number; fte: number; fileAmountCents: number | null }): boolean {
  return Number.isFinite(t.amountCents) && Number.isFinite(t.fte) && (t.fileAmountCents === null || Number.isFinite(t.fileAmountCents));
}

/** Wall and CPU time since a start mark. */
function since(t0: number, c0: NodeJS.CpuUsage): { ms: number; cpuMs: number } {
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 };
}

/**
 * Runs the input; its time is the longer of the two paths (each is what a user waits for: an
 * import, or opening the file as a project), in wall-clock and CPU time.
 */
export function runInput(bytes: Uint8Array, name: string, opts: { project?: boolean } = {}): RunResult {
  let t0 = performance.now();
  let c0 = process.cpuUsage();
  let result: RunResult;
  try {
    const r = importBytes(bytes, name, {}, { inflateRaw: nodeInflateRaw });
    const rep = r.imported.report;
    if (rep.accepted + rep.rejected !== rep.rows) result = internal('accounting', `${rep.accepted} + ${rep.rejected} ≠ ${rep.rows}`);
    else if (!finiteTotals(rep.totals)) result = internal('totals', JSON.stringify(rep.totals));
    else result = { outcome: 'imported', code: rep.kind, message: '', ms: 0, cpuMs: 0, rows: rep.rows };
  } catch (e) {
    if (e instanceof ReadError) {
      result = leaksInternals(e.message) ? internal('message', e.message) : { outcome: 'rejected', code: e.code, message: e.message, ms: 0, cpuMs: 0, rows: 0 };
    } else result = internal('import', e instanceof Error ? `${e.name}: ${e.message}\n${e.stack?.split('\n').slice(1, 4).join('\n') ?? ''}` : String(e));
  }
  let spent = since(t0, c0);
  if (result.outcome !== 'internal' && isZip(bytes)) {
    // The streaming .xlsx path (import/xlsx-direct.ts) takes only sheets over 48 MB; here it
    // takes every sheet, and must end as the grid path did: the same counts, or the same refusal.
    t0 = performance.now();
    c0 = process.cpuUsage();
    const streamed = streamOutcome(bytes, name);
    const same = streamed.outcome === result.outcome && (result.outcome === 'rejected' ? streamed.code === result.code : streamed.rows === result.rows && streamed.code === result.code);
    if (!same) result = internal('stream-differs', `grid path: ${result.outcome} ${result.code} ${result.rows}; streamed: ${streamed.outcome} ${streamed.code} ${streamed.rows} ${streamed.message.slice(0, 300)}`);
    const s = since(t0, c0);
    spent = { ms: Math.max(spent.ms, s.ms), cpuMs: Math.max(spent.cpuMs, s.cpuMs) };
  }
  if (opts.project !== false && result.outcome !== 'internal') {
    t0 = performance.now();
    c0 = process.cpuUsage();
    try {
      const opened = openFiles([{ name, bytes }], name);
      for (const p of opened.problems) {
        if (EXCEPTION_TEXT.test(p.message)) {
          result = internal('loader-message', p.message);
          break;
        }
      }
      for (const rep of opened.reports) {
        if (rep.accepted + rep.rejected !== rep.rows) result = internal('loader-accounting', `${rep.accepted} + ${rep.rejected} ≠ ${rep.rows}`);
        else if (!finiteTotals(rep.totals)) result = internal('loader-totals', JSON.stringify(rep.totals));
      }
    } catch (e) {
      result = internal('loader', e instanceof Error ? `${e.name}: ${e.message}\n${e.stack?.split('\n').slice(1, 4).join('\n') ?? ''}` : String(e));
    }
    const loader = since(t0, c0);
    spent = { ms: Math.max(spent.ms, loader.ms), cpuMs: Math.max(spent.cpuMs, loader.cpuMs) };
  }
  const polluted = pollution();
  if (polluted.length > 0) result = internal('pollution', polluted.join(', '));
  result.ms = spent.ms;
  result.cpuMs = spent.cpuMs;
  return result;
}

/** importBytes with every .xlsx sheet streamed (the counts it gives, or how it refused). */
function streamOutcome(bytes: Uint8Array, name: string): RunResult {
  try {
    const rep = importBytes(bytes, name, {}, { inflateRaw: nodeInflateRaw, streamSheetsFrom: 1 }).imported.report;
    return { outcome: 'imported', code: rep.kind, message: `${rep.accepted} accepted, ${rep.rejected} rejected`, ms: 0, cpuMs: 0, rows: rep.rows };
  } catch (e) {
    if (e instanceof ReadError) return { outcome: 'rejected', code: e.code, message: e.message, ms: 0, cpuMs: 0, rows: 0 };
    return internal('stream', e instanceof Error ? `${e.name}: ${e.message}\n${e.stack?.split('\n').slice(1, 4).join('\n') ?? ''}` : String(e));
  }
}

function internal(code: string, message: string): RunResult {
  return { outcome: 'internal', code, message, ms: 0, cpuMs: 0, rows: 0 };
}
