import type { ImportFlags, OpenFileReply } from '../../electron/ipc-contract';
import type { TableKind } from '../../models/schema/tables';
import { IMPORT_LIMITS, type ImportRequest, type ImportResponse } from './import-protocol';

/** A reply that carries only an error, so the import panel shows it like any other problem. */
function failed(name: string, message: string): OpenFileReply {
  return { name, summary: null, reports: [], problems: [{ severity: 'error', table: 'project', file: name, message }] };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Imports files in a fresh Web Worker. Too-large input is refused before reading; a parse that
 * runs past the time limit is stopped (the worker is terminated) and reported, never left hanging.
 */
export async function importFilesInWorker(
  files: File[], name: string, opts: { kind?: TableKind; flags?: ImportFlags } = {}, limits = IMPORT_LIMITS,
): Promise<OpenFileReply> {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > limits.maxBytes) {
    return failed(name, `${name} is ${megabytes(total)}; Steward opens files up to ${megabytes(limits.maxBytes)}.`);
  }
  const request: ImportRequest = {
    name,
    ...(opts.kind ? { kind: opts.kind } : {}),
    ...(opts.flags ? { flags: opts.flags } : {}),
    files: await Promise.all(files.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() }))),
  };
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'steward-import' });
  try {
    return await new Promise<OpenFileReply>((resolve) => {
      const timer = setTimeout(() => {
        resolve(failed(name, `Reading ${name} took longer than ${limits.timeoutMs / 1000} s and was stopped.`));
      }, limits.timeoutMs);
      worker.onmessage = (event: MessageEvent<ImportResponse>) => {
        clearTimeout(timer);
        resolve(event.data.ok ? event.data.reply : failed(name, event.data.message));
      };
      worker.onerror = (event) => {
        clearTimeout(timer);
        event.preventDefault();
        resolve(failed(name, `Could not read ${name}: ${event.message || 'the import worker stopped'}.`));
      };
      worker.postMessage(request, request.files.map((f) => f.bytes));
    });
  } finally {
    worker.terminate();
  }
}
