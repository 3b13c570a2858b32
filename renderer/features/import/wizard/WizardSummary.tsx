import type { WizardPlan } from '../../../../models/import/wizard';
import { count, fte, money, plural } from '../../../format';
import { tableLabel } from '../table-label';

/** The counts every step changes: read = accepted + rejected, the amount, and whether it ties to the file. */
export function WizardSummary({ plan }: { plan: WizardPlan }) {
  const r = plan.report;
  const t = r.totals;
  const ties = t.ties === null || t.fileAmountCents === null ? null : t.ties ? 'yes' : `no: file ${money(t.fileAmountCents)}`;
  return (
    <p className="wizard-summary" data-testid="wizard-summary">
      <span><strong data-testid="import-rows">{count(r.rows)}</strong> {plural(r.rows, 'row')} read</span>
      <span><strong data-testid="import-accepted">{count(r.accepted)}</strong> accepted</span>
      <span className={r.rejected > 0 ? 'text-warn' : undefined}>
        <strong data-testid="import-rejected">{count(r.rejected)}</strong> rejected
        {r.excluded > 0 && <span className="muted"> ({count(r.excluded)} of them totals or footers)</span>}
      </span>
      <span>as <strong data-testid="report-kind">{tableLabel(r.kind)}</strong></span>
      {t.amountCents !== 0 && <span><strong data-testid="report-amount">{money(t.amountCents)}</strong></span>}
      {t.fte !== 0 && <span><strong>{fte(t.fte)}</strong> FTE</span>}
      {ties !== null && <span className={t.ties ? undefined : 'text-warn'}>ties to the file: <span data-testid="report-ties">{ties}</span></span>}
    </p>
  );
}
