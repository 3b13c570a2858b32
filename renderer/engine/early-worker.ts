/**
 * The engine worker, started by boot.ts — a separate tiny script index.html runs before the app's
 * bundle (renderer/vite.config.ts puts it there) — so the worker fetches, compiles and evaluates its
 * bundle (the models, zod, the importers) on its own thread while the window's bundle is parsed and
 * evaluated, instead of after: most of a first load (bench/ui.bench.ts). The engine client takes it
 * as its long-lived worker; anything else (a parse of an untrusted file) gets a fresh one.
 */
export const newEngineWorker = () => new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'steward-engine' });

let early: Worker | null = null;

export function startEngineWorker(): void {
  early ??= newEngineWorker();
}

/** The worker started early, handed out once; null when none was started (the dev server, tests). */
export function takeEngineWorker(): Worker | null {
  const w = early;
  early = null;
  return w;
}
