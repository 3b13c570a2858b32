import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../models/project/edit';
import { ENGINE_VERSION } from '../../../models/project/engine-version';
import type { Project } from '../../../models/project/project';
import { inputsOf } from '../../../models/project/snapshot';
import { parseStewardFile, serialiseProject } from '../../../models/project/steward-file';
import { takeSnapshot, verifySnapshot } from '../../../models/history/history';
import { resultsHash } from '../../../models/history/key-results';
import { smallDistrict } from './fixture';

const TAKEN_AT = '2026-06-15T18:00:00.000Z';

function withSnapshot(p: Project, name: string, presented = false): Project {
  const r = applyEdit(p, { op: 'take-snapshot', snapshot: takeSnapshot(p, { name, presented, note: `${name} note`, taken_at: TAKEN_AT }) });
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

describe('snapshots', () => {
  const base = smallDistrict();
  const adopted = withSnapshot(base, 'Adopted', true);

  it('keeps the inputs, seed, engine version and a hash of the key results', () => {
    const s = adopted.snapshots[0]!;
    expect(s).toMatchObject({ name: 'Adopted', taken_at: TAKEN_AT, note: 'Adopted note', presented: true, engine_version: ENGINE_VERSION, seed: 7 });
    expect(s.inputs).toEqual(inputsOf(base));
    expect(s.results.allocation?.sites.map((x) => x.site_id)).toEqual(['A', 'B']);
    expect(s.results.scenarios?.map((x) => x.name)).toEqual(['Base', 'Aid freeze']);
    expect(s.results.fte_by_role?.find((r) => r.role === 'teacher')).toEqual({ role: 'teacher', required_fte: 23, actual_fte: 20 });
    expect(s.results_hash).toBe(resultsHash(s.results));
    expect(verifySnapshot(s).same).toBe(true);
  });

  it('round-trips through save and load', () => {
    const text = serialiseProject(adopted, TAKEN_AT);
    expect(text).toContain('"schemaVersion": 2');
    const back = parseStewardFile(text);
    expect(back.ok && back.value).toEqual(adopted);
    expect(back.ok && verifySnapshot(back.value.snapshots[0]!).same).toBe(true);
  });

  it('refuses to edit or delete a presented snapshot, with a message saying why', () => {
    for (const edit of [
      { op: 'edit-snapshot', name: 'Adopted', changes: { note: 'changed' } },
      { op: 'edit-snapshot', name: 'Adopted', changes: { presented: false } },
      { op: 'delete-snapshot', name: 'Adopted' },
    ] as const) {
      const r = applyEdit(adopted, edit);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.reason).toBe('snapshot "Adopted" was presented and cannot be edited or deleted; take a new snapshot instead');
    }
  });

  it('lets a snapshot not yet presented be renamed, annotated, marked presented or deleted; names stay unique', () => {
    const draft = withSnapshot(adopted, 'Draft');
    const renamed = applyEdit(draft, { op: 'edit-snapshot', name: 'Draft', changes: { name: 'Mid-year', note: 'January review' } });
    expect(renamed.ok && renamed.value.snapshots[1]).toMatchObject({ name: 'Mid-year', note: 'January review', presented: false });
    const clash = applyEdit(draft, { op: 'edit-snapshot', name: 'Draft', changes: { name: 'adopted' } });
    expect(!clash.ok && clash.reason).toBe('there is already a snapshot named "Adopted"');
    const again = applyEdit(draft, { op: 'take-snapshot', snapshot: takeSnapshot(draft, { name: 'Draft', taken_at: TAKEN_AT }) });
    expect(!again.ok && again.reason).toBe('there is already a snapshot named "Draft"');
    const presented = applyEdit(draft, { op: 'edit-snapshot', name: 'Draft', changes: { presented: true } });
    expect(presented.ok && presented.value.snapshots[1]!.presented).toBe(true);
    const deleted = applyEdit(draft, { op: 'delete-snapshot', name: 'Draft' });
    expect(deleted.ok && deleted.value.snapshots.map((s) => s.name)).toEqual(['Adopted']);
  });

  it('leaves the snapshots alone when a table is edited', () => {
    const edited = applyEdit(adopted, { op: 'set-row', table: 'drivers', index: 0, row: { driver: 'cola', value: 0.05 } });
    expect(edited.ok && edited.value.snapshots).toBe(adopted.snapshots);
    expect(edited.ok && edited.value.snapshots[0]!.inputs.drivers[0]).toEqual({ driver: 'cola', value: 0.02, by_year: {} });
  });

  it('reports an engine change that moves a presented figure instead of hiding it', () => {
    // As if an older engine had computed Alder's allocation $1,000 higher when the board saw it.
    const s = adopted.snapshots[0]!;
    const results = structuredClone(s.results);
    results.allocation!.sites[0]!.allocation_cents += 100_000;
    const old = { ...s, engine_version: '0.0.9', results, results_hash: resultsHash(results) };
    const check = verifySnapshot(old);
    expect(check.same).toBe(false);
    expect(check.moved.map((m) => [m.label, m.delta])).toEqual([['Allocation A', -100_000]]);
    expect(check.message).toContain('recompute differently under engine');
    expect(check.message).toContain('the board saw the stored figures');
  });

  it('opens a version 1 file (no snapshots) and refuses a version 3 one', () => {
    const v1 = parseStewardFile(readFileSync(new URL('../../../fixtures/steward/v1-preview.steward', import.meta.url), 'utf8'));
    expect(v1.ok && v1.value.snapshots).toEqual([]);
    const v3 = parseStewardFile(JSON.stringify({ format: 'steward', schemaVersion: 3, savedAt: '', project: {} }));
    expect(!v3.ok && v3.reason).toContain('newer Steward (file version 3)');
  });

  it('records the engine version of package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(ENGINE_VERSION).toBe(pkg.version);
  });
});
