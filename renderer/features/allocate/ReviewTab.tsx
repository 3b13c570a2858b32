import { TableScroll } from '../../ui/TableScroll';
import { useRef, useState } from 'react';
import type { ReviewResult } from '../../../models/allocate/review/review';
import { money } from '../../format';
import { useApp, useRun } from '../../store';
import { Loading } from '../../ui/Loading';
import { Reallocations } from './Reallocations';
import { KeepReview } from './KeepReview';

const signed = (c: number) => (c > 0 ? `+${money(c)}` : money(c));
const CERT: Record<string, string> = { positive: 'Positive: the district will meet its obligations this year and the next two.', qualified: 'Qualified: it may not meet them in one of the next two years.', negative: 'Negative: it will not meet them this year or next.' };

/**
 * An in-year review (practice 13: several a year) of the project's Actuals as of a date — as
 * `steward review --as-of DATE --json`: actuals against budget, the year-end projection, the flags,
 * the proposed reallocations (an accepted one moves the money in the Budget table: a new version of
 * the budget), the interim certification with the figures behind it; kept as a named snapshot.
 */
export function ReviewTab() {
  const project = useApp((s) => s.project)!;
  const importFile = useApp((s) => s.importFile);
  const dates = [...new Set(project.actuals.map((a) => a.as_of))].sort();
  const [asOf, setAsOf] = useState(dates.at(-1) ?? '');
  const [typed, setTyped] = useState(asOf);
  const choose = <button type="button" className="button" data-testid="review-choose-actuals" onClick={() => void importFile({ kind: 'actuals' })}>Choose an actuals file…</button>;
  if (project.actuals.length === 0) {
    return (
      <div className="panel" data-testid="review-picker">
        <h2>In-year review</h2>
        <p className="muted">The project has no actuals yet. Choose the ledger’s spending-to-date export: the import wizard reads it as Actuals (check each step, then add or replace the rows), then come back here to review it.</p>
        <p>{choose}</p>
      </div>
    );
  }
  const take = () => /^\d{4}-\d{2}-\d{2}$/.test(typed) && setAsOf(typed);
  return (
    <>
      <div className="panel" data-testid="review-picker">
        <h2>In-year review</h2>
        <div className="fields">
          <div className="field"><span>Actuals</span>
            <span data-testid="review-actuals-rows">the project’s Actuals sheet: {project.actuals.length.toLocaleString('en-US')} rows, reports of {dates.join(', ')}</span>
          </div>
          {choose}
          <label className="field"><span>As of</span>
            <input type="date" data-testid="review-as-of" value={typed} onChange={(e) => setTyped(e.target.value)} onBlur={take} onKeyDown={(e) => e.key === 'Enter' && take()} />
          </label>
        </div>
        <p className="small muted">A new file goes through the import wizard (the same as the Import screen) into the Actuals sheet — replace the rows to review only that file — so a saved project gives <code>steward review --as-of {asOf || 'DATE'}</code> the same actuals.</p>
      </div>
      {asOf !== '' && <Review asOf={asOf} />}
    </>
  );
}

function Review({ asOf }: { asOf: string }) {
  const run = useRun('review', { asOf });
  const version = useApp((s) => s.version);
  // While a decision recomputes the review, the last figures stay on screen (marked busy, buttons off).
  const last = useRef<{ asOf: string; result: ReviewResult } | null>(null);
  if (run?.status === 'done' && run.result) last.current = { asOf, result: run.result };
  if (run?.status === 'failed') return <p className="banner banner-error" role="alert">{run.error}</p>;
  const r = run?.status === 'done' && run.result ? run.result : last.current?.asOf === asOf ? last.current.result : null;
  if (!r) return <Loading text="Reviewing…" />;
  const busy = run?.status !== 'done';
  const flagged = r.lines.filter((l) => l.flag !== null);
  return (
    <div className="allocate" data-testid="review-result" aria-busy={busy} data-version={busy ? undefined : version}>
      <div className={`panel cert cert-${r.certification.status}`} data-testid="review-certification">
        <h2>Interim certification: <span data-testid="review-cert-status">{r.certification.status}</span> <span className="muted">FY{r.fiscal_year} as of {r.as_of} · {(r.elapsed_share * 100).toFixed(0)}% of the year · {r.method === 'seasonal' ? 'seasonal projection' : 'straight-line projection'}</span></h2>
        <p className="small">{CERT[r.certification.status]} Why: {r.certification.reason}.</p>
        <TableScroll label="Certification years">
          <table className="table table-compact">
            <thead><tr><th>Year</th><th className="num">Revenue</th><th className="num">Expenditure</th><th className="num">Ending balance</th><th className="num">Reserve required</th></tr></thead>
            <tbody>{r.certification.years.map((y) => <tr key={y.fiscal_year}><td>FY{y.fiscal_year}</td><td className="num">{money(y.revenue_cents)}</td><td className="num">{money(y.expenditure_cents)}</td><td className="num">{money(y.ending_balance_cents)}</td><td className="num">{money(y.reserve_required_cents)}</td></tr>)}</tbody>
          </table>
        </TableScroll>
      </div>
      <div className="panel">
        <h2>By fund <span className="muted">actuals against budget, projected to year-end</span></h2>
        <TableScroll label="Review by fund">
          <table className="table table-compact" data-testid="review-fund-table">
            <thead><tr><th>Fund</th><th className="num">Budget</th><th className="num">Spent to date</th><th className="num">Encumbered</th><th className="num">Projected year-end</th><th className="num">Variance</th></tr></thead>
            <tbody>
              {r.funds.map((f) => (
                <tr key={f.fund_code} data-fund={f.fund_code}>
                  <td className="code">{f.fund_code}</td><td className="num" data-testid="review-budget">{money(f.budget_cents)}</td><td className="num">{money(f.ytd_cents)}</td><td className="num">{money(f.encumbered_cents)}</td>
                  <td className="num" data-testid="review-projected">{money(f.projected_cents)}</td><td className={`num${f.variance_cents > 0 ? ' text-warn' : ''}`}>{signed(f.variance_cents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </div>
      <div className="panel">
        <h2>Lines flagged <span className="muted">{flagged.length} of {r.lines.length} by fund, site and object</span></h2>
        <TableScroll label="Lines flagged" className="table-tall">
          <table className="table table-compact" data-testid="review-lines-table">
            <thead><tr><th>Fund</th><th>Site</th><th>Object</th><th className="num">Budget</th><th className="num">Spent</th><th className="num">Projected</th><th className="num">Variance</th><th>Flag</th></tr></thead>
            <tbody>
              {flagged.map((l) => (
                <tr key={l.key}>
                  <td className="code">{l.fund_code}</td><td>{l.site_id ?? <span className="muted">district</span>}</td><td>{l.object}</td>
                  <td className="num">{money(l.budget_cents)}</td><td className="num">{money(l.ytd_cents)}</td><td className="num">{money(l.projected_cents)}</td>
                  <td className="num">{signed(l.variance_cents)}</td><td className={l.flag === 'over' ? 'text-warn' : ''}>{l.flag}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </div>
      <Reallocations review={r} busy={busy} />
      <KeepReview review={r} busy={busy} />
      <div className="panel">
        <h2>Flags <span className="muted">{r.flags.length}</span></h2>
        <ul className="problems" data-testid="review-flags">
          {r.flags.map((f, i) => <li key={i} className={`problem problem-${f.severity === 'info' ? 'note' : f.severity}`}><span className="problem-severity">{f.severity}</span><span className="problem-where">{f.code}</span><span>{f.message}</span></li>)}
        </ul>
      </div>
    </div>
  );
}
