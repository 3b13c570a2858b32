import type { Host } from '../platform/types';
import type { EngineOp, ImportOp, ImportProgress, RequestOf, ResultOf } from '../engine/protocol';
import type { ImportSession, SoloOp, SoloRun } from '../engine/client';
import type { MonteCarloRun } from '../engine/monte-carlo';
import type { MonteCarloSummary } from '../../models/forecast/monte-carlo';
import type { Project } from '../../models/project/project';

/** What the store needs from the outside: the engine (a worker in the app, plain calls in tests) and the host. */
export interface Engine {
  call<K extends Exclude<EngineOp, 'open-files' | ImportOp>>(op: K, request: RequestOf<K>): Promise<ResultOf<K>>;
  open(request: RequestOf<'open-files'>): Promise<ResultOf<'open-files'>>;
  /** A worker of its own for a file the user imports (the wizard's steps run there). */
  importSession(): ImportSession;
  /** Monte Carlo trials in workers of their own, with progress and Cancel (an AbortSignal). */
  monteCarlo(run: MonteCarloRun): Promise<MonteCarloSummary>;
  /** A long run (the optimiser, the tornado) in a worker of its own that Cancel terminates; absent in unit-test fakes. */
  solo?<K extends SoloOp>(op: K, project: Project, request: RequestOf<K>, progress?: (p: ImportProgress) => void): SoloRun<ResultOf<K>>;
}

export interface Services {
  engine: Engine;
  host: Host;
}
