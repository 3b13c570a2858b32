/**
 * The parse worker: runs readBytes on one file's bytes at a time, away from the app's main
 * thread, so a hostile file can be stopped (terminate) and a crash takes down only this worker.
 * Started by host/read-file.ts; bundled for Electron as build/electron/parse-worker.cjs.
 */
import { parentPort } from 'node:worker_threads';
import { readBytes } from '../models/import/read/index';
import { sheetJsUse } from '../models/import/read/sheetjs';
import { ReadError } from '../models/import/types';
import { nodeInflateRaw } from './inflate-node';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

if (!parentPort) throw new Error('parse-worker.ts must run in a worker thread');
const port = parentPort;

port.on('message', (req: WorkerRequest) => {
  const before = sheetJsUse.count;
  let reply: WorkerReply;
  try {
    const result = readBytes(new Uint8Array(req.bytes), req.fileName, { inflateRaw: nodeInflateRaw, ...(req.sheets ? { sheets: req.sheets } : {}) });
    reply = { id: req.id, ok: true, result, tainted: sheetJsUse.count !== before };
  } catch (e) {
    const err =
      e instanceof ReadError
        ? { message: e.message, file: e.file, code: e.code }
        : { message: `${req.fileName} could not be read: ${e instanceof Error ? e.message : String(e)}`, file: req.fileName, code: 'corrupt' as const };
    reply = { id: req.id, ok: false, error: err, tainted: sheetJsUse.count !== before };
  }
  port.postMessage(reply);
});
