import { diffHistory, snapshotFromResults } from '../../../models/history/history';
import { keyResults } from '../../../models/history/key-results';
import { inputsOf } from '../../../models/project/snapshot';
import type { Project } from '../../../models/project/project';
import { selfCheck } from '../../../models/selfcheck/selfcheck';
import type { ResultOf } from '../protocol';

/**
 * The History screen's figures, computed by the same functions as `steward snapshot`, `steward
 * diff` and `steward selfcheck`.
 */

/** The key figures of the version on screen, ready to be kept as a snapshot (the screen adds name, note, date). */
export function runHistoryResults(project: Project): ResultOf<'history-results'> {
  const { results, results_hash, engine_version } = snapshotFromResults(keyResults(inputsOf(project)), { name: 'now', taken_at: '' });
  return { results, results_hash, engine_version };
}

/** `steward diff --from FROM [--to TO] --json` for the version on screen. */
export function runHistoryDiff(project: Project, from: string, to: string | undefined): ResultOf<'history-diff'> {
  const r = diffHistory(project, from, to);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

/** `steward selfcheck --json` for the version on screen. */
export function runSelfCheck(project: Project): ResultOf<'selfcheck'> {
  return selfCheck(project);
}
