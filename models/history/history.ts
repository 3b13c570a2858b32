import { fail, ok, type Parsed } from '../result';
import { ENGINE_VERSION } from '../project/engine-version';
import type { Project, ProjectInputs } from '../project/project';
import { inputsOf, type KeyResults, type Snapshot } from '../project/snapshot';
import type { SnapshotTaken } from '../project/snapshot-edit';
import { diffInputs, type InputChange } from './input-diff';
import { keyResults, resultsHash } from './key-results';
import { diffResults, type ResultMove } from './result-diff';

/** The name a diff gives the project as it is now. */
export const NOW = 'now';

/** A snapshot's stored figures against the same inputs recomputed by this engine. */
export interface EngineCheck {
  snapshot: string;
  presented: boolean;
  engine_then: string;
  engine_now: string;
  stored_hash: string;
  recomputed_hash: string;
  same: boolean;
  /** The stored figures that recompute differently (empty when same). */
  moved: ResultMove[];
  /** One sentence for a person; for a presented snapshot that moved it says the board saw other figures. */
  message: string;
}

export interface DiffSide { name: string; taken_at: string | null; note: string; presented: boolean; engine_version: string }

export interface HistoryDiff {
  from: DiffSide;
  to: DiffSide;
  /** Inputs that differ, settings first, then each table in workbook order. */
  inputs: InputChange[];
  /** Figures that moved (both sides computed by this engine), largest effect first. */
  results: ResultMove[];
  /** Each snapshot side's stored figures checked against the recomputed ones. */
  engine_checks: EngineCheck[];
}

/** A snapshot of the project as it is: what the app's "Take snapshot" and `steward snapshot` add. */
export function takeSnapshot(project: Project, meta: { name: string; note?: string; presented?: boolean; taken_at: string }): SnapshotTaken {
  const results = keyResults(inputsOf(project));
  return snapshotFromResults(results, meta);
}

/** The snapshot edit's payload for results already computed (the app computes them in the engine worker). */
export function snapshotFromResults(results: KeyResults, meta: { name: string; note?: string; presented?: boolean; taken_at: string }): SnapshotTaken {
  return { name: meta.name.trim(), taken_at: meta.taken_at, note: meta.note ?? '', presented: meta.presented ?? false, engine_version: ENGINE_VERSION, results, results_hash: resultsHash(results) };
}

/** A snapshot's figures recomputed and checked against its stored hash. */
export function verifySnapshot(s: Snapshot, recomputed: KeyResults = keyResults(s.inputs)): EngineCheck {
  const hash = resultsHash(recomputed);
  const same = hash === s.results_hash;
  const moved = same ? [] : diffResults(s.results, recomputed);
  const what = `snapshot "${s.name}"${s.presented ? ' (presented)' : ''}`;
  const message = same
    ? `${what}: its figures recompute exactly as stored (engine ${s.engine_version}${s.engine_version === ENGINE_VERSION ? '' : ` then, ${ENGINE_VERSION} now`})`
    : `${what}: ${moved.length} figure${moved.length === 1 ? '' : 's'} computed by engine ${s.engine_version} recompute differently under engine ${ENGINE_VERSION}${s.presented ? ' — the board saw the stored figures' : ''}${moved[0] ? `; largest: ${moved[0].label}` : ''}`;
  return { snapshot: s.name, presented: s.presented, engine_then: s.engine_version, engine_now: ENGINE_VERSION, stored_hash: s.results_hash, recomputed_hash: hash, same, moved, message };
}

function findSnapshot(project: Project, name: string): Parsed<Snapshot> {
  const s = project.snapshots.find((x) => x.name === name) ?? project.snapshots.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (s) return ok(s);
  const names = project.snapshots.map((x) => `"${x.name}"`);
  return fail(`no snapshot named "${name}" (${names.length > 0 ? `snapshots: ${names.join(', ')}` : 'the project has no snapshots'})`);
}

interface Side { side: DiffSide; inputs: ProjectInputs; results: KeyResults; check: EngineCheck | null }

function sideOf(project: Project, name: string | undefined, nowResults?: KeyResults): Parsed<Side> {
  if (name === undefined || name === NOW) {
    const inputs = inputsOf(project);
    return ok({ side: { name: NOW, taken_at: null, note: '', presented: false, engine_version: ENGINE_VERSION }, inputs, results: nowResults ?? keyResults(inputs), check: null });
  }
  const s = findSnapshot(project, name);
  if (!s.ok) return s;
  const results = keyResults(s.value.inputs);
  return ok({ side: { name: s.value.name, taken_at: s.value.taken_at, note: s.value.note, presented: s.value.presented, engine_version: s.value.engine_version }, inputs: s.value.inputs, results, check: verifySnapshot(s.value, results) });
}

/**
 * What changed from snapshot `from` to snapshot `to` (the project as it is now when `to` is
 * absent): the inputs cell by cell and the key results, both sides recomputed by this engine so
 * the movements are the inputs' doing; each snapshot's stored figures are checked beside them.
 */
export function diffHistory(project: Project, from: string, to?: string, nowResults?: KeyResults): Parsed<HistoryDiff> {
  const a = sideOf(project, from, nowResults);
  if (!a.ok) return a;
  const b = sideOf(project, to, nowResults);
  if (!b.ok) return b;
  return ok({
    from: a.value.side,
    to: b.value.side,
    inputs: diffInputs(a.value.inputs, b.value.inputs),
    results: diffResults(a.value.results, b.value.results),
    engine_checks: [a.value.check, b.value.check].filter((c): c is EngineCheck => c !== null),
  });
}
