import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureCliOutput } from './capture-output';
import { run as diff } from '../../cli/commands/diff';
import { run as selfcheck } from '../../cli/commands/selfcheck';
import { run as snapshot } from '../../cli/commands/snapshot';
import { createEngine } from '../../renderer/engine/handlers';
import { applyEdit } from '../../models/project/edit';
import { parseStewardFile, serialiseProject } from '../../models/project/steward-file';
import { selfCheck } from '../../models/selfcheck/selfcheck';
import { diffHistory } from '../../models/history/history';
import { smallDistrict } from '../models/history/fixture';

// steward snapshot / diff / selfcheck on a real .steward file, and the engine worker's history ops
// giving the same figures (the History screen shows what they return).
const dir = mkdtempSync(join(tmpdir(), 'steward-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = captureCliOutput();

describe('steward snapshot, diff, selfcheck', () => {
  const file = join(dir, 'small.steward');
  writeFileSync(file, serialiseProject(smallDistrict()));

  it('keeps a presented snapshot in the file; diff --json after a driver change lists it and the moved balances', async () => {
    expect(await snapshot([file, '--name', 'Adopted', '--presented', '--note', 'June board'])).toBe(0);
    const saved = parseStewardFile(readFileSync(file, 'utf8'));
    expect(saved.ok && saved.value.snapshots.map((s) => [s.name, s.presented, s.note])).toEqual([['Adopted', true, 'June board']]);
    if (!saved.ok) return;
    const changed = applyEdit(saved.value, { op: 'set-row', table: 'drivers', index: 0, row: { driver: 'cola', value: 0.03 } });
    if (!changed.ok) throw new Error(changed.reason);
    writeFileSync(file, serialiseProject(changed.value));
    cli.clear();
    expect(await diff([file, '--from', 'Adopted', '--json'])).toBe(0);
    const json = JSON.parse(cli.text) as { inputs: unknown[]; results: { part: string }[]; engine_checks: { same: boolean }[] };
    expect(json.inputs).toEqual([{ table: 'Drivers', change: 'changed', row: 2, row_label: 'cola', column: 'value', old: 0.02, new: 0.03 }]);
    expect(json.results.length).toBeGreaterThan(0);
    expect(json.results.every((m) => m.part === 'balance')).toBe(true);
    expect(json.engine_checks.map((c) => c.same)).toEqual([true]);
  });

  it('refuses a second snapshot of the same name, an unknown --from, and a missing --from', async () => {
    await expect(snapshot([file, '--name', 'adopted'])).rejects.toThrow('there is already a snapshot named "Adopted"');
    await expect(diff([file, '--from', 'Budget 2025'])).rejects.toThrow('no snapshot named "Budget 2025" (snapshots: "Adopted")');
    await expect(diff([file])).rejects.toThrow('--from NAME is required');
  });

  it('selfcheck --json prints the model\'s self-check', async () => {
    expect(await selfcheck([file, '--json'])).toBe(0);
    const json = JSON.parse(cli.text) as { practices: { practice: string; level: string | null }[] };
    const saved = parseStewardFile(readFileSync(file, 'utf8'));
    expect(saved.ok && json.practices).toEqual(saved.ok && JSON.parse(JSON.stringify(selfCheck(saved.value).practices)));
  });

  it('the engine worker\'s history ops return what the CLI computes', () => {
    const saved = parseStewardFile(readFileSync(file, 'utf8'));
    if (!saved.ok) throw new Error(saved.reason);
    const engine = createEngine();
    engine.sync({ version: 1, project: saved.value });
    expect(engine['history-diff']({ version: 1, from: 'Adopted' })).toEqual((diffHistory(saved.value, 'Adopted') as { value: unknown }).value);
    expect(engine.selfcheck({ version: 1 })).toEqual(selfCheck(saved.value));
    const taken = engine['history-results']({ version: 1 });
    const again = applyEdit(saved.value, { op: 'take-snapshot', snapshot: { ...taken, name: 'Now', note: '', presented: false, taken_at: '2027-01-01T00:00:00.000Z' } });
    expect(again.ok && again.value.snapshots[1]!.results_hash).toBe(taken.results_hash);
  });
});
