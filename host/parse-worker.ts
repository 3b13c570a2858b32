/**
 * The parse worker: runs readBytes (or importBytes) on one file's bytes at a time, away from the app's main
 * thread, so a hostile file can be stopped (terminate) and a crash takes down only this worker.
 * Started by host/read-file.ts; bundled for Electron as build/electron/parse-worker.cjs.
 */
import { parentPort } from 'node:worker_threads';
import { importBytes } from '../models/import/import-bytes';
import { readBytes } from '../models/import/read/index';
import { sheetJsUse } from '../models/import/read/sheetjs';
import { ReadError } from '../models/import/types';
import { nodeInflateRaw } from './inflate-node';
import type { WorkerProgress, WorkerReply, WorkerRequest } from './worker-protocol';

if (!parentPort) throw new Error('parse-worker.ts must run in a worker thread');
const port = parentPort;

port.on('message', (req: WorkerRequest) => {
  const before = sheetJsUse.count;
  let reply: WorkerReply;
  try {
    const bytes = new Uint8Array(req.bytes);
    const readOptions = { inflateRaw: nodeInflateRaw, ...(req.sheets ? { sheets: req.sheets } : {}) };
    if (req.import) {
      // Only the report crosses back unless the rows are wanted: cloning 100,000 rows costs more than importing them.
      const progress = (done: number, total: number) => port.postMessage({ id: req.id, progress: { done, total } } satisfies WorkerProgress);
      const r = importBytes(bytes, req.fileName, req.import.options, readOptions, progress);
      const imported = { format: r.format, notes: r.notes, sheets: r.sheets, report: r.imported.report, ...(req.import.rows ? { rows: r.imported.rows } : {}) };
      reply = { id: req.id, ok: true, imported, tainted: sheetJsUse.count !== before };
    } else {
      const result = readBytes(bytes, req.fileName, readOptions);
      reply = { id: req.id, ok: true, result, tainted: sheetJsUse.count !== before };
    }
  } catch (e) {
    // A ReadError already speaks to the user; anything else is a bug of ours: said plainly, with
    // what happened kept as the detail (steward import --verbose), never as the message.
    const err =
      e instanceof ReadError
        ? { message: e.message, file: e.file, code: e.code, ...(e.detail !== undefined ? { detail: e.detail } : {}) }
        : {
            message: `${req.fileName} could not be read because of a problem in Steward, not in the file; please report it (steward import --verbose shows the details)`,
            file: req.fileName,
            code: 'corrupt' as const,
            detail: e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`).slice(0, 4000) : String(e).slice(0, 4000),
          };
    reply = { id: req.id, ok: false, error: err, tainted: sheetJsUse.count !== before };
  }
  port.postMessage(reply);
});
