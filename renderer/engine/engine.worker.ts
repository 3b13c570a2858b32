/// <reference lib="webworker" />
// The engine worker: the models run here, off the UI thread — the same code in the browser build
// and in Electron's sandboxed renderer. A throw becomes an error reply, never a dead worker. A long
// import reports its progress as it goes (each message names the request it belongs to).
import { createEngine, StaleVersion } from './handlers';
import type { EngineReply, EngineRequest, ImportProgress } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const engine = createEngine();

// The optimiser's handler is asynchronous (HiGHS loads its WebAssembly once); the others answer at once.
self.onmessage = async (event: MessageEvent<EngineRequest>) => {
  const { id, op, request } = event.data;
  let reply: EngineReply;
  const progress = (p: ImportProgress) => self.postMessage({ id, progress: p } satisfies EngineReply);
  // After an edit the store sends the check and, a moment later, the figures the screen asks for
  // (an allocation, a forecast): the check yields once, so those already queued answer first and a
  // redraw does not wait behind validation. Every answer names its version, so the order is free.
  if (op === 'check') await new Promise((resolve) => setTimeout(resolve, 0));
  try {
    const out = (engine[op] as (r: unknown, ctx: { progress: typeof progress }) => unknown)(request, { progress });
    reply = { id, ok: true, result: out instanceof Promise ? await out : out };
  } catch (err) {
    reply = { id, ok: false, message: err instanceof Error ? err.message : String(err), ...(err instanceof StaleVersion ? { stale: true } : {}) };
  }
  const transfer = reply.ok && reply.result instanceof Uint8Array ? [reply.result.buffer as ArrayBuffer] : [];
  self.postMessage(reply, transfer);
};
