import { useState } from 'react';
import type { Edit } from '../../../models/project/edit';
import type { ReviewResult } from '../../../models/allocate/review/review';
import { money } from '../../format';
import { useApp, useRun } from '../../store';

/**
 * Keeps the review as a named snapshot of the project (History compares it with the adopted budget
 * and later reviews; `steward snapshot|diff` read it), in one undoable step with its record on the
 * Reviews sheet: the certification, the lines over budget, the time-and-effort duties — as
 * `steward review --save` appends them.
 */
export function KeepReview({ review, busy }: { review: ReviewResult; busy: boolean }) {
  const project = useApp((s) => s.project)!;
  const edit = useApp((s) => s.edit);
  const results = useRun('history-results', {});
  const id = review.record[0]?.review_id ?? `review ${review.as_of}`;
  const [name, setName] = useState(id);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const kept = project.snapshots.find((s) => s.name === name.trim());
  const accepted = project.allocationReviews.filter((x) => x.review_id === id && x.kind === 'funding' && x.status === 'approved');
  const ready = results?.status === 'done' && results.result !== undefined;
  const keep = () => {
    if (!ready || !results.result) return;
    const recorded = project.allocationReviews.some((x) => x.review_id === id && x.kind === 'certification');
    const rows = recorded ? [] : review.record.filter((x) => x.kind !== 'funding');
    const note = `In-year review as of ${review.as_of}: interim certification ${review.certification.status}; ${accepted.length} reallocation(s) accepted${accepted.length ? ` (${money(accepted.reduce((a, x) => a + (x.amount ?? 0), 0))})` : ''}.`;
    const edits: Edit[] = [
      ...(rows.length > 0 ? [{ op: 'insert-rows', table: 'allocationReviews', index: project.allocationReviews.length, rows } satisfies Edit] : []),
      { op: 'take-snapshot', snapshot: { ...results.result, name: name.trim(), note, presented: false, taken_at: new Date().toISOString() } },
    ];
    const r = edit(edits, `keep the review "${name.trim()}"`);
    setMessage(r.ok ? { ok: true, text: `Kept as snapshot “${name.trim()}”. Save the project to keep it in the file; the History screen compares it with the others.` } : { ok: false, text: r.reason });
  };
  return (
    <div className="panel" data-testid="review-keep">
      <h2>Keep this review</h2>
      <p className="small muted">A named snapshot of the project as it is now — the budget with the accepted reallocations — so the adopted budget and each review can be compared later on the <a href="#history">History</a> screen.</p>
      <div className="fields">
        <label className="field"><span>Snapshot name</span><input data-testid="review-snapshot-name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} /></label>
        <button type="button" className="button button-primary" data-testid="review-keep-button" disabled={busy || !ready || name.trim() === '' || kept !== undefined} onClick={keep}>Keep as snapshot</button>
        {kept && <span className="tag tag-ok" data-testid="review-kept">kept {kept.taken_at.slice(0, 10)}</span>}
      </div>
      {message && <p className={message.ok ? 'small' : 'banner banner-error'} role={message.ok ? 'status' : 'alert'} data-testid="review-keep-message">{message.text}</p>}
    </div>
  );
}
