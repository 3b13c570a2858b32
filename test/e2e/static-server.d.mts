// Types for static-server.mjs, so TypeScript callers (bench/ui.bench.ts) can import it.
export function serveStatic(dir: string): Promise<{ url: string; close: () => Promise<void> }>;
