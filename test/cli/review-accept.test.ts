import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureCliOutput } from './capture-output';
import { UsageError, InputError } from '../../cli/args';
import { loadProject, saveProject } from '../../host/project-io';
import { acceptReallocation } from '../../models/allocate/review/accept';
import { runReview } from '../../models/allocate/review/review';
import { demoProject } from '../../models/demo/district';
import { applyEdit } from '../../models/project/edit';
import type { Project } from '../../models/project/project';

// `steward review --accept NEED --save FILE`: what the Allocate screen's Accept button does, from the CLI.
// The demo with general money kept for the formula, so the restricted funds leave needs open and the
// review at 31 March proposes moving projected surpluses to them (as test/models/allocate/review-accept).
const dir = mkdtempSync(join(tmpdir(), 'steward-review-accept-'));
const file = join(dir, 'open-needs.steward');
const base = (): Project => {
  const p = demoProject();
  return { ...p, allocate: { ...p.allocate!, general_for_needs: 'none' } } as Project;
};
beforeAll(() => saveProject(file, base()));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = captureCliOutput();
const total = (q: Project) => q.budget.reduce((s, b) => s + b.amount, 0);

describe('steward review --accept', () => {
  it('moves the money as the screen does, saves it, and reviews again without offering it twice', async () => {
    const before = runReview(base(), { asOf: '2026-03-31' });
    if (!before.ok) throw new Error(before.reason);
    const rows = before.value.record.filter((r) => r.kind === 'funding');
    expect(rows.length).toBeGreaterThan(1);
    // A need offered money from one fund only, so the whole result is the screen's one accept.
    const row = rows.find((r) => rows.filter((x) => x.need_id === r.need_id).length === 1)!;
    const need = row.need_id!;
    const out = join(dir, 'accepted.steward');
    const { run } = await import('../../cli/commands/review');
    expect(await run([file, '--as-of', '2026-03-31', '--accept', need, '--save', out, '--json'])).toBe(0);
    const j = JSON.parse(cli.text) as { accepted: { need_id: string; fund_code: string; amount_cents: number }[]; reallocations: { need_id: string }[] };
    expect(j.accepted).toHaveLength(1);
    expect(j.accepted[0]).toMatchObject({ need_id: need, fund_code: row.fund_code, amount_cents: row.amount });

    // The same edits the screen makes (acceptReallocation on the same review), and the money is moved, not made.
    const screen = acceptReallocation(base(), before.value, row);
    if (!screen.ok) throw new Error(screen.reason);
    const saved = (await loadProject(out)).project!;
    let expected = base();
    for (const e of screen.value.edits) { const r = applyEdit(expected, e); if (!r.ok) throw new Error(r.reason); expected = r.value; }
    expect(saved.budget).toEqual(expected.budget);
    expect(total(saved)).toBe(total(base()));
    expect(saved.allocationReviews.filter((r) => r.status === 'approved').map((r) => r.need_id)).toEqual(j.accepted.map((a) => a.need_id));
    // The review printed (and recorded) is the one after the move: that money is not offered again.
    const again = runReview(saved, { asOf: '2026-03-31' });
    if (!again.ok) throw new Error(again.reason);
    const offeredBefore = row.amount!;
    const offeredAfter = again.value.reallocations.filter((p) => p.need_id === need).reduce((s, p) => s + p.cents, 0);
    expect(offeredAfter).toBeLessThan(offeredBefore);
    expect(j.reallocations.filter((p) => p.need_id === need).length).toBe(again.value.reallocations.filter((p) => p.need_id === need).length);
  });

  it('accepts several needs in order, and says which ones the review offers when one is not', async () => {
    const before = runReview(base(), { asOf: '2026-03-31' });
    if (!before.ok) throw new Error(before.reason);
    const needs = [...new Set(before.value.record.filter((r) => r.kind === 'funding').map((r) => r.need_id!))].slice(0, 2);
    const out = join(dir, 'two.steward');
    const { run } = await import('../../cli/commands/review');
    expect(await run([file, '--as-of', '2026-03-31', '--accept', needs.join(','), '--save', out])).toBe(0);
    expect(cli.text).toMatch(new RegExp(`^accepted: \\$[\\d,.]+ of \\S+ → need ${needs[0]}, from \\d+ budget row`, 'm'));
    expect(cli.text).toContain(`saved the review record and the moved budget to ${out}`);
    const saved = (await loadProject(out)).project!;
    expect(total(saved)).toBe(total(base()));
    await expect(run([file, '--as-of', '2026-03-31', '--accept', 'NOPE', '--save', out])).rejects.toThrowError(InputError);
    await expect(run([file, '--as-of', '2026-03-31', '--accept', 'NOPE', '--save', out])).rejects.toThrow(/proposes no reallocation to need NOPE \(it proposes: /);
    await expect(run([file, '--as-of', '2026-03-31', '--accept', needs[0]!])).rejects.toThrowError(UsageError);
  });
});
