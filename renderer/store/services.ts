import type { Host } from '../platform/types';
import type { EngineOp, RequestOf, ResultOf } from '../engine/protocol';

/** What the store needs from the outside: the engine (a worker in the app, plain calls in tests) and the host. */
export interface Engine {
  call<K extends Exclude<EngineOp, 'open-files'>>(op: K, request: RequestOf<K>): Promise<ResultOf<K>>;
  open(request: RequestOf<'open-files'>): Promise<ResultOf<'open-files'>>;
}

export interface Services {
  engine: Engine;
  host: Host;
}
