/// <reference lib="webworker" />
// Parses chosen files off the main thread: bytes → grids (readBytes) → project or single-table
// reports (openGrids). A throw here becomes a message; the page's timeout ends a stuck parse.
import { readBytes } from '../../models/import/read/index';
import { importGridsAs, openGrids } from '../../electron/open-grids';
import type { ImportRequest, ImportResponse } from './import-protocol';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  const { name, files, kind, flags = {} } = event.data;
  let response: ImportResponse;
  try {
    const grids = files.flatMap((f) => readBytes(new Uint8Array(f.bytes), f.name).grids);
    response = { ok: true, reply: { name, ...(kind ? importGridsAs(grids, name, kind, flags) : openGrids(grids, name, flags)) } };
  } catch (err) {
    response = { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(response);
};
