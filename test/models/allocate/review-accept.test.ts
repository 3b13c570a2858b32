import { describe, expect, it } from 'vitest';
import { acceptReallocation } from '../../../models/allocate/review/accept';
import { runReview } from '../../../models/allocate/review/review';
import { demoProject } from '../../../models/demo/district';
import { applyEdit, type Edit } from '../../../models/project/edit';
import type { Project } from '../../../models/project/project';

// The demo with general money kept for the formula: needs the restricted funds leave stay open, so
// the review at 31 March proposes moving projected surpluses to them.
const base = (): Project => {
  const p = demoProject();
  return { ...p, allocate: { ...p.allocate!, general_for_needs: 'none' } } as Project;
};
const review = (p: Project) => {
  const r = runReview(p, { asOf: '2026-03-31' });
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const apply = (p: Project, edits: readonly Edit[]) =>
  edits.reduce((q, e) => { const r = applyEdit(q, e); if (!r.ok) throw new Error(r.reason); return r.value; }, p);

describe('accepting a reallocation', () => {
  it('moves the money in the Budget table, records the decision and is not proposed again', () => {
    const p = base();
    const r = review(p);
    expect(r.reallocations.length).toBeGreaterThan(0);
    const row = r.record.find((x) => x.kind === 'funding')!;
    const a = acceptReallocation(p, r, row);
    if (!a.ok) throw new Error(a.reason);
    const next = apply(p, a.value.edits);
    const total = (q: Project, fund: string) => q.budget.filter((b) => b.fund_code === fund).reduce((s, b) => s + b.amount, 0);
    // The fund's budget is the same money, moved: the source lines lost exactly what the new line holds.
    expect(total(next, row.fund_code!)).toBe(total(p, row.fund_code!));
    expect(a.value.moves.reduce((s, m) => s + m.from_cents - m.to_cents, 0)).toBe(row.amount);
    const added = next.budget.at(-1)!;
    expect([added.fund_code, added.amount, added.site_id]).toEqual([row.fund_code, row.amount, row.site_id]);
    expect(added.description).toContain(row.need_id!);
    expect(next.allocationReviews.at(-1)).toMatchObject({ kind: 'funding', need_id: row.need_id, status: 'approved', amount: row.amount });
    // Reviewed again, the need is no longer offered that money.
    const again = review(next);
    const offered = (x: typeof r, need: string) => x.reallocations.filter((q) => q.need_id === need).reduce((s, q) => s + q.cents, 0);
    expect(offered(again, row.need_id!)).toBe(offered(r, row.need_id!) - row.amount!);
  });

  it('refuses a proposal the review no longer makes', () => {
    const p = base();
    const r = review(p);
    const row = { ...r.record.find((x) => x.kind === 'funding')!, amount: 1 };
    const a = acceptReallocation(p, r, row);
    expect(a.ok).toBe(false);
  });
});
