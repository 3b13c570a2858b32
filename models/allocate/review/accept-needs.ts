import { fail, ok, type Parsed } from '../../result';
import { applyEdit } from '../../project/edit';
import type { Project } from '../../project/project';
import type { BudgetLine } from '../../schema/tables';
import { acceptReallocation, type BudgetMove } from './accept';
import { runReview, type ReviewInput } from './review';

/** One reallocation accepted: the need, the fund, the money moved and the lines it came from. */
export interface AcceptedNeed {
  need_id: string;
  fund_code: string;
  amount_cents: number;
  moves: BudgetMove[];
  added: BudgetLine;
}

/**
 * Accepts the review's proposed reallocations to each need in `needIds`, in order, as the Allocate
 * screen's Accept button does (acceptReallocation): each is one set of edits on the project, and
 * the review is run again after each, so the next need is offered only what the moved money left.
 * A need may be offered money from several funds; every one offered is accepted. A need the review
 * does not offer anything is a failure naming the needs it does offer.
 */
export function acceptNeeds(project: Project, input: ReviewInput, needIds: readonly string[]): Parsed<{ project: Project; accepted: AcceptedNeed[] }> {
  let current = project;
  const accepted: AcceptedNeed[] = [];
  for (const needId of needIds) {
    const first = runReview(current, input);
    if (!first.ok) return first;
    const funds = [...new Set(first.value.record.filter((r) => r.kind === 'funding' && r.need_id === needId).map((r) => r.fund_code!))];
    if (funds.length === 0) {
      const offered = [...new Set(first.value.record.filter((r) => r.kind === 'funding').map((r) => r.need_id!))];
      return fail(`the review as of ${input.asOf} proposes no reallocation to need ${needId} (${offered.length > 0 ? `it proposes: ${offered.join(', ')}` : 'it proposes none'})`);
    }
    for (const fund of funds) {
      const review = runReview(current, input);
      if (!review.ok) return review;
      const row = review.value.record.find((r) => r.kind === 'funding' && r.need_id === needId && r.fund_code === fund);
      if (!row) continue; // an earlier fund's money already met the need
      const a = acceptReallocation(current, review.value, row);
      if (!a.ok) return fail(`need ${needId}, fund ${fund}: ${a.reason}`);
      for (const e of a.value.edits) {
        const next = applyEdit(current, e);
        if (!next.ok) return fail(`need ${needId}, fund ${fund}: ${next.reason}`);
        current = next.value;
      }
      accepted.push({ need_id: needId, fund_code: fund, amount_cents: row.amount!, moves: a.value.moves, added: a.value.added });
    }
  }
  return ok({ project: current, accepted });
}
