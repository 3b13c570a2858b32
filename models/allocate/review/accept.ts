import { fail, ok, type Parsed } from '../../result';
import type { Edit } from '../../project/edit';
import type { Project } from '../../project/project';
import type { BudgetLine } from '../../schema/tables';
import { dollars } from '../flags';
import type { ReviewRow } from '../tables';
import type { ReviewResult } from './review';

/** One budget line a reallocation changes: its row in Budget, the amount before and after. */
export interface BudgetMove {
  index: number;
  from_cents: number;
  to_cents: number;
}

export interface AcceptedReallocation {
  /** One undoable step: the source lines lowered, the need's new line added, the decision recorded. */
  edits: Edit[];
  moves: BudgetMove[];
  added: BudgetLine;
  record: ReviewRow;
}

type Dim = 'site_id' | 'function' | 'program';
const keyOf = (l: BudgetLine, dims: readonly Dim[]) => [l.fund_code, l.object, ...dims.map((d) => l[d] ?? '')].join('\u0000');

/**
 * Accepting a proposed reallocation makes a new version of the budget: the money comes off the
 * review's underspent lines of that fund (the largest projected surplus first, never more than a
 * line's surplus), and a new budget line of the same fund pays the need at its site, with a note
 * saying which review moved it and from where. The decision is kept on the Reviews sheet (status
 * approved), so a later review does not offer the same need the same money again.
 */
export function acceptReallocation(project: Project, review: ReviewResult, row: ReviewRow): Parsed<AcceptedReallocation> {
  if (row.kind !== 'funding' || row.fund_code === undefined || row.need_id === undefined || row.amount === undefined) return fail('only a proposed funding reallocation can be accepted');
  const proposal = review.reallocations.find((p) => p.fund_code === row.fund_code && p.need_id === row.need_id && p.cents === row.amount);
  if (!proposal) return fail(`the review no longer proposes moving ${dollars(row.amount)} of ${row.fund_code} to need ${row.need_id}`);
  const fy = review.fiscal_year;
  // The review's lines are keyed at the detail its actuals report (projection.ts): the same dims here.
  const dims = (['site_id', 'function', 'program'] as const).filter((d) => review.lines.some((l) => l[d] !== undefined));
  const sources = review.lines
    .filter((l) => l.fund_code === row.fund_code && l.flag === 'under' && l.budget_cents > l.projected_cents)
    .map((l) => ({ key: l.key, surplus: l.budget_cents - l.projected_cents }))
    .sort((a, b) => b.surplus - a.surplus || (a.key < b.key ? -1 : 1));
  let left = row.amount;
  const moves: BudgetMove[] = [];
  const from: string[] = [];
  for (const s of sources) {
    if (left <= 0) break;
    let take = Math.min(left, s.surplus);
    from.push(`${s.key.split('\u0000').filter((x) => x !== '').join('/')} ${dollars(take)}`);
    left -= take;
    // A line may be several budget rows (other programs or functions): the largest row gives first.
    const rows = project.budget.map((b, index) => ({ b, index })).filter(({ b }) => b.fiscal_year === fy && keyOf(b, dims) === s.key && b.amount > 0).sort((a, b) => b.b.amount - a.b.amount || a.index - b.index);
    for (const { b, index } of rows) {
      if (take <= 0) break;
      const cut = Math.min(take, b.amount);
      moves.push({ index, from_cents: b.amount, to_cents: b.amount - cut });
      take -= cut;
    }
    if (take > 0) return fail(`the budget lines of ${s.key.split('\u0000').join('/')} hold less than the surplus the review projects`);
  }
  if (left > 0) return fail(`fund ${row.fund_code} has only ${dollars(row.amount - left)} of projected surplus, not ${dollars(row.amount)}`);
  const largest = moves.length > 0 ? project.budget[moves[0]!.index]! : undefined;
  const need = project.needs.find((n) => n.need_id === row.need_id);
  const listed = from.length > 3 ? `${from.slice(0, 3).join('; ')} and ${from.length - 3} more line(s)` : from.join('; ');
  const note = `${row.review_id}: need ${row.need_id}${need?.description ? ` (${need.description})` : ''}, moved from ${listed}`;
  const added: BudgetLine = {
    fiscal_year: fy, fund_code: row.fund_code, object: largest?.object ?? 'other', amount: row.amount,
    ...(row.site_id !== undefined ? { site_id: row.site_id } : {}), description: note,
  };
  const record: ReviewRow = { ...row, status: 'approved', reason: `${row.reason ?? ''}${row.reason ? ' — ' : ''}accepted: the budget moves ${dollars(row.amount)} from ${listed}` };
  const edits: Edit[] = [
    ...moves.map((m): Edit => ({ op: 'set-row', table: 'budget', index: m.index, row: { ...project.budget[m.index]!, amount: m.to_cents } })),
    { op: 'insert-rows', table: 'budget', index: project.budget.length, rows: [added] },
    { op: 'insert-rows', table: 'allocationReviews', index: project.allocationReviews.length, rows: [record] },
  ];
  return ok({ edits, moves, added, record });
}

/** Money already moved to each need by accepted reallocations of fiscal year `fy` (the Reviews sheet). */
export function acceptedByNeed(reviews: readonly ReviewRow[], fy: number, fiscalYearOf: (date: string) => number): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of reviews) {
    if (r.kind !== 'funding' || r.status !== 'approved' || r.need_id === undefined || r.amount === undefined || fiscalYearOf(r.as_of) !== fy) continue;
    out.set(r.need_id, (out.get(r.need_id) ?? 0) + r.amount);
  }
  return out;
}
