import { verifySnapshot } from '../history/history';
import type { Project } from '../project/project';
import { fail, ok, type Parsed } from '../result';
import type { ReportSnapshot } from './gather';

/**
 * The board report as it was presented (issue 19): the project a snapshot kept — its inputs, so
 * its seed and settings too — and the date it was taken, from which `gatherReport` builds the same
 * report it built then. Its stored figures are checked against this engine's (verifySnapshot) and
 * the report says so, so an engine change that moved a figure the board saw is named on the cover.
 */
export function snapshotReportProject(project: Project, name: string): Parsed<{ project: Project; snapshot: ReportSnapshot; date: string }> {
  const s = project.snapshots.find((x) => x.name === name) ?? project.snapshots.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!s) {
    const names = project.snapshots.map((x) => `"${x.name}"`);
    return fail(`no snapshot named "${name}" (${names.length > 0 ? `snapshots: ${names.join(', ')}` : 'the project has no snapshots'})`);
  }
  const check = verifySnapshot(s);
  const date = /^\d{4}-\d{2}-\d{2}/.test(s.taken_at) ? s.taken_at.slice(0, 10) : s.taken_at;
  return ok({
    project: { ...s.inputs, snapshots: [] },
    snapshot: { name: s.name, taken_at: s.taken_at, note: s.note, presented: s.presented, engine_version: s.engine_version, engine_check: check.message, same: check.same },
    date,
  });
}
