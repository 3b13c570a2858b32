/// <reference types="vite/client" />
import wasmUrl from 'highs/runtime?url';
import type { LpSolver } from '../../../models/allocate/optimize';

// HiGHS in the worker: Vite emits its WebAssembly as an asset and the loader is told where it is
// (it would otherwise look beside the bundled script). Loaded once per worker, on first use — and
// imported then too, so the engine worker's first load does not parse HiGHS's loader.
let loading: Promise<LpSolver> | null = null;
export function loadBrowserHighs(): Promise<LpSolver> {
  loading ??= import('highs').then((m) => (m.default as unknown as (o: { locateFile: () => string }) => Promise<LpSolver>)({ locateFile: () => wasmUrl }));
  return loading;
}
