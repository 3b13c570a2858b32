import { useState } from 'react';
import { acceptReallocation } from '../../../models/allocate/review/accept';
import type { ReviewResult } from '../../../models/allocate/review/review';
import type { ReviewRow } from '../../../models/allocate/tables';
import { money } from '../../format';
import { useApp } from '../../store';

const same = (a: ReviewRow, b: ReviewRow) => a.review_id === b.review_id && a.kind === 'funding' && b.kind === 'funding' && a.need_id === b.need_id && a.fund_code === b.fund_code && a.amount === b.amount;

/**
 * The review's proposed reallocations, each accepted or rejected as one undoable edit. Accepting
 * moves the money in the Budget table (a new version of the budget, the new line noting the review
 * and the lines it came from) and records the decision on the Reviews sheet; the review is then
 * computed again on that version, so the proposals left are those the moved money did not settle.
 */
export function Reallocations({ review, busy }: { review: ReviewResult; busy: boolean }) {
  const project = useApp((s) => s.project)!;
  const edit = useApp((s) => s.edit);
  const [problem, setProblem] = useState<string | null>(null);
  const id = review.record[0]?.review_id;
  const proposed = review.record.filter((x) => x.kind === 'funding');
  const decisions = project.allocationReviews.filter((x) => x.review_id === id && x.kind === 'funding' && x.status !== 'proposed');
  const rejected = (row: ReviewRow) => decisions.some((d) => d.status === 'rejected' && same(d, row));
  const accept = (row: ReviewRow) => {
    const a = acceptReallocation(project, review, row);
    const r = a.ok ? edit(a.value.edits, `accept: ${row.description}`) : a;
    setProblem(r.ok ? null : r.reason);
  };
  const reject = (row: ReviewRow) => {
    const r = edit({ op: 'insert-rows', table: 'allocationReviews', index: project.allocationReviews.length, rows: [{ ...row, status: 'rejected', reason: `${row.reason ?? ''}${row.reason ? ' — ' : ''}rejected at the review` }] }, `reject: ${row.description}`);
    setProblem(r.ok ? null : r.reason);
  };
  return (
    <div className="panel" data-testid="review-reallocations">
      <h2>Proposed reallocations <span className="muted">{review.reallocations.length}</span></h2>
      <p className="small muted">Money projected to go unspent, offered to needs still unfunded. Accept moves it in the Budget table — off the underspent lines of the fund, onto a new line for the need — as one undoable step, and records the decision on the Reviews sheet (“{id}”).</p>
      {problem && <p className="banner banner-error" role="alert">{problem}</p>}
      {proposed.length === 0 && <p className="muted">Nothing to propose: no fund is projected to underspend where a need is still open.</p>}
      <ul className="problems">
        {proposed.map((row, i) => (
          <li key={i} className="problem problem-note" data-testid="reallocation" data-need={row.need_id}>
            <span className="problem-where">{row.fund_code} → {row.need_id}{row.site_id ? ` · site ${row.site_id}` : ''} · {money(row.amount ?? 0)}</span>
            <span className="problem-message">{row.description}. {row.reason}</span>
            {rejected(row) ? <strong data-testid="reallocation-status">rejected</strong> : (
              <span className="flag-rows">
                <button type="button" className="button" data-testid="reallocation-accept" disabled={busy} onClick={() => accept(row)}>Accept</button>{' '}
                <button type="button" className="button" data-testid="reallocation-reject" disabled={busy} onClick={() => reject(row)}>Reject</button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {decisions.some((d) => d.status === 'approved') && (
        <>
          <h3>Accepted at this review</h3>
          <ul className="problems" data-testid="reallocations-accepted">
            {decisions.filter((d) => d.status === 'approved').map((d, i) => (
              <li key={i} className="problem problem-note" data-testid="reallocation-accepted" data-need={d.need_id}>
                <span className="problem-where">{d.fund_code} → {d.need_id}{d.site_id ? ` · site ${d.site_id}` : ''} · {money(d.amount ?? 0)}</span>
                <span className="problem-message">{d.reason}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
